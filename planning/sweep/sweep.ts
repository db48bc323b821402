// A sweep: the scenario at every combination of the varied values, each
// point's replications run together on one worker pool, and the cheapest
// point (fewest agents) that meets every budget picked out.
//
// The pick rests on simulated figures only, which are the same on every
// machine: wall-clock budgets (engine.*, wall.*) are judged afterwards, in
// timing passes (pipeline/timing), on the picked point alone. Its verdict decides
// the exit status; it never moves the pick.
import type { Report } from '../../reports/report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';
import type { TaskHooks } from '../../pipeline/threads/pool.js';
import { judgeWallClockLater, runPipeline, type PipelineJob } from '../../pipeline/run-pipeline.js';
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

/** Loads every point first, so a bad value anywhere fails before anything runs (ScenarioError). */
export async function runSweep(plan: SweepPlan, hooks: TaskHooks = {}): Promise<SweepResult> {
  const combos = cartesian(plan.varies);
  const jobs = combos.map((values): PipelineJob => {
    const { scenario, budgets } = loadScenarioWithBudgets(plan.file, [...plan.set, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)]);
    return {
      scenario, budgets, replications: plan.replications, checkInvariants: plan.checkInvariants === true, wallClock: 'later',
      ...(plan.seed !== undefined ? { seed: plan.seed } : {}),
    };
  });
  const outcomes = await runPipeline(jobs, { threads: plan.threads, hooks });
  const points = outcomes.map((o, i): SweepPoint => ({ values: combos[i]!, report: o.report, pass: o.pass, agents: o.report.agents.count, results: o.results }));
  let cheapest: number | null = null;
  points.forEach((p, i) => {
    if (p.pass && (cheapest === null || p.agents < points[cheapest]!.agents)) cheapest = i;
  });
  if (cheapest === null) return { points, cheapest, pass: false };
  const picked = outcomes[cheapest]!;
  judgeWallClockLater(picked);
  points[cheapest] = { ...points[cheapest]!, report: picked.report, pass: picked.pass };
  return { points, cheapest, pass: picked.pass };
}
