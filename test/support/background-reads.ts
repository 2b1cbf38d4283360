// Tests remove the settings folder when they end, so they wait for more than quitting does:
// also for list refreshes (reads), which write the cluster cache when they end. The core tells
// this observer about each read; the product itself never waits for them.
import type { WorkObserver } from '../../main/core/background-work';

export class BackgroundReads implements WorkObserver {
  private readonly reads = new Set<Promise<unknown>>();

  read(work: Promise<unknown>): void {
    this.reads.add(work);
    const forget = () => this.reads.delete(work);
    work.then(forget, forget);
  }

  /**
   * `core.idle()`, and no read in flight either: after this nothing writes to the settings
   * folder. A read that ends may cache a list (written on the next flush), so idle again.
   */
  async quiet(core: { idle(): Promise<void> }): Promise<void> {
    for (;;) {
      await core.idle();
      if (this.reads.size === 0) return;
      await Promise.allSettled([...this.reads]);
    }
  }
}
