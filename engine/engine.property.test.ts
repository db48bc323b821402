// Random command sequences, with the invariants checked after every step:
// each conversation in exactly one state, capacity in use equals
// conversations held, no offer to an agent that is not available, and every
// conversation that arrived ends at most once and is accounted for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from './engine.js';
import type { Command } from './commands.js';
import type { EngineEvent } from './events.js';
import { checkInvariants } from './testing/invariants.js';
import { ROUTING_POLICIES } from './model/routing-policy.js';

const AGENTS = ['a0', 'a1', 'a2', 'a3'];
const ASSETS = ['fb', 'sms', 'wa', 'chat'];
const QUEUES = ['q0', 'q1'];
// A step is an operation and a few numbers, read against the engine's current
// state (the n-th pending offer, the n-th live conversation...), so that most
// steps hit something real; a share still aims at nothing, to test refusals.
type Step = { op: number; r: number[]; dtMs: number };
const step: fc.Arbitrary<Step> = fc.record({
  op: fc.integer({ min: 0, max: 17 }),
  r: fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }),
  dtMs: fc.integer({ min: 0, max: 40_000 }),
});

function pick<T>(items: T[], r: number): T | undefined {
  return items.length === 0 ? undefined : items[r % items.length];
}

function toCommand(engine: Engine, s: Step): Command {
  const core = engine.core;
  const [r0, r1, r2, r3] = s.r as [number, number, number, number];
  const miss = r3 % 10 === 0; // aim at something that does not exist
  const offers = [...core.offers.values()];
  const holdings = [...core.agents.values()].flatMap((a) => [...a.assignments.values()].map((h) => ({ agentId: a.id, conversationId: h.conversation.id, phase: h.phase })));
  const inWrapUp = holdings.filter((h) => h.phase === 'wrapUp');
  const working = holdings.filter((h) => h.phase !== 'wrapUp');
  const chosen = s.op === 11 ? pick(inWrapUp, r1) : pick(working, r1);
  const agentId = miss || chosen === undefined ? pick(AGENTS, r0)! : chosen.agentId;
  const live = [...core.conversations.keys()];
  const conversationId = miss ? 999 : (chosen?.conversationId ?? pick(live, r1) ?? 1);
  const offer = pick(offers, r1);
  const t = r2 % 2 === 0 ? { queue: pick([...QUEUES, 'nope'], r2)! } : { agent: pick([...AGENTS, 'ghost'], r2)! };
  switch (s.op) {
    case 0: case 1: case 2:
      return { type: 'customerMessage', assetId: pick(ASSETS, r0)!, customerId: `c${r1 % 8}`, text: 'help me please' };
    case 3: return { type: 'setState', agentId, state: r1 % 3 === 0 ? 'idle' : 'available' };
    case 4: case 16: case 17: return { type: 'accept', agentId: miss || !offer ? agentId : offer.agent.id, offerId: miss || !offer ? 999 : offer.id };
    case 5: return { type: 'timerFired', timerKind: 'offerExpiry', ref: offer?.id ?? 1 };
    case 6: return { type: 'reply', agentId, conversationId, text: pick(['ok', 'a <b>', 'x'.repeat(1001)], r2)! };
    case 7: return { type: 'transfer', agentId, conversationId, ...t };
    case 8: return { type: 'conference', agentId, conversationId, ...t };
    case 9: return { type: 'endConference', agentId, conversationId };
    case 10: return { type: 'end', agentId, conversationId };
    case 11: return { type: 'wrapUp', agentId, conversationId, reason: miss ? 'bogus' : 'Resolved' };
    case 12: return r2 % 2 === 0 ? { type: 'endSession', agentId, conversationId } : { type: 'note', agentId, conversationId, text: 'internal' };
    case 13: return r2 % 2 === 0 ? { type: 'customerEnd', conversationId } : { type: 'abandon', conversationId };
    case 14: return { type: 'setTenant', settings: { releaseCapacityOnSessionEnd: r1 % 2 === 0, agentsCanEndSessions: r2 % 4 !== 0 } };
    default: return r1 % 8 === 0 ? { type: 'deleteAsset', assetId: pick(ASSETS, r2)! } : { type: 'listTargets', agentId };
  }
}

const setup = fc.record({
  policies: fc.tuple(fc.constantFrom(...ROUTING_POLICIES), fc.constantFrom(...ROUTING_POLICIES)),
  capacities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
  memberships: fc.array(fc.subarray(QUEUES, { minLength: 1 }), { minLength: 4, maxLength: 4 }),
});

describe('engine invariants under random command sequences', () => {
  it('hold after every step', () => {
    fc.assert(
      fc.property(setup, fc.array(step, { minLength: 20, maxLength: 200 }), (s, steps) => {
        const engine = new Engine({ queues: QUEUES.map((name, i) => ({ name, routing: s.policies[i]! })) });
        const out: EngineEvent[] = [];
        const channels = ['facebook', 'sms', 'whatsapp', 'livechat'] as const;
        ASSETS.forEach((id, i) => engine.execute({ type: 'addAsset', assetId: id, channel: channels[i]!, queue: QUEUES[i % 2]!, label: id }, 0, out));
        AGENTS.forEach((id, i) => engine.execute({ type: 'addAgent', agentId: id, queues: s.memberships[i]!, capacity: s.capacities[i]! }, 0, out));
        const core = engine.core;
        const arrived = new Set<number>();
        const ended = new Set<number>();
        let now = 0;
        for (const st of steps) {
          now += st.dtMs;
          const cmd = toCommand(engine, st);
          const events: EngineEvent[] = [];
          const refusal = engine.execute(cmd, now, events);
          if (refusal) expect(events).toEqual([]);
          for (const e of events) {
            if (e.type === 'arrived') arrived.add(e.conversationId);
            if (e.type === 'ended') {
              expect(ended.has(e.conversationId), `conversation ${e.conversationId} ended twice`).toBe(false);
              expect(arrived.has(e.conversationId)).toBe(true);
              ended.add(e.conversationId);
            }
            if (e.type === 'offer') expect(core.agents.get(e.agentId)!.state, `offer to ${e.agentId}`).toBe('available');
          }
          expect(checkInvariants(core)).toEqual([]);
          for (const id of arrived) {
            const live = core.conversations.get(id);
            const isOpen = live !== undefined && live.state !== 'ended';
            expect(isOpen !== ended.has(id), `conversation ${id} is ${isOpen ? 'open' : 'closed'} but ended=${ended.has(id)}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
