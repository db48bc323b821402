// What a report is built from: the counts and histograms of one run, or of
// several replications merged. RunRecorder is one; a merge makes another.
import type { ConversationCounts, HistogramName } from './report.js';
import type { LatencyHistogram } from './histogram.js';

export interface RunTotals {
  readonly counts: ConversationCounts;
  readonly histograms: Record<HistogramName, LatencyHistogram>;
  readonly answeredWithinThreshold: number;
  /** Answered or abandoned conversations that were not offered the moment they arrived. */
  readonly waited: number;
  readonly ronaEvents: number;
}
