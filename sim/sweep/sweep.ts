// A sweep: the scenario at every combination of the varied values, each
// point's replications run together on one worker pool, and the cheapest
// point (fewest agents) that meets every budget picked out.
import { loadScenario } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/scenario.js';
import type { Report } from '../../reports/report.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { parseScenarioBudgets } from '../../reports/budgets/scenario-budgets.js';
import { allPass, evaluateBudgets } from '../../reports/budgets/evaluate-budgets.js';
import { replicationTasks, runTasks, type TaskHooks } from '../parallel/pool.js';
import { cartesian, type Vary } from './vary.js';

export interface SweepPlan {
  file: string;
  set: readonly string[];
  varies: readonly Vary[];
  replications: number;
  threads: number;
  seed?: number;
}

export interface SweepPoint {
  values: Record<string, string>;
  report: Report;
  pass: boolean;
  /** What "cheapest" compares: the agents staffed. */
  agents: number;
  /** The point's replications as they came back (histograms for --out). */
  results: ReplicationResult[];
}

export interface SweepResult {
  points: SweepPoint[];
  /** Index of the cheapest point meeting every budget; null when none does. */
  cheapest: number | null;
}

/** Loads every point first, so a bad value anywhere fails before anything runs (ScenarioError). */
export async function runSweep(plan: SweepPlan, hooks: TaskHooks = {}): Promise<SweepResult> {
  const started = performance.now();
  const combos = cartesian(plan.varies);
  const scenarios: Scenario[] = combos.map((values) => loadScenario(plan.file, [...plan.set, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)]));
  const budgets = scenarios.map(parseScenarioBudgets);
  const taskLists = scenarios.map((s) => replicationTasks(s, { replications: plan.replications, ...(plan.seed !== undefined ? { seed: plan.seed } : {}) }));
  const results = await runTasks(taskLists.flat(), plan.threads, hooks);
  const wallMs = performance.now() - started;
  let offset = 0;
  const points = scenarios.map((s, i): SweepPoint => {
    const mine = results.slice(offset, offset + plan.replications);
    offset += plan.replications;
    const report = buildMergedReport(mine, { scenario: s.name, seed: plan.seed ?? s.seed, serviceLevelThresholdMs: s.serviceLevelThresholdMs, warmupMs: s.warmupMs, wallMs });
    report.budgets = evaluateBudgets(report, budgets[i]!);
    return { values: combos[i]!, report, pass: allPass(report.budgets), agents: report.agents.count, results: mine };
  });
  let cheapest: number | null = null;
  points.forEach((p, i) => {
    if (p.pass && (cheapest === null || p.agents < points[cheapest]!.agents)) cheapest = i;
  });
  return { points, cheapest };
}
