// `cctwin run <scenario>`: simulate in virtual time, print the report, and
// exit 1 when a budget fails (2 for a bad scenario).
import { writeFileSync } from 'node:fs';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { warmPoolFor } from '../../pipeline/threads/pool.js';
import type { TaskProgress } from '../../pipeline/threads/pool.js';
import { runPipeline, type PipelineJob, type PipelineOutcome } from '../../pipeline/run-pipeline.js';
import { ProgressBar, wantsProgress, whileRunning } from '../../reports/progress.js';
import { formatDuration } from '../../reports/format-duration.js';
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';
import { renderJson } from '../../reports/render-json.js';
import { renderText } from '../../reports/render-text.js';
import { renderJunit } from '../../reports/junit.js';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_OK } from '../exit-codes.js';
import type { ScenarioArgs } from './common-options.js';
import { writeRunOutputs } from './write-outputs.js';
import { prepareOutputs, printScenarioError, processOutput, writingTo, type Output } from '../output.js';

// The definition lives in run.command.ts, so that the CLI loads this file only to run.
export { runCommand } from './run.command.js';

/** Runs one scenario (R replications on T threads) and returns the exit status. */
export async function runRun(args: ScenarioArgs, out: Output = processOutput): Promise<number> {
  // The workers (if any) load the simulation while this thread loads the scenario.
  warmPoolFor(args.replications ?? 1, args.threads ?? 1);
  let scenario;
  let budgets;
  try {
    ({ scenario, budgets } = loadScenarioWithBudgets(args.scenario, args.set));
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    printScenarioError(out, args.scenario, err);
    return EXIT_BAD_INPUT;
  }
  prepareOutputs(args);
  const startedAtMs = Date.now();
  const replications = args.replications ?? 1;
  const job: PipelineJob = {
    scenario, budgets, replications,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    checkInvariants: args.check === true,
  };
  const threads = Math.min(args.threads ?? 1, replications);
  const { report, results, pass } = await withProgress(job, threads, wantsProgress(args.progress, process.stderr, args.quiet === true));

  if (args.out) writingTo('--out', args.out, () => writeRunOutputs(args.out!, report, results, startedAtMs));
  if (args.junit) writingTo('--junit', args.junit, () => writeFileSync(args.junit!, renderJunit(report.budgets, scenario.name)));
  if (args.json) out.stdout(renderJson(report));
  else if (!args.quiet) out.stdout(renderText(report, { color: process.stdout.isTTY === true, intervals: scenario.intervalSet === true || args.intervals === true }));
  return pass ? EXIT_OK : EXIT_BUDGET_FAILED;
}

/**
 * Runs the replications, with a progress bar on stderr when asked, in
 * simulated time over all replications: each worker writes the time it has
 * reached into a shared buffer that the bar reads at each redraw (every
 * 250 ms from a timer; one replication runs in this thread and redraws from
 * the runner's onProgress). No bar: no buffer, no progress kept.
 */
async function withProgress(job: PipelineJob, threads: number, show: boolean): Promise<PipelineOutcome> {
  if (!show) return (await runPipeline([job], { threads }))[0]!;
  const { scenario } = job;
  const replications = job.replications ?? 1;
  const several = replications > 1;
  const label = several ? `${scenario.name}: ${replications} replications on ${threads} thread${threads === 1 ? '' : 's'}` : scenario.name;
  let progress: TaskProgress | null = null;
  const bar = new ProgressBar(process.stderr, {
    label, total: replications * scenario.durationMs,
    // Several: the bar is simulated time, the count replications finished (the line is long enough already).
    describe: (ms) => (several ? `${progress?.done ?? 0}/${replications}` : `${formatDuration(ms, 'ms')} simulated`),
  });
  const onStart = (p: TaskProgress) => {
    progress = p;
    bar.follow(() => ({ done: p.reachedMs(), note: p.draining() ? 'draining' : '' }), p.totalMs);
  };
  const outcomes = await whileRunning(bar, () => runPipeline([job], { threads, hooks: { onStart, onProgress: () => bar.tick() } }), () => progress?.totalMs ?? 0, 250);
  return outcomes[0]!;
}
