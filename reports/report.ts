// The report of a run, as `--json` prints it. Field names are the outward
// contract (docs/report.md): add freely, never rename.
import type { HistogramSummary, TimeUnit } from './histogram.js';
import type { Estimate } from './confidence.js';
import type { IntervalRow } from './interval-series.js';

/** Histograms of simulated time, recorded in ms. */
export const SIM_HISTOGRAMS = ['answerTime', 'abandonTime', 'handleTime', 'wrapUp'] as const;
/** Histograms of the engine's own wall-clock cost, recorded in ns. */
export const ENGINE_HISTOGRAMS = ['engine.route', 'engine.mask'] as const;
export const HISTOGRAM_NAMES = [...SIM_HISTOGRAMS, ...ENGINE_HISTOGRAMS] as const;

export type SimHistogramName = (typeof SIM_HISTOGRAMS)[number];
export type EngineHistogramName = (typeof ENGINE_HISTOGRAMS)[number];
export type HistogramName = (typeof HISTOGRAM_NAMES)[number];

export function histogramUnit(name: HistogramName): TimeUnit {
  return (ENGINE_HISTOGRAMS as readonly string[]).includes(name) ? 'ns' : 'ms';
}

export const CONVERSATION_COUNTS = [
  'arrived',
  'answered',
  'abandoned',
  'transferred',
  'droppedOnTransfer',
  'conferenced',
  'completed',
  'interrupted',
  'inProgressAtEnd',
] as const;
export type ConversationCountName = (typeof CONVERSATION_COUNTS)[number];
export type ConversationCounts = Record<ConversationCountName, number>;

/** Every arrived conversation ends in exactly one of these. */
export const END_STATES = ['completed', 'abandoned', 'droppedOnTransfer', 'interrupted', 'inProgressAtEnd'] as const;

export interface EndStateAccounting {
  endStatesTotal: number;
  arrived: number;
  /** endStatesTotal === arrived: no conversation lost or counted twice. */
  balanced: boolean;
}

export interface BudgetResult {
  /** The expression as written, e.g. `answerTime.p90 <= 60s`. */
  budget: string;
  /** The report's figure, in the metric's unit (`unit` when it is a time). */
  value: number;
  pass: boolean;
  unit?: TimeUnit | 's';
  /** Why this kind of run has no such figure: the budget is skipped, neither passed nor failed. */
  skipped?: string;
  /** For a wall-clock figure judged in a timing pass (docs/budgets.md): each pass's figure, and the median `value` took. */
  timing?: { passes: number[]; samples: number };
}

export interface Report {
  scenario: string;
  seed: number;
  replications: number;
  simulated: { seconds: number; events: number };
  wall: { seconds: number; eventsPerSecond: number };
  conversations: ConversationCounts;
  accounting: EndStateAccounting;
  /** Answered within the threshold / (answered + abandoned). */
  serviceLevel: { thresholdSeconds: number; value: number };
  /** Share of answered + abandoned that were not offered at once. */
  waitProbability: number;
  /** abandoned / (answered + abandoned). */
  abandonRate: number;
  agents: { count: number; occupancy: number; ronaEvents: number };
  histograms: Record<HistogramName, HistogramSummary>;
  budgets: BudgetResult[];
  /** With several replications: each key figure's mean across them, with its 95% confidence interval. */
  confidence?: KeyFigureEstimates;
  /** Figures per reporting interval (the scenario's `interval`), by arrival interval. */
  intervals?: IntervalRow[];
  /** The center sampled at a fixed step of simulated time (averaged over replications). */
  timeSeries?: TimeSeries;
}

export interface TimeSeries {
  stepSeconds: number;
  /** Conversations waiting in all queues. */
  queueLength: number[];
  /** Slots held (accept to end of wrap-up) and staffed (on shift x capacity). */
  heldSlots: number[];
  staffedSlots: number[];
  /** Agents per state; `engaged` are available agents holding at least one conversation. */
  agents: { available: number[]; engaged: number[]; idle: number[]; rona: number[] };
}

export interface KeyFigureEstimates {
  serviceLevel: Estimate;
  abandonRate: Estimate;
  waitProbability: Estimate;
  averageSpeedOfAnswerSeconds: Estimate;
  occupancy: Estimate;
}

export function endStateAccounting(c: ConversationCounts): EndStateAccounting {
  const endStatesTotal = END_STATES.reduce((sum, state) => sum + c[state], 0);
  return { endStatesTotal, arrived: c.arrived, balanced: endStatesTotal === c.arrived };
}
