// `cctwin load <scenario>`: a real-time load test. Simulated agents and
// customers connect as WebSocket clients to `--target` (default: an
// embedded server on a free loopback port) and play the scenario with its
// clock sped up `--speed` times. Prints the report with the verdicts of the
// scenario's budgets and of the masking and balance checks; `--out DIR`
// streams load.hlog while it runs and writes report.json and report.html at
// the end; `--junit FILE` writes the verdicts for CI. SIGINT stops the
// arrivals, lets answers in flight settle and still reports (and judges).
//
// Exit status (bin/exit-codes.ts): 0 all good; 1 a budget failed, the masking
// check found an unmasked value while the tenant masks, or counts that must
// balance exactly (embedded server, or a target no other traffic was seen on)
// do not; 2 bad usage or a bad scenario; 3 an internal error. On a target
// shared with other traffic the balance is reported, not judged.
import { writeFileSync } from 'node:fs';
import type { Scenario } from '../../scenarios/scenario.js';
import type { Budget } from '../../reports/budgets/parse-budget.js';
import { loadScenarioWithBudgets } from '../../reports/budgets/scenario-budgets.js';
import { renderJunit } from '../../reports/junit.js';
import { loadPasses } from '../../load/load-checks.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { parseDurationMs } from '../../scenarios/units.js';
import { LoadSetupError, renderLoadText, runLoad, type LoadReport } from '../../load/index.js';
import { formatClock, ProgressBar, wantsProgress } from '../../reports/progress.js';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_OK } from '../exit-codes.js';
import { prepareOutputs, printScenarioError, printUsageError, processOutput, writingTo, type Output } from '../output.js';

export interface LoadArgs {
  scenario: string;
  speed: number;
  duration?: string;
  drain: string;
  target?: string;
  secret?: string;
  seed?: number;
  set: string[];
  json?: boolean;
  out?: string;
  junit?: string;
  quiet?: boolean;
  progress?: boolean;
  interval: string;
  piiShare: number;
  engineThread: 'worker' | 'main';
  /** Default native. */
  agentClient?: 'native' | 'webex-sdk';
}

// The definition lives in load.command.ts, so that the CLI loads this file only to run.
export { loadCommand } from './load.command.js';

/** Runs the load test and returns the exit status. `signal` stops it early (the command wires SIGINT to it). */
export async function runLoadCommand(args: LoadArgs, signal?: AbortSignal, env: NodeJS.ProcessEnv = process.env, out: Output = processOutput): Promise<number> {
  let scenario: Scenario;
  let budgets: Budget[];
  try {
    ({ scenario, budgets } = loadScenarioWithBudgets(args.scenario, args.set));
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    printScenarioError(out, args.scenario, err);
    return EXIT_BAD_INPUT;
  }
  // A long run must not fail at its end for want of a place to write (OutputPathError: exit 2, before anything runs).
  prepareOutputs({ out: args.out, junit: args.junit });
  const durations: Record<string, number | undefined> = {};
  for (const [key, value] of [['duration', args.duration], ['drain', args.drain], ['interval', args.interval]] as const) {
    if (value === undefined) continue;
    const parsed = parseDurationMs(value);
    if (!parsed.ok) {
      printUsageError(out, 'load', `--${key}: ${parsed.message}`);
      return EXIT_BAD_INPUT;
    }
    durations[key] = parsed.value;
  }
  const secret = args.secret ?? (env.CCTWIN_SECRET === '' ? undefined : env.CCTWIN_SECRET);
  if (args.target !== undefined && secret === undefined) {
    printUsageError(out, 'load', '--target needs the server\'s secret: --secret or CCTWIN_SECRET');
    return EXIT_BAD_INPUT;
  }
  const progress = wantsProgress(args.progress, process.stderr, args.quiet === true || args.json === true);
  // Arrivals run for the sped-up scenario duration: the bar's total, in wall-clock ms.
  const bar = progress
    ? new ProgressBar(process.stderr, { label: 'load', total: scenario.durationMs / args.speed, describe: (done, total) => `${formatClock(done)} of ${formatClock(total ?? 0)} of arrivals` })
    : null;
  let report: LoadReport;
  try {
    report = await runLoad({
      scenario, budgets, speed: args.speed, drainMs: durations.drain, hlogIntervalMs: durations.interval, piiShare: args.piiShare, engineThread: args.engineThread,
      ...(durations.duration === undefined ? {} : { durationMs: durations.duration }),
      ...(args.target === undefined ? {} : { target: args.target }),
      ...(args.agentClient === undefined ? {} : { agentClient: args.agentClient }),
      ...(secret === undefined ? {} : { secret }),
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      ...(args.out === undefined ? {} : { outDir: args.out }),
      ...(signal === undefined ? {} : { signal }),
      ...(bar ? { onProgress: (elapsedMs: number, arrivalsEndMs: number) => bar.update(Math.min(elapsedMs, arrivalsEndMs), elapsedMs >= arrivalsEndMs ? 'draining' : '') } : {}),
    });
  } catch (err) {
    bar?.finish();
    if (!(err instanceof LoadSetupError)) throw err;
    printUsageError(out, 'load', err.message);
    return EXIT_BAD_INPUT;
  }
  bar?.finish();
  // One testcase per budget, then the masking and balance checks, so a leak or an unbalanced run shows in CI.
  if (args.junit) writingTo('--junit', args.junit, () => writeFileSync(args.junit!, renderJunit([...report.budgets, ...report.checks], `${scenario.name} (load)`)));
  if (args.json) out.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (!args.quiet) out.stdout(renderLoadText(report));
  return loadPasses(report) ? EXIT_OK : EXIT_BUDGET_FAILED;
}
