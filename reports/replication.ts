// One replication as it travels between threads: plain numbers and encoded
// HDR histograms. Merging sums counts and adds histograms exactly, so the
// merged report is the same whichever thread ran which replication.
import type { ConversationCounts, HistogramName, TimeSeries } from './report.js';
import type { IntervalTotals } from './interval-series.js';
import { HISTOGRAM_NAMES, histogramUnit } from './report.js';
import { createLatencyHistogram, decodeHistogram, encodeHistogram, mergeInto, type LatencyHistogram } from './histogram.js';
import type { RunTotals } from './run-totals.js';

export interface ReplicationResult {
  index: number;
  seed: number;
  counts: ConversationCounts;
  answeredWithinThreshold: number;
  waited: number;
  ronaEvents: number;
  occupancy: number;
  agents: number;
  simulatedMs: number;
  events: number;
  wallMs: number;
  /** HdrHistogram compressed base64, per histogram. */
  histograms: Record<HistogramName, string>;
  intervals: IntervalTotals;
  timeSeries: TimeSeries;
}

export interface ReplicationFigures {
  occupancy: number;
  agents: number;
  simulatedMs: number;
  events: number;
  wallMs: number;
  intervals: IntervalTotals;
  timeSeries: TimeSeries;
}

export function toReplicationResult(index: number, seed: number, totals: RunTotals, f: ReplicationFigures): ReplicationResult {
  const histograms = {} as Record<HistogramName, string>;
  for (const name of HISTOGRAM_NAMES) histograms[name] = encodeHistogram(totals.histograms[name]);
  return {
    index, seed, counts: { ...totals.counts }, answeredWithinThreshold: totals.answeredWithinThreshold,
    waited: totals.waited, ronaEvents: totals.ronaEvents, ...f, histograms,
  };
}

export function decodeTotals(r: ReplicationResult): RunTotals {
  const histograms = {} as Record<HistogramName, LatencyHistogram>;
  for (const name of HISTOGRAM_NAMES) histograms[name] = decodeHistogram(r.histograms[name], histogramUnit(name));
  return { counts: r.counts, histograms, answeredWithinThreshold: r.answeredWithinThreshold, waited: r.waited, ronaEvents: r.ronaEvents };
}

/** Sum of every replication, in index order (addition of integers and histogram counts is exact either way). */
export function mergeTotals(results: readonly ReplicationResult[]): RunTotals {
  const ordered = [...results].sort((a, b) => a.index - b.index);
  const counts = { ...ordered[0]!.counts };
  for (const key of Object.keys(counts) as (keyof ConversationCounts)[]) counts[key] = 0;
  const histograms = {} as Record<HistogramName, LatencyHistogram>;
  for (const name of HISTOGRAM_NAMES) histograms[name] = createLatencyHistogram(histogramUnit(name));
  let answeredWithinThreshold = 0;
  let waited = 0;
  let ronaEvents = 0;
  for (const r of ordered) {
    for (const key of Object.keys(counts) as (keyof ConversationCounts)[]) counts[key] += r.counts[key];
    const t = decodeTotals(r);
    for (const name of HISTOGRAM_NAMES) mergeInto(histograms[name], t.histograms[name]);
    answeredWithinThreshold += r.answeredWithinThreshold;
    waited += r.waited;
    ronaEvents += r.ronaEvents;
  }
  return { counts, histograms, answeredWithinThreshold, waited, ronaEvents };
}
