// The twin against queueing theory: scenarios/erlang-c.yaml (Poisson
// arrivals, exponential handle time, capacity 1, no RONA, no wrap-up, no
// abandonment) must agree with the Erlang C formula for the probability of
// waiting, the service level and the average speed of answer, within the
// sampling error of independent replications.
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import { closePool } from '../../pipeline/threads/pool.js';
import { queueFigures } from '../../planning/theory/erlang.js';
import { deriveSeed } from '../../sim/random/prng.js';

const REPLICATIONS = 12;
/** Normal quantile for a two-sided check that a correct twin fails about once in 15,000 runs per figure. */
const Z = 4;

function meanAndStandardError(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

// Replications go through the pipeline on two worker threads, which stay up between files: stop them after this one.
afterAll(closePool);

describe('fidelity: Erlang C', () => {
  const scenario = loadScenario('scenarios/erlang-c.yaml', ['duration=100h', 'warmup=2h']);
  const stream = scenario.customers[0]!;
  const group = scenario.agents[0]!;

  it('describes an M/M/c queue', () => {
    expect(scenario.customers).toHaveLength(1);
    expect(scenario.agents).toHaveLength(1);
    expect(stream.arrivals).toHaveLength(1);
    expect(stream.handleTime.kind).toBe('exp');
    expect(stream.patience).toBeNull();
    expect(group.capacity).toBe(1);
    expect(group.noAnswer).toBe(0);
  });

  it('agrees with the formula on P(wait), service level and ASA', async () => {
    const theory = queueFigures({
      arrivalRatePerSecond: stream.arrivals[0]!.perSecond,
      handleTimeSeconds: stream.handleTime.kind === 'exp' ? stream.handleTime.mean / 1000 : NaN,
      agents: group.count,
      serviceLevelThresholdSeconds: scenario.serviceLevelThresholdMs / 1000,
    });
    // Each run is a job of its own (one replication on its own seed), so each gives its own report.
    const jobs = Array.from({ length: REPLICATIONS }, (_, i) => ({ scenario, seed: deriveSeed(scenario.seed, 'fidelity', i) }));
    const runs = (await runPipeline(jobs, { threads: 2 })).map((o) => o.report);
    const figures = {
      waitProbability: { sim: meanAndStandardError(runs.map((r) => r.waitProbability)), theory: theory.waitProbability },
      serviceLevel: { sim: meanAndStandardError(runs.map((r) => r.serviceLevel.value)), theory: theory.serviceLevel },
      averageSpeedOfAnswer: { sim: meanAndStandardError(runs.map((r) => r.histograms.answerTime.mean / 1000)), theory: theory.averageSpeedOfAnswerSeconds },
      occupancy: { sim: meanAndStandardError(runs.map((r) => r.agents.occupancy)), theory: theory.occupancy },
    };
    for (const [name, f] of Object.entries(figures)) {
      const gap = Math.abs(f.sim.mean - f.theory);
      expect(gap, `${name}: twin ${f.sim.mean.toFixed(4)} ± ${f.sim.se.toFixed(4)}, Erlang C ${f.theory.toFixed(4)}`).toBeLessThan(Z * f.sim.se);
    }
    // The check must have teeth: a twin 10% off on P(wait) (a bug once seen here) must fail it.
    expect(figures.waitProbability.sim.se).toBeLessThan(0.005);
    expect(figures.averageSpeedOfAnswer.sim.se).toBeLessThan(0.25);
  }, 240_000);
});
