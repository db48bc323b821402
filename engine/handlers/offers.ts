// accept, and the offer's expiry timer: RONA.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Offer } from '../state/types.js';
import { findAgent, isRefusal } from './lookup.js';

type Accept = Extract<Command, { type: 'accept' }>;
type TimerFired = Extract<Command, { type: 'timerFired' }>;

export function accept(core: EngineCore, cmd: Accept): CctwinError | null {
  const agent = findAgent(core, cmd.agentId);
  if (isRefusal(agent)) return agent;
  const offer = agent.offers.get(cmd.offerId);
  if (offer === undefined) return core.refuse('E_UNKNOWN_OFFER', String(cmd.offerId));
  const c = offer.conversation;
  core.assign(offer);
  if (offer.kind === 'conference') {
    c.conferenceAgent = agent;
    c.conferenceStatus = 'active';
    core.emit({ type: 'conferenced', conversationId: c.id, atMs: core.nowMs });
    if (!core.quiet) core.emit({ type: 'conferenceStatus', conversationId: c.id, status: 'active', agentIds: core.agentIdsOf(c) });
  } else {
    c.state = 'active';
    c.owner = agent;
    if (c.answeredAtMs < 0) {
      c.answeredAtMs = core.nowMs;
      core.emit({ type: 'answered', conversationId: c.id, agentId: agent.id, arrivedAtMs: c.arrivedAtMs, atMs: core.nowMs });
    }
  }
  core.emit({
    type: 'conversation', agentId: agent.id, conversationId: c.id, role: offer.kind === 'conference' ? 'conference' : 'owner',
    channel: c.asset.channel, queue: c.queue.name, customer: core.customerView(c), source: core.sourceOf(c),
    transcript: core.transcriptFor(c),
  });
  if (offer.kind === 'conference') {
    const text = `${agent.name} joined the conversation`;
    const entry = core.record(c, 'system', text, undefined, false);
    if (!core.quiet) core.emit({ type: 'message', conversationId: c.id, customerId: c.customerId, from: 'system', text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds: core.agentIdsOf(c) });
  }
  return null;
}

/** An offer not accepted in time: the agent goes to RONA and the conversation goes back, or is dropped. */
export function timerFired(core: EngineCore, cmd: TimerFired): CctwinError | null {
  const offer = core.offers.get(cmd.ref);
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
  core.emit({ type: 'rona', agentId: agent.id, offerId: expired.id, atMs: core.nowMs });
  agent.state = 'rona';
  agent.idleReason = undefined;
  core.emit({ type: 'agentState', agentId: agent.id, state: 'rona' });
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
