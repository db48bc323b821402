// The pool's progress hooks: one call per finished replication, in order of
// finishing, and the simulated time each replication has reached, written by
// real worker threads into a shared buffer (or, one replication in-process,
// by this thread) and read as they go.
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { closePool, runReplications, type TaskProgress } from '../../pipeline/threads/pool.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { renderJson, withoutWallClock } from '../../reports/render-json.js';
import type { Scenario } from '../../scenarios/scenario.js';

const short = loadScenario('scenarios/quickstart.yaml', ['duration=1h', 'warmup=15m']);
// Long enough for several progress calls (one per 8,192 events).
const day = loadScenario('scenarios/quickstart.yaml', ['duration=24h', 'warmup=15m']);
// About 360,000 events (5 progress writes) in about a second a replication.
const m = loadScenario('scenarios/erlang-c.yaml', ['duration=50h', 'warmup=1h']);

function merged(s: Scenario, results: ReplicationResult[]): string {
  return renderJson(withoutWallClock(buildMergedReport(results, {
    scenario: s.name, seed: s.seed, serviceLevelThresholdMs: s.serviceLevelThresholdMs, warmupMs: s.warmupMs, wallMs: 1,
  })));
}

// The pool is kept across runs (pipeline/threads/pool.ts): stop its workers when the file is done.
afterAll(closePool);

describe('runReplications hooks', () => {
  it('calls onDone once per replication, counting up to the total', async () => {
    const calls: [number, number][] = [];
    const results = await runReplications(short, { replications: 3, threads: 2 }, { onDone: (done, total) => calls.push([done, total]) });
    expect(results).toHaveLength(3);
    expect(calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('reports the simulated time of an in-process run as it goes, never backwards', async () => {
    const seen: number[] = [];
    await runReplications(day, { replications: 1, threads: 1 }, { onProgress: (simulatedMs) => seen.push(simulatedMs) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.at(-1)!).toBeLessThanOrEqual(day.durationMs + 24 * 3_600_000);
  });

  it('shows each worker thread\'s simulated time moving before the first replication ends, and the total at the end', async () => {
    let progress: TaskProgress | null = null;
    // What this thread reads while the workers run: the raw slots the workers write, and the bar's figure.
    const raw: number[][] = [];
    const reached: number[] = [];
    let readsBeforeFirstDone = -1;
    const read = () => {
      if (progress === null) return;
      raw.push(Array.from(new Float64Array(progress.buffer)));
      reached.push(progress.reachedMs());
    };
    const timer = setInterval(read, 5);
    let results: ReplicationResult[];
    try {
      results = await runReplications(m, { replications: 2, threads: 2 }, {
        onStart: (p) => {
          progress = p;
        },
        onDone: (done) => {
          if (done === 1) {
            read();
            readsBeforeFirstDone = reached.length;
          }
        },
      });
    } finally {
      clearInterval(timer);
    }
    const p = progress as TaskProgress | null;
    expect(p).not.toBeNull();
    expect(p!.totalMs).toBe(2 * m.durationMs);
    // Before either replication ended, the figure took several distinct values between nothing and the total.
    const before = reached.slice(0, readsBeforeFirstDone - 1);
    const moving = new Set(before.filter((ms) => ms > 0 && ms < p!.totalMs));
    expect(moving.size).toBeGreaterThanOrEqual(3);
    // Both workers wrote, and what each wrote never went backwards.
    for (const task of [0, 1]) {
      const column = raw.map((r) => r[task]!);
      expect(new Set(column.slice(0, readsBeforeFirstDone - 1).filter((ms) => ms > 0)).size).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < column.length; i++) expect(column[i]!).toBeGreaterThanOrEqual(column[i - 1]!);
    }
    for (let i = 1; i < reached.length; i++) expect(reached[i]!).toBeGreaterThanOrEqual(reached[i - 1]!);
    expect(p!.done).toBe(2);
    expect(p!.reachedMs()).toBe(p!.totalMs);
    expect(p!.draining()).toBe(false);
    // Keeping progress changes nothing: replication 0 as a plain in-process run, no progress kept.
    expect(merged(m, results.slice(0, 1))).toBe(merged(m, await runReplications(m, { replications: 1, threads: 1 })));
  });

  it('keeps the progress of an in-process run too, written before onProgress is called', async () => {
    let progress: TaskProgress | null = null;
    const seen: number[] = [];
    const results = await runReplications(m, { replications: 1, threads: 1 }, {
      onStart: (p) => {
        progress = p;
      },
      onProgress: (simulatedMs) => {
        seen.push(progress!.reachedMs());
        expect(progress!.reachedMs()).toBe(Math.min(simulatedMs, m.durationMs));
      },
    });
    expect(results).toHaveLength(1);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    const p = progress as TaskProgress | null;
    expect(p!.done).toBe(1);
    expect(p!.reachedMs()).toBe(m.durationMs);
  });
});
