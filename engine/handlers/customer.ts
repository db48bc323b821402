// The customer leaves: ends a Livechat from the widget, or gives up waiting.
import type { EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Conversation } from '../state/types.js';
import { findConversation, isRefusal } from './lookup.js';

type CustomerEnd = Extract<Command, { type: 'customerEnd' }>;
type Abandon = Extract<Command, { type: 'abandon' }>;

export function customerEnd(core: EngineCore, cmd: CustomerEnd): CctwinError | null {
  const c = findConversation(core, cmd.conversationId);
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
  const agentIds = core.agentIdsOf(c);
  if (!core.quiet) core.emit({ type: 'message', conversationId: c.id, customerId: c.customerId, from: 'system', text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds });
  for (const agentId of agentIds) core.emit({ type: 'customerEnded', agentId, conversationId: c.id });
  return null;
}

export function abandon(core: EngineCore, cmd: Abandon): CctwinError | null {
  const c = findConversation(core, cmd.conversationId);
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
