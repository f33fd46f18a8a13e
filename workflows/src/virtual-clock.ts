/**
 * Flow time against workflow time. Flow time starts at `flowStartMs` and runs `scale` times
 * faster than real time: production uses 1; tests and live test runs compress a day into seconds.
 * Pure: the workflow passes its (deterministic) Date.now().
 */
export interface ClockOrigin {
  flowStartMs: number;
  realStartMs: number;
}

export class FlowClock {
  constructor(
    readonly origin: ClockOrigin,
    readonly scale: number,
  ) {
    if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`the time scale must be a positive number, not ${scale}`);
  }

  flowMs(realNowMs: number): number {
    return this.origin.flowStartMs + (realNowMs - this.origin.realStartMs) * this.scale;
  }

  /** Flow time now, whole milliseconds (what the interpreter sees). */
  now(realNowMs: number): Date {
    return new Date(Math.floor(this.flowMs(realNowMs)));
  }

  /** Real milliseconds until flow time `untilMs`; 0 once it has come. Rounded up so a timer never fires early. */
  realDelayMs(untilMs: number, realNowMs: number): number {
    const ms = Math.ceil((untilMs - this.flowMs(realNowMs)) / this.scale);
    return ms > 0 ? ms : 0;
  }
}
