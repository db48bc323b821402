// The lean port (lean.ts) is the same engine: random command sequences sent
// through Engine.execute to one engine and through the lean port to another
// give the same refusals, the same events (rows of numbers carrying what the
// objects carry, less the display payloads) and the same state.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from './engine.js';
import type { Command } from './commands.js';
import type { EngineEvent } from './events.js';
import type { LeanPort } from './lean.js';
import {
  AGENT_STATE_CODES, END_STATE_CODES, EV_AGENT_STATE, EV_ANSWERED, EV_ARRIVED, EV_CONFERENCED, EV_CONVERSATION, EV_CUSTOMER_ENDED,
  EV_ENDED, EV_INTERRUPTED, EV_OFFER, EV_OTHER, EV_RONA, EV_SESSION_ENDED, EV_TIMER, EV_TRANSFERRED, EV_WRAP_UP_DONE,
  EV_WRAP_UP_REQUIRED, OFFER_KIND_CODES, ROLE_CONFERENCE,
} from './event-buffer.js';
import { checkInvariants } from './testing/invariants.js';

const AGENTS = ['a0', 'a1', 'a2'];
const ASSETS = ['wa', 'chat'];

type Step = { op: number; r: number; dtMs: number };
const step: fc.Arbitrary<Step> = fc.record({ op: fc.integer({ min: 0, max: 16 }), r: fc.nat(1000), dtMs: fc.integer({ min: 0, max: 40_000 }) });

function at<T>(items: T[], r: number): T | undefined {
  return items.length === 0 ? undefined : items[r % items.length];
}

/** A command aimed at something real in the engine's state most of the time. */
function toCommand(engine: Engine, { op, r }: Step): Command {
  const core = engine.core;
  const held = [...core.agents.values()].flatMap((a) => [...a.assignments.values()].map((h) => ({ agentId: a.id, conversationId: h.conversation.id, phase: h.phase })));
  const h = at(op === 9 ? held.filter((x) => x.phase === 'wrapUp') : held, r) ?? { agentId: at(AGENTS, r)!, conversationId: 1 };
  const offers = [...core.offers.values()];
  // Half of the time a conference invitation, when one is out (they are few).
  const offer = (r % 2 === 0 ? at(offers.filter((o) => o.kind === 'conference'), r) : undefined) ?? at(offers, r);
  // Most of the time an agent that could take a transfer or conference now.
  const able = AGENTS.filter((a) => a !== h.agentId && core.eligible(core.agents.get(a)!));
  const other = (r % 5 === 0 ? undefined : at(able, r)) ?? at(AGENTS, r + 1)!;
  switch (op) {
    case 0: case 1: return { type: 'customerMessage', assetId: at(ASSETS, r)!, customerId: `c${r % 5}`, text: 'my card 4111 1111 1111 1111' };
    case 2: return { type: 'setState', agentId: at(AGENTS, r)!, state: r % 4 === 0 ? 'idle' : 'available' };
    case 3: case 4: return offer ? { type: 'accept', agentId: offer.agent.id, offerId: offer.id } : { type: 'listTargets', agentId: h.agentId };
    case 5: return { type: 'timerFired', timerKind: 'offerExpiry', ref: offer?.id ?? 1 };
    case 6: return r % 2 ? { type: 'reply', agentId: h.agentId, conversationId: h.conversationId, text: 'ok' } : { type: 'note', agentId: h.agentId, conversationId: h.conversationId, text: 'n' };
    case 7: return r % 2 ? { type: 'conference', agentId: h.agentId, conversationId: h.conversationId, agent: other } : { type: 'endConference', agentId: h.agentId, conversationId: h.conversationId };
    case 8: return { type: 'end', agentId: h.agentId, conversationId: h.conversationId };
    case 9: return { type: 'wrapUp', agentId: h.agentId, conversationId: h.conversationId, reason: 'Resolved' };
    case 10: return { type: 'endSession', agentId: h.agentId, conversationId: h.conversationId };
    case 11: return r % 2 ? { type: 'customerEnd', conversationId: h.conversationId } : { type: 'abandon', conversationId: at([...core.conversations.keys()], r) ?? 1 };
    case 12: return { type: 'transfer', agentId: h.agentId, conversationId: h.conversationId, ...(r % 2 ? { queue: 'q' } : { agent: other }) };
    case 15: case 16: return { type: 'conference', agentId: h.agentId, conversationId: h.conversationId, agent: other };
    case 13: return { type: 'setTenant', settings: { csatOnSessionEnd: r % 2 === 0, releaseCapacityOnSessionEnd: r % 3 !== 0 } };
    default: return r % 10 === 0 ? { type: 'deleteAsset', assetId: at(ASSETS, r)! } : { type: 'customerMessage', assetId: at(ASSETS, r)!, customerId: `c${r % 5}`, text: 'again' };
  }
}


/** A command through the lean port: its own method where it has one, else execute(). */
function viaPort(port: LeanPort, cmd: Command, now: number): string | null {
  port.clock[0] = now;
  const h = (agentId: string) => port.agentHandle(agentId);
  // An unknown agent id has no handle: only execute() can name it (and refuse it).
  const known = !('agentId' in cmd) || h(cmd.agentId) >= 0;
  let refusal;
  switch (known ? cmd.type : 'other') {
    case 'customerMessage': {
      const c = cmd as Extract<Command, { type: 'customerMessage' }>;
      const asset = port.assetHandle(c.assetId);
      // Odd-numbered customers by number (read back as `c<n>`), the others by string id.
      const n = /^c(\d+)$/.exec(c.customerId);
      if (asset < 0) refusal = port.execute(cmd);
      else if (n !== null && Number(n[1]) % 2 === 1 && c.name === undefined && c.number === undefined) refusal = port.customerMessageKeyed(asset, Number(n[1]), c.text, false, c.proactive === true);
      else refusal = port.customerMessage(asset, c.customerId, c.text, c.name, c.number, c.proactive === true);
      break;
    }
    case 'accept': { const c = cmd as Extract<Command, { type: 'accept' }>; refusal = port.accept(h(c.agentId), c.offerId); break; }
    case 'end': { const c = cmd as Extract<Command, { type: 'end' }>; refusal = port.end(h(c.agentId), c.conversationId); break; }
    case 'wrapUp': { const c = cmd as Extract<Command, { type: 'wrapUp' }>; refusal = port.wrapUp(h(c.agentId), c.conversationId, c.reason); break; }
    case 'endSession': { const c = cmd as Extract<Command, { type: 'endSession' }>; refusal = port.endSession(h(c.agentId), c.conversationId); break; }
    case 'setState': { const c = cmd as Extract<Command, { type: 'setState' }>; refusal = port.setState(h(c.agentId), c.state, c.reason); break; }
    case 'transfer': { const c = cmd as Extract<Command, { type: 'transfer' }>; refusal = port.transfer(h(c.agentId), c.conversationId, c.queue, c.agent); break; }
    case 'conference': { const c = cmd as Extract<Command, { type: 'conference' }>; refusal = port.conference(h(c.agentId), c.conversationId, c.queue, c.agent); break; }
    case 'endConference': { const c = cmd as Extract<Command, { type: 'endConference' }>; refusal = port.endConference(h(c.agentId), c.conversationId); break; }
    case 'timerFired': { const c = cmd as Extract<Command, { type: 'timerFired' }>; refusal = port.timerFired(c.ref); break; }
    case 'abandon': { const c = cmd as Extract<Command, { type: 'abandon' }>; refusal = port.abandon(c.conversationId); break; }
    case 'customerEnd': { const c = cmd as Extract<Command, { type: 'customerEnd' }>; refusal = port.customerEnd(c.conversationId); break; }
    default: refusal = port.execute(cmd);
  }
  return refusal?.code ?? null;
}

/** The port's events, as the fields an object event shares with its row. */
function rows(port: LeanPort): unknown[] {
  const b = port.events;
  const out: unknown[] = [];
  for (let i = 0; i < b.count; i++) {
    const agentId = b.agents[i]! >= 0 ? port.agentId(b.agents[i]!) : undefined;
    const conversationId = b.conversations[i];
    switch (b.types[i]) {
      case EV_AGENT_STATE: out.push({ type: 'agentState', agentId, state: AGENT_STATE_CODES[b.codes[i]!] }); break;
      case EV_OFFER: out.push({ type: 'offer', agentId, offerId: b.offers[i], conversationId, kind: OFFER_KIND_CODES[b.codes[i]!], expiresAtMs: b.atMs[i], receivedAtMs: b.arrivedAtMs[i] }); break;
      case EV_TIMER: out.push({ type: 'timer', ref: b.offers[i], atMs: b.atMs[i] }); break;
      case EV_CONVERSATION: out.push({ type: 'conversation', agentId, conversationId, role: b.codes[i] === ROLE_CONFERENCE ? 'conference' : 'owner' }); break;
      case EV_WRAP_UP_REQUIRED: out.push({ type: 'wrapUpRequired', agentId, conversationId }); break;
      case EV_CUSTOMER_ENDED: out.push({ type: 'customerEnded', agentId, conversationId }); break;
      case EV_INTERRUPTED: out.push({ type: 'interrupted', agentId, conversationId }); break;
      case EV_SESSION_ENDED: out.push({ type: 'sessionEnded', conversationId, atMs: b.atMs[i] }); break;
      case EV_ARRIVED: out.push({ type: 'arrived', conversationId, atMs: b.atMs[i] }); break;
      case EV_ANSWERED: out.push({ type: 'answered', conversationId, agentId, arrivedAtMs: b.arrivedAtMs[i], atMs: b.atMs[i] }); break;
      case EV_TRANSFERRED: out.push({ type: 'transferred', conversationId, to: b.codes[i] === 0 ? 'queue' : 'agent', atMs: b.atMs[i] }); break;
      case EV_CONFERENCED: out.push({ type: 'conferenced', conversationId, atMs: b.atMs[i] }); break;
      case EV_RONA: out.push({ type: 'rona', agentId, offerId: b.offers[i], atMs: b.atMs[i] }); break;
      case EV_WRAP_UP_DONE: out.push({ type: 'wrapUpDone', agentId, conversationId, durationMs: b.values[i] }); break;
      case EV_ENDED: out.push({ type: 'ended', conversationId, endState: END_STATE_CODES[b.codes[i]!], arrivedAtMs: b.arrivedAtMs[i], answeredAtMs: b.values[i], atMs: b.atMs[i] }); break;
      case EV_OTHER: out.push(b.objects[i]); break;
      default: throw new Error(`row type ${b.types[i]}`);
    }
  }
  return out;
}

/** The same fields of object events. */
function objects(events: EngineEvent[]): unknown[] {
  return events.map((e) => {
    switch (e.type) {
      case 'agentState': return { type: e.type, agentId: e.agentId, state: e.state };
      case 'offer': return { type: e.type, agentId: e.agentId, offerId: e.offerId, conversationId: e.conversationId, kind: e.kind, expiresAtMs: e.expiresAtMs, receivedAtMs: e.receivedAtMs };
      case 'timer': return { type: e.type, ref: e.ref, atMs: e.atMs };
      case 'conversation': return { type: e.type, agentId: e.agentId, conversationId: e.conversationId, role: e.role };
      case 'wrapUpRequired': case 'customerEnded': case 'interrupted': return { type: e.type, agentId: e.agentId, conversationId: e.conversationId };
      case 'sessionEnded': return { type: e.type, conversationId: e.conversationId, atMs: e.atMs };
      case 'arrived': return { type: e.type, conversationId: e.conversationId, atMs: e.atMs };
      case 'answered': return { type: e.type, conversationId: e.conversationId, agentId: e.agentId, arrivedAtMs: e.arrivedAtMs, atMs: e.atMs };
      case 'transferred': return { type: e.type, conversationId: e.conversationId, to: e.to, atMs: e.atMs };
      case 'conferenced': return { type: e.type, conversationId: e.conversationId, atMs: e.atMs };
      case 'rona': return { type: e.type, agentId: e.agentId, offerId: e.offerId, atMs: e.atMs };
      case 'wrapUpDone': return { type: e.type, agentId: e.agentId, conversationId: e.conversationId, durationMs: e.durationMs };
      case 'ended': return { type: e.type, conversationId: e.conversationId, endState: e.endState, arrivedAtMs: e.arrivedAtMs, answeredAtMs: e.answeredAtMs, atMs: e.atMs };
      default: return e;
    }
  });
}

function stateOf(engine: Engine): string {
  const v = engine.view;
  return JSON.stringify({
    held: v.heldSlots(), conversations: v.conversations(), queues: v.queues(), assets: v.assets(),
    agents: v.agents().map((a) => [a, v.offersOf(a.agentId), v.assignmentsOf(a.agentId)]),
  });
}

describe('the lean port', () => {
  it('refuses, emits and changes state exactly as Engine.execute does', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 150 }), (steps) => {
        const make = () => new Engine({ queues: [{ name: 'q' }], quiet: true, mask: (t) => t.replace(/\d/g, '#') });
        const objectsEngine = make();
        const leanEngine = make();
        const port = leanEngine.lean();
        port.nameCustomers((key) => `c${key}`);
        const setup: Command[] = [
          { type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'q', label: 'wa' },
          { type: 'addAsset', assetId: 'chat', channel: 'livechat', queue: 'q', label: 'chat' },
          ...AGENTS.map((agentId, i): Command => ({ type: 'addAgent', agentId, queues: ['q'], capacity: 2 + (i % 2) })),
        ];
        for (const cmd of setup) {
          const out: EngineEvent[] = [];
          objectsEngine.execute(cmd, 0, out);
          expect(port.execute(cmd)).toBe(null);
          expect(rows(port)).toEqual(objects(out));
        }
        let now = 0;
        for (const st of steps) {
          now += st.dtMs;
          const cmd = toCommand(objectsEngine, st);
          const out: EngineEvent[] = [];
          const refusal = objectsEngine.execute(cmd, now, out);
          expect(viaPort(port, cmd, now)).toBe(refusal?.code ?? null);
          expect(rows(port)).toEqual(objects(out));
          for (const e of out) seen.add(e.type);
          expect(stateOf(leanEngine)).toBe(stateOf(objectsEngine));
          expect(checkInvariants(leanEngine.core)).toEqual([]);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
    // The sequences reached every kind of event a quiet engine emits but listTargets' answer.
    expect([...seen].sort()).toEqual(['agentState', 'answered', 'arrived', 'conferenced', 'conversation', 'customerEnded', 'ended', 'interrupted', 'offer', 'rona', 'sessionEnded', 'targets', 'timer', 'transferred', 'wrapUpDone', 'wrapUpRequired']);
  });

  it('refuses a time that goes backwards, and an unknown handle, changing nothing', () => {
    const engine = new Engine({ queues: [{ name: 'q' }], quiet: true });
    const port = engine.lean();
    port.clock[0] = 1_000;
    expect(port.execute({ type: 'addAgent', agentId: 'ann', queues: ['q'], capacity: 1 })).toBe(null);
    port.clock[0] = 500;
    expect(port.setState(0, 'available')?.code).toBe('E_MALFORMED');
    port.clock[0] = 2_000;
    expect(port.setState(7, 'available')?.code).toBe('E_UNKNOWN_AGENT');
    expect(port.customerMessage(3, 'c', 'hi', undefined, undefined, false)?.code).toBe('E_UNKNOWN_ASSET');
    expect(port.events.count).toBe(0);
    expect(engine.view.agent('ann')!.state).toBe('idle');
    // The clock did not move: 1,500 is still allowed.
    port.clock[0] = 1_500;
    expect(port.setState(0, 'available')).toBe(null);
    expect(port.events.count).toBe(1);
  });

  it('numbered customers: their next message joins their open conversation, their id is made only when shown', () => {
    const engine = new Engine({ queues: [{ name: 'q' }], quiet: true, mask: (t) => t });
    const port = engine.lean();
    const named: number[] = [];
    port.nameCustomers((key) => {
      named.push(key);
      return `s0-${key}`;
    });
    port.execute({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'q', label: 'n' });
    const sms = port.assetHandle('sms');
    port.clock[0] = 1_000;
    expect(port.customerMessageKeyed(sms, 7, 'hello', true, false)).toBe(null);
    const id = port.events.conversations[0]!;
    expect(port.customerMessageKeyed(sms, 7, 'still there?', true, false)).toBe(null);
    expect(port.events.count).toBe(0); // no new conversation: the same customer's open one
    expect(port.customerMessageKeyed(sms, 8, 'me too', true, false)).toBe(null);
    expect(port.events.conversations[0]).toBe(id + 1);
    expect(named).toEqual([]);
    expect(engine.view.conversation(id)!.customerId).toBe('s0-7');
    expect(engine.view.customerOf(id)).toEqual({ name: 's0-7', number: 's0-7' });
    expect(engine.view.history(id).map((l) => l.text)).toEqual(['hello', 'still there?']);
    expect(named).toEqual([7]); // once, then kept
    expect(port.customerMessageKeyed(sms, -1, 'x', false, false)?.code).toBe('E_MALFORMED');
    expect(port.customerMessageKeyed(sms, 1.5, 'x', false, false)?.code).toBe('E_MALFORMED');
    expect(checkInvariants(engine.core)).toEqual([]);
  });
});
