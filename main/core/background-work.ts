// Work that outlives the call that started it, and what quitting waits for. Operations on one
// cluster run in flights (single-flight.ts); a stop-all is a change outside any flight; a list
// refresh is a read, which quitting does not wait for (an observer, such as a test's clean-up,
// can). The cluster cache writes its file after the caller has its answer, so waiting ends with
// a flush.
import { SingleFlight } from './single-flight';

/** Hears of reads the product does not wait for, so that whoever needs to (a test) can. */
export interface WorkObserver {
  read(work: Promise<unknown>): void;
}

export class BackgroundWork {
  readonly flights = new SingleFlight();
  private readonly changes = new Set<Promise<unknown>>();

  constructor(
    private readonly flushCache: () => Promise<void>,
    private readonly observer?: WorkObserver,
  ) {}

  /** Work outside a flight that writes files as it goes or ends (a stop-all): `idle()` waits. */
  change<T>(work: Promise<T>): Promise<T> {
    this.changes.add(work);
    const forget = () => this.changes.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** A read outside a flight (a list refresh): `idle()` does not wait; the observer hears of it. */
  read<T>(work: Promise<T>): Promise<T> {
    this.observer?.read(work);
    return work;
  }

  /**
   * Resolves when no operation on a cluster (a stop, a start, a password, a status) and no
   * stop-all is in flight, and the cluster cache is on disk: what quitting waits for.
   */
  async idle(): Promise<void> {
    // Work that ends while another is awaited may start or cache more, so repeat until quiet.
    do {
      await this.flights.idle();
      await Promise.allSettled([...this.changes]);
      await this.flushCache();
    } while (this.flights.size > 0 || this.changes.size > 0);
  }
}
