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
  readonly histograms = {} as Record<HistogramName, LatencyHistogram>;
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
    for (const name of HISTOGRAM_NAMES) this.histograms[name] = createLatencyHistogram(histogramUnit(name));
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
        recordValue(this.histograms.answerTime, e.atMs - e.arrivedAtMs);
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
        if (this.counted(e.conversationId)) recordValue(this.histograms.wrapUp, e.durationMs);
        break;
      case 'ended':
        if (!this.counted(e.conversationId)) break;
        this.counts[e.endState]++;
        if (e.endState === 'abandoned') {
          recordValue(this.histograms.abandonTime, e.atMs - e.arrivedAtMs);
          if (e.answeredAtMs < 0 && !this.offeredAtOnce.has(e.conversationId)) this.waited++;
        } else if (e.answeredAtMs >= 0 && e.endState !== 'droppedOnTransfer') {
          recordValue(this.histograms.handleTime, e.atMs - e.answeredAtMs);
        }
        this.offeredAtOnce.delete(e.conversationId);
        break;
    }
  }

  /** Wall-clock cost of one engine call that made routing decisions. */
  recordRouteNanos(ns: number): void {
    recordValue(this.histograms['engine.route'], ns);
  }

  /** Wall-clock cost of masking one agent-facing text. */
  recordMaskNanos(ns: number): void {
    recordValue(this.histograms['engine.mask'], ns);
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
