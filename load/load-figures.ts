// The figures a load report holds, for the scenario's budgets (the metric
// catalogue is reports/budgets/metrics.ts): the contract's figures counted
// from the client side, the scenario-time histograms, the run's length, and
// the wall-clock latencies, `<measure>.<stat>` from the scheduled moment and
// `<measure>.fromSent.<stat>` from the send. What a load run does not measure
// (the engine's own timings, simulated events, wait probability, events a
// second) is skipped with the reason, never failed.
import { FROM_SENT, HISTOGRAM_STATS, LOAD_LATENCIES, convertTime, type HistogramStat, type LoadLatencyName, type Metric } from '../reports/budgets/metrics.js';
import type { FigureReader } from '../reports/budgets/evaluate-budgets.js';
import type { HistogramSummary } from '../reports/histogram.js';
import { CONVERSATION_COUNTS, SIM_HISTOGRAMS, type SimHistogramName } from '../reports/report.js';
import type { LoadReport } from './load-report.js';

export const NOT_MEASURED_BY_LOAD = 'not measured by a load run';

const SCALARS: Record<string, (r: LoadReport) => number> = {
  serviceLevel: (r) => r.serviceLevel.value,
  abandonRate: (r) => r.abandonRate,
  'agents.occupancy': (r) => r.agents.occupancy,
  'agents.count': (r) => r.agents.count,
  'agents.ronaEvents': (r) => r.agents.ronaEvents,
  'simulated.seconds': (r) => r.simulated.seconds,
  'wall.seconds': (r) => r.wall.seconds,
  ...Object.fromEntries(CONVERSATION_COUNTS.map((k) => [`conversations.${k}`, (r: LoadReport) => r.conversations[k]])),
};

/** Why a few figures a run report has are not in a load report. */
const REASONS: Record<string, string> = {
  waitProbability: `${NOT_MEASURED_BY_LOAD} (the clients cannot see whether an offer went out the instant a conversation arrived)`,
  'simulated.events': `${NOT_MEASURED_BY_LOAD} (no event queue: it runs in real time)`,
  'wall.eventsPerSecond': `${NOT_MEASURED_BY_LOAD} (no event queue: it runs in real time)`,
};

/** Reads budgets' figures off a load report, in each metric's unit. */
export function loadFigures(report: LoadReport): FigureReader {
  return (metric: Metric) => {
    const scalar = SCALARS[metric.name];
    if (scalar !== undefined) return scalar(report);
    const histogram = histogramOf(report, metric.name);
    if (histogram !== null) {
      const { summary, stat } = histogram;
      if (stat === 'count') return summary.count;
      return convertTime(summary[stat], summary.unit, metric.unit ?? summary.unit);
    }
    if (metric.name.startsWith('engine.')) return `${NOT_MEASURED_BY_LOAD} (the engine's own timings are the server's; cctwin run and bench measure them)`;
    return REASONS[metric.name] ?? NOT_MEASURED_BY_LOAD;
  };
}

/** The summary a `<histogram>.<stat>` name reads, or null when the load report holds no such histogram. */
function histogramOf(report: LoadReport, name: string): { summary: HistogramSummary; stat: HistogramStat } | null {
  const dot = name.lastIndexOf('.');
  const stat = name.slice(dot + 1) as HistogramStat;
  if (dot < 0 || !(HISTOGRAM_STATS as readonly string[]).includes(stat)) return null;
  const histogram = name.slice(0, dot);
  if ((SIM_HISTOGRAMS as readonly string[]).includes(histogram)) return { summary: report.histograms[histogram as SimHistogramName], stat };
  const [measure, base, ...rest] = histogram.split('.');
  if (rest.length > 0 || !(LOAD_LATENCIES as readonly string[]).includes(measure!)) return null;
  if (base === undefined) return { summary: report.latency[measure as LoadLatencyName].fromScheduled, stat };
  if (base === FROM_SENT) return { summary: report.latency[measure as LoadLatencyName].fromSent, stat };
  return null;
}
