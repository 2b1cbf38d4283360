// Operations on one cluster never overlap, and a repeated request (a double click on Stop, the
// tray and the window at once) joins the one in flight instead of sending a second.

export class SingleFlight {
  private readonly inFlight = new Map<string, { kind: string; promise: Promise<unknown> }>();
  private tail = new Map<string, Promise<unknown>>();

  /**
   * Runs `task` for `key`. The same `kind` already running for `key` is joined; another kind
   * waits for it to finish first (so a start never races a stop on the same cluster).
   */
  run<T>(key: string, kind: string, task: () => Promise<T>): Promise<T> {
    const current = this.inFlight.get(key);
    if (current && current.kind === kind) return current.promise as Promise<T>;
    const before = this.tail.get(key) ?? Promise.resolve();
    const promise = before.then(
      () => task(),
      () => task(),
    );
    const entry = { kind, promise };
    this.inFlight.set(key, entry);
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.tail.set(key, settled);
    void settled.then(() => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
      if (this.tail.get(key) === settled) this.tail.delete(key);
    });
    return promise;
  }

  /** Resolves when nothing is in flight (used by the quit coordinator and tests). */
  async idle(): Promise<void> {
    while (this.tail.size > 0) await Promise.all([...this.tail.values()]);
  }

  get size(): number {
    return this.inFlight.size;
  }
}
