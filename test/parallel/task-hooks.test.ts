// The pool's progress hooks: one call per finished replication, in order of
// finishing, and (one replication in-process) the simulated time reached.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { runReplications } from '../../sim/parallel/pool.js';

const short = loadScenario('scenarios/quickstart.yaml', ['duration=1h', 'warmup=15m']);
// Long enough for several progress calls (one per 65,536 events).
const day = loadScenario('scenarios/quickstart.yaml', ['duration=24h', 'warmup=15m']);

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
});
