// A sweep: the scenario at every combination of the varied values, each
// point's replications run together on one worker pool, and the cheapest
// point (fewest agents) that meets every budget picked out.
//
// The pick rests on simulated figures only, which are the same on every
// machine: wall-clock budgets (engine.*, wall.*) are judged afterwards, in
// timing passes (pipeline/timing), on the picked point alone. Its verdict decides
// the exit status; it never moves the pick.
import type { Scenario } from '../../scenarios/scenario.js';
import type { Report } from '../../reports/report.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';
import { allPass, judge, metricOf, reportFigures } from '../../reports/budgets/evaluate-budgets.js';
import type { Budget } from '../../reports/budgets/parse-budget.js';
import { isWallClockBudget, judgeWallClockBudgets } from '../../pipeline/timing/timing-pass.js';
import { replicationTasks, runTasks, type TaskHooks } from '../../pipeline/threads/pool.js';
import { cartesian, type Vary } from './vary.js';

export interface SweepPlan {
  file: string;
  set: readonly string[];
  varies: readonly Vary[];
  replications: number;
  threads: number;
  seed?: number;
  checkInvariants?: boolean;
}

export interface SweepPoint {
  values: Record<string, string>;
  report: Report;
  /** Every budget judged on this point passed (wall-clock budgets are judged on the picked point only). */
  pass: boolean;
  /** What "cheapest" compares: the agents staffed. */
  agents: number;
  /** The point's replications as they came back (histograms for --out). */
  results: ReplicationResult[];
}

export interface SweepResult {
  points: SweepPoint[];
  /** Index of the cheapest point meeting every simulated budget; null when none does. */
  cheapest: number | null;
  /** The cheapest point also met its wall-clock budgets: the sweep passes. */
  pass: boolean;
}

const NOT_JUDGED = 'wall-clock budget: judged in a timing pass on the picked point only';

/** Loads every point first, so a bad value anywhere fails before anything runs (ScenarioError). */
export async function runSweep(plan: SweepPlan, hooks: TaskHooks = {}): Promise<SweepResult> {
  const started = performance.now();
  const combos = cartesian(plan.varies);
  const loaded = combos.map((values) => loadScenarioWithBudgets(plan.file, [...plan.set, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)]));
  const scenarios: Scenario[] = loaded.map((l) => l.scenario);
  const budgets: Budget[][] = loaded.map((l) => l.budgets);
  const taskLists = scenarios.map((s) => replicationTasks(s, {
    replications: plan.replications, checkInvariants: plan.checkInvariants === true, ...(plan.seed !== undefined ? { seed: plan.seed } : {}),
  }));
  const results = await runTasks(taskLists.flat(), plan.threads, hooks);
  const wallMs = performance.now() - started;
  let offset = 0;
  const points = scenarios.map((s, i): SweepPoint => {
    const mine = results.slice(offset, offset + plan.replications);
    offset += plan.replications;
    const report = buildMergedReport(mine, { scenario: s.name, seed: plan.seed ?? s.seed, serviceLevelThresholdMs: s.serviceLevelThresholdMs, warmupMs: s.warmupMs, wallMs });
    const read = reportFigures(report);
    report.budgets = budgets[i]!.map((b) => (isWallClockBudget(b) ? { ...judge(b, NOT_JUDGED) } : judge(b, read(metricOf(b)))));
    return { values: combos[i]!, report, pass: allPass(report.budgets), agents: report.agents.count, results: mine };
  });
  let cheapest: number | null = null;
  points.forEach((p, i) => {
    if (p.pass && (cheapest === null || p.agents < points[cheapest]!.agents)) cheapest = i;
  });
  if (cheapest === null) return { points, cheapest, pass: false };
  const picked = points[cheapest]!;
  const s = scenarios[cheapest]!;
  const wall = judgeWallClockBudgets(s, plan.seed ?? s.seed, budgets[cheapest]!);
  picked.report.budgets = budgets[cheapest]!.map((b, j) => wall.get(b) ?? picked.report.budgets[j]!);
  picked.pass = allPass(picked.report.budgets);
  return { points, cheapest, pass: picked.pass };
}
