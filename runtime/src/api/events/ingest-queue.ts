import type { FlowEvent } from '@nudgeflow/shared';
import type { IngestResult } from '../../db';

export type WriteEvents = (events: FlowEvent[]) => Promise<IngestResult[]>;

export interface IngestQueueOptions {
  /** Writes in progress at once; requests arriving meanwhile wait and go together in the next one. */
  maxInFlight?: number;
  /** Events per write; a larger request is written alone. */
  maxEvents?: number;
}

interface Waiting {
  events: FlowEvent[];
  resolve(results: IngestResult[]): void;
  reject(error: unknown): void;
}

/**
 * Group commit for ingestion. When the shop sends many small requests at once, each in its own
 * transaction costs a commit and a dozen round trips; here a request is written at once when a
 * write slot is free (no added latency when quiet), and requests that arrive while the slots are
 * busy are written together in the next one. Results go back to each request in its own order,
 * exactly as if it had been written alone: an event id seen earlier in the same write counts as a
 * duplicate, which it is. If a shared write fails, each of its requests is written again on its
 * own, so one request's problem is never another's.
 */
export class IngestQueue {
  readonly #write: WriteEvents;
  readonly #maxInFlight: number;
  readonly #maxEvents: number;
  #waiting: Waiting[] = [];
  #inFlight = 0;

  constructor(write: WriteEvents, options: IngestQueueOptions = {}) {
    this.#write = write;
    this.#maxInFlight = options.maxInFlight ?? 3;
    this.#maxEvents = options.maxEvents ?? 500;
  }

  ingest(events: FlowEvent[]): Promise<IngestResult[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ events, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#waiting.length > 0) {
      const group = this.#take();
      this.#inFlight++;
      void this.#flush(group).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  /** The next requests, in arrival order, up to maxEvents (always at least one request). */
  #take(): Waiting[] {
    const group: Waiting[] = [];
    let count = 0;
    while (this.#waiting.length > 0) {
      const next = this.#waiting[0] as Waiting;
      if (group.length > 0 && count + next.events.length > this.#maxEvents) break;
      group.push(next);
      count += next.events.length;
      this.#waiting.shift();
    }
    return group;
  }

  async #flush(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.#alone(group[0] as Waiting);
    let results: IngestResult[];
    try {
      results = await this.#write(group.flatMap((w) => w.events));
    } catch {
      // Which request caused it is unknown: each is written again by itself and gets its own answer.
      await Promise.all(group.map((w) => this.#alone(w)));
      return;
    }
    let offset = 0;
    for (const waiting of group) {
      waiting.resolve(results.slice(offset, offset + waiting.events.length));
      offset += waiting.events.length;
    }
  }

  async #alone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await this.#write(waiting.events));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
