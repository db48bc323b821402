// Figures per reporting interval (15 or 30 minutes, like a workforce
// forecast): arrivals, answers within the threshold and abandonment bucketed
// by the interval the conversation ARRIVED in, and slot-time held and staffed
// bucketed by when it was. Plain arrays, so replications merge by addition.
import { END_STATE_CODES, EV_ANSWERED, EV_ARRIVED, EV_ENDED, type EngineEvent, type EventBuffer } from '../engine/index.js';
import { estimate, type Estimate } from './confidence.js';

export interface IntervalTotals {
  intervalMs: number;
  arrived: number[];
  answered: number[];
  answeredWithinThreshold: number[];
  abandoned: number[];
  /** Slot-ms held by agents (accept to the end of wrap-up) within each interval. */
  heldSlotMs: number[];
  /** Slot-ms staffed (agents on shift x capacity) within each interval. */
  staffedSlotMs: number[];
}

const END_ABANDONED = END_STATE_CODES.indexOf('abandoned');

export class IntervalSeries {
  readonly totals: IntervalTotals;

  constructor(intervalMs: number, endMs: number, private readonly thresholdMs: number) {
    const n = Math.max(1, Math.ceil(endMs / intervalMs));
    const zeros = () => new Array<number>(n).fill(0);
    this.totals = { intervalMs, arrived: zeros(), answered: zeros(), answeredWithinThreshold: zeros(), abandoned: zeros(), heldSlotMs: zeros(), staffedSlotMs: zeros() };
  }

  /**
   * The interval of the time in cell[k], or -1 past the last (the drain after
   * arrivals stop). Times come in Float64Array cells throughout, never as
   * arguments: a fractional time passed to a call that is not inlined is
   * boxed anew, once per event.
   */
  private bucketAt(cell: Float64Array, k: number): number {
    const i = Math.floor(cell[k]! / this.totals.intervalMs);
    return i < this.totals.arrived.length ? i : -1;
  }

  /** Scratch cells for record() and addSlotTime(). */
  private readonly scratch = new Float64Array(2);

  record(e: EngineEvent): void {
    const s = this.scratch;
    if (e.type === 'arrived') {
      s[0] = e.atMs;
      this.arrived(s, 0);
    } else if (e.type === 'answered') {
      s[0] = e.arrivedAtMs;
      s[1] = e.atMs;
      this.answered(s, 0, s, 1);
    } else if (e.type === 'ended' && e.endState === 'abandoned') {
      s[0] = e.arrivedAtMs;
      this.abandoned(s, 0);
    }
  }

  /** Row `i` of an engine EventBuffer: the same as record() of that event. */
  recordRow(b: EventBuffer, i: number): void {
    const type = b.types[i];
    if (type === EV_ARRIVED) this.arrived(b.atMs, i);
    else if (type === EV_ANSWERED) this.answered(b.arrivedAtMs, i, b.atMs, i);
    else if (type === EV_ENDED && b.codes[i] === END_ABANDONED) this.abandoned(b.arrivedAtMs, i);
  }

  private arrived(at: Float64Array, k: number): void {
    const i = this.bucketAt(at, k);
    if (i >= 0) this.totals.arrived[i]!++;
  }

  /** Arrived at arrivedAt[k], answered at at[j]. */
  private answered(arrivedAt: Float64Array, k: number, at: Float64Array, j: number): void {
    const i = this.bucketAt(arrivedAt, k);
    if (i < 0) return;
    this.totals.answered[i]!++;
    if (at[j]! - arrivedAt[k]! <= this.thresholdMs) this.totals.answeredWithinThreshold[i]!++;
  }

  private abandoned(arrivedAt: Float64Array, k: number): void {
    const i = this.bucketAt(arrivedAt, k);
    if (i >= 0) this.totals.abandoned[i]!++;
  }

  /** Where advance() took the slot-time to (cell 0); cell 1 holds the time it goes to. */
  private readonly since = new Float64Array(2);

  /**
   * `held` and `staffed` slots were constant since the last advance (or 0)
   * until the time in cell[0]: add their slot-time. The time comes in a
   * Float64Array cell, not as an argument, so a call per event boxes no double.
   */
  advance(cell: Float64Array, held: number, staffed: number): void {
    const since = this.since;
    if (!(cell[0]! > since[0]!)) return;
    since[1] = cell[0]!;
    this.spread(since, held, staffed);
    since[0] = since[1]!;
  }

  /** `held` and `staffed` slots were constant from `fromMs` to `toMs`: spread their slot-time over the intervals. */
  addSlotTime(fromMs: number, toMs: number, held: number, staffed: number): void {
    this.scratch[0] = fromMs;
    this.scratch[1] = toMs;
    this.spread(this.scratch, held, staffed);
  }

  /** Slot-time from span[0] to span[1], up to the end of the last interval. */
  private spread(span: Float64Array, held: number, staffed: number): void {
    const size = this.totals.intervalMs;
    const toMs = span[1]!;
    const { heldSlotMs, staffedSlotMs } = this.totals;
    let t = span[0]!;
    while (t < toMs) {
      const i = Math.floor(t / size);
      if (i >= heldSlotMs.length) break;
      const until = Math.min(toMs, (i + 1) * size);
      heldSlotMs[i]! += held * (until - t);
      staffedSlotMs[i]! += staffed * (until - t);
      t = until;
    }
  }
}

export function mergeIntervalTotals(all: readonly IntervalTotals[]): IntervalTotals {
  const first = all[0]!;
  const sum = (key: Exclude<keyof IntervalTotals, 'intervalMs'>) => first[key].map((_, i) => all.reduce((n, t) => n + t[key][i]!, 0));
  return {
    intervalMs: first.intervalMs, arrived: sum('arrived'), answered: sum('answered'), answeredWithinThreshold: sum('answeredWithinThreshold'),
    abandoned: sum('abandoned'), heldSlotMs: sum('heldSlotMs'), staffedSlotMs: sum('staffedSlotMs'),
  };
}

export interface IntervalRow {
  startSeconds: number;
  /** Starts before the warm-up ends: its figures are shown but not in the run's totals. */
  warmup: boolean;
  arrived: number;
  answered: number;
  abandoned: number;
  serviceLevel: number;
  abandonRate: number;
  occupancy: number;
  /** Mean slots staffed over the interval (agents on shift x capacity). */
  staffedSlots: number;
  /**
   * With several replications: the interval's figures in each replication,
   * as a mean with its 95% confidence interval (the figures above are the
   * pooled ones; for `arrived` the two means are equal).
   */
  confidence?: IntervalEstimates;
}

export interface IntervalEstimates {
  /** Conversations arriving in the interval, per replication. */
  arrived: Estimate;
  /** Over the replications that answered or abandoned any conversation in the interval. */
  serviceLevel: Estimate;
  abandonRate: Estimate;
  /** Over the replications with slots staffed in the interval. */
  occupancy: Estimate;
}

/** The report's rows. `replications` divides counts back to one day's worth. */
export function intervalRows(t: IntervalTotals, warmupMs: number, replications: number): IntervalRow[] {
  const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;
  return t.arrived.map((arrived, i) => {
    const decided = t.answered[i]! + t.abandoned[i]!;
    return {
      startSeconds: (i * t.intervalMs) / 1000,
      warmup: i * t.intervalMs < warmupMs,
      arrived: round(arrived / replications, 3),
      answered: round(t.answered[i]! / replications, 3),
      abandoned: round(t.abandoned[i]! / replications, 3),
      serviceLevel: decided > 0 ? round(t.answeredWithinThreshold[i]! / decided) : 0,
      abandonRate: decided > 0 ? round(t.abandoned[i]! / decided) : 0,
      occupancy: t.staffedSlotMs[i]! > 0 ? round(t.heldSlotMs[i]! / t.staffedSlotMs[i]!) : 0,
      staffedSlots: round(t.staffedSlotMs[i]! / t.intervalMs / replications, 3),
    };
  });
}

/**
 * The report's rows from each replication's totals: the pooled figures, and
 * with several replications each row's `confidence` across them.
 */
export function replicatedIntervalRows(all: readonly IntervalTotals[], warmupMs: number): IntervalRow[] {
  const rows = intervalRows(mergeIntervalTotals(all), warmupMs, all.length);
  if (all.length < 2) return rows;
  return rows.map((row, i) => {
    const shares = (num: (t: IntervalTotals) => number, den: (t: IntervalTotals) => number): number[] =>
      all.filter((t) => den(t) > 0).map((t) => num(t) / den(t));
    const decided = (t: IntervalTotals) => t.answered[i]! + t.abandoned[i]!;
    return {
      ...row,
      confidence: {
        arrived: estimate(all.map((t) => t.arrived[i]!)),
        serviceLevel: shareEstimate(shares((t) => t.answeredWithinThreshold[i]!, decided)),
        abandonRate: shareEstimate(shares((t) => t.abandoned[i]!, decided)),
        occupancy: shareEstimate(shares((t) => t.heldSlotMs[i]!, (t) => t.staffedSlotMs[i]!)),
      },
    };
  });
}

/** No replication with a denominator: no figure (0, as the pooled rows say), and no interval. */
function shareEstimate(values: number[]): Estimate {
  return values.length === 0 ? { mean: 0, halfWidth: null, low: null, high: null } : estimate(values);
}
