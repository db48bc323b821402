// Messages: agent replies (with the channel's limits), internal notes, and
// customer messages (the first of a session opens a conversation). Every
// line goes into the conversation's history, which keeps within the tenant's
// cap by dropping its oldest lines (EngineCore.record): a customer is never
// refused for writing a lot.
import { utf8Length, type EngineCore } from '../core.js';
import type { Command } from '../commands.js';
import type { CctwinError } from '../errors.js';
import type { Asset, Conversation } from '../state/types.js';
import type { CustomerNamer } from '../state/conversation-record.js';
import { findActiveHolding, findHolding, isRefusal, refuseIfClosed } from './lookup.js';

type Reply = Extract<Command, { type: 'reply' }>;
type Note = Extract<Command, { type: 'note' }>;
type CustomerMessage = Extract<Command, { type: 'customerMessage' }>;

export function reply(core: EngineCore, cmd: Reply): CctwinError | null {
  const h = findActiveHolding(core, cmd.agentId, cmd.conversationId);
  if (isRefusal(h)) return h;
  const { agent, conversation: c } = h;
  const closed = refuseIfClosed(core, c);
  if (closed) return closed;
  if (typeof cmd.text !== 'string' || cmd.text.length === 0) return core.refuse('E_MALFORMED', 'text must be a non-empty string');
  const rules = c.asset.rules;
  const length = codePointLength(cmd.text, rules.replyLimit);
  if (length > rules.replyLimit) return core.refuse('E_REPLY_TOO_LONG', `${length} characters, ${c.asset.channel} allows ${rules.replyLimit}`);
  for (const ch of rules.reservedChars) {
    if (cmd.text.includes(ch)) return core.refuse('E_RESERVED_CHARS', `${c.asset.channel} reserves ${[...rules.reservedChars].join(' ')}`);
  }
  const entry = core.record(c, 'agent', cmd.text, agent.id, false);
  if (core.quiet) return null;
  core.emit({
    type: 'message', conversationId: c.id, customerId: c.customerId, from: 'agent', fromAgentId: agent.id,
    text: cmd.text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds: core.agentIdsOf(c),
  });
  return null;
}

/** Internal notes reach agents only, and stay possible after a session end or in wrap-up. */
export function note(core: EngineCore, cmd: Note): CctwinError | null {
  const h = findHolding(core, cmd.agentId, cmd.conversationId);
  if (isRefusal(h)) return h;
  if (typeof cmd.text !== 'string' || cmd.text.length === 0) return core.refuse('E_MALFORMED', 'text must be a non-empty string');
  const { agent, conversation: c } = h;
  const entry = core.record(c, 'agent', cmd.text, agent.id, true);
  const agentIds = core.agentIdsOf(c);
  if (!agentIds.includes(agent.id)) agentIds.push(agent.id);
  if (!core.quiet) core.emit({ type: 'note', conversationId: c.id, agentId: agent.id, maskedText: entry.maskedText, atMs: core.nowMs, agentIds });
  return null;
}

export function customerMessage(core: EngineCore, cmd: CustomerMessage): CctwinError | null {
  const asset = core.assets.get(cmd.assetId);
  if (asset === undefined) return core.refuse('E_UNKNOWN_ASSET', String(cmd.assetId));
  return customerMessageOn(core, asset, cmd.customerId, cmd.text, cmd.name, cmd.number, cmd.proactive === true);
}

export function customerMessageOn(
  core: EngineCore, asset: Asset, customerId: string, text: string, name: string | undefined, number: string | undefined, proactive: boolean,
): CctwinError | null {
  if (typeof text !== 'string' || typeof customerId !== 'string') return core.refuse('E_MALFORMED', 'customerId and text must be strings');
  const open = asset.byCustomer.get(customerId);
  if (open !== undefined) return toOpenConversation(core, open, text);
  const c = core.newConversation(asset, customerId, -1, null, name ?? null, number ?? '', false, proactive && asset.channel === 'livechat');
  asset.byCustomer.set(customerId, c);
  return opened(core, asset, c, text);
}

/**
 * The same for a customer a driver names by number (a whole number >= 0,
 * its string id made by `namer` only when something shows it): the lean
 * port's form. `numberIsId`: the customer's number is their id (SMS, WhatsApp).
 */
export function customerMessageKeyed(
  core: EngineCore, asset: Asset, customerKey: number, namer: CustomerNamer, text: string, numberIsId: boolean, proactive: boolean,
): CctwinError | null {
  if (typeof text !== 'string' || !(customerKey >= 0 && Number.isInteger(customerKey))) return core.refuse('E_MALFORMED', 'a customer key is a whole number >= 0 and text a string');
  const open = asset.byCustomerKey.get(customerKey);
  if (open !== undefined) return toOpenConversation(core, open, text);
  const c = core.newConversation(asset, null, customerKey, namer, null, null, numberIsId, proactive && asset.channel === 'livechat');
  asset.byCustomerKey.set(customerKey, c);
  return opened(core, asset, c, text);
}

/** A message on the customer's open conversation. */
function toOpenConversation(core: EngineCore, open: Conversation, text: string): null {
  const entry = core.record(open, 'customer', text, undefined, false);
  if (!core.quiet && (open.owner !== null || open.conferenceAgent !== null)) {
    core.emit({ type: 'message', conversationId: open.id, customerId: open.customerId, from: 'customer', text, maskedText: entry.maskedText, atMs: core.nowMs, agentIds: core.agentIdsOf(open) });
  }
  return null;
}

/** A new conversation, just listed as its customer's: its first line, then it arrives and is queued. */
function opened(core: EngineCore, asset: Asset, c: Conversation, text: string): null {
  c.listed = true;
  if (text.length > 0) {
    // One line is always kept, however long: no cap to apply yet.
    const first = core.entry('customer', text, undefined, false);
    c.transcript.push(first);
    c.transcriptBytes = utf8Length(first.maskedText);
  }
  core.conversations.set(c.id, c);
  asset.open++;
  core.sink.arrived(c);
  core.enqueue(c, asset.queue, false);
  return null;
}

/** Length in code points, counted only when the UTF-16 length could exceed the limit. */
function codePointLength(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}
