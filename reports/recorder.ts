// Turns engine events into the counts and histograms of a report. Metrics
// come from events only, never from inside the engine. Memory stays flat:
// counting starts at the first conversation that arrives after warm-up
// (conversation ids grow with time), and per-conversation state lives only
// while the conversation does.
import { END_STATE_CODES, IntMap, EV_ANSWERED, EV_ARRIVED, EV_CONFERENCED, EV_ENDED, EV_OFFER, EV_RONA, EV_TRANSFERRED, EV_WRAP_UP_DONE } from '../engine/index.js';
import type { EngineEvent, EventBuffer } from '../engine/index.js';
import type { ConversationCounts, HistogramName } from './report.js';
import { histogramUnit, HISTOGRAM_NAMES } from './report.js';
import { createLatencyHistogram, recordValue, type LatencyHistogram } from './histogram.js';

export interface RecorderOptions {
  warmupMs: number;
  serviceLevelThresholdMs: number;
}

const ARRIVED_AT = 0;
const ANSWERED_AT = 1;
const AT = 2;
const END_COMPLETED = END_STATE_CODES.indexOf('completed');
const END_ABANDONED = END_STATE_CODES.indexOf('abandoned');
const END_DROPPED = END_STATE_CODES.indexOf('droppedOnTransfer');
const END_INTERRUPTED = END_STATE_CODES.indexOf('interrupted');

export class RunRecorder {
  readonly counts: ConversationCounts = {
    arrived: 0, answered: 0, abandoned: 0, transferred: 0, droppedOnTransfer: 0,
    conferenced: 0, completed: 0, interrupted: 0, inProgressAtEnd: 0,
  };
  private readonly bins = {} as Record<HistogramName, HdrBins>;
  answeredWithinThreshold = 0;
  /** Answered or abandoned conversations that were not offered the moment they arrived. */
  waited = 0;
  ronaEvents = 0;
  /** Ids at or above this arrived after warm-up; -1 until the first one does. */
  private firstCountedId = -1;
  /** Counted conversations offered the instant they arrived, until they end. */
  private readonly offeredAtOnce = new IntMap<true>();
  /** The conversation whose `arrived` was the last event, until the next one. */
  private justArrivedId = -1;
  /**
   * The times of the event being recorded, by ARRIVED_AT, ANSWERED_AT, AT:
   * handed to the helpers in a cell rather than as arguments, since a
   * fractional time passed to a call that is not inlined is boxed anew.
   */
  private readonly times = new Float64Array(3);

  constructor(private readonly options: RecorderOptions) {
    for (const name of HISTOGRAM_NAMES) this.bins[name] = new HdrBins(createLatencyHistogram(histogramUnit(name)));
  }

  /** Every value recorded so far, in hdr histograms. */
  get histograms(): Record<HistogramName, LatencyHistogram> {
    const out = {} as Record<HistogramName, LatencyHistogram>;
    for (const name of HISTOGRAM_NAMES) out[name] = this.bins[name].flushed();
    return out;
  }

  private counted(conversationId: number): boolean {
    return this.firstCountedId >= 0 && conversationId >= this.firstCountedId;
  }

  /** One event object (Engine.execute's form). */
  record(e: EngineEvent): void {
    this.before(e.type === 'arrived', e.type === 'offer' ? e.conversationId : -1);
    switch (e.type) {
      case 'arrived':
        this.times[AT] = e.atMs;
        this.arrived(e.conversationId);
        break;
      case 'answered':
        this.times[ARRIVED_AT] = e.arrivedAtMs;
        this.times[AT] = e.atMs;
        this.answered(e.conversationId);
        break;
      case 'transferred':
        if (this.counted(e.conversationId)) this.counts.transferred++;
        break;
      case 'conferenced':
        if (this.counted(e.conversationId)) this.counts.conferenced++;
        break;
      case 'rona':
        if (e.atMs >= this.options.warmupMs) this.ronaEvents++;
        break;
      case 'wrapUpDone':
        if (this.counted(e.conversationId)) {
          this.times[AT] = e.durationMs;
          this.bins.wrapUp.recordAt(this.times, AT);
        }
        break;
      case 'ended':
        this.times[ARRIVED_AT] = e.arrivedAtMs;
        this.times[ANSWERED_AT] = e.answeredAtMs;
        this.times[AT] = e.atMs;
        this.ended(e.conversationId, END_STATE_CODES.indexOf(e.endState));
        break;
    }
  }

  /** Row `i` of an engine EventBuffer (the lean port's form): the same as record() of that event. */
  recordRow(b: EventBuffer, i: number): void {
    const type = b.types[i]!;
    this.before(type === EV_ARRIVED, type === EV_OFFER ? b.conversations[i]! : -1);
    switch (type) {
      case EV_ARRIVED:
        this.times[AT] = b.atMs[i]!;
        this.arrived(b.conversations[i]!);
        break;
      case EV_ANSWERED:
        this.times[ARRIVED_AT] = b.arrivedAtMs[i]!;
        this.times[AT] = b.atMs[i]!;
        this.answered(b.conversations[i]!);
        break;
      case EV_TRANSFERRED:
        if (this.counted(b.conversations[i]!)) this.counts.transferred++;
        break;
      case EV_CONFERENCED:
        if (this.counted(b.conversations[i]!)) this.counts.conferenced++;
        break;
      case EV_RONA:
        if (b.atMs[i]! >= this.options.warmupMs) this.ronaEvents++;
        break;
      case EV_WRAP_UP_DONE:
        if (this.counted(b.conversations[i]!)) {
          this.times[AT] = b.values[i]!;
          this.bins.wrapUp.recordAt(this.times, AT);
        }
        break;
      case EV_ENDED:
        this.times[ARRIVED_AT] = b.arrivedAtMs[i]!;
        this.times[ANSWERED_AT] = b.values[i]!;
        this.times[AT] = b.atMs[i]!;
        this.ended(b.conversations[i]!, b.codes[i]!);
        break;
    }
  }

  /**
   * Offered at once means the engine offered it in the same breath as it
   * arrived: the offer is the very next event. Anything else in between (it
   * waited) ends the chance. `offerOf`: the conversation of an offer event, else -1.
   */
  private before(isArrived: boolean, offerOf: number): void {
    if (this.justArrivedId >= 0 && !isArrived) {
      if (offerOf === this.justArrivedId) this.offeredAtOnce.set(offerOf, true);
      this.justArrivedId = -1;
    }
  }

  private arrived(conversationId: number): void {
    if (this.firstCountedId < 0 && this.times[AT]! >= this.options.warmupMs) this.firstCountedId = conversationId;
    if (this.counted(conversationId)) {
      this.counts.arrived++;
      this.justArrivedId = conversationId;
    }
  }

  private answered(conversationId: number): void {
    if (!this.counted(conversationId)) return;
    const t = this.times;
    this.counts.answered++;
    this.bins.answerTime.recordDifference(t, ARRIVED_AT, AT);
    if (t[AT]! - t[ARRIVED_AT]! <= this.options.serviceLevelThresholdMs) this.answeredWithinThreshold++;
    if (!this.offeredAtOnce.has(conversationId)) this.waited++;
  }

  /** `code`: the end state's place in END_STATE_CODES (a switch on a number, not a property looked up by name). */
  private ended(conversationId: number, code: number): void {
    if (!this.counted(conversationId)) return;
    const counts = this.counts;
    switch (code) {
      case END_COMPLETED:
        counts.completed++;
        break;
      case END_ABANDONED:
        counts.abandoned++;
        break;
      case END_DROPPED:
        counts.droppedOnTransfer++;
        break;
      case END_INTERRUPTED:
        counts.interrupted++;
        break;
      default:
        throw new RangeError(`unknown end state code ${code}`);
    }
    const answeredAtMs = this.times[ANSWERED_AT]!;
    if (code === END_ABANDONED) {
      this.bins.abandonTime.recordDifference(this.times, ARRIVED_AT, AT);
      if (answeredAtMs < 0 && !this.offeredAtOnce.has(conversationId)) this.waited++;
    } else if (answeredAtMs >= 0 && code !== END_DROPPED) {
      this.bins.handleTime.recordDifference(this.times, ANSWERED_AT, AT);
    }
    if (this.offeredAtOnce.size > 0) this.offeredAtOnce.delete(conversationId);
  }

  /** Wall-clock cost of one engine call that made routing decisions. */
  recordRouteNanos(ns: number): void {
    this.bins['engine.route'].record(ns);
  }

  /** Wall-clock cost of masking one agent-facing text. */
  recordMaskNanos(ns: number): void {
    this.bins['engine.mask'].record(ns);
  }

  /**
   * Close the books with the conversations still open when the run stopped,
   * counted from the engine's own state rather than by subtraction, so the
   * report's end-state balance is a real check.
   */
  finish(openConversationIds: Iterable<number>): void {
    let open = 0;
    for (const id of openConversationIds) if (this.counted(id)) open++;
    this.counts.inProgressAtEnd = open;
  }
}

/**
 * Counts per HdrHistogram bucket, poured into the hdr histogram when read.
 * hdr-histogram-js spends ~100 ns a record (log2, pow, resize checks); this
 * finds the same bucket with integer arithmetic in a few. The histogram ends
 * with the same counts, so every summary and encoding is the same.
 */
export class HdrBins {
  private readonly counts: Float64Array;
  private readonly subBucketHalfMagnitude: number;
  private readonly top: number;
  private highest = -1;
  private readonly cell = new Float64Array(1);

  constructor(private readonly h: LatencyHistogram) {
    const hdr = h.hdr;
    this.subBucketHalfMagnitude = hdr.subBucketHalfCountMagnitude;
    // The fast path covers whole values below 2^31 (unit magnitude 0); anything else goes straight to hdr.
    this.top = hdr.unitMagnitude === 0 && this.subBucketHalfMagnitude < 30 ? 2 ** 31 : 0;
    this.counts = new Float64Array(this.top > 0 ? binOf(this.top - 1, this.subBucketHalfMagnitude) + 1 : 0);
  }

  /** Records `value` rounded to a whole unit, as recordValue does (and refuses what it refuses). */
  record(value: number): void {
    this.cell[0] = value;
    this.recordAt(this.cell, 0);
  }

  /** record(cell[to] - cell[from]): the operands in a cell, as a fractional time passed to a call that is not inlined is boxed anew. */
  recordDifference(cell: Float64Array, from: number, to: number): void {
    this.cell[0] = cell[to]! - cell[from]!;
    this.recordAt(this.cell, 0);
  }

  /** record(cell[k]), likewise. */
  recordAt(cell: Float64Array, k: number): void {
    const value = cell[k]!;
    const v = Math.round(value);
    if (!(value >= 0 && v < this.top)) {
      recordValue(this.h, value);
      return;
    }
    const i = binOf(v, this.subBucketHalfMagnitude);
    this.counts[i]++;
    if (i > this.highest) this.highest = i;
  }

  /** The hdr histogram, with every count recorded here added to it. */
  flushed(): LatencyHistogram {
    const counts = this.counts;
    const hdr = this.h.hdr;
    for (let i = 0; i <= this.highest; i++) {
      if (counts[i] === 0) continue;
      hdr.recordValueWithCount(hdr.valueFromIndex(i), counts[i]);
      counts[i] = 0;
    }
    this.highest = -1;
    return this.h;
  }
}

/** HdrHistogram's counts index of a whole value below 2^31 (unit magnitude 0): bucket from the top bit, then the sub-bucket. */
export function binOf(v: number, subBucketHalfMagnitude: number): number {
  const bucket = Math.max(0, 31 - Math.clz32(v) - subBucketHalfMagnitude);
  return (bucket << subBucketHalfMagnitude) + (v >>> bucket);
}
