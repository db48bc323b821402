// The report figures a budget may name, and how to read each from a report.
// GRAMMAR.md lists them for users; this table is the truth.
import { CONVERSATION_COUNTS, HISTOGRAM_NAMES, histogramUnit, type Report } from '../report.js';
import type { HistogramSummary } from '../histogram.js';
import { convertTime, type TimeOrSeconds } from '../time-unit.js';

/**
 * ratio: a share in [0, 1], may be written as a percentage.
 * count: a plain number.
 * time:  a duration, converted to `unit`; a bare number is refused (which unit?).
 */
export type MetricKind = 'ratio' | 'count' | 'time';
export type MetricUnit = TimeOrSeconds;

export interface Metric {
  /** The canonical path, as written in the report. */
  name: string;
  kind: MetricKind;
  unit?: MetricUnit;
  read(report: Report): number;
}

export const HISTOGRAM_STATS = ['count', 'mean', 'min', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
type HistogramStat = (typeof HISTOGRAM_STATS)[number];

export { convertTime };

const ratio = (name: string, read: (r: Report) => number): Metric => ({ name, kind: 'ratio', read });
const count = (name: string, read: (r: Report) => number): Metric => ({ name, kind: 'count', read });
const seconds = (name: string, read: (r: Report) => number): Metric => ({ name, kind: 'time', unit: 's', read });

const SCALAR_METRICS: Metric[] = [
  ratio('serviceLevel', (r) => r.serviceLevel.value),
  ratio('waitProbability', (r) => r.waitProbability),
  ratio('abandonRate', (r) => r.abandonRate),
  ratio('agents.occupancy', (r) => r.agents.occupancy),
  count('agents.count', (r) => r.agents.count),
  count('agents.ronaEvents', (r) => r.agents.ronaEvents),
  ...CONVERSATION_COUNTS.map((k) => count(`conversations.${k}`, (r) => r.conversations[k])),
  seconds('simulated.seconds', (r) => r.simulated.seconds),
  count('simulated.events', (r) => r.simulated.events),
  seconds('wall.seconds', (r) => r.wall.seconds),
  count('wall.eventsPerSecond', (r) => r.wall.eventsPerSecond),
];

/** Short names users reach for first. */
const ALIASES: Record<string, string> = {
  'serviceLevel.value': 'serviceLevel',
  occupancy: 'agents.occupancy',
  ronaEvents: 'agents.ronaEvents',
};

function histogramMetric(histogram: (typeof HISTOGRAM_NAMES)[number], stat: HistogramStat): Metric {
  const name = `${histogram}.${stat}`;
  const pick = (r: Report): HistogramSummary => r.histograms[histogram];
  if (stat === 'count') return count(name, (r) => pick(r).count);
  const unit = histogramUnit(histogram);
  // The report says which unit it recorded in; trust it over the default.
  return { name, kind: 'time', unit, read: (r) => convertTime(pick(r)[stat], pick(r).unit, unit) };
}

const METRICS = new Map<string, Metric>();
for (const m of SCALAR_METRICS) METRICS.set(m.name, m);
for (const h of HISTOGRAM_NAMES) for (const s of HISTOGRAM_STATS) METRICS.set(`${h}.${s}`, histogramMetric(h, s));

export function findMetric(path: string): Metric | undefined {
  return METRICS.get(ALIASES[path] ?? path);
}

/** Every name findMetric knows, aliases included. */
export function knownMetricNames(): string[] {
  return [...METRICS.keys(), ...Object.keys(ALIASES)];
}

/** For error messages: the scalar names, and histograms as a pattern rather than 54 names. */
export function describeKnownMetrics(): string {
  const scalars = [...SCALAR_METRICS.map((m) => m.name), ...Object.keys(ALIASES)].join(', ');
  return (
    `known metrics: ${scalars}; or <histogram>.<stat> with histogram one of ` +
    `${HISTOGRAM_NAMES.join(', ')} and stat one of ${HISTOGRAM_STATS.join(', ')}`
  );
}
