// end, wrapUp and endSession: how agents leave conversations and free capacity.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Agent } from '../state/types.js';
import { activeHoldingOf, findAgent, holdingOf, isRefusal } from './lookup.js';
import { leaveConference } from './conference.js';

type End = Extract<Command, { type: 'end' }>;
type WrapUp = Extract<Command, { type: 'wrapUp' }>;
type EndSession = Extract<Command, { type: 'endSession' }>;

export function end(core: EngineCore, cmd: End): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return endBy(core, agent, cmd.conversationId);
}

export function endBy(core: EngineCore, agent: Agent, conversationId: number): CctwinError | null {
  const h = holdingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  const c = h.conversation;
  const a = h;
  if (a.phase === 'released') {
    // The session ended and freed the slot; closing it on the desktop needs no wrap-up.
    core.dropAssignment(agent, a);
    return null;
  }
  if (a.phase === 'wrapUp') return core.refuse('E_BAD_STATE', 'already in wrap-up');
  if (c.conferenceAgent === agent) {
    // The invited agent ending means leaving the conference; the chat goes on.
    leaveConference(core, agent, c);
    core.startWrapUp(agent, a);
    return null;
  }
  if (c.offer !== null && c.offer.kind === 'conference') {
    c.conferenceStatus = 'none';
    core.rescind(c.offer, 'cancelled');
    if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'ended', agentIds: core.agentIdsOf(c) });
  }
  const other = c.conferenceAgent;
  c.conferenceStatus = 'none';
  core.endConversation(c, c.interrupted ? 'interrupted' : 'completed');
  core.startWrapUp(agent, a);
  if (other !== null) core.startWrapUp(other, other.assignments.get(c.id)!);
  return null;
}

export function wrapUp(core: EngineCore, cmd: WrapUp): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return wrapUpBy(core, agent, cmd.conversationId, cmd.reason);
}

export function wrapUpBy(core: EngineCore, agent: Agent, conversationId: number, reason: string): CctwinError | null {
  const h = holdingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  const a = h;
  if (a.phase !== 'wrapUp') return core.refuse('E_BAD_STATE', 'no wrap-up pending for this conversation');
  if (!core.wrapUpReasons.includes(reason)) return core.refuse('E_UNKNOWN_REASON', String(reason));
  core.sink.wrapUpDone(agent, conversationId, reason, core.nowMs - a.wrapUpSinceMs);
  core.sink.agentState(agent);
  core.dropAssignment(agent, a);
  return null;
}

/**
 * Zendesk-style session end: the channel is closed for this ticket, history
 * records it, notes stay possible, the customer's next message opens a new
 * conversation, and capacity is freed now or after end and wrap-up, as the
 * tenant says. The customer is not told; a CSAT survey may go out.
 */
export function endSession(core: EngineCore, cmd: EndSession): CctwinError | null {
  if (!core.tenant.agentsCanEndSessions) return core.refuse('E_SESSION_END_DISABLED');
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return endSessionBy(core, agent, cmd.conversationId);
}

export function endSessionBy(core: EngineCore, agent: Agent, conversationId: number): CctwinError | null {
  if (!core.tenant.agentsCanEndSessions) return core.refuse('E_SESSION_END_DISABLED');
  const h = activeHoldingOf(core, agent, conversationId);
  if (isRefusal(h)) return h;
  const c = h.conversation;
  const a = h;
  if (c.owner !== agent) return core.refuse('E_BAD_STATE', 'only the owning agent may end the session');
  if (c.sessionEnded) return core.refuse('E_SESSION_ENDED');
  if (c.interrupted) return core.refuse('E_INTERRUPTED');
  if (c.conferenceStatus !== 'none') return core.refuse('E_BAD_STATE', 'end the conference before ending the session');

  c.sessionEnded = true;
  core.closeToCustomer(c);
  core.record(c, 'system', 'Messaging session ended', undefined, true);
  core.sink.sessionEnded(c);
  if (core.tenant.csatOnSessionEnd && !core.quiet) core.emit({ type: 'csatSurvey', conversationId: c.id, customerId: c.customerId });
  if (core.tenant.releaseCapacityOnSessionEnd) {
    core.endConversation(c, 'completed');
    core.releaseSlot(agent, a);
    core.routeAgent(agent);
  }
  return null;
}
