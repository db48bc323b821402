// What the charts of a load run's report.html draw, computed here (the
// browser only draws): each latency's HDR percentile curve from the
// scheduled moment and from the send, the latencies and the traffic over the
// run from the streamed intervals, refusals by frame and code, and the
// conversations by end state. Embedded in the page as JSON.
import type { LatencyHistogram } from '../../reports/histogram.js';
import { END_STATES } from '../../reports/report.js';
import { NS_PER_UNIT } from '../../reports/time-unit.js';
import type { LatencyBase, LoadMeasure, LoadReport } from '../index.js';
import { LATENCY_BASES, LOAD_MEASURES } from '../load-histograms.js';
import { MAX_DRAWN_POINTS } from '../../reports/html/page-data.js';
import { percentileCurve, percentileLabel } from '../../reports/html/percentile-curve.js';

/** Load latencies are recorded in µs and drawn in ms. */
export const DRAWN_UNIT = 'ms' as const;
const US_TO_DRAWN = NS_PER_UNIT.us / NS_PER_UNIT[DRAWN_UNIT];

export const MEASURE_LABELS: Record<LoadMeasure, string> = {
  offer: 'offer: first message to the offer at an agent',
  customerToAgent: 'customer to agent: a message to its delivery',
  agentToCustomer: 'agent to customer: a reply to its delivery',
  commandAck: 'command to its ack or error',
};

export const BASE_LABELS: Record<LatencyBase, string> = {
  fromScheduled: 'from the scheduled moment',
  fromSent: 'from the send',
};

export interface LoadPercentileSeries {
  base: LatencyBase;
  label: string;
  count: number;
  /** [x = 1/(1-p), value in ms] */
  points: [number, number][];
  /** The largest value recorded, in ms. */
  max: number;
}

export interface LoadPercentileChart {
  measure: LoadMeasure;
  title: string;
  unit: typeof DRAWN_UNIT;
  /** The decades of the x axis with their percentile labels, wide enough for both series. */
  ticks: { x: number; label: string }[];
  series: LoadPercentileSeries[];
}

export interface LoadTimelineChart {
  /** Wall seconds from the first arrival at the start of each drawn point. */
  seconds: number[];
  /** Intervals merged into each drawn point (1: none were): p99 is then the highest of them, p50 their mean, rates their mean, connections the most. */
  pointsPerDrawn: number;
  /** Per measure and base, in ms; null where nothing was measured. */
  latency: Record<LoadMeasure, Record<LatencyBase, { p50: (number | null)[]; p99: (number | null)[] }>>;
  framesPerSecond: number[];
  messagesPerSecond: number[];
  connections: number[];
}

export interface LoadPageData {
  percentiles: LoadPercentileChart[];
  /** Null when the run closed no interval. */
  timeline: LoadTimelineChart | null;
  /** Refused frames, `frame CODE` (e.g. `accept E_UNKNOWN_OFFER`), most first. */
  refusals: { labels: string[]; counts: number[] };
  endStates: { states: string[]; counts: number[] };
}

export type LoadHistogramSet = Readonly<Record<LoadMeasure, Readonly<Record<LatencyBase, LatencyHistogram>>>>;

export function loadPageData(report: LoadReport, histograms: LoadHistogramSet): LoadPageData {
  const refusals = Object.entries(report.traffic.errorsByFrame).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    percentiles: LOAD_MEASURES.map((m) => percentileChart(m, histograms[m])),
    timeline: report.timeline.startSeconds.length > 0 ? timelineChart(report.timeline) : null,
    refusals: { labels: refusals.map(([k]) => k), counts: refusals.map(([, n]) => n) },
    endStates: { states: [...END_STATES], counts: END_STATES.map((s) => report.conversations[s]) },
  };
}

function percentileChart(measure: LoadMeasure, pair: Readonly<Record<LatencyBase, LatencyHistogram>>): LoadPercentileChart {
  let lastX = 1;
  const series = LATENCY_BASES.map((base): LoadPercentileSeries => {
    const h = pair[base];
    const scale = NS_PER_UNIT[h.unit] / NS_PER_UNIT[DRAWN_UNIT];
    const curve = percentileCurve(h);
    if (curve.points.length > 0) lastX = Math.max(lastX, curve.points[curve.points.length - 1]!.x);
    return { base, label: BASE_LABELS[base], count: curve.count, points: curve.points.map((p) => [p.x, p.value * scale]), max: curve.max * scale };
  });
  const decades = Math.max(1, Math.ceil(Math.log10(lastX) - 1e-9));
  return {
    measure, title: MEASURE_LABELS[measure], unit: DRAWN_UNIT,
    ticks: Array.from({ length: decades + 1 }, (_, k) => ({ x: 10 ** k, label: percentileLabel(10 ** k) })),
    series,
  };
}

function timelineChart(t: LoadReport['timeline']): LoadTimelineChart {
  const n = t.startSeconds.length;
  const k = Math.ceil(n / MAX_DRAWN_POINTS);
  const groups = <T>(xs: readonly T[], merge: (chunk: T[]) => T): T[] => {
    if (k === 1) return xs.slice();
    const out: T[] = [];
    for (let i = 0; i < n; i += k) out.push(merge(xs.slice(i, Math.min(n, i + k))));
    return out;
  };
  const present = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null);
  const maxOf = (xs: (number | null)[]): number | null => (present(xs).length > 0 ? Math.max(...present(xs)) : null);
  const meanOf = (xs: (number | null)[]): number | null => (present(xs).length > 0 ? present(xs).reduce((a, b) => a + b, 0) / present(xs).length : null);
  const ms = (x: number | null): number | null => (x === null ? null : x * US_TO_DRAWN);
  const latency = {} as LoadTimelineChart['latency'];
  for (const m of LOAD_MEASURES) {
    latency[m] = {} as Record<LatencyBase, { p50: (number | null)[]; p99: (number | null)[] }>;
    for (const b of LATENCY_BASES) {
      const s = t.latency[m][b];
      latency[m][b] = { p50: groups(s.p50, meanOf).map(ms), p99: groups(s.p99, maxOf).map(ms) };
    }
  }
  return {
    seconds: groups(t.startSeconds, (c) => c[0]!),
    pointsPerDrawn: k,
    latency,
    framesPerSecond: groups(t.framesPerSecond, (c) => meanOf(c)!),
    messagesPerSecond: groups(t.messagesPerSecond, (c) => meanOf(c)!),
    connections: groups(t.connections, (c) => Math.max(...c)),
  };
}
