// Turns engine events into the counts and histograms of a report. Metrics
// come from events only, never from inside the engine. Memory stays flat:
// counting starts at the first conversation that arrives after warm-up
// (conversation ids grow with time), and per-conversation state lives only
// while the conversation does.
import type { EngineEvent } from '../engine/events.js';
import type { ConversationCounts, HistogramName } from './report.js';
import { histogramUnit, HISTOGRAM_NAMES } from './report.js';
import { createLatencyHistogram, recordValue, type LatencyHistogram } from './histogram.js';

export interface RecorderOptions {
  warmupMs: number;
  serviceLevelThresholdMs: number;
}

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
  private readonly offeredAtOnce = new Set<number>();
  /** The conversation whose `arrived` was the last event, until the next one. */
  private justArrivedId = -1;

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

  record(e: EngineEvent): void {
    // Offered at once means the engine offered it in the same breath as it
    // arrived: the offer is the very next event. Anything else in between
    // (it waited) ends the chance.
    if (this.justArrivedId >= 0 && e.type !== 'arrived') {
      if (e.type === 'offer' && e.conversationId === this.justArrivedId) this.offeredAtOnce.add(e.conversationId);
      this.justArrivedId = -1;
    }
    switch (e.type) {
      case 'arrived':
        if (this.firstCountedId < 0 && e.atMs >= this.options.warmupMs) this.firstCountedId = e.conversationId;
        if (this.counted(e.conversationId)) {
          this.counts.arrived++;
          this.justArrivedId = e.conversationId;
        }
        break;
      case 'answered':
        if (!this.counted(e.conversationId)) break;
        this.counts.answered++;
        this.bins.answerTime.record(e.atMs - e.arrivedAtMs);
        if (e.atMs - e.arrivedAtMs <= this.options.serviceLevelThresholdMs) this.answeredWithinThreshold++;
        if (!this.offeredAtOnce.has(e.conversationId)) this.waited++;
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
        if (this.counted(e.conversationId)) this.bins.wrapUp.record(e.durationMs);
        break;
      case 'ended':
        if (!this.counted(e.conversationId)) break;
        this.counts[e.endState]++;
        if (e.endState === 'abandoned') {
          this.bins.abandonTime.record(e.atMs - e.arrivedAtMs);
          if (e.answeredAtMs < 0 && !this.offeredAtOnce.has(e.conversationId)) this.waited++;
        } else if (e.answeredAtMs >= 0 && e.endState !== 'droppedOnTransfer') {
          this.bins.handleTime.record(e.atMs - e.answeredAtMs);
        }
        this.offeredAtOnce.delete(e.conversationId);
        break;
    }
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

  constructor(private readonly h: LatencyHistogram) {
    const hdr = h.hdr;
    this.subBucketHalfMagnitude = hdr.subBucketHalfCountMagnitude;
    // The fast path covers whole values below 2^31 (unit magnitude 0); anything else goes straight to hdr.
    this.top = hdr.unitMagnitude === 0 && this.subBucketHalfMagnitude < 30 ? 2 ** 31 : 0;
    this.counts = new Float64Array(this.top > 0 ? binOf(this.top - 1, this.subBucketHalfMagnitude) + 1 : 0);
  }

  /** Records `value` rounded to a whole unit, as recordValue does (and refuses what it refuses). */
  record(value: number): void {
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
