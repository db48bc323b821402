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

describe('history cap (tenant historyMaxMessages, historyMaxBytes)', () => {
  /** A waiting conversation on sms, with the tenant's cap and optionally a masker; ann can take it. */
  function capped(tenant: { historyMaxMessages?: number; historyMaxBytes?: number }, mask?: (t: string) => string): Harness {
    const h = new Harness({ queues: [{ name: 'support' }], tenant, ...(mask === undefined ? {} : { mask }) });
    h.do({ type: 'addAsset', assetId: 'sms', channel: 'sms', queue: 'support', label: 'n' });
    h.do({ type: 'addAgent', agentId: 'ann', queues: ['support'], capacity: 1 });
    return h;
  }
  const write = (h: Harness, text: string, atMs: number): void => {
    h.nowMs = atMs;
    h.do({ type: 'customerMessage', assetId: 'sms', customerId: 'cust', text });
  };
  const history = (h: Harness, id: number) => h.engine.core.conversations.get(id)!.transcript.map((e) => ({ from: e.from, text: e.text, atMs: e.atMs }));

  it('past the line cap the oldest lines go, behind one system line that counts them; the customer is never refused', () => {
    const h = capped({ historyMaxMessages: 3 });
    const id = h.arrive('sms', 'cust', 'm1');
    for (let i = 2; i <= 5; i++) write(h, `m${i}`, i * 10);
    expect(history(h, id)).toEqual([
      { from: 'system', text: '2 earlier messages were dropped from this history', atMs: 20 },
      { from: 'customer', text: 'm3', atMs: 30 },
      { from: 'customer', text: 'm4', atMs: 40 },
      { from: 'customer', text: 'm5', atMs: 50 },
    ]);
    // The drop line is replaced, never repeated; singular wording for one.
    write(h, 'm6', 60);
    expect(history(h, id)[0]).toEqual({ from: 'system', text: '3 earlier messages were dropped from this history', atMs: 30 });
    expect(history(h, id)).toHaveLength(4);
    const one = capped({ historyMaxMessages: 1 });
    const id1 = one.arrive('sms', 'cust', 'a');
    write(one, 'b', 5);
    expect(history(one, id1)).toEqual([{ from: 'system', text: '1 earlier message was dropped from this history', atMs: 0 }, { from: 'customer', text: 'b', atMs: 5 }]);
  });

  it('an agent that accepts gets the capped history, drop line first; live messages reach it in full', () => {
    const h = capped({ historyMaxMessages: 2 });
    const id = h.arrive('sms', 'cust', 'old');
    write(h, 'older news', 1);
    write(h, 'newest', 2);
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    expect(h.one('conversation').transcript).toEqual([
      { from: 'system', text: '1 earlier message was dropped from this history', atMs: 0 },
      { from: 'customer', text: 'older news', atMs: 1 },
      { from: 'customer', text: 'newest', atMs: 2 },
    ]);
    h.nowMs = 3;
    const long = 'x'.repeat(5000);
    h.do({ type: 'customerMessage', assetId: 'sms', customerId: 'cust', text: long });
    expect(h.one('message')).toMatchObject({ from: 'customer', text: long, agentIds: ['ann'] });
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'got it' });
    expect(history(h, id).map((e) => e.text)).toEqual(['3 earlier messages were dropped from this history', long, 'got it']);
    expect(checkInvariants(h.engine.core)).toEqual([]);
  });

  it('the byte cap counts UTF-8 bytes of the agent-facing text; the drop line is not counted', () => {
    const h = capped({ historyMaxBytes: 10 });
    const id = h.arrive('sms', 'cust', 'aaaa'); // 4 bytes
    write(h, 'éé', 1); // 4 bytes: 8 in all
    write(h, '😀', 2); // 4 bytes: 12, so 'aaaa' goes
    const c = h.engine.core.conversations.get(id)!;
    expect(history(h, id).map((e) => e.text)).toEqual(['1 earlier message was dropped from this history', 'éé', '😀']);
    expect(c.transcriptBytes).toBe(8);
    expect(c.droppedLines).toBe(1);
  });

  it('counts the masked text agents get, not the raw text', () => {
    const h = capped({ historyMaxBytes: 30 }, (t) => t.replace(/\d+/g, '[redacted-number]')); // 17 bytes per number
    const id = h.arrive('sms', 'cust', 'card 4111'); // 5 + 17 = 22 masked bytes
    write(h, 'pin 12', 1); // 4 + 17 = 21: 43 > 30
    expect(history(h, id).map((e) => e.text)).toEqual(['1 earlier message was dropped from this history', 'pin 12']);
    expect(h.engine.core.conversations.get(id)!.transcriptBytes).toBe(21);
  });

  it('the newest line is kept whole, even alone over the byte cap', () => {
    const h = capped({ historyMaxBytes: 16 });
    const id = h.arrive('sms', 'cust', 'x'.repeat(40));
    expect(history(h, id)).toEqual([{ from: 'customer', text: 'x'.repeat(40), atMs: 0 }]);
    write(h, 'y'.repeat(50), 1);
    expect(history(h, id)).toEqual([
      { from: 'system', text: '1 earlier message was dropped from this history', atMs: 0 },
      { from: 'customer', text: 'y'.repeat(50), atMs: 1 },
    ]);
    write(h, 'short', 2);
    expect(history(h, id).map((e) => e.text)).toEqual(['2 earlier messages were dropped from this history', 'short']);
  });

  it('notes, replies and system lines count and drop like customer lines', () => {
    const h = capped({ historyMaxMessages: 3 });
    h.do({ type: 'setState', agentId: 'ann', state: 'available' });
    const id = h.arrive('sms', 'cust', 'hello');
    h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
    h.nowMs = 1;
    h.do({ type: 'note', agentId: 'ann', conversationId: id, text: 'note 1' });
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'reply 1' });
    h.do({ type: 'reply', agentId: 'ann', conversationId: id, text: 'reply 2' });
    const t = h.engine.core.conversations.get(id)!.transcript;
    expect(t.map((e) => [e.from, e.text, e.internal])).toEqual([
      ['system', '1 earlier message was dropped from this history', false],
      ['agent', 'note 1', true],
      ['agent', 'reply 1', false],
      ['agent', 'reply 2', false],
    ]);
  });

  it('the defaults: 500 lines and 256 KiB', () => {
    const h = capped({});
    expect(h.engine.core.tenant).toMatchObject({ historyMaxMessages: 500, historyMaxBytes: 256 * 1024 });
    const id = h.arrive('sms', 'cust', 'm0');
    for (let i = 1; i < 600; i++) write(h, `m${i}`, i);
    const t = history(h, id);
    expect(t).toHaveLength(501);
    expect(t[0]).toEqual({ from: 'system', text: '100 earlier messages were dropped from this history', atMs: 99 });
    expect(t[1]!.text).toBe('m100');
    // Bytes: a customer at the server's frame limit (about 62 KB of text a message) keeps 4 of them.
    const big = capped({});
    const bigId = big.arrive('sms', 'cust', 'a'.repeat(62_000));
    for (let i = 1; i < 130; i++) write(big, String.fromCharCode(97 + (i % 26)).repeat(62_000), i);
    const kept = big.engine.core.conversations.get(bigId)!;
    expect(kept.transcript).toHaveLength(5);
    expect(kept.droppedLines).toBe(126);
    expect(kept.transcriptBytes).toBe(4 * 62_000);
    expect(kept.transcriptBytes).toBeLessThanOrEqual(256 * 1024);
  });

  it('is deterministic: the same commands give the same history, and the cap holds after every step', () => {
    const run = (): unknown[] => {
      const h = capped({ historyMaxMessages: 7, historyMaxBytes: 200 });
      h.do({ type: 'setState', agentId: 'ann', state: 'available' });
      const id = h.arrive('sms', 'cust', 'start');
      h.do({ type: 'accept', agentId: 'ann', offerId: h.offerFor('ann').offerId });
      let seed = 12345;
      for (let i = 1; i <= 300; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const text = 'ab€😀'.repeat(1 + (seed % 13)).slice(0, 1 + (seed % 40));
        h.nowMs = i;
        if (seed % 3 === 0) h.do({ type: 'reply', agentId: 'ann', conversationId: id, text });
        else if (seed % 3 === 1) h.do({ type: 'note', agentId: 'ann', conversationId: id, text });
        else h.do({ type: 'customerMessage', assetId: 'sms', customerId: 'cust', text });
        const c = h.engine.core.conversations.get(id)!;
        const lines = c.transcript.slice(c.droppedLines > 0 ? 1 : 0);
        const bytes = lines.reduce((n, e) => n + Buffer.byteLength(e.maskedText), 0);
        expect(c.transcriptBytes).toBe(bytes);
        expect(lines.length).toBeLessThanOrEqual(7);
        if (lines.length > 1) expect(bytes).toBeLessThanOrEqual(200);
        expect(lines.length + c.droppedLines).toBe(i + 1);
        for (let k = 1; k < c.transcript.length; k++) expect(c.transcript[k]!.atMs).toBeGreaterThanOrEqual(c.transcript[k - 1]!.atMs);
      }
      return h.log;
    };
    expect(run()).toEqual(run());
  });
});
