// accept, and the offer's expiry timer: RONA.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Agent, Offer } from '../state/types.js';
import { findAgent, isRefusal } from './lookup.js';

type Accept = Extract<Command, { type: 'accept' }>;
type TimerFired = Extract<Command, { type: 'timerFired' }>;

export function accept(core: EngineCore, cmd: Accept): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  return acceptBy(core, agent, cmd.offerId);
}

export function acceptBy(core: EngineCore, agent: Agent, offerId: number): CctwinError | null {
  const offer = agent.offers.get(offerId);
  if (offer === undefined) return core.refuse('E_UNKNOWN_OFFER', String(offerId));
  const c = offer.conversation;
  core.assign(offer);
  if (offer.kind === 'conference') {
    c.conferenceAgent = agent;
    c.conferenceStatus = 'active';
    core.sink.conferenced(c);
    if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'active', agentIds: core.agentIdsOf(c) });
  } else {
    c.state = 'active';
    c.owner = agent;
    if (c.answeredAtMs < 0) {
      c.answeredAtMs = core.nowMs;
      core.sink.answered(c, agent);
    }
  }
  core.sink.conversation(agent, c, offer.kind === 'conference' ? 'conference' : 'owner');
  if (offer.kind === 'conference') {
    const text = `${agent.name} joined the conversation`;
    const entry = core.record(c, 'system', text, undefined, false);
    if (!core.quiet) core.emit({ type: 'message', conversationId: c.id, customerId: c.customerId, from: 'system', text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds: core.agentIdsOf(c) });
  }
  return null;
}

/** An offer not accepted in time: the agent goes to RONA and the conversation goes back, or is dropped. */
export function timerFired(core: EngineCore, cmd: TimerFired): CctwinError | null {
  return offerTimerFired(core, cmd.ref);
}

export function offerTimerFired(core: EngineCore, ref: number): CctwinError | null {
  const offer = core.offers.get(ref);
  // Accepted, rescinded or already expired: the timer is stale, which is normal.
  if (offer === undefined) return null;
  expire(core, offer);
  return null;
}

/**
 * RONA takes back every offer the agent has pending, not only the one that
 * expired: an agent in RONA receives nothing and accepts nothing until it
 * makes itself available again.
 */
function expire(core: EngineCore, expired: Offer): void {
  const agent = expired.agent;
  core.sink.rona(agent, expired);
  agent.state = 'rona';
  agent.idleReason = undefined;
  core.sink.agentState(agent);
  core.refresh(agent);
  const offers = [expired];
  for (const o of agent.offers.values()) if (o !== expired) offers.push(o);
  for (const offer of offers) {
    core.withdrawOffer(offer);
    if (!core.quiet) core.emit({ type: 'offerRescinded', agentId: agent.id, offerId: offer.id, conversationId: offer.conversation.id, reason: 'rona' });
    returnConversation(core, offer);
  }
}

/** What becomes of a conversation whose offer went unanswered. */
function returnConversation(core: EngineCore, offer: Offer): void {
  const c = offer.conversation;
  if (offer.kind === 'conference') {
    c.conferenceStatus = 'none';
    if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'ended', agentIds: core.agentIdsOf(c) });
  } else if (offer.dropOnTimeout) {
    core.endConversation(c, 'droppedOnTransfer');
  } else {
    core.enqueue(c, c.queue, true);
  }
}
