// What an agent's desktop shows right now, rebuilt from the engine's state:
// sent when an agent connects, so a desktop that reconnects gets back its
// state, its pending offers and every conversation it holds with the masked
// history. Reads the engine core; changes nothing.
import type { EngineCore } from '../../engine/core.js';
import type { Agent, Assignment, Offer } from '../../engine/state/types.js';
import { agentTarget, deliver, type Deliveries } from './deliveries.js';

export function agentDeskFrames(core: EngineCore, agent: Agent, out: Deliveries): void {
  const to = agentTarget(agent.id);
  const send = (frame: object): void => deliver(out, to, JSON.stringify(frame));
  send(agent.idleReason ? { type: 'state', state: agent.state, reason: agent.idleReason } : { type: 'state', state: agent.state });
  for (const offer of agent.offers.values()) send(offerFrame(core, offer));
  for (const a of agent.assignments.values()) assignmentFrames(core, agent, a, send);
}

function offerFrame(core: EngineCore, offer: Offer): object {
  const c = offer.conversation;
  return {
    type: 'offer', offerId: offer.id, conversationId: c.id, kind: offer.kind, channel: c.asset.channel, queue: c.queue.name,
    customer: core.customerView(c), source: core.forAgents(c.asset.label), receivedAt: c.arrivedAtMs,
    expiresAt: offer.expiresAtMs, proactive: c.proactive,
  };
}

function assignmentFrames(core: EngineCore, agent: Agent, a: Assignment, send: (frame: object) => void): void {
  const c = a.conversation;
  send({
    type: 'conversation', conversationId: c.id, role: c.conferenceAgent === agent ? 'conference' : 'owner', phase: a.phase,
    channel: c.asset.channel, queue: c.queue.name, customer: core.customerView(c), source: core.forAgents(c.asset.label),
  });
  for (const e of c.transcript) {
    if (e.internal && e.from === 'agent') {
      send({ type: 'note', conversationId: c.id, agentId: e.agentId, text: e.maskedText, at: e.atMs });
    } else {
      send({ type: 'message', conversationId: c.id, from: e.from, ...(e.agentId === undefined ? {} : { agentId: e.agentId }), text: e.maskedText, at: e.atMs });
    }
  }
  if (c.conferenceStatus !== 'none' && a.phase === 'active') send({ type: 'conferenceStatus', conversationId: c.id, status: c.conferenceStatus });
  if (c.interrupted) send({ type: 'interrupted', conversationId: c.id, reason: 'channel asset deleted' });
  if (c.customerEnded) send({ type: 'customerEnded', conversationId: c.id });
  if (a.phase === 'wrapUp') send({ type: 'wrapUpRequired', conversationId: c.id, reasons: core.wrapUpReasons });
}
