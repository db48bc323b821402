// The simulated people's decisions, drawn many times: each one's share or
// mean lands where the scenario says, within a tolerance a few standard
// errors wide (every draw is seeded, so the figures never move).
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../random/prng.js';
import { agentGroup, customerStream } from '../runner/testing/scenario-fixture.js';
import {
  AgentModel, agentsFromTargets, agentsMatter, chooseTarget, conferenceCandidates, CustomerModel, replyPlan, thinkMs, transferCandidates,
  type Outcome, type Target,
} from './index.js';

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
    expectShare(draws(N, () => (c.returnAfterMs() >= 0 ? 1 : 0)).reduce((a, b) => a + b, 0), N, 0.4);
    const never = customers({ proactive: 0, returnAfterSessionEnd: 0 });
    expect(draws(1000, () => (never.proactive() || never.returnAfterMs() >= 0 ? 1 : 0)).every((x) => x === 0)).toBe(true);
  });

  it('has its conversation transferred, conferenced, ended by the customer or by a session end at the scenario\'s shares', () => {
    const c = customers({ channel: 'livechat', transfer: 0.1, conference: 0.05, customerEnds: 0.2, sessionEnd: 0.15 });
    const counts = { end: 0, transfer: 0, conference: 0, customerEnds: 0, sessionEnd: 0 };
    for (let i = 0; i < N; i++) counts[c.turn('owner', true).outcome as Outcome]++;
    expectShare(counts.transfer, N, 0.1);
    expectShare(counts.conference, N, 0.05);
    expectShare(counts.customerEnds, N, 0.2);
    expectShare(counts.sessionEnd, N, 0.15);
    expectShare(counts.end, N, 0.5);
  });
});

describe('an agent\'s turn on a conversation', () => {
  const c = customers({ channel: 'livechat', handleTime: { kind: 'exp', mean: 100_000 }, transfer: 0.2, conference: 0.2, customerEnds: 0.2, sessionEnd: 0.2 });

  it('puts the transfer, the conference call or the customer\'s end 20-80% into the handle time, 50% on average', () => {
    const shares: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = c.turn('owner', true);
      if (t.outcome === 'transfer' || t.outcome === 'conference' || t.outcome === 'customerEnds') shares.push(t.midMs / t.handleMs);
      else expect(t.midMs).toBe(-1);
    }
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...shares)).toBeLessThan(0.8);
    expect(Math.abs(mean(shares) - 0.5)).toBeLessThan(0.01);
  });

  it('has a later owner end it, and the invited agent of a conference leave, after a handle time', () => {
    const later = draws(N, () => {
      const t = c.turn('owner', false);
      expect([t.outcome, t.midMs]).toEqual(['end', -1]);
      return t.handleMs;
    });
    expect(Math.abs(mean(later) / 100_000 - 1)).toBeLessThan(0.03);
    const guest = c.turn('conference', true);
    expect([guest.outcome, guest.midMs]).toEqual(['leaveConference', -1]);
  });

  it('draws the handle time, then the outcome, then the point: the old runner\'s order, so its numbers stay', () => {
    const a = customers({ transfer: 0.5 }, 7);
    const rng = createRng(deriveSeed(7, 'customers', 0));
    for (let i = 0; i < 1000; i++) {
      const t = a.turn('owner', true);
      const handle = -Math.log1p(-rng.next()) * 120_000;
      const transfer = rng.next() < 0.5;
      expect(t.handleMs).toBe(handle);
      expect(t.outcome).toBe(transfer ? 'transfer' : 'end');
      if (transfer) expect(t.midMs).toBe(handle * (0.2 + 0.6 * rng.next()));
    }
  });

  it('has the invited agent leave a conference at even odds (else the first agent hands over)', () => {
    expectShare(draws(N, () => (c.invitedLeaves() ? 1 : 0)).reduce((a, b) => a + b, 0), N, 0.5);
  });

  it('comes back after a session end at the return share, a handle time later', () => {
    const r = customers({ returnAfterSessionEnd: 0.3, handleTime: { kind: 'const', value: 42_000 } });
    const xs = draws(N, () => r.returnAfterMs());
    expectShare(xs.filter((x) => x >= 0).length, N, 0.3);
    expect(new Set(xs)).toEqual(new Set([-1, 42_000]));
  });
});

describe('writing (load clients)', () => {
  it('an owner replies 1 to maxReplies times, evenly over the handle time', () => {
    const rng = createRng(1);
    const counts = draws(N, () => {
      const p = replyPlan(60_000, 3, rng);
      expect(p.gapMs * (p.count + 1)).toBeCloseTo(60_000, 6);
      return p.count;
    });
    for (const k of [1, 2, 3]) expectShare(counts.filter((x) => x === k).length, N, 1 / 3);
  });

  it('a customer thinks 20-60% of the gap between replies, 40% on average', () => {
    const rng = createRng(2);
    const xs = draws(N, () => thinkMs(10_000, rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...xs)).toBeLessThan(6000);
    expect(Math.abs(mean(xs) / 4000 - 1)).toBeLessThan(0.01);
  });
});

describe('chooseTarget: one rule for transfer and conference targets', () => {
  const queues = [{ name: 'sales' }, { name: 'support' }, { name: 'billing' }, { name: 'vip' }, { name: 'web' }];

  it('lists a transfer\'s queues as every other queue in the scenario\'s order, or its own when there is no other', () => {
    expect(transferCandidates(queues, 'billing', ['a-1', 'a-2'])).toEqual({ agents: ['a-1', 'a-2'], queues: ['sales', 'support', 'vip', 'web'] });
    expect(transferCandidates(queues, 'billing', 'a-7')).toEqual({ agents: ['a-7'], queues: ['sales', 'support', 'vip', 'web'] });
    expect(transferCandidates([{ name: 'only' }], 'only', null)).toEqual({ agents: [], queues: ['only'] });
  });

  it('lists a conference\'s queue only where the channel allows it and an agent could take it', () => {
    expect(conferenceCandidates('support', true, 'a-1')).toEqual({ agents: ['a-1'], queues: ['support'] });
    expect(conferenceCandidates('support', true, null)).toEqual({ agents: [], queues: [] });
    expect(conferenceCandidates('support', false, ['a-1', 'a-2'])).toEqual({ agents: ['a-1', 'a-2'], queues: [] });
  });

  it('picks the first agent below 1/2, else a queue evenly', () => {
    const c = transferCandidates(queues, 'billing', ['first', 'second']);
    const rng = createRng(3);
    const picks = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const t = chooseTarget(c, rng.next())!;
      const key = t.agent !== undefined ? `agent ${t.agent}` : `queue ${t.queue}`;
      picks.set(key, (picks.get(key) ?? 0) + 1);
    }
    expect([...picks.keys()].sort()).toEqual(['agent first', 'queue sales', 'queue support', 'queue vip', 'queue web']);
    expectShare(picks.get('agent first')!, N, 0.5);
    for (const q of ['sales', 'support', 'vip', 'web']) expectShare(picks.get(`queue ${q}`)!, N, 0.125);
  });

  it('with no agent to take it, spreads over the queues evenly for every draw; with no queue, takes the agent; with neither, nothing', () => {
    const rng = createRng(4);
    const noAgent = transferCandidates(queues, 'web', null);
    const picks = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const q = chooseTarget(noAgent, rng.next())!.queue!;
      picks.set(q, (picks.get(q) ?? 0) + 1);
    }
    for (const q of ['sales', 'support', 'billing', 'vip']) expectShare(picks.get(q)!, N, 0.25);
    for (const u of [0, 0.25, 0.5, 0.999]) {
      expect(chooseTarget(conferenceCandidates('support', false, ['a-3', 'a-4']), u)).toEqual({ agent: 'a-3' });
      expect(chooseTarget(conferenceCandidates('support', true, null), u)).toBeNull();
    }
  });

  it('the same draw picks the same kind of target, whatever the agents listed after the first', () => {
    const rng = createRng(5);
    for (let i = 0; i < 2000; i++) {
      const u = rng.next();
      const one = chooseTarget(transferCandidates(queues, 'sales', 'a-1'), u)!;
      const many = chooseTarget(transferCandidates(queues, 'sales', ['a-1', 'a-9', 'a-4']), u)!;
      expect(many).toEqual(one);
      // And a queue the draw picks is the one it picks with no agent at all.
      if (one.queue !== undefined) expect(chooseTarget(transferCandidates(queues, 'sales', null), u)).toEqual(one);
    }
  });

  it('refuses a draw outside [0, 1)', () => {
    expect(() => chooseTarget(transferCandidates(queues, 'sales', null), 1)).toThrow(RangeError);
    expect(() => chooseTarget(transferCandidates(queues, 'sales', null), Number.NaN)).toThrow(RangeError);
  });

  it('says when listing agents could change the pick (a load client asks the server only then)', () => {
    const q = transferCandidates(queues, 'sales', null).queues;
    expect(agentsMatter(q, 0.2)).toBe(true);
    expect(agentsMatter(q, 0.7)).toBe(false);
    expect(agentsMatter([], 0.7)).toBe(true);
    const target: Target | null = chooseTarget(transferCandidates(queues, 'sales', ['a-1']), 0.7);
    expect(target).toEqual(chooseTarget(transferCandidates(queues, 'sales', null), 0.7));
  });

  it('reads a targets frame: agents that can take it, serve the queue and are not the asker, in the frame\'s order', () => {
    const serves = (id: string, q: string): boolean => (id.startsWith('s') ? q === 'support' : q === 'billing');
    const frame = [
      { agentId: 's-2', canTake: true }, { agentId: 'b-1', canTake: true }, { agentId: 's-1', canTake: false },
      { agentId: 'me', canTake: true }, { agentId: 's-3', canTake: true },
    ];
    expect(agentsFromTargets(frame, 'support', 'me', (id, q) => id === 'me' || serves(id, q))).toEqual(['s-2', 's-3']);
    expect(agentsFromTargets(frame, 'billing', 'me', serves)).toEqual(['b-1']);
  });
});
