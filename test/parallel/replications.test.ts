// Replications on worker threads: the merged report must not depend on how
// many threads computed it, one replication must reproduce a plain run, and
// several must carry confidence intervals. Real piscina workers (the compiled
// worker under dist/, which `npm test` builds first).
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { closePool, runReplications } from '../../pipeline/threads/pool.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import { buildMergedReport } from '../../reports/merged-report.js';
import { renderJson, withoutWallClock } from '../../reports/render-json.js';
import { runReplication } from '../../pipeline/threads/replicate.js';

const scenario = loadScenario('scenarios/quickstart.yaml', ['duration=2h', 'warmup=15m']);

async function report(replications: number, threads: number): Promise<string> {
  const [outcome] = await runPipeline([{ scenario, replications }], { threads });
  return renderJson(withoutWallClock(outcome!.report));
}

// The pool is kept across runs (pipeline/threads/pool.ts): stop its workers when the file is done.
afterAll(closePool);

describe('replications on worker threads', () => {
  it('give the same merged report on 1 and 2 threads', async () => {
    const [one, two] = [await report(4, 1), await report(4, 2)];
    expect(two).toBe(one);
    const parsed = JSON.parse(one);
    expect(parsed.replications).toBe(4);
    expect(parsed.conversations.arrived).toBeGreaterThan(4 * 1000);
  });

  it('one replication on a worker reproduces a plain run of the scenario in this thread', async () => {
    const result = runReplication({ scenario, index: 0, seed: scenario.seed });
    const plain = buildMergedReport([result], { scenario: scenario.name, seed: scenario.seed, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs, warmupMs: scenario.warmupMs, wallMs: 1 });
    const [onWorker] = await runReplications(scenario, { replications: 1, threads: 2 });
    expect(onWorker!.seed).toBe(scenario.seed);
    expect(await report(1, 1)).toBe(renderJson(withoutWallClock(plain)));
    const viaWorker = buildMergedReport([onWorker!], { scenario: scenario.name, seed: scenario.seed, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs, warmupMs: scenario.warmupMs, wallMs: 1 });
    expect(renderJson(withoutWallClock(viaWorker))).toBe(renderJson(withoutWallClock(plain)));
  });

  it('several replications give each key figure a mean and a 95% interval around it', async () => {
    const results = await runReplications(scenario, { replications: 5, threads: 2 });
    expect(new Set(results.map((r) => r.seed)).size).toBe(5);
    const r = buildMergedReport(results, { scenario: scenario.name, seed: scenario.seed, serviceLevelThresholdMs: scenario.serviceLevelThresholdMs, warmupMs: scenario.warmupMs, wallMs: 1 });
    const sl = r.confidence!.serviceLevel;
    expect(sl.halfWidth).toBeGreaterThan(0);
    expect(sl.low!).toBeLessThan(sl.mean);
    expect(sl.high!).toBeGreaterThan(sl.mean);
    const perReplication = results.map((x) => x.answeredWithinThreshold / (x.counts.answered + x.counts.abandoned));
    expect(sl.mean).toBeCloseTo(perReplication.reduce((a, b) => a + b, 0) / 5, 5);
    // The pooled counts are the sums of the replications'.
    expect(r.conversations.arrived).toBe(results.reduce((n, x) => n + x.counts.arrived, 0));
    expect(r.histograms.answerTime.count).toBe(results.reduce((n, x) => n + x.counts.answered, 0));
  });
});
