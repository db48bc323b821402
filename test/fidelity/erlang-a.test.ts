// The twin against Erlang A (M/M/c+M): scenarios/erlang-a.yaml, run as
// independent replications on worker threads, must agree with the analytic
// figures for service level, P(wait), ASA, abandon rate and occupancy within
// the replications' sampling error.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import { tQuantile975, type Estimate } from '../../reports/confidence.js';
import { queueFigures } from '../../planning/theory/erlang.js';

const REPLICATIONS = 10;
const Z = 4;

describe('fidelity: Erlang A', () => {
  it('agrees with the formula within sampling error', async () => {
    const scenario = loadScenario('scenarios/erlang-a.yaml', ['duration=60h']);
    const stream = scenario.customers[0]!;
    if (stream.patience?.kind !== 'exp' || stream.handleTime.kind !== 'exp') throw new Error('erlang-a.yaml must use exponential patience and handle time');
    const theory = queueFigures({
      arrivalRatePerSecond: stream.arrivals[0]!.perSecond,
      handleTimeSeconds: stream.handleTime.mean / 1000,
      agents: scenario.agents[0]!.count,
      patienceSeconds: stream.patience.mean / 1000,
      serviceLevelThresholdSeconds: scenario.serviceLevelThresholdMs / 1000,
    });
    const [outcome] = await runPipeline([{ scenario, replications: REPLICATIONS }], { threads: 2 });
    const c = outcome!.report.confidence!;
    const pairs: [string, Estimate, number][] = [
      ['serviceLevel', c.serviceLevel, theory.serviceLevel],
      ['waitProbability', c.waitProbability, theory.waitProbability],
      ['averageSpeedOfAnswerSeconds', c.averageSpeedOfAnswerSeconds, theory.averageSpeedOfAnswerSeconds],
      ['abandonRate', c.abandonRate, theory.abandonRate],
      ['occupancy', c.occupancy, theory.occupancy],
    ];
    for (const [name, e, expected] of pairs) {
      const se = e.halfWidth! / tQuantile975(REPLICATIONS - 1);
      expect(Math.abs(e.mean - expected), `${name}: twin ${e.mean} ± ${e.halfWidth}, Erlang A ${expected.toFixed(4)}`).toBeLessThan(Z * se);
    }
    // Teeth: abandonment is measured tightly enough that a 10% error in it would fail.
    expect(Z * c.abandonRate.halfWidth! / tQuantile975(REPLICATIONS - 1)).toBeLessThan(0.1 * theory.abandonRate);
  });
});
