// The one way from scenarios to judged reports, for `run`, `sweep`, the
// simulate API and the tests: each job's replications planned (seeds derived
// from the job's), all jobs' replications run together on one pool (or in
// this thread when there is one), each job's results merged exactly into its
// report, and its budgets judged: simulated figures on the report,
// wall-clock ones in timing passes of their own. Where the replications ran
// changes nothing in a report but its wall-clock figures.
import type { Scenario } from '../scenarios/scenario.js';
import type { BudgetResult, Report } from '../reports/report.js';
import type { ReplicationResult } from '../reports/replication.js';
import { buildMergedReport } from '../reports/merged-report.js';
import { allPass, judge, metricOf, reportFigures } from '../reports/budgets/evaluate-budgets.js';
import type { Budget } from '../reports/budgets/parse-budget.js';
import { replicationTasks, runTasks, type TaskHooks } from './threads/pool.js';
import { isWallClockBudget, judgeRunBudgets, judgeWallClockBudgets } from './timing/timing-pass.js';

export interface PipelineJob {
  scenario: Scenario;
  /** Judged on the merged report; none by default. */
  budgets?: readonly Budget[];
  /** Independent replications, merged into one report (default 1). */
  replications?: number;
  /** Overrides the scenario's seed; replication 0 runs on it, the others on seeds derived from it. */
  seed?: number;
  /** Check the engine's invariants after every command (slow). */
  checkInvariants?: boolean;
  /**
   * When the wall-clock budgets are judged: `now`, in timing passes right
   * after the run (the default); `later`, by the caller, which gets them
   * back marked as not judged (a sweep times only the point it picks).
   */
  wallClock?: 'now' | 'later';
}

export interface PipelineOptions {
  /** Worker threads for all the jobs' replications together (default 1). */
  threads?: number;
  /** Progress of the replications as they run. */
  hooks?: TaskHooks;
}

export interface PipelineOutcome {
  job: PipelineJob;
  /** The merged report, its budgets judged. */
  report: Report;
  /** The replications as they came back, in order (encoded histograms, for --out). */
  results: ReplicationResult[];
  /** Every budget judged passed (wall-clock ones left for later count as passing until judged). */
  pass: boolean;
}

export const WALL_CLOCK_LATER = 'wall-clock budget: judged in a timing pass on the picked point only';

export async function runPipeline(jobs: readonly PipelineJob[], options: PipelineOptions = {}): Promise<PipelineOutcome[]> {
  const started = performance.now();
  const taskLists = jobs.map((job) => replicationTasks(job.scenario, {
    replications: job.replications ?? 1,
    checkInvariants: job.checkInvariants === true,
    ...(job.seed !== undefined ? { seed: job.seed } : {}),
  }));
  const results = await runTasks(taskLists.flat(), options.threads ?? 1, options.hooks ?? {});
  const wallMs = performance.now() - started;
  let offset = 0;
  return jobs.map((job, i) => {
    const mine = results.slice(offset, offset + taskLists[i]!.length);
    offset += mine.length;
    const report = mergeJob(job, mine, wallMs);
    report.budgets = judgeJob(job, report);
    return { job, report, results: mine, pass: allPass(report.budgets) };
  });
}

/** The seed a job's report names: the one its first replication ran on. */
export function seedOf(job: PipelineJob): number {
  return job.seed ?? job.scenario.seed;
}

function mergeJob(job: PipelineJob, results: readonly ReplicationResult[], wallMs: number): Report {
  const s = job.scenario;
  return buildMergedReport(results, {
    scenario: s.name, seed: seedOf(job), serviceLevelThresholdMs: s.serviceLevelThresholdMs, warmupMs: s.warmupMs, wallMs,
  });
}

function judgeJob(job: PipelineJob, report: Report): BudgetResult[] {
  const budgets = job.budgets ?? [];
  if (job.wallClock !== 'later') return judgeRunBudgets(report, job.scenario, seedOf(job), budgets);
  const read = reportFigures(report);
  return budgets.map((b) => judge(b, isWallClockBudget(b) ? WALL_CLOCK_LATER : read(metricOf(b))));
}

/** Judges the wall-clock budgets a job left for later, on its outcome (in place): the sweep's pick. */
export function judgeWallClockLater(outcome: PipelineOutcome): void {
  const budgets = outcome.job.budgets ?? [];
  const wall = judgeWallClockBudgets(outcome.job.scenario, seedOf(outcome.job), budgets);
  outcome.report.budgets = budgets.map((b, j) => wall.get(b) ?? outcome.report.budgets[j]!);
  outcome.pass = allPass(outcome.report.budgets);
}
