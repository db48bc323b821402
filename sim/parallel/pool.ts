// Runs a scenario's replications on a pool of worker threads (piscina). One
// replication on one thread runs in-process: no worker to start.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Scenario } from '../../scenarios/scenario.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { replicationSeed, runReplication, type ReplicationTask } from './replicate.js';
import type { RunOptions } from '../runner/virtual-runner.js';
import { TaskProgress } from './task-progress.js';

export { TaskProgress } from './task-progress.js';

/** For progress bars: tasks finished, and the simulated time each has reached. */
export interface TaskHooks {
  /** After each task finishes, in order of finishing. */
  onDone?: (done: number, total: number) => void;
  /**
   * Asks for the simulated time every task reaches as it runs: called once,
   * before any task starts, with a live view to read whenever wanted (each
   * redraw of a bar). Workers write it through a shared buffer; without this
   * hook they get none and keep no progress.
   */
  onStart?: (progress: TaskProgress) => void;
  /**
   * The runner's own onProgress, called only when the one task runs
   * in-process (one task on one thread): this thread is then busy running
   * it and no timer fires, so this is the moment to redraw (the task's
   * progress is already written when it is called).
   */
  onProgress?: RunOptions['onProgress'];
}

export interface ReplicationPlan {
  replications: number;
  threads: number;
  /** Overrides the scenario's seed. */
  seed?: number;
  checkInvariants?: boolean;
}

export async function runReplications(scenario: Scenario, plan: ReplicationPlan, hooks: TaskHooks = {}): Promise<ReplicationResult[]> {
  return runTasks(replicationTasks(scenario, plan), plan.threads, hooks);
}

export function replicationTasks(scenario: Scenario, plan: Omit<ReplicationPlan, 'threads'>): ReplicationTask[] {
  const baseSeed = plan.seed ?? scenario.seed;
  return Array.from({ length: plan.replications }, (_, index) => ({
    scenario, index, seed: replicationSeed(baseSeed, index), checkInvariants: plan.checkInvariants === true,
  }));
}

/** Runs tasks on `threads` workers; results come back in task order. */
export async function runTasks(tasks: readonly ReplicationTask[], threads: number, hooks: TaskHooks = {}): Promise<ReplicationResult[]> {
  const progress = hooks.onStart ? new TaskProgress(tasks.map((t) => t.scenario.durationMs)) : null;
  const run = progress === null ? tasks : tasks.map((t, i): ReplicationTask => ({ ...t, progress: progress.slotOf(i) }));
  if (progress !== null) hooks.onStart!(progress);
  if (threads <= 1 && run.length === 1) {
    const result = runReplication(run[0]!, hooks.onProgress);
    progress?.markDone(0);
    hooks.onDone?.(1, 1);
    return [result];
  }
  let done = 0;
  const pool = new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    return await Promise.all(run.map(async (t, i) => {
      const result = (await pool.run(t)) as ReplicationResult;
      progress?.markDone(i);
      hooks.onDone?.(++done, run.length);
      return result;
    }));
  } finally {
    await pool.destroy();
  }
}

/**
 * The compiled worker beside this file; when this file runs from source
 * (tests), the one tsc wrote under dist/.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = join(dirname(here), 'replication-worker.js');
  if (existsSync(sibling)) return sibling;
  const root = join(dirname(here), '..', '..');
  const compiled = join(root, 'dist', relative(root, dirname(here)), 'replication-worker.js');
  if (!existsSync(compiled)) throw new Error(`worker not built: ${compiled} (run npx tsc -p tsconfig.json)`);
  return compiled;
}
