// The report as JSON with a stable key order, whatever order the code that
// built it used: diffs of two reports show only changed figures.
import {
  CONVERSATION_COUNTS,
  ENGINE_HISTOGRAMS,
  HISTOGRAM_NAMES,
  type BudgetResult,
  type ConversationCounts,
  type EndStateAccounting,
  type Report,
  type SimHistogramName,
} from './report.js';
import type { HistogramSummary } from './histogram.js';

// One rank for every key name, in the order docs/report.md gives. Every object in a
// report lists its keys in an order consistent with this one list; keys not
// in it (added later) follow, alphabetically.
const KEY_RANK = [
  'scenario', 'seed', 'replications', 'simulated', 'wall', 'conversations', 'accounting',
  'serviceLevel', 'waitProbability', 'abandonRate', 'agents', 'histograms', 'budgets',
  'seconds', 'events', 'eventsPerSecond',
  ...CONVERSATION_COUNTS, 'endStatesTotal', 'balanced',
  'thresholdSeconds',
  'count', 'occupancy', 'ronaEvents',
  ...HISTOGRAM_NAMES,
  'mean', 'min', 'p50', 'p90', 'p95', 'p99', 'p999', 'max',
  'budget', 'value', 'pass', 'unit',
];
const rankOf = new Map(KEY_RANK.map((key, i) => [key, i]));

function compareKeys(a: string, b: string): number {
  const ra = rankOf.get(a) ?? Infinity;
  const rb = rankOf.get(b) ?? Infinity;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    out[key] = ordered((value as Record<string, unknown>)[key]);
  }
  return out;
}

/** Pretty JSON, keys in the order docs/report.md gives, ending in a newline. */
export function renderJson(report: Report | WallClockFreeReport): string {
  return `${JSON.stringify(ordered(report), null, 2)}\n`;
}

/** A report without anything measured on the wall clock: equal seeds give equal ones. */
export interface WallClockFreeReport {
  scenario: string;
  seed: number;
  replications: number;
  simulated: Report['simulated'];
  conversations: ConversationCounts;
  accounting: EndStateAccounting;
  serviceLevel: Report['serviceLevel'];
  waitProbability: number;
  abandonRate: number;
  agents: Report['agents'];
  histograms: Record<SimHistogramName, HistogramSummary>;
  budgets: BudgetResult[];
}

/**
 * Drops `wall`, the `engine.*` histograms, and the results of budgets on
 * them, so tests can compare two runs byte for byte.
 */
export function withoutWallClock(report: Report): WallClockFreeReport {
  const { wall: _wall, histograms, budgets, ...rest } = report;
  const simHistograms = { ...histograms } as Record<string, HistogramSummary>;
  for (const name of ENGINE_HISTOGRAMS) delete simHistograms[name];
  return {
    ...rest,
    histograms: simHistograms as Record<SimHistogramName, HistogramSummary>,
    budgets: budgets.filter((b) => !measuresWallClock(b.budget)),
  };
}

function measuresWallClock(expression: string): boolean {
  const metric = expression.trim();
  return metric.startsWith('wall.') || ENGINE_HISTOGRAMS.some((name) => metric.startsWith(`${name}.`));
}
