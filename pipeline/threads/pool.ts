// Runs a scenario's replications on a pool of worker threads (piscina). One
// replication on one thread runs in-process: no worker to start.
//
// What a worker costs, and how this file keeps it low (measured on quickstart,
// whose replication takes about 0.5 s of CPU once warm on a quiet machine;
// bench/scale):
//
// - Start-up: a thread and a Node environment (about 0.04 s of CPU) and the
//   simulation's modules (about 0.2 s; faker is imported per locale, as its
//   root import alone took 0.2 s more). The pool is kept once started (one
//   shared pool per thread count, its idle workers unref'd so they never hold
//   the process open), so a second run in the same process (a test file, a
//   benchmark, a sweep) starts none. warmPoolFor() starts it before the
//   scenario loads (`cctwin run` does): this file loads no simulation module
//   itself (the in-process path imports replicate.js when it runs), so the
//   workers load theirs while the caller's thread reads the scenario.
// - Warm-up: a fresh V8 isolate runs its first replications slower while the
//   JIT compiles: about 0.5 s more CPU on the worker's own thread over its
//   first two quickstart replications, and about 1.2 s on V8's compiler
//   threads (about 460 TurboFan jobs in 4 replications; engine handlers such
//   as offer, assign and end are compiled 4-6 times, after deopts), at load
//   7-8. No setting of this pool removes it; a kept pool pays it once per
//   worker, not per run. On 2 cores it is what keeps short runs from scaling:
//   on 1 thread the compiler threads run on the idle core, on 2 they take
//   time from the workers (bench/scale's header).
// - Garbage collection: workers get a 96 MiB young generation (32 MiB
//   semi-spaces; a worker's default is 16): half a day of large.yaml in a
//   worker took 16 scavenges and 0.76 s of pauses instead of 27 and 0.97 s,
//   for 32 MiB more memory per worker. (This thread, whose young generation
//   V8 sizes on its own, took 248 scavenges and 6.5 s for a whole day, 127
//   and 3.7 s with --max-semi-space-size=32.) Results do not depend on it.
// - Per task, what crosses: the scenario (structured clone, 0.1 ms for
//   quickstart, 0.4 ms for large.yaml) and the result, plain numbers and HDR
//   histograms encoded (reports/replication.ts: about 22 KB for quickstart).
//   No parse, no normalization, no masker build per task (the masker is a
//   shared stateless object).
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Scenario } from '../../scenarios/scenario.js';
import type { ReplicationResult } from '../../reports/replication.js';
import type { ReplicationTask } from './replicate.js';
import type { RunOptions } from '../../sim/runner/virtual-runner.js';
import { replicationSeed } from './seeds.js';
import { TaskProgress } from './task-progress.js';

export { TaskProgress } from './task-progress.js';

/** Young generation of each worker, in MiB: three 32 MiB semi-spaces' worth (V8 sizes it as 3 semi-spaces). */
export const WORKER_YOUNG_GENERATION_MB = 96;

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

/**
 * Runs tasks on `threads` workers (the shared pool for that many, started
 * if need be); results come back in task order. One task on one thread runs
 * in-process.
 */
export async function runTasks(tasks: readonly ReplicationTask[], threads: number, hooks: TaskHooks = {}): Promise<ReplicationResult[]> {
  if (!usesPool(tasks.length, threads)) return runInProcess(tasks[0]!, hooks);
  return warmPool(threads).runTasks(tasks, hooks);
}

function usesPool(tasks: number, threads: number): boolean {
  return threads > 1 || tasks !== 1;
}

/**
 * Starts the shared pool a run of `replications` on `threads` threads will
 * use (threads capped at replications, as a command plans them), if it uses
 * one: for a command to call before it loads its scenario, so that the
 * workers load the simulation while this thread parses and checks the file.
 * Nothing starts for one replication on one thread (it runs in-process):
 * null then.
 */
export function warmPoolFor(replications: number, threads: number): ReplicationPool | null {
  const t = Math.max(1, Math.min(Math.floor(threads), replications));
  return usesPool(replications, t) ? warmPool(t) : null;
}

async function runInProcess(task: ReplicationTask, hooks: TaskHooks): Promise<ReplicationResult[]> {
  const progress = hooks.onStart ? new TaskProgress([task.scenario.durationMs]) : null;
  if (progress !== null) hooks.onStart!(progress);
  const { runReplication } = await import('./replicate.js');
  const result = runReplication(progress === null ? task : { ...task, progress: progress.slotOf(0) }, hooks.onProgress);
  progress?.markDone(0);
  hooks.onDone?.(1, 1);
  return [result];
}

/**
 * A pool of `threads` workers, each running one replication at a time. The
 * workers start (and load the simulation) when it is made. Idle workers do
 * not keep the process alive.
 */
export class ReplicationPool {
  readonly threads: number;
  private readonly piscina: Piscina;
  private inFlight = 0;
  private retired = false;
  private closed: Promise<void> | null = null;

  constructor(threads: number) {
    this.threads = Math.max(1, Math.floor(threads));
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: this.threads,
      maxThreads: this.threads,
      // Never shrink below minThreads anyway; no timer to keep.
      idleTimeout: Infinity,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  }

  /** Runs the tasks; results in task order. Progress and onDone as runTasks. */
  async runTasks(tasks: readonly ReplicationTask[], hooks: TaskHooks = {}): Promise<ReplicationResult[]> {
    if (this.closed !== null || this.retired) throw new Error('replication pool closed');
    const progress = hooks.onStart ? new TaskProgress(tasks.map((t) => t.scenario.durationMs)) : null;
    const run = progress === null ? tasks : tasks.map((t, i): ReplicationTask => ({ ...t, progress: progress.slotOf(i) }));
    if (progress !== null) hooks.onStart!(progress);
    let done = 0;
    this.inFlight += run.length;
    try {
      return await Promise.all(run.map(async (t, i) => {
        try {
          const result = (await this.piscina.run(t)) as ReplicationResult;
          progress?.markDone(i);
          hooks.onDone?.(++done, run.length);
          return result;
        } finally {
          this.inFlight--;
        }
      }));
    } finally {
      if (this.retired && this.inFlight === 0) void this.close();
    }
  }

  /** Stops the workers (once every task in flight has ended). */
  close(): Promise<void> {
    this.closed ??= this.piscina.destroy();
    return this.closed;
  }

  /** Closes once the tasks in flight have ended: they finish on this pool. */
  retire(): void {
    this.retired = true;
    if (this.inFlight === 0) void this.close();
  }
}

let shared: ReplicationPool | null = null;

/**
 * The shared pool of `threads` workers, started now if there is none of that
 * size (a pool of another size is closed once its tasks end). Call it early,
 * e.g. before loading the scenario, to start the workers while this thread
 * does other work; runTasks uses the same pool.
 */
export function warmPool(threads: number): ReplicationPool {
  const want = Math.max(1, Math.floor(threads));
  if (shared !== null && shared.threads === want) return shared;
  shared?.retire();
  shared = new ReplicationPool(want);
  return shared;
}

/** Closes the shared pool, if any (its workers are unref'd: a process exits without this). */
export async function closePool(): Promise<void> {
  const p = shared;
  shared = null;
  if (p !== null) {
    p.retire();
    await p.close();
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
