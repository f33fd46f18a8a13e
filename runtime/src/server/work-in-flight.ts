/**
 * Work in flight in the API process: requests, and what they start without awaiting (a health
 * probe that outlived its answer, cancelling a deleted flow's runs). Shutdown waits for it before
 * closing the Temporal connection: a gRPC call still retrying on a closed connection throws from a timer, which no
 * caller can catch, and would take the process down.
 */
export class WorkInFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Tracks the promise until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    // The caller handles the outcome; the tracked copy must not surface as an unhandled rejection.
    tracked.catch(() => undefined);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once everything tracked so far (and anything it starts meanwhile) has settled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
