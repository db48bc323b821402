// The shared worker pool: kept across runs (workers start once per process),
// replaced when another thread count is asked for without losing the tasks
// still running on the old one, and giving the same results warm or cold.
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { closePool, replicationTasks, runReplications, ReplicationPool, warmPool, warmPoolFor } from '../../pipeline/threads/pool.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import type { ReplicationResult } from '../../reports/replication.js';
import { renderJson, withoutWallClock } from '../../reports/render-json.js';

const scenario = loadScenario('scenarios/quickstart.yaml', ['duration=30m', 'warmup=5m']);

function merged(results: ReplicationResult[]): string {
  return renderJson(withoutWallClock(buildMergedReport(results, {
    scenario: scenario.name, seed: scenario.seed, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs, warmupMs: scenario.warmupMs, wallMs: 1,
  })));
}

afterAll(closePool);

describe('the shared replication pool', () => {
  it('is kept across runs of the same thread count and gives the same report warm as cold', async () => {
    const pool = warmPool(2);
    const first = merged(await runReplications(scenario, { replications: 3, threads: 2 }));
    expect(warmPool(2)).toBe(pool);
    const again = merged(await runReplications(scenario, { replications: 3, threads: 2 }));
    expect(warmPool(2)).toBe(pool);
    expect(again).toBe(first);
    // A fresh pool of another size: the same report.
    expect(merged(await runReplications(scenario, { replications: 3, threads: 1 }))).toBe(first);
    expect(warmPool(1)).not.toBe(pool);
  });

  it('lets the tasks running on a pool finish when another thread count replaces it', async () => {
    await closePool();
    const old = warmPool(2);
    const running = runReplications(scenario, { replications: 2, threads: 2 });
    const replacement = warmPool(1);
    expect(replacement).not.toBe(old);
    const results = await running;
    expect(results.map((r) => r.index)).toEqual([0, 1]);
    await expect(old.runTasks(replicationTasks(scenario, { replications: 1 }))).rejects.toThrow(/closed/);
    expect(merged(await replacement.runTasks(replicationTasks(scenario, { replications: 2 })))).toBe(merged(results));
  });

  it('is started before a run as the run will use it: threads capped at replications, none for one replication on one thread', async () => {
    await closePool();
    expect(warmPoolFor(1, 1)).toBeNull();
    expect(warmPoolFor(1, 4)).toBeNull();
    expect(warmPoolFor(3, 1)?.threads).toBe(1);
    const early = warmPoolFor(2, 4)!;
    expect(early.threads).toBe(2);
    const results = await runReplications(scenario, { replications: 2, threads: 2 });
    expect(warmPool(2)).toBe(early);
    expect(results.map((r) => r.index)).toEqual([0, 1]);
  });

  it('starts anew after closePool, and a pool of its own closes on its own', async () => {
    await closePool();
    const results = await runReplications(scenario, { replications: 2, threads: 2 });
    expect(results).toHaveLength(2);
    const own = new ReplicationPool(1);
    try {
      expect(merged(await own.runTasks(replicationTasks(scenario, { replications: 2 })))).toBe(merged(results));
    } finally {
      await own.close();
    }
    await expect(own.runTasks(replicationTasks(scenario, { replications: 1 }))).rejects.toThrow(/closed/);
  });
});
