// What an agent's desktop shows right now, rebuilt from the engine's state:
// sent when an agent connects, so a desktop that reconnects gets back its
// state, its pending offers and every conversation it holds with the masked
// history. Reads the engine core; changes nothing. Frames about a
// conversation say so and its history lines are marked as such
// (Deliveries.about), so the hub pages the history and keeps the frames that
// follow it behind it (outbox.ts).
import type { EngineCore } from '../../engine/core.js';
import type { Agent, Assignment, Offer } from '../../engine/state/types.js';
import { agentTarget, deliver, type Deliveries } from './deliveries.js';

export function agentDeskFrames(core: EngineCore, agent: Agent, out: Deliveries): void {
  const to = agentTarget(agent.id);
  const send: Send = (frame, about = 0) => deliver(out, to, JSON.stringify(frame), about);
  send(agent.idleReason ? { type: 'state', state: agent.state, reason: agent.idleReason } : { type: 'state', state: agent.state });
  for (const offer of agent.offers.values()) send(offerFrame(core, offer), offer.conversation.id);
  for (const a of agent.assignments.values()) assignmentFrames(core, agent, a, send);
}

type Send = (frame: object, about?: number) => void;

function offerFrame(core: EngineCore, offer: Offer): object {
  const c = offer.conversation;
  return {
    type: 'offer', offerId: offer.id, conversationId: c.id, kind: offer.kind, channel: c.asset.channel, queue: c.queue.name,
    customer: core.customerView(c), source: core.sourceOf(c), receivedAt: c.arrivedAtMs,
    expiresAt: offer.expiresAtMs, proactive: c.proactive,
  };
}

function assignmentFrames(core: EngineCore, agent: Agent, a: Assignment, send: Send): void {
  const c = a.conversation;
  const id = c.id;
  send({
    type: 'conversation', conversationId: id, role: c.conferenceAgent === agent ? 'conference' : 'owner', phase: a.phase,
    channel: c.asset.channel, queue: c.queue.name, customer: core.customerView(c), source: core.sourceOf(c),
  }, id);
  for (const e of c.transcript) {
    if (e.internal && e.from === 'agent') {
      send({ type: 'note', conversationId: id, agentId: e.agentId, text: e.maskedText, at: e.atMs }, -id);
    } else {
      send({ type: 'message', conversationId: id, from: e.from, ...(e.agentId === undefined ? {} : { agentId: e.agentId }), text: e.maskedText, at: e.atMs }, -id);
    }
  }
  if (c.conferenceStatus !== 'none' && a.phase === 'active') send({ type: 'conferenceStatus', conversationId: id, status: c.conferenceStatus }, id);
  if (c.interrupted) send({ type: 'interrupted', conversationId: id, reason: 'channel asset deleted' }, id);
  if (c.customerEnded) send({ type: 'customerEnded', conversationId: id }, id);
  if (a.phase === 'wrapUp') send({ type: 'wrapUpRequired', conversationId: id, reasons: core.wrapUpReasons }, id);
}
