// `cctwin sweep <scenario> --vary path=FROM..TO:STEP`: the scenario at every
// value (every combination, with several --vary), all points in parallel;
// one row per point and the cheapest meeting every budget marked. Exit 0 when
// some point meets every budget, 1 when none does, 2 for bad input.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { cartesian, parseVary, type Vary } from '../../planning/sweep/vary.js';
import { runSweep } from '../../planning/sweep/sweep.js';
import type { TaskHooks, TaskProgress } from '../../pipeline/threads/pool.js';
import { renderSweepText, sweepJson, sweepJunit } from '../../reports/render-sweep.js';
import { ProgressBar, wantsProgress, whileRunning } from '../../reports/progress.js';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_OK } from '../exit-codes.js';
import { writeRunOutputs } from './write-outputs.js';
import { prepareOutputs, printScenarioError, processOutput, writingTo, type Output } from '../output.js';
import type { SweepArgs } from './sweep.command.js';

// The definition lives in sweep.command.ts, so that the CLI loads this file only to run.
export { sweepCommand } from './sweep.command.js';

export async function runSweepCommand(args: SweepArgs, out: Output = processOutput): Promise<number> {
  const varies: Vary[] = [];
  for (const text of args.vary) {
    const parsed = parseVary(text);
    if (!parsed.ok) {
      out.stderr(`cctwin sweep: ${parsed.message}\n`);
      return EXIT_BAD_INPUT;
    }
    varies.push(parsed.vary);
  }
  if (varies.length === 0) {
    out.stderr('cctwin sweep: name at least one --vary PATH=FROM..TO:STEP\n');
    return EXIT_BAD_INPUT;
  }
  prepareOutputs(args);
  const startedAtMs = Date.now();
  let result;
  const sweep = (hooks: TaskHooks = {}) => runSweep({
    file: args.scenario, set: args.set, varies, replications: args.replications, threads: args.threads, checkInvariants: args.check === true,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
  }, hooks);
  try {
    if (wantsProgress(args.progress, process.stderr, args.quiet === true)) {
      const points = cartesian(varies).length;
      const tasks = points * args.replications;
      const label = `sweep: ${points} point${points === 1 ? '' : 's'} x ${args.replications} replication${args.replications === 1 ? '' : 's'} on ${args.threads} thread${args.threads === 1 ? '' : 's'}`;
      // The bar in simulated time over every run (points may differ in duration), read at each redraw from what the workers write (pipeline/threads/task-progress.ts); the count is runs finished.
      let progress: TaskProgress | null = null;
      const bar = new ProgressBar(process.stderr, {
        label, total: null, describe: () => `${progress?.done ?? 0}/${tasks} runs`,
      });
      const onStart = (p: TaskProgress) => {
        progress = p;
        bar.follow(() => ({ done: p.reachedMs(), note: p.draining() ? 'draining' : '' }), p.totalMs);
      };
      result = await whileRunning(bar, () => sweep({ onStart, onProgress: () => bar.tick() }), () => progress?.totalMs ?? 0, 250);
    } else {
      result = await sweep();
    }
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    printScenarioError(out, args.scenario, err);
    return EXIT_BAD_INPUT;
  }
  const name = result.points[0]!.report.scenario;
  if (args.out) {
    // sweep.json with every point, and each point's run files in point-N/.
    mkdirSync(args.out, { recursive: true });
    writingTo('--out', args.out, () => {
      writeFileSync(join(args.out!, 'sweep.json'), sweepJson(name, result.points, result.cheapest));
      result.points.forEach((p, i) => writeRunOutputs(join(args.out!, `point-${i + 1}`), p.report, p.results, startedAtMs));
    });
  }
  if (args.junit) writingTo('--junit', args.junit, () => writeFileSync(args.junit!, sweepJunit(result)));
  if (args.json) out.stdout(sweepJson(name, result.points, result.cheapest));
  else if (!args.quiet) out.stdout(renderSweepText(result.points, result.cheapest));
  return result.pass ? EXIT_OK : EXIT_BUDGET_FAILED;
}
