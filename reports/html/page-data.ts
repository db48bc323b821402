// What the page's charts draw, as plain data computed here (the browser only
// draws): percentile curves from the histograms, per-interval figures, the
// time series and the end-state breakdown. Embedded in report.html as JSON.
import type { LatencyHistogram } from '../histogram.js';
import { END_STATES, HISTOGRAM_NAMES, type HistogramName, type Report } from '../report.js';
import { NS_PER_UNIT, type TimeOrSeconds } from '../time-unit.js';
import { percentileCurve, percentileLabel } from './percentile-curve.js';

export interface PercentileChartData {
  name: HistogramName;
  /** The unit the values are drawn in (s for simulated times, us for engine timings). */
  unit: TimeOrSeconds;
  count: number;
  /** [x = 1/(1-p), value in `unit`] */
  points: [number, number][];
  /** The decades of the x axis with their percentile labels: 1 "0%", 10 "90%", ... */
  ticks: { x: number; label: string }[];
  max: number;
}

export interface IntervalChartData {
  /** `hh:mm` of simulated time at each interval's start. */
  labels: string[];
  warmup: boolean[];
  serviceLevel: number[];
  abandonRate: number[];
  occupancy: number[];
  thresholdSeconds: number;
}

export interface TimeSeriesChartData {
  /** Simulated seconds at each point. */
  seconds: number[];
  /** Source points averaged into each drawn point (1: none were). */
  pointsPerDrawn: number;
  /** A round step for the time axis' ticks (a minute, 5, 15, 30 minutes, an hour, ...). */
  tickStepSeconds: number;
  queueLength: number[];
  /** Held over staffed slots; null where nobody was staffed. */
  occupancy: (number | null)[];
  agents: { available: number[]; engaged: number[]; idle: number[]; rona: number[] };
}

export interface PageData {
  percentiles: PercentileChartData[];
  intervals: IntervalChartData | null;
  timeSeries: TimeSeriesChartData | null;
  endStates: { states: string[]; counts: number[] };
}

/** Longer series are averaged down to about this many points: a screen shows no more. */
export const MAX_DRAWN_POINTS = 2000;

const DRAWN_UNIT: Record<'ms' | 'ns' | 'us', TimeOrSeconds> = { ms: 's', us: 'us', ns: 'us' };

export function pageData(report: Report, histograms: Readonly<Record<HistogramName, LatencyHistogram>>): PageData {
  return {
    percentiles: HISTOGRAM_NAMES.map((name) => percentileChart(name, histograms[name])),
    intervals: report.intervals && report.intervals.length > 0 ? intervalChart(report) : null,
    timeSeries: report.timeSeries && report.timeSeries.queueLength.length > 0 ? timeSeriesChart(report.timeSeries) : null,
    endStates: { states: [...END_STATES], counts: END_STATES.map((s) => report.conversations[s]) },
  };
}

function percentileChart(name: HistogramName, h: LatencyHistogram): PercentileChartData {
  const curve = percentileCurve(h);
  const unit = DRAWN_UNIT[h.unit];
  const scale = NS_PER_UNIT[h.unit] / NS_PER_UNIT[unit];
  const lastX = curve.points.length > 0 ? curve.points[curve.points.length - 1]!.x : 1;
  const decades = Math.max(1, Math.ceil(Math.log10(lastX) - 1e-9));
  return {
    name,
    unit,
    count: curve.count,
    points: curve.points.map((p) => [p.x, p.value * scale]),
    ticks: Array.from({ length: decades + 1 }, (_, k) => ({ x: 10 ** k, label: percentileLabel(10 ** k) })),
    max: curve.max * scale,
  };
}

function intervalChart(report: Report): IntervalChartData {
  const rows = report.intervals!;
  return {
    labels: rows.map((r) => clock(r.startSeconds)),
    warmup: rows.map((r) => r.warmup),
    serviceLevel: rows.map((r) => r.serviceLevel),
    abandonRate: rows.map((r) => r.abandonRate),
    occupancy: rows.map((r) => r.occupancy),
    thresholdSeconds: report.serviceLevel.thresholdSeconds,
  };
}

function timeSeriesChart(ts: NonNullable<Report['timeSeries']>): TimeSeriesChartData {
  const n = ts.queueLength.length;
  const k = Math.ceil(n / MAX_DRAWN_POINTS);
  const down = (xs: readonly number[]): number[] => {
    if (k === 1) return xs.slice();
    const out: number[] = [];
    for (let i = 0; i < n; i += k) {
      const chunk = xs.slice(i, Math.min(n, i + k));
      out.push(chunk.reduce((a, b) => a + b, 0) / chunk.length);
    }
    return out;
  };
  const held = down(ts.heldSlots);
  const staffed = down(ts.staffedSlots);
  return {
    seconds: down(ts.queueLength.map((_, i) => i * ts.stepSeconds)),
    pointsPerDrawn: k,
    tickStepSeconds: tickStep(n * ts.stepSeconds),
    queueLength: down(ts.queueLength),
    occupancy: held.map((h, i) => (staffed[i]! > 0 ? h / staffed[i]! : null)),
    agents: { available: down(ts.agents.available), engaged: down(ts.agents.engaged), idle: down(ts.agents.idle), rona: down(ts.agents.rona) },
  };
}

const TICK_STEPS_SECONDS = [60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/** The smallest round step that puts at most 12 ticks on a span. */
export function tickStep(spanSeconds: number): number {
  return TICK_STEPS_SECONDS.find((step) => spanSeconds / step <= 12) ?? Math.ceil(spanSeconds / 12 / 86_400) * 86_400;
}

/** `h:mm` of simulated time; days add to the hours (`27:30`). */
export function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
