// The customer leaves: ends a Livechat from the widget, or gives up waiting.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Conversation } from '../state/types.js';
import { findConversation, isRefusal } from './lookup.js';

type CustomerEnd = Extract<Command, { type: 'customerEnd' }>;
type Abandon = Extract<Command, { type: 'abandon' }>;

export function customerEnd(core: EngineCore, cmd: CustomerEnd): CctwinError | null {
  return customerEndOf(core, cmd.conversationId);
}

export function customerEndOf(core: EngineCore, conversationId: number): CctwinError | null {
  const c = findConversation(core, conversationId);
  if (isRefusal(c)) return c;
  if (!c.asset.rules.customerCanEnd) return core.refuse('E_NOT_SUPPORTED', `customers cannot end ${c.asset.channel} conversations`);
  if (c.state === 'ended' || c.customerEnded || c.sessionEnded) return core.refuse('E_BAD_STATE', 'the conversation is already over for the customer');
  if (c.interrupted) return core.refuse('E_INTERRUPTED');
  if (isWaiting(c)) {
    abandonWaiting(core, c);
    return null;
  }
  c.customerEnded = true;
  core.closeToCustomer(c);
  const text = 'Customer has ended the conversation';
  const entry = core.record(c, 'system', text, undefined, false);
  if (!core.quiet) core.emit({ type: 'message', conversationId: c.id, customerId: c.customerId, from: 'system', text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds: core.agentIdsOf(c) });
  if (c.owner !== null) core.sink.customerEnded(c.owner, c);
  if (c.conferenceAgent !== null) core.sink.customerEnded(c.conferenceAgent, c);
  return null;
}

export function abandon(core: EngineCore, cmd: Abandon): CctwinError | null {
  return abandonOf(core, cmd.conversationId);
}

export function abandonOf(core: EngineCore, conversationId: number): CctwinError | null {
  const c = findConversation(core, conversationId);
  if (isRefusal(c)) return c;
  if (!isWaiting(c)) return core.refuse('E_BAD_STATE', `conversation ${c.id} is ${c.state}, not waiting`);
  abandonWaiting(core, c);
  return null;
}

/** Queued, or offered to an agent who has not accepted yet. */
function isWaiting(c: Conversation): boolean {
  return c.state === 'queued' || c.state === 'offered';
}

function abandonWaiting(core: EngineCore, c: Conversation): void {
  if (c.state === 'offered' && c.offer !== null) core.rescind(c.offer, 'abandoned');
  core.endConversation(c, 'abandoned');
}
