// The report of a load run: the contract's report fields where they apply
// (counted from the client side, after the warm-up), plus the wall-clock
// latency histograms (each from the scheduled moment and from the send),
// the masking check and the balance against the server's own counts, the
// run interval by interval, and the verdicts: the scenario's budgets and the
// masking and balance checks (load-checks.ts).
import type { Budget } from '../reports/budgets/parse-budget.js';
import { summarize, type HistogramSummary } from '../reports/histogram.js';
import { endStateAccounting, type BudgetResult, type ConversationCounts, type EndStateAccounting } from '../reports/report.js';
import type { Balance } from './balance.js';
import type { TrafficStats } from './client-connection.js';
import type { MaskingLeaks } from './leak-checker.js';
import type { LatencySummaries } from './load-histograms.js';
import type { LoadWorld, SimHistogram } from './load-world.js';
import type { LoadTimeline } from './load-timeline.js';
import { judgeLoadBudgets, loadChecks } from './load-checks.js';

export type StopReason = 'completed' | 'duration' | 'signal';

export interface LoadReport {
  scenario: string;
  seed: number;
  /** The scenario clock ran this many times faster than the wall clock. */
  speed: number;
  /** `embedded` (a server this run started) or the target's address. */
  target: string;
  startedAt: string;
  /** completed: every conversation ended after the arrivals; duration: the wall-clock cap; signal: SIGINT. */
  stoppedBy: StopReason;
  /** Scenario time the run covered (wall time x speed). */
  simulated: { seconds: number };
  /** Conversations arriving before this (scenario seconds) are left out of the counts and histograms; the balance covers all. */
  warmupSeconds: number;
  wall: { seconds: number };
  conversations: ConversationCounts;
  accounting: EndStateAccounting;
  serviceLevel: { thresholdSeconds: number; value: number };
  abandonRate: number;
  agents: { count: number; occupancy: number; ronaEvents: number };
  /** Scenario time (wall x speed), in ms, after the warm-up. */
  histograms: Record<SimHistogram, HistogramSummary>;
  /** Wall clock, in microseconds: offer, customerToAgent, agentToCustomer, commandAck, each fromScheduled and fromSent. */
  latency: LatencySummaries;
  /** The leak oracle's count of injected values agents saw (gates the run), and the masking detectors' findings beside it. */
  maskingLeaks: MaskingLeaks;
  balance: Balance;
  traffic: TrafficStats & {
    framesPerSecond: number;
    /** Chat messages delivered and timed, each way, and their rate. */
    messagesDelivered: { customerToAgent: number; agentToCustomer: number };
    messagesPerSecond: number;
    peakConnections: number;
  };
  generator: {
    /** CPU time of this process (all threads) over the run. With an embedded server, the server's share is in it. */
    cpuSeconds: number;
    /** cpuSeconds / wall seconds: cores busy on average. */
    cpuCores: number;
    includesServer: boolean;
    /** How late the generator ran its planned actions (latency from the schedule counts this). */
    schedulerMaxLagMs: number;
    lateTasks: number;
  };
  /** Per streamed interval (`--interval`): latency p50/p99 and traffic. */
  timeline: LoadTimeline;
  /** The scenario's budgets, judged on this report; those naming a figure a load run does not measure are skipped. */
  budgets: BudgetResult[];
  /** `maskingLeaks.count == 0` and `balance.differences == 0` (load-checks.ts): skipped when they cannot apply. */
  checks: BudgetResult[];
}

export interface ReportInputs {
  world: LoadWorld;
  seed: number;
  target: string;
  startedAtMs: number;
  stoppedBy: StopReason;
  wallMs: number;
  cpuMicros: number;
  includesServer: boolean;
  balance: Balance;
  agentCount: number;
  slots: number;
  timeline: LoadTimeline;
  budgets: readonly Budget[];
}

export function buildLoadReport(i: ReportInputs): LoadReport {
  const w = i.world;
  const s = w.scenario;
  const counted = w.ledger.counts((rec) => w.counted(rec) && !rec.stray).conversations;
  let answeredInTime = 0;
  for (const rec of w.ledger.records) {
    if (rec.arrived && !rec.stray && w.counted(rec) && rec.answeredAtMs >= 0 && rec.answeredAtMs - rec.scheduledMs <= s.serviceLevelThresholdMs) answeredInTime++;
  }
  const decided = counted.answered + counted.abandoned;
  const wallSeconds = i.wallMs / 1000;
  const delivered = { ...w.messages.delivered };
  const histograms = {} as Record<SimHistogram, HistogramSummary>;
  for (const name of Object.keys(w.sim) as SimHistogram[]) histograms[name] = summarize(w.sim[name]);
  const report: LoadReport = {
    scenario: s.name,
    seed: i.seed,
    speed: w.speed,
    target: i.target,
    startedAt: new Date(i.startedAtMs).toISOString(),
    stoppedBy: i.stoppedBy,
    simulated: { seconds: round3(wallSeconds * w.speed) },
    warmupSeconds: round3((s.warmupMs * w.speed) / 1000),
    wall: { seconds: round3(wallSeconds) },
    conversations: counted,
    accounting: endStateAccounting(counted),
    serviceLevel: { thresholdSeconds: round3((s.serviceLevelThresholdMs * w.speed) / 1000), value: decided > 0 ? round4(answeredInTime / decided) : 0 },
    abandonRate: decided > 0 ? round4(counted.abandoned / decided) : 0,
    agents: { count: i.agentCount, occupancy: round4(w.slots.occupancy(i.slots, i.wallMs)), ronaEvents: w.ledger.rona },
    histograms,
    latency: w.histograms.summaries(),
    maskingLeaks: w.leaks.result(),
    balance: i.balance,
    traffic: {
      ...w.stats,
      errorsByCode: { ...w.stats.errorsByCode },
      errorsByFrame: { ...w.stats.errorsByFrame },
      framesPerSecond: wallSeconds > 0 ? Math.round((w.stats.framesSent + w.stats.framesReceived) / wallSeconds) : 0,
      messagesDelivered: delivered,
      messagesPerSecond: wallSeconds > 0 ? round1((delivered.customerToAgent + delivered.agentToCustomer) / wallSeconds) : 0,
      peakConnections: w.peakConnections,
    },
    generator: {
      cpuSeconds: round3(i.cpuMicros / 1e6),
      cpuCores: wallSeconds > 0 ? round3(i.cpuMicros / 1e6 / wallSeconds) : 0,
      includesServer: i.includesServer,
      schedulerMaxLagMs: round3(w.scheduler.maxLagMs),
      lateTasks: w.scheduler.lateTasks,
    },
    timeline: i.timeline,
    budgets: [],
    checks: [],
  };
  report.budgets = judgeLoadBudgets(report, i.budgets);
  report.checks = loadChecks(report);
  return report;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
