// The figures a budget may name: their kind, unit and clock, and how a run
// report holds them. docs/budgets.md lists them for users; this table is the
// truth. One catalogue serves `run`, `sweep` and `load`, so `validate` knows
// every name a scenario may use whichever command will judge it.
import { CONVERSATION_COUNTS, ENGINE_HISTOGRAMS, SIM_HISTOGRAMS, type Report } from '../report.js';
import type { HistogramSummary } from '../histogram.js';
import { convertTime, type TimeOrSeconds } from '../time-unit.js';

/**
 * ratio: a share in [0, 1], may be written as a percentage.
 * count: a plain number.
 * time:  a duration, converted to `unit`; a bare number is refused (which unit?).
 */
export type MetricKind = 'ratio' | 'count' | 'time';
export type MetricUnit = TimeOrSeconds;

/**
 * simulated: computed from the simulated world, the same on every machine.
 * wall: measured on the wall clock (engine timings, run time, real-time
 * latencies): it varies with the machine and its load, so `run` judges it in
 * a separate timing pass (pipeline/timing/timing-pass.ts), never from the run.
 */
export type MetricClock = 'simulated' | 'wall';

export interface Metric {
  /** The canonical path, as written in the report. */
  name: string;
  kind: MetricKind;
  unit?: MetricUnit;
  clock: MetricClock;
  /** Reads the figure from a run report; absent when only a load run measures it. */
  read?: (report: Report) => number;
}

export const HISTOGRAM_STATS = ['count', 'mean', 'min', 'p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
export type HistogramStat = (typeof HISTOGRAM_STATS)[number];

/** The wall-clock latencies of a load run (load), each from the scheduled moment and from the send. */
export const LOAD_LATENCIES = ['offer', 'customerToAgent', 'agentToCustomer', 'commandAck'] as const;
export type LoadLatencyName = (typeof LOAD_LATENCIES)[number];
/** `customerToAgent.p99` counts from the scheduled moment; `customerToAgent.fromSent.p99` from the send. */
export const FROM_SENT = 'fromSent';
/** The unit load latencies are recorded in. */
export const LOAD_LATENCY_UNIT = 'us' as const;

export { convertTime };

const ratio = (name: string, read: (r: Report) => number): Metric => ({ name, kind: 'ratio', clock: 'simulated', read });
const count = (name: string, read: (r: Report) => number, clock: MetricClock = 'simulated'): Metric => ({ name, kind: 'count', clock, read });
const seconds = (name: string, read: (r: Report) => number, clock: MetricClock): Metric => ({ name, kind: 'time', unit: 's', clock, read });

const SCALAR_METRICS: Metric[] = [
  ratio('serviceLevel', (r) => r.serviceLevel.value),
  ratio('waitProbability', (r) => r.waitProbability),
  ratio('abandonRate', (r) => r.abandonRate),
  ratio('agents.occupancy', (r) => r.agents.occupancy),
  count('agents.count', (r) => r.agents.count),
  count('agents.ronaEvents', (r) => r.agents.ronaEvents),
  ...CONVERSATION_COUNTS.map((k) => count(`conversations.${k}`, (r) => r.conversations[k])),
  seconds('simulated.seconds', (r) => r.simulated.seconds, 'simulated'),
  count('simulated.events', (r) => r.simulated.events),
  seconds('wall.seconds', (r) => r.wall.seconds, 'wall'),
  count('wall.eventsPerSecond', (r) => r.wall.eventsPerSecond, 'wall'),
];

/** Short names users reach for first. */
const ALIASES: Record<string, string> = {
  'serviceLevel.value': 'serviceLevel',
  occupancy: 'agents.occupancy',
  ronaEvents: 'agents.ronaEvents',
};

function histogramMetric(histogram: string, stat: HistogramStat, unit: MetricUnit, clock: MetricClock, pick?: (r: Report) => HistogramSummary): Metric {
  const name = `${histogram}.${stat}`;
  if (stat === 'count') return { name, kind: 'count', clock, ...(pick ? { read: (r: Report) => pick(r).count } : {}) };
  // The report says which unit it recorded in; trust it over the default.
  return { name, kind: 'time', unit, clock, ...(pick ? { read: (r: Report) => convertTime(pick(r)[stat], pick(r).unit, unit) } : {}) };
}

const METRICS = new Map<string, Metric>();
for (const m of SCALAR_METRICS) METRICS.set(m.name, m);
for (const s of HISTOGRAM_STATS) {
  for (const h of SIM_HISTOGRAMS) METRICS.set(`${h}.${s}`, histogramMetric(h, s, 'ms', 'simulated', (r) => r.histograms[h]));
  for (const h of ENGINE_HISTOGRAMS) METRICS.set(`${h}.${s}`, histogramMetric(h, s, 'ns', 'wall', (r) => r.histograms[h]));
  for (const h of LOAD_LATENCIES) {
    METRICS.set(`${h}.${s}`, histogramMetric(h, s, LOAD_LATENCY_UNIT, 'wall'));
    METRICS.set(`${h}.${FROM_SENT}.${s}`, histogramMetric(`${h}.${FROM_SENT}`, s, LOAD_LATENCY_UNIT, 'wall'));
  }
}

export function findMetric(path: string): Metric | undefined {
  return METRICS.get(ALIASES[path] ?? path);
}

/** Every name findMetric knows, aliases included. */
export function knownMetricNames(): string[] {
  return [...METRICS.keys(), ...Object.keys(ALIASES)];
}

/** For error messages: the scalar names, and histograms as a pattern rather than a hundred names. */
export function describeKnownMetrics(): string {
  const scalars = [...SCALAR_METRICS.map((m) => m.name), ...Object.keys(ALIASES)].join(', ');
  return (
    `known metrics: ${scalars}; or <histogram>.<stat> with histogram one of ` +
    `${[...SIM_HISTOGRAMS, ...ENGINE_HISTOGRAMS].join(', ')} (run and load), ` +
    `${LOAD_LATENCIES.join(', ')} (load only; add .${FROM_SENT} to count from the send), ` +
    `and stat one of ${HISTOGRAM_STATS.join(', ')}`
  );
}
