// The engine host without sockets: batches in, frames out. Its properties
// under random traffic (agents coming and going included): the engine's
// invariants hold, every conversation that arrived is in progress or in one
// end state, agents' frames carry nothing a masker would still find, and a
// disconnected agent past its grace period holds nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/commands.js';
import { findSensitiveSpans } from '../engine/masking/index.js';
import { checkInvariants } from '../engine/testing/invariants.js';
import { createMessageGenerator } from '../sim/messages/index.js';
import { EngineHost, DISCONNECTED_REASON } from './engine-host.js';
import type { EngineHostConfig, HostOp, HostOutcome } from './host-ops.js';

const AGENTS = ['ann', 'bob', 'cat'];
const ASSETS = ['wa', 'live', 'sms'];

function config(reconnectGraceMs = 0): EngineHostConfig {
  const setup: Command[] = [
    { type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: '+1 202 555 0187' },
    { type: 'addAsset', assetId: 'live', channel: 'livechat', queue: 'support', label: 'widget' },
    { type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'sales', label: '+1 202 555 0143' },
    ...AGENTS.map((agentId, i): Command => ({ type: 'addAgent', agentId, queues: i === 2 ? ['sales', 'support'] : ['support'], capacity: [1, 2, 5][i]! })),
  ];
  return { engine: { queues: [{ name: 'support' }, { name: 'sales', routing: 'round-robin' }] }, setup, reconnectGraceMs };
}

function framesTo(outcome: HostOutcome, target: string): Record<string, unknown>[] {
  return outcome.frames.filter((_, i) => outcome.targets[i] === target).map((f) => JSON.parse(f) as Record<string, unknown>);
}

describe('engine host', () => {
  it('answers a command that throws inside the engine with E_INTERNAL and goes on', () => {
    const host = new EngineHost(config(), () => {}, () => 1_000);
    const out = host.runBatch([
      { op: 'engine', cmd: { type: 'addAgent', agentId: 'dan', capacity: 1, queues: 5 as unknown as string[] }, atMs: 1_000 },
      { op: 'engine', cmd: { type: 'setState', agentId: 'ann', state: 'available' }, atMs: 1_000 },
    ]);
    expect(out.results[0]).toMatchObject({ code: 'E_INTERNAL' });
    expect(out.results[1]).toBeNull();
    expect(framesTo(out, 'a:ann')).toEqual([{ type: 'state', state: 'available' }]);
    expect(host.summary().internalErrors).toBe(1);
    host.close();
  });

  it('on connect sends the desk: state, pending offers, held conversations with masked history, wrap-ups', () => {
    const host = new EngineHost(config(), () => {}, () => 0);
    const run = (...ops: HostOp[]): HostOutcome => host.runBatch(ops);
    run({ op: 'engine', cmd: { type: 'setState', agentId: 'bob', state: 'available' }, atMs: 1 });
    run({ op: 'engine', cmd: { type: 'customerMessage', assetId: 'wa', customerId: 'c1', text: 'mail me at melissa@gmail.com' }, atMs: 2 });
    const first = [...host.core.agents.get('bob')!.offers.keys()][0]!;
    run({ op: 'engine', cmd: { type: 'accept', agentId: 'bob', offerId: first }, atMs: 3 });
    run({ op: 'engine', cmd: { type: 'customerMessage', assetId: 'live', customerId: 'c2', text: 'hi' }, atMs: 4 });
    const desk = run({ op: 'agentConnected', agentId: 'bob', atMs: 5 });
    const frames = framesTo(desk, 'a:bob');
    expect(frames.map((f) => f.type)).toEqual(['state', 'offer', 'conversation', 'message']);
    expect(frames[3]).toMatchObject({ from: 'customer', text: 'mail me at m******@gmail.com' });
    host.close();
  });

  it('releases a disconnected agent after the grace period: transfers to the queue, leaves conferences, ends closed chats, wraps everything up', () => {
    const host = new EngineHost(config(0), () => {}, () => 0);
    let t = 0;
    const run = (cmd: Command): HostOutcome => host.runBatch([{ op: 'engine', cmd, atMs: ++t }]);
    const offerOf = (agentId: string): number => [...host.core.agents.get(agentId)!.offers.keys()][0]!;
    for (const agentId of AGENTS) host.runBatch([{ op: 'agentConnected', agentId, atMs: ++t }]);
    run({ type: 'setState', agentId: 'cat', state: 'available' });
    // cat: one live WhatsApp chat, one Livechat the customer ended, one conference owned with bob.
    run({ type: 'customerMessage', assetId: 'wa', customerId: 'w', text: 'hi' });
    run({ type: 'accept', agentId: 'cat', offerId: offerOf('cat') });
    run({ type: 'customerMessage', assetId: 'live', customerId: 'l', text: 'hi' });
    run({ type: 'accept', agentId: 'cat', offerId: offerOf('cat') });
    run({ type: 'customerEnd', conversationId: 2 });
    run({ type: 'customerMessage', assetId: 'wa', customerId: 'w2', text: 'hi' });
    run({ type: 'accept', agentId: 'cat', offerId: offerOf('cat') });
    run({ type: 'setState', agentId: 'bob', state: 'available' });
    run({ type: 'conference', agentId: 'cat', conversationId: 3, agent: 'bob' });
    run({ type: 'accept', agentId: 'bob', offerId: offerOf('bob') });
    run({ type: 'setState', agentId: 'bob', state: 'idle' });
    // cat also holds a chat whose session it ended (slot released) and one in wrap-up.
    run({ type: 'customerMessage', assetId: 'sms', customerId: 's', text: 'hi' });
    run({ type: 'accept', agentId: 'cat', offerId: offerOf('cat') });
    run({ type: 'endSession', agentId: 'cat', conversationId: 4 });
    run({ type: 'customerMessage', assetId: 'sms', customerId: 's2', text: 'hi' });
    run({ type: 'accept', agentId: 'cat', offerId: offerOf('cat') });
    run({ type: 'end', agentId: 'cat', conversationId: 5 });
    expect([...host.core.agents.get('cat')!.assignments.values()].map((a) => a.phase).sort()).toEqual(['active', 'active', 'active', 'released', 'wrapUp']);
    const before = host.summary().counts;
    const out = host.runBatch([{ op: 'agentDisconnected', agentId: 'cat', atMs: ++t }]);
    expect(out.results).toEqual([null]);
    const cat = host.core.agents.get('cat')!;
    expect(cat).toMatchObject({ state: 'idle', idleReason: DISCONNECTED_REASON, load: 0 });
    expect(cat.assignments.size).toBe(0);
    expect(host.core.conversations.get(1)).toMatchObject({ state: 'queued' }); // back in its queue
    expect(host.core.conversations.get(3)!.owner!.id).toBe('bob'); // stays with bob
    const after = host.summary().counts;
    expect(after.transferred).toBe(before.transferred + 1);
    expect(after.ended.completed).toBe(before.ended.completed + 1); // the Livechat the customer ended
    expect(after.wrapUps).toBe(before.wrapUps + 4);
    expect(host.summary().releaseRefusals).toBe(0);
    expect(checkInvariants(host.core)).toEqual([]);
    // Back later: available again, as before the drop.
    host.runBatch([{ op: 'agentConnected', agentId: 'cat', atMs: ++t }]);
    expect(cat.state).toBe('available');
    host.close();
  });

  it('under random traffic: invariants hold, conversations balance, agents never see unmasked data, released agents hold nothing', () => {
    const step = fc.record({ kind: fc.nat(19), a: fc.nat(), b: fc.nat(), dt: fc.integer({ min: 0, max: 2_000 }) });
    fc.assert(fc.property(fc.array(step, { minLength: 30, maxLength: 200, size: 'max' }), fc.integer(), (steps, seed) => {
      const messages = createMessageGenerator(seed, { piiShare: 0.6 });
      let now = 1;
      const host = new EngineHost(config(0), () => {}, () => now);
      const connected = new Set<string>();
      try {
        for (const s of steps) {
          now += s.dt;
          // Conversation commands mostly go to an agent that holds one, so they are not all refusals.
          const holders = AGENTS.filter((x) => host.core.agents.get(x)!.assignments.size > 0);
          const onConversation = s.kind >= 8 && s.kind !== 16 && s.kind !== 17 && s.kind !== 19 && holders.length > 0 && s.b % 8 !== 0;
          const agentId = onConversation ? holders[s.a % holders.length]! : AGENTS[s.a % AGENTS.length]!;
          const agent = host.core.agents.get(agentId)!;
          /** One of the agent's conversations, in wrap-up or not as the command needs (any id when none). */
          const held = (wrapping: boolean): number => {
            const ids = [...agent.assignments.values()].filter((a) => (a.phase === 'wrapUp') === wrapping).map((a) => a.conversation.id);
            return ids.length > 0 ? ids[s.b % ids.length]! : 1 + (s.b % 20);
          };
          const offers = [...agent.offers.keys()];
          const others = AGENTS.filter((x) => x !== agentId);
          const other = others.find((x) => host.core.eligible(host.core.agents.get(x)!)) ?? others[s.b % 2]!;
          const op = ((): HostOp => {
            const engine = (cmd: Command): HostOp => ({ op: 'engine', cmd, atMs: now });
            switch (s.kind) {
              case 0: case 1: case 2: case 3:
                return engine({ type: 'customerMessage', assetId: ASSETS[s.a % ASSETS.length]!, customerId: `c${s.b % 6}`, text: messages.next().text, name: messages.next().text });
              case 4: return engine({ type: 'setState', agentId, state: s.b % 4 === 0 ? 'idle' : 'available' });
              case 5: case 6: case 7: return engine({ type: 'accept', agentId, offerId: offers.length > 0 ? offers[s.b % offers.length]! : s.b % 30 });
              case 8: case 9: return engine({ type: 'reply', agentId, conversationId: held(false), text: messages.next().text });
              case 10: return engine({ type: 'transfer', agentId, conversationId: held(false), ...(s.b % 2 ? { queue: 'support' } : { agent: other }) });
              case 11: return engine({ type: 'conference', agentId, conversationId: held(false), agent: other });
              case 12: return engine({ type: 'end', agentId, conversationId: held(false) });
              case 13: return engine({ type: 'wrapUp', agentId, conversationId: held(true), reason: 'Resolved' });
              case 14: return engine({ type: 'endSession', agentId, conversationId: held(false) });
              case 15: return engine({ type: 'note', agentId, conversationId: held(s.b % 2 === 0), text: messages.next().text });
              case 16: return { op: s.b % 2 ? 'customerEnd' : 'customerAbandon', assetId: ASSETS[s.a % ASSETS.length]!, customerId: `c${s.b % 6}`, atMs: now };
              case 17: {
                const ref = [...host.core.offers.keys()][s.b % Math.max(1, host.core.offers.size)] ?? 0;
                return engine({ type: 'timerFired', timerKind: 'offerExpiry', ref });
              }
              case 18: return engine({ type: 'endConference', agentId, conversationId: held(false) });
              default: return { op: connected.has(agentId) ? 'agentDisconnected' : 'agentConnected', agentId, atMs: now };
            }
          })();
          if (op.op === 'agentConnected') connected.add(op.agentId);
          if (op.op === 'agentDisconnected') connected.delete(op.agentId);
          const out = host.runBatch([op]);
          expect(checkInvariants(host.core)).toEqual([]);
          for (let i = 0; i < out.frames.length; i++) {
            if (!out.targets[i]!.startsWith('a:')) continue;
            const f = JSON.parse(out.frames[i]!) as { text?: string; customer?: { name: string; number: string }; source?: string };
            for (const text of [f.text, f.customer?.name, f.customer?.number, f.source]) {
              if (text !== undefined) expect(findSensitiveSpans(text), text).toEqual([]);
            }
          }
          if (op.op === 'agentDisconnected') expect(host.core.agents.get(op.agentId)!.assignments.size).toBe(0);
          const c = host.countsNow();
          const ended = Object.values(c.ended).reduce((x, y) => x + y, 0);
          const live = [...host.core.conversations.values()].filter((x) => x.state !== 'ended').length;
          expect(c.arrived).toBe(ended + c.inProgress);
          expect(c.inProgress).toBe(live);
          expect(host.faults()).toEqual({ releaseRefusals: 0, internalErrors: 0 });
        }
      } finally {
        host.close();
      }
    }), { numRuns: 100 });
  });
});
