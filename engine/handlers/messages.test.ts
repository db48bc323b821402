// Replies within each channel's limit (in code points), Livechat's reserved
// characters, internal notes, and customer messages reaching the agents.
import { describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.js';
import { checkInvariants } from '../testing/invariants.js';
import type { Channel } from '../model/channel.js';

/** Ann holds an accepted conversation on `channel`. */
function setup(channel: Channel): { h: Harness; id: number } {
  const h = new Harness({ queues: [{ name: 'support' }] });
  h.do({ type: 'addAsset', assetId: 'asset', channel, queue: 'support', label: 'source' });
  h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
  h.do({ type: 'setState', agentId: 'ann', state: 'available' });
  const id = h.arrive('asset', 'cust');
  h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
  return { h, id };
}

const LIMITS: [Channel, number][] = [['facebook', 1000], ['sms', 1000], ['livechat', 1000], ['whatsapp', 4096]];

describe('reply limits per channel', () => {
  for (const [channel, limit] of LIMITS) {
    it(`${channel}: ${limit} characters pass, ${limit + 1} are refused with E_REPLY_TOO_LONG and emit nothing`, () => {
      const { h, id } = setup(channel);
      const atLimit = 'a'.repeat(limit);
      h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: atLimit });
      expect(h.one('message')).toMatchObject({ from: 'agent', fromAgentId: 'ann', text: atLimit, customerId: 'cust', agentIds: ['ann'] });

      const before = h.engine.core.conversations.get(id)!.transcript.length;
      const refusal = h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: 'a'.repeat(limit + 1) });
      expect(refusal?.code).toBe('E_REPLY_TOO_LONG');
      expect(h.events).toEqual([]);
      expect(h.engine.core.conversations.get(id)!.transcript.length).toBe(before);
      expect(checkInvariants(h.engine.core)).toEqual([]);
    });

    it(`${channel}: counts code points, so ${limit} emoji pass and ${limit + 1} do not`, () => {
      const { h, id } = setup(channel);
      const emoji = '😀'; // two UTF-16 units, one character
      h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: emoji.repeat(limit) });
      expect(h.of('message')).toHaveLength(1);
      expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: emoji.repeat(limit + 1) })?.code).toBe('E_REPLY_TOO_LONG');
      expect(h.events).toEqual([]);
      // A mix: limit - 1 letters and one emoji is exactly the limit.
      h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'b'.repeat(limit - 1) + emoji });
    });
  }

  it('livechat refuses < and > with E_RESERVED_CHARS; line breaks are fine', () => {
    const { h, id } = setup('livechat');
    for (const text of ['use <b>bold</b>', 'a < b', 'x > y', '<']) {
      expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text })?.code).toBe('E_RESERVED_CHARS');
      expect(h.events).toEqual([]);
    }
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'line one\nline two\r\nline three' });
    expect(h.one('message').text).toBe('line one\nline two\r\nline three');
  });

  for (const channel of ['facebook', 'sms', 'whatsapp'] as const) {
    it(`${channel} allows < and >`, () => {
      const { h, id } = setup(channel);
      h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'a < b > c' });
      expect(h.one('message').text).toBe('a < b > c');
    });
  }

  it('refuses an empty reply and a reply to a conversation the agent does not hold', () => {
    const { h, id } = setup('sms');
    expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: '' })?.code).toBe('E_MALFORMED');
    h.do({ type: 'addAgent', agentId: 'bob', queues: ['support'], capacity: 1 });
    expect(h.try({ type: 'reply', agentId: 'bob', conversationId: id, text: 'hi' })?.code).toBe('E_NOT_ASSIGNED');
    expect(h.try({ type: 'reply', agentId: 'ann', conversationId: 999, text: 'hi' })?.code).toBe('E_UNKNOWN_CONVERSATION');
    expect(h.events).toEqual([]);
  });

  it('honours a channel limit set in the engine config', () => {
    const h = new Harness({ queues: [{ name: 'support' }], channels: { sms: { replyLimit: 160 } } });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const id = h.arrive('sms', 'cust');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'x'.repeat(160) });
    expect(h.try({ type: 'reply', agentId: 'ann', conversationId: id, text: 'x'.repeat(161) })?.code).toBe('E_REPLY_TOO_LONG');
  });
});

describe('customer messages and notes', () => {
  it('messages while waiting are kept for the transcript; once accepted they reach the agent', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    const id = h.arrive('sms', 'cust', 'first');
    h.nowMs = 100;
    expect(h.arrive('sms', 'cust', 'second')).toBe(id);
    expect(h.of('arrived')).toEqual([]);
    expect(h.of('message')).toEqual([]);
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    expect(h.one('conversation').transcript).toEqual([
      { from: 'customer', text: 'first', atMs: 0 },
      { from: 'customer', text: 'second', atMs: 100 },
    ]);
    h.nowMs = 200;
    h.do({ type: 'customerMessage', assetId: 'sms', customerId: 'cust', text: 'third' });
    expect(h.one('message')).toEqual({
      type: 'message', conversationId: id, customerId: 'cust', from: 'customer', text: 'third', maskedText: 'third', atMs: 200, agentIds: ['ann'],
    });
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('the same customer on another asset has a separate conversation', () => {
    const h = new Harness({ queues: [{ name: 'support' }] });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAsset', assetId: 'wa', channel: 'whatsapp', queue: 'support', label: 'n' });
    const a = h.arrive('sms', 'cust');
    const b = h.arrive('wa', 'cust');
    expect(a).not.toBe(b);
    expect(h.engine.core.queues.get('support')!.waiting.size).toBe(2);
  });

  it('a note reaches agents only, is kept as internal, and is allowed in wrap-up', () => {
    const { h, id } = setup('sms');
    h.nowMs = 50;
    h.do({ type: 'note', agentId: 'ann', conversationId: id, text: 'VIP customer' });
    expect(h.events).toEqual([{ type: 'note', conversationId: id, agentId: 'ann', maskedText: 'VIP customer', atMs: 50, agentIds: ['ann'] }]);
    expect(h.engine.core.conversations.get(id)!.transcript.at(-1)).toMatchObject({ text: 'VIP customer', internal: true });
    h.do({ type: 'end', agentId: 'ann', conversationId: id });
    h.do({ type: 'note', agentId: 'ann', conversationId: id, text: 'follow up tomorrow' });
    expect(h.one('note').agentIds).toEqual(['ann']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });
});
