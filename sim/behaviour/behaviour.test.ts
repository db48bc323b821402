// The simulated people's decisions, drawn many times: each one's share or
// mean lands where the scenario says, within a tolerance a few standard
// errors wide (every draw is seeded, so the figures never move).
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../random/prng.js';
import { agentGroup, customerStream } from '../runner/testing/scenario-fixture.js';
import { AgentModel, CustomerModel } from './index.js';

const N = 40_000;

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function draws(n: number, draw: () => number): number[] {
  return Array.from({ length: n }, draw);
}

/** |share - p| within 4 standard errors of a binomial share over n draws. */
function expectShare(hits: number, n: number, p: number): void {
  expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
}

function agent(over: Parameters<typeof agentGroup>[0] = {}, seed = 1): AgentModel {
  return new AgentModel(agentGroup(over), createRng(deriveSeed(seed, 'agents', 'tier1')));
}

function customers(over: Parameters<typeof customerStream>[0] = {}, seed = 1): CustomerModel {
  const spec = customerStream(over);
  return new CustomerModel(spec, 0, `${spec.channel}:${spec.queue}`, createRng(deriveSeed(seed, 'customers', 0)));
}

describe('the agent', () => {
  it('lets the noAnswer share of offers ring out (-1) and accepts the rest after the accept delay', () => {
    const a = agent({ noAnswer: 0.1, acceptDelay: { kind: 'exp', mean: 5000 } });
    const xs = draws(N, () => a.acceptAfterMs());
    const accepted = xs.filter((x) => x >= 0);
    expectShare(N - accepted.length, N, 0.1);
    expect(mean(accepted)).toBeGreaterThan(5000 * 0.97);
    expect(mean(accepted)).toBeLessThan(5000 * 1.03);
  });

  it('never lets an offer ring out with noAnswer 0', () => {
    const a = agent({ noAnswer: 0, acceptDelay: { kind: 'const', value: 250 } });
    expect(new Set(draws(1000, () => a.acceptAfterMs()))).toEqual(new Set([250]));
  });

  it('reacts after the accept delay, recovers from RONA and wraps up after their own distributions', () => {
    const a = agent({
      acceptDelay: { kind: 'lognormal', mean: 6000, sd: 3000 }, ronaRecovery: { kind: 'exp', mean: 60_000 }, wrapUp: { kind: 'gamma', mean: 30_000, sd: 10_000 },
    });
    for (const [draw, m] of [[() => a.reactAfterMs(), 6000], [() => a.ronaRecoveryMs(), 60_000], [() => a.wrapUpMs(), 30_000]] as const) {
      const xs = draws(N, draw);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(mean(xs) / m - 1)).toBeLessThan(0.03);
    }
  });
});

describe('the customer', () => {
  it('waits its patience, or forever (-1) without one', () => {
    const patient = customers({ patience: { kind: 'uniform', min: 30_000, max: 90_000 } });
    const xs = draws(N, () => patient.patienceMs());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...xs)).toBeLessThanOrEqual(90_000);
    expect(Math.abs(mean(xs) / 60_000 - 1)).toBeLessThan(0.01);
    const never = customers({ patience: null });
    expect(new Set(draws(100, () => never.patienceMs()))).toEqual(new Set([-1]));
  });

  it('is handled for the handle time', () => {
    const c = customers({ handleTime: { kind: 'exp', mean: 120_000 } });
    expect(Math.abs(mean(draws(N, () => c.handleMs())) / 120_000 - 1)).toBeLessThan(0.03);
  });

  it('writes proactive (Livechat) and comes back after a session end at the scenario\'s shares', () => {
    const c = customers({ channel: 'livechat', proactive: 0.2, returnAfterSessionEnd: 0.4 });
    expectShare(draws(N, () => (c.proactive() ? 1 : 0)).reduce((a, b) => a + b, 0), N, 0.2);
    expectShare(draws(N, () => (c.returnsAfterSessionEnd() ? 1 : 0)).reduce((a, b) => a + b, 0), N, 0.4);
    const never = customers({ proactive: 0, returnAfterSessionEnd: 0 });
    expect(draws(1000, () => (never.proactive() || never.returnsAfterSessionEnd() ? 1 : 0)).every((x) => x === 0)).toBe(true);
  });

  it('has its conversation transferred, conferenced, ended by the customer or by a session end at the scenario\'s shares', () => {
    const c = customers({ channel: 'livechat', transfer: 0.1, conference: 0.05, customerEnds: 0.2, sessionEnd: 0.15 });
    const counts = { end: 0, transfer: 0, conference: 0, customerEnds: 0, sessionEnd: 0 };
    for (let i = 0; i < N; i++) counts[c.outcome()]++;
    expectShare(counts.transfer, N, 0.1);
    expectShare(counts.conference, N, 0.05);
    expectShare(counts.customerEnds, N, 0.2);
    expectShare(counts.sessionEnd, N, 0.15);
    expectShare(counts.end, N, 0.5);
  });
});
