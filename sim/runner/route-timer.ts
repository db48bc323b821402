// engine.route: the wall-clock cost of the engine call alone (never the
// recording, the models' reactions or the invariant check), for the calls
// where routing decisions are made. By default one call in
// ROUTE_SAMPLE_EVERY is timed (two clock reads and a histogram record cost
// about as much as the routing), so engine.route's count is that share of
// the routing calls; which calls is fixed, not drawn. Also engine.mask: the
// masker's cost per call.
import type { TextMasker } from '../../engine/index.js';
import type { RunRecorder } from '../../reports/recorder.js';

/** engine.route times one routing call in this many. */
export const ROUTE_SAMPLE_EVERY = 8;

export interface RouteTiming {
  /** Time one routing call in this many (1: every call). */
  every: number;
  /** Stop the run once engine.route holds this many samples (a timing pass needs no more). */
  stopAfterSamples?: number;
}

export class RouteTimer {
  private readonly every: number;
  private readonly stopAfter: number;
  private calls = 0;
  private samples = 0;
  /** The start of the call being timed (cell 0), in a cell so that no double is boxed per call. */
  private readonly started = new Float64Array(1);
  private timing = false;

  constructor(private readonly recorder: RunRecorder, timing: RouteTiming | undefined) {
    this.every = timing?.every ?? ROUTE_SAMPLE_EVERY;
    this.stopAfter = timing?.stopAfterSamples ?? Infinity;
  }

  /** Before a routing call: starts the clock when this call is one of those timed. */
  start(): void {
    this.timing = ++this.calls % this.every === 0;
    if (this.timing) this.started[0] = performance.now();
  }

  /** After it: records the time since start() when it was timed. */
  end(): void {
    if (!this.timing) return;
    this.timing = false;
    this.recorder.recordRouteNanos((performance.now() - this.started[0]!) * 1e6);
    this.samples++;
  }

  /** The timing pass has all the samples it asked for. */
  get done(): boolean {
    return this.samples >= this.stopAfter;
  }
}

/** The masker, with the wall-clock cost of each call recorded as `engine.mask`. */
export function timedMasker(mask: TextMasker, recorder: RunRecorder): TextMasker {
  return (text) => {
    const t0 = performance.now();
    const masked = mask(text);
    recorder.recordMaskNanos((performance.now() - t0) * 1e6);
    return masked;
  };
}
