// The report model, from the counts and histograms of one run or of several
// replications merged.
import type { BudgetResult, HistogramName, Report } from './report.js';
import { endStateAccounting, HISTOGRAM_NAMES } from './report.js';
import { summarize, type HistogramSummary } from './histogram.js';
import type { RunTotals } from './run-totals.js';

export interface RunFigures {
  scenario: string;
  seed: number;
  replications: number;
  simulatedMs: number;
  events: number;
  wallMs: number;
  agents: number;
  occupancy: number;
  serviceLevelThresholdMs: number;
}

export function buildReport(rec: RunTotals, f: RunFigures, budgets: BudgetResult[] = []): Report {
  const c = rec.counts;
  const decided = c.answered + c.abandoned;
  const histograms = {} as Record<HistogramName, HistogramSummary>;
  for (const name of HISTOGRAM_NAMES) histograms[name] = summarize(rec.histograms[name]);
  const wallSeconds = f.wallMs / 1000;
  return {
    scenario: f.scenario,
    seed: f.seed,
    replications: f.replications,
    simulated: { seconds: round(f.simulatedMs / 1000, 3), events: f.events },
    wall: { seconds: round(wallSeconds, 3), eventsPerSecond: wallSeconds > 0 ? Math.round(f.events / wallSeconds) : 0 },
    conversations: { ...c },
    accounting: endStateAccounting(c),
    serviceLevel: { thresholdSeconds: f.serviceLevelThresholdMs / 1000, value: ratio(rec.answeredWithinThreshold, decided) },
    waitProbability: ratio(rec.waited, decided),
    abandonRate: ratio(c.abandoned, decided),
    agents: { count: f.agents, occupancy: round(f.occupancy, 6), ronaEvents: rec.ronaEvents },
    histograms,
    budgets,
  };
}

/** A share, 0 when nothing was decided (no answered or abandoned conversation). */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? round(part / whole, 6) : 0;
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
