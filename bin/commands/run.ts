// `cctwin run <scenario>`: simulate in virtual time, print the report, and
// exit 1 when a budget fails (2 for a bad scenario).
import { writeFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { runReplications, type ReplicationPlan } from '../../sim/parallel/pool.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { ProgressBar, wantsProgress, whileRunning } from '../../reports/progress.js';
import { formatDuration } from '../../reports/format-duration.js';
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';
import { allPass } from '../../reports/budgets/evaluate-budgets.js';
import { judgeRunBudgets } from '../../sim/timing/timing-pass.js';
import { renderJson } from '../../reports/render-json.js';
import { renderText } from '../../reports/render-text.js';
import { renderJunit } from '../../reports/junit.js';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_OK } from '../exit-codes.js';
import { withScenarioOptions, type ScenarioArgs } from './common-options.js';
import { writeRunOutputs } from './write-outputs.js';
import { prepareOutputs, printScenarioError, processOutput, writingTo, type Output } from '../output.js';


/** Runs one scenario (R replications on T threads) and returns the exit status. */
export async function runRun(args: ScenarioArgs, out: Output = processOutput): Promise<number> {
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
  const started = performance.now();
  const plan: ReplicationPlan = {
    replications: args.replications ?? 1,
    threads: Math.min(args.threads ?? 1, args.replications ?? 1),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    checkInvariants: args.check === true,
  };
  const results = await withProgress(scenario, plan, wantsProgress(args.progress, process.stderr, args.quiet === true));
  const report = buildMergedReport(results, {
    scenario: scenario.name,
    seed: args.seed ?? scenario.seed,
    serviceLevelThresholdMs: scenario.serviceLevelThresholdMs, warmupMs: scenario.warmupMs,
    wallMs: performance.now() - started,
  });
  // Wall-clock budgets get a timing pass of their own (docs/budgets.md): the run's figures may be slowed by --check or by sibling threads.
  report.budgets = judgeRunBudgets(report, scenario, args.seed ?? scenario.seed, budgets);

  if (args.out) writingTo('--out', args.out, () => writeRunOutputs(args.out!, report, results, startedAtMs));
  if (args.junit) writingTo('--junit', args.junit, () => writeFileSync(args.junit!, renderJunit(report.budgets, scenario.name)));
  if (args.json) out.stdout(renderJson(report));
  else if (!args.quiet) out.stdout(renderText(report, { color: process.stdout.isTTY === true, intervals: scenario.intervalSet === true || args.intervals === true }));
  return allPass(report.budgets) ? EXIT_OK : EXIT_BUDGET_FAILED;
}

/**
 * Runs the replications, with a progress bar on stderr when asked: by
 * simulated time for one replication (it runs in this thread), by
 * replications finished for several (workers), the elapsed time redrawn each
 * second meanwhile.
 */
async function withProgress(scenario: Scenario, plan: ReplicationPlan, show: boolean): Promise<ReplicationResult[]> {
  if (!show) return runReplications(scenario, plan);
  if (plan.replications === 1) {
    const bar = new ProgressBar(process.stderr, {
      label: scenario.name, total: scenario.durationMs, describe: (ms) => `${formatDuration(ms, 'ms')} simulated`,
    });
    const onProgress = (simulatedMs: number) => bar.update(simulatedMs, simulatedMs >= scenario.durationMs ? 'draining' : '');
    return whileRunning(bar, () => runReplications(scenario, plan, { onProgress }), () => scenario.durationMs);
  }
  const bar = new ProgressBar(process.stderr, {
    label: `${scenario.name}: ${plan.replications} replications on ${plan.threads} thread${plan.threads === 1 ? '' : 's'}`,
    total: plan.replications, describe: (done) => `${done}/${plan.replications}`,
  });
  return whileRunning(bar, () => runReplications(scenario, plan, { onDone: (done) => bar.update(done) }), (results) => results.length);
}

export const runCommand: CommandModule<object, ScenarioArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario in virtual time and print its report (exit 1 if a budget fails)',
  builder: (y: Argv<object>) => withScenarioOptions(y),
  handler: async (argv) => {
    process.exitCode = await runRun(argv);
  },
};
