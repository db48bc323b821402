// A report with every optional part filled (per-interval rows, a time series,
// confidence intervals, budgets) and the histograms it summarizes, built
// through the real histogram, interval and budget code from seeded numbers:
// for tests of the HTML page and the JSON schema until runs fill them all.
import { createLatencyHistogram, recordValue, summarize, type HistogramSummary, type LatencyHistogram } from '../histogram.js';
import { estimate } from '../confidence.js';
import { intervalRows, type IntervalTotals } from '../interval-series.js';
import { parseBudget } from '../budgets/parse-budget.js';
import { evaluateBudgets, reportFigures } from '../budgets/evaluate-budgets.js';
import { HISTOGRAM_NAMES, endStateAccounting, histogramUnit, type HistogramName, type Report, type TimeSeries } from '../report.js';

export interface FixtureRun {
  report: Report;
  histograms: Record<HistogramName, LatencyHistogram>;
}

const MEAN_BY_HISTOGRAM: Record<HistogramName, number> = {
  answerTime: 25_000,
  abandonTime: 90_000,
  handleTime: 180_000,
  wrapUp: 20_000,
  'engine.route': 12_000,
  'engine.mask': 40_000,
};

const HOURS = 8;
const INTERVAL_MS = 30 * 60_000;
const STEP_SECONDS = 60;

/** Park-Miller: enough for fixture data. */
function uniforms(seed: number): () => number {
  let s = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

export function fixtureRun(seed = 1, replications = 3): FixtureRun {
  const u = uniforms(seed);
  const intervals = HOURS * 3_600_000 / INTERVAL_MS;
  // A day's shape: arrivals rise to a peak in the middle of the run.
  const arrivedPer = Array.from({ length: intervals }, (_, i) => Math.round(120 + 180 * Math.sin((Math.PI * (i + 0.5)) / intervals)));
  const abandonedPer = arrivedPer.map((n, i) => Math.round(n * (0.01 + 0.05 * Math.sin((Math.PI * (i + 0.5)) / intervals) ** 4)));
  const answeredPer = arrivedPer.map((n, i) => n - abandonedPer[i]!);
  const staffed = 62;
  const totals: IntervalTotals = {
    intervalMs: INTERVAL_MS,
    arrived: arrivedPer.map((n) => n * replications),
    answered: answeredPer.map((n) => n * replications),
    answeredWithinThreshold: answeredPer.map((n, i) => Math.round(n * replications * (0.95 - 0.2 * (abandonedPer[i]! / arrivedPer[i]!) * 5))),
    abandoned: abandonedPer.map((n) => n * replications),
    heldSlotMs: arrivedPer.map((n) => Math.min(staffed, n * 0.2) * INTERVAL_MS * replications),
    staffedSlotMs: arrivedPer.map(() => staffed * INTERVAL_MS * replications),
  };

  const arrived = arrivedPer.reduce((a, b) => a + b, 0);
  const abandoned = abandonedPer.reduce((a, b) => a + b, 0);
  const answered = arrived - abandoned;
  const inProgressAtEnd = 3;
  const droppedOnTransfer = 2;
  const interrupted = 1;
  const conversations = {
    arrived, answered, abandoned, transferred: Math.round(arrived * 0.05), droppedOnTransfer,
    conferenced: Math.round(arrived * 0.02), completed: arrived - abandoned - droppedOnTransfer - interrupted - inProgressAtEnd,
    interrupted, inProgressAtEnd,
  };

  const histograms = {} as Record<HistogramName, LatencyHistogram>;
  const summaries = {} as Record<HistogramName, HistogramSummary>;
  for (const name of HISTOGRAM_NAMES) {
    const h = createLatencyHistogram(histogramUnit(name));
    const n = name === 'abandonTime' ? abandoned : answered;
    for (let i = 0; i < n; i++) recordValue(h, -Math.log(u()) * MEAN_BY_HISTOGRAM[name]);
    histograms[name] = h;
    summaries[name] = summarize(h);
  }

  const steps = (HOURS * 3600) / STEP_SECONDS;
  const load = (k: number) => Math.sin((Math.PI * k) / steps);
  const engaged = Array.from({ length: steps }, (_, k) => Math.min(staffed - 2, Math.round(staffed * 0.5 + staffed * 0.45 * load(k) + 3 * (u() - 0.5))));
  const rona = Array.from({ length: steps }, () => (u() < 0.05 ? 1 : 0));
  const idle = Array.from({ length: steps }, (_, k) => (k % 60 < 5 ? 2 : 0));
  const timeSeries: TimeSeries = {
    stepSeconds: STEP_SECONDS,
    queueLength: Array.from({ length: steps }, (_, k) => Math.max(0, Math.round(12 * load(k) ** 6 + 2 * (u() - 0.5)))),
    heldSlots: engaged.slice(),
    staffedSlots: Array.from({ length: steps }, () => staffed),
    agents: { engaged, rona, idle, available: engaged.map((e, k) => staffed - e - rona[k]! - idle[k]!) },
  };

  const decided = answered + abandoned;
  const withinThreshold = totals.answeredWithinThreshold.reduce((a, b) => a + b, 0) / replications;
  const perReplication = (centre: number, spread: number) => Array.from({ length: replications }, () => centre + spread * (u() - 0.5));
  const report: Report = {
    scenario: 'fixture-day',
    seed,
    replications,
    simulated: { seconds: HOURS * 3600 + 412, events: arrived * 11 },
    wall: { seconds: 0.42, eventsPerSecond: Math.round((arrived * 11) / 0.42) },
    conversations,
    accounting: endStateAccounting(conversations),
    serviceLevel: { thresholdSeconds: 60, value: withinThreshold / decided },
    waitProbability: 0.38,
    abandonRate: abandoned / decided,
    agents: { count: staffed, occupancy: 0.71, ronaEvents: 9 },
    histograms: summaries,
    budgets: [],
    confidence: {
      serviceLevel: estimate(perReplication(withinThreshold / decided, 0.04)),
      abandonRate: estimate(perReplication(abandoned / decided, 0.01)),
      waitProbability: estimate(perReplication(0.38, 0.05)),
      averageSpeedOfAnswerSeconds: estimate(perReplication(summaries.answerTime.mean / 1000, 4)),
      occupancy: estimate(perReplication(0.71, 0.03)),
    },
    intervals: intervalRows(totals, 30 * 60_000, replications),
    timeSeries,
  };
  const budgets = ['serviceLevel >= 80%', 'abandonRate <= 0.02', 'answerTime.p90 <= 60s', 'engine.route.p99 <= 200us', 'conversations.droppedOnTransfer == 0'].map((text) => {
    const parsed = parseBudget(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.budget;
  });
  report.budgets = evaluateBudgets(budgets, reportFigures(report));
  return { report, histograms };
}
