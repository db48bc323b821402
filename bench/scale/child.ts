// One measurement of bench/scale in a fresh process, as `cctwin run FILE
// --replications R --threads T` runs its replications (no report, no timing
// pass): start the pool's workers (warmPoolFor, so they load the simulation
// while this thread loads the scenario), load the scenario, run the
// replications on the pool, print one JSON line. With --late the workers
// start only once the scenario has loaded (as `cctwin run` did before).
//
// At the end, with the pool's workers still alive (the pool is kept), it
// reads every thread's CPU time from /proc/self/task (Linux): this thread,
// the `threads` busiest others (the workers) and the rest (V8's compiler and
// GC helpers, libuv). This thread's time plus the busiest worker's is the
// run's critical path in CPU time: what the wall time would be on idle cores.
// Run: node dist/bench/scale/child.js FILE THREADS REPLICATIONS [--late]
import { readdirSync, readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';

export interface ChildFigures {
  file: string;
  threads: number;
  replications: number;
  /** The workers started before the scenario loaded (as `cctwin run` does), not after. */
  early: boolean;
  /** Process start to the start of this script's body: Node's start-up and this file's few imports. */
  bootMs: number;
  /** Importing the loader and loading (parsing, checking, normalizing) the scenario. */
  loadMs: number;
  /** runReplications: workers started (with --late), replications run, results back. */
  runMs: number;
  /** Process start to the end. */
  totalMs: number;
  events: number;
  conversations: number;
  /** User + system CPU of the process, every thread, in ms. */
  cpuMs: number;
  /** Each replication's own wall time in its worker, ms. */
  replicationWallMs: number[];
  /** Per-thread CPU (Linux), ms: null elsewhere. */
  threadCpu: { mainMs: number; workersMs: number[]; helpersMs: number } | null;
}

/** CPU time of each thread of this process, ms, by thread id (Linux; null when /proc cannot tell). */
export function threadCpuMs(): Map<number, number> | null {
  try {
    const tick = 10; // USER_HZ is 100 on Linux
    const out = new Map<number, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) * tick);
    }
    return out;
  } catch {
    return null;
  }
}

function splitThreads(cpu: Map<number, number> | null, workers: number): ChildFigures['threadCpu'] {
  if (cpu === null) return null;
  const mainMs = cpu.get(process.pid) ?? 0;
  const others = [...cpu.entries()].filter(([tid]) => tid !== process.pid).map(([, ms]) => ms).sort((a, b) => b - a);
  return { mainMs, workersMs: others.slice(0, workers), helpersMs: others.slice(workers).reduce((a, b) => a + b, 0) };
}

async function main(): Promise<void> {
  const [file, threadsArg, replicationsArg] = process.argv.slice(2);
  const early = !process.argv.includes('--late');
  const threads = Number(threadsArg);
  const replications = Number(replicationsArg);
  const bootMs = performance.now();
  const { warmPoolFor, runReplications } = await import('../../pipeline/threads/pool.js');
  if (early) warmPoolFor(replications, threads);
  const loadStart = performance.now();
  const { loadScenario } = await import('../../scenarios/load.js');
  const scenario = loadScenario(file!);
  const runStart = performance.now();
  const results = await runReplications(scenario, { replications, threads });
  const end = performance.now();
  const cpu = cpuUsage();
  const threadCpu = splitThreads(threadCpuMs(), threads);
  const figures: ChildFigures = {
    file: file!, threads, replications, early, bootMs, loadMs: runStart - loadStart, runMs: end - runStart, totalMs: end,
    events: results.reduce((n, r) => n + r.events, 0),
    conversations: results.reduce((n, r) => n + r.counts.arrived, 0),
    cpuMs: (cpu.user + cpu.system) / 1000,
    replicationWallMs: results.map((r) => r.wallMs),
    threadCpu,
  };
  console.log(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
