// What an agent's desktop shows right now, rebuilt from the engine's state:
// sent when an agent connects, so a desktop that reconnects gets back its
// state, its pending offers and every conversation it holds with the masked
// history. Reads the engine's views; changes nothing. Frames about a
// conversation say so and its history lines are marked as such
// (Deliveries.about), so the hub pages the history and keeps the frames that
// follow it behind it (outbox.ts).
import type { AgentInfo, AssignmentInfo, EngineView, OfferInfo } from '../engine/index.js';
import { agentTarget, deliver, type Deliveries } from './deliveries.js';

export function agentDeskFrames(view: EngineView, agent: AgentInfo, out: Deliveries): void {
  const to = agentTarget(agent.agentId);
  const send: Send = (frame, about = 0) => deliver(out, to, JSON.stringify(frame), about);
  send(agent.reason ? { type: 'state', state: agent.state, reason: agent.reason } : { type: 'state', state: agent.state });
  for (const offer of view.offersOf(agent.agentId)) send(offerFrame(view, offer), offer.conversationId);
  for (const a of view.assignmentsOf(agent.agentId)) assignmentFrames(view, a, send);
}

type Send = (frame: object, about?: number) => void;

function offerFrame(view: EngineView, offer: OfferInfo): object {
  const c = view.conversation(offer.conversationId)!;
  return {
    type: 'offer', offerId: offer.offerId, conversationId: c.conversationId, kind: offer.kind, channel: c.channel, queue: c.queue,
    customer: view.customerOf(c.conversationId), source: view.sourceOf(c.conversationId), receivedAt: c.arrivedAtMs,
    expiresAt: offer.expiresAtMs, proactive: c.proactive,
  };
}

function assignmentFrames(view: EngineView, a: AssignmentInfo, send: Send): void {
  const id = a.conversationId;
  const c = view.conversation(id)!;
  send({
    type: 'conversation', conversationId: id, role: a.role, phase: a.phase,
    channel: c.channel, queue: c.queue, customer: view.customerOf(id), source: view.sourceOf(id),
  }, id);
  for (const e of view.history(id)) {
    if (e.internal && e.from === 'agent') {
      send({ type: 'note', conversationId: id, agentId: e.agentId, text: e.text, at: e.atMs }, -id);
    } else {
      send({ type: 'message', conversationId: id, from: e.from, ...(e.agentId === undefined ? {} : { agentId: e.agentId }), text: e.text, at: e.atMs }, -id);
    }
  }
  if (c.conferenceStatus !== 'none' && a.phase === 'active') send({ type: 'conferenceStatus', conversationId: id, status: c.conferenceStatus }, id);
  if (c.interrupted) send({ type: 'interrupted', conversationId: id, reason: 'channel asset deleted' }, id);
  if (c.customerEnded) send({ type: 'customerEnded', conversationId: id }, id);
  if (a.phase === 'wrapUp') send({ type: 'wrapUpRequired', conversationId: id, reasons: view.wrapUpReasons() }, id);
}
