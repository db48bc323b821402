// Each error code of the protocol, reached over the wire, answered as
// `error {code, message, ref}` with the frame's ref, and changing nothing:
// the same connection goes on working after it. (E_DUPLICATE cannot be
// reached over the protocol: agents and assets are not added over it.
// E_RATE_LIMITED and E_FRAME_TOO_LARGE are in abuse.test.ts, E_INTERNAL in
// engine-host.test.ts: only a bug reaches it.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { adminCall, startTestServer } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

let server: RunningServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({}, ['agents.0.count=6']);
});
afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await server.drain();
});

async function agent(id: string): Promise<TestClient> {
  const c = await TestClient.agent(server, id);
  clients.push(c);
  await c.ok({ type: 'setState', state: 'available' });
  return c;
}

/** A conversation `agentId` has accepted from a new customer. */
async function accepted(agentId: string, channel: string, customerId: string, queue = 'support'): Promise<{ a: TestClient; cust: TestClient; id: number }> {
  const a = await agent(agentId);
  const cust = await TestClient.customer(server, channel, customerId, { queue });
  clients.push(cust);
  await cust.ok({ type: 'message', text: 'hello' });
  const offer = await a.next('offer');
  await a.ok({ type: 'accept', offerId: offer.offerId });
  await a.ok({ type: 'setState', state: 'idle' });
  return { a, cust, id: offer.conversationId as number };
}

describe('error codes over the wire', () => {
  it('E_MALFORMED: bad JSON, not an object, no type, missing, mistyped and unknown fields, binary frames; the ref comes back when readable', async () => {
    const a = await agent('desk-1');
    const bad: [string | Buffer, unknown][] = [
      ['{not json', undefined],
      ['[1,2,3]', undefined],
      ['"setState"', undefined],
      [JSON.stringify({ ref: 'no-type' }), 'no-type'],
      [JSON.stringify({ type: 'accept', ref: 7 }), 7],
      [JSON.stringify({ type: 'accept', offerId: '12', ref: 'str-id' }), 'str-id'],
      [JSON.stringify({ type: 'accept', offerId: 1.5, ref: 'frac' }), 'frac'],
      [JSON.stringify({ type: 'reply', conversationId: 1, text: '', ref: 'empty' }), 'empty'],
      [JSON.stringify({ type: 'setState', state: 'asleep', ref: 'state' }), 'state'],
      [JSON.stringify({ type: 'listTargets', extra: true, ref: 'extra' }), 'extra'],
      [JSON.stringify({ type: 'transfer', conversationId: 1, queue: 'support', agent: 'desk-2', ref: 'both' }), 'both'],
      [JSON.stringify({ type: 'listTargets', ref: { nested: true } }), undefined],
    ];
    for (const [frame, ref] of bad) {
      a.send(frame);
      const err = await a.next('error');
      expect(err.code, String(frame)).toBe('E_MALFORMED');
      expect(err.ref, String(frame)).toEqual(ref);
      expect(typeof err.message).toBe('string');
    }
    a.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await a.next('error')).code).toBe('E_MALFORMED');
    // Still connected, still working.
    await a.ok({ type: 'listTargets' });
    await a.ok({ type: 'setState', state: 'idle' });
  });

  it('E_UNKNOWN_COMMAND and E_UNAUTHORIZED: unknown types, and commands that are not an agent\'s', async () => {
    const a = await agent('desk-1');
    expect(await a.refused({ type: 'dance' })).toBe('E_UNKNOWN_COMMAND');
    expect(await a.refused({ type: 'deleteAsset', assetId: 'whatsapp:support' })).toBe('E_UNAUTHORIZED');
    expect(await a.refused({ type: 'timerFired', timerKind: 'offerExpiry', ref: 1 })).toBe('E_UNAUTHORIZED');
    expect(await a.refused({ type: 'setState', state: 'idle', agentId: 'desk-2' })).toBe('E_UNAUTHORIZED');
    const cust = await TestClient.customer(server, 'sms', 'c-unknown');
    clients.push(cust);
    expect(await cust.refused({ type: 'reply', conversationId: 1, text: 'hi' })).toBe('E_UNKNOWN_COMMAND');
    await a.ok({ type: 'setState', state: 'idle' });
  });

  it('E_UNKNOWN_OFFER, E_UNKNOWN_CONVERSATION, E_UNKNOWN_AGENT, E_UNKNOWN_QUEUE, E_TARGET_UNAVAILABLE, E_UNKNOWN_REASON, E_BAD_STATE', async () => {
    const { a, id } = await accepted('desk-2', 'whatsapp', 'c-lookups');
    expect(await a.refused({ type: 'accept', offerId: 999_999 })).toBe('E_UNKNOWN_OFFER');
    expect(await a.refused({ type: 'reply', conversationId: 999_999, text: 'hi' })).toBe('E_UNKNOWN_CONVERSATION');
    expect(await a.refused({ type: 'transfer', conversationId: id, agent: 'nobody-1' })).toBe('E_UNKNOWN_AGENT');
    expect(await a.refused({ type: 'transfer', conversationId: id, queue: 'nowhere' })).toBe('E_UNKNOWN_QUEUE');
    expect(await a.refused({ type: 'transfer', conversationId: id, agent: 'desk-6' })).toBe('E_TARGET_UNAVAILABLE'); // idle
    expect(await a.refused({ type: 'wrapUp', conversationId: id, reason: 'Resolved' })).toBe('E_BAD_STATE'); // not in wrap-up
    expect(await a.refused({ type: 'endConference', conversationId: id })).toBe('E_BAD_STATE');
    await a.ok({ type: 'end', conversationId: id });
    expect(await a.refused({ type: 'wrapUp', conversationId: id, reason: 'Because' })).toBe('E_UNKNOWN_REASON');
    await a.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
  });

  it('E_REPLY_TOO_LONG and E_RESERVED_CHARS per channel', async () => {
    const fb = await accepted('desk-3', 'facebook', 'c-long');
    expect(await fb.a.refused({ type: 'reply', conversationId: fb.id, text: 'x'.repeat(1001) })).toBe('E_REPLY_TOO_LONG');
    await fb.a.ok({ type: 'reply', conversationId: fb.id, text: 'x'.repeat(1000) });
    const wa = await accepted('desk-4', 'whatsapp', 'c-long-wa');
    await wa.a.ok({ type: 'reply', conversationId: wa.id, text: 'x'.repeat(4096) });
    expect(await wa.a.refused({ type: 'reply', conversationId: wa.id, text: 'x'.repeat(4097) })).toBe('E_REPLY_TOO_LONG');
    const live = await accepted('desk-5', 'livechat', 'c-reserved');
    expect(await live.a.refused({ type: 'reply', conversationId: live.id, text: 'see <b>this</b>' })).toBe('E_RESERVED_CHARS');
    await live.a.ok({ type: 'reply', conversationId: live.id, text: 'line one\nline two' });
    expect((await live.cust.next('message', { from: 'agent' })).text).toBe('line one\nline two');
  });

  it('E_CUSTOMER_ENDED and E_NOT_SUPPORTED: a customer may end a Livechat only', async () => {
    const live = await accepted('desk-3', 'livechat', 'c-ends');
    await live.cust.ok({ type: 'end' });
    await live.a.next('customerEnded');
    expect(await live.a.refused({ type: 'reply', conversationId: live.id, text: 'still there?' })).toBe('E_CUSTOMER_ENDED');
    expect(await live.cust.refused({ type: 'end' })).toBe('E_BAD_STATE'); // no open conversation any more
    const wa = await accepted('desk-4', 'whatsapp', 'c-cannot-end');
    expect(await wa.cust.refused({ type: 'end' })).toBe('E_NOT_SUPPORTED');
    expect(await wa.cust.refused({ type: 'abandon' })).toBe('E_BAD_STATE'); // not waiting
  });

  it('E_SESSION_ENDED, and E_SESSION_END_DISABLED once the administrator turns session ends off', async () => {
    const first = await accepted('desk-5', 'whatsapp', 'c-session');
    await first.a.ok({ type: 'endSession', conversationId: first.id });
    expect(await first.a.refused({ type: 'reply', conversationId: first.id, text: 'hello?' })).toBe('E_SESSION_ENDED');
    await first.a.ok({ type: 'end', conversationId: first.id });
    expect((await adminCall(server, 'POST', '/api/admin/settings', { agentsCanEndSessions: false })).status).toBe(200);
    const second = await accepted('desk-6', 'whatsapp', 'c-session-2');
    expect(await second.a.refused({ type: 'endSession', conversationId: second.id })).toBe('E_SESSION_END_DISABLED');
    expect((await adminCall(server, 'POST', '/api/admin/settings', { agentsCanEndSessions: true })).status).toBe(200);
    await second.a.ok({ type: 'endSession', conversationId: second.id });
  });

  it('E_INTERRUPTED and E_UNKNOWN_ASSET once the administrator deletes the channel asset', async () => {
    const fb = await accepted('desk-1', 'facebook', 'c-interrupted');
    expect((await adminCall(server, 'DELETE', '/api/admin/assets/facebook:support')).status).toBe(200);
    await fb.a.next('interrupted', { conversationId: fb.id });
    expect(await fb.a.refused({ type: 'reply', conversationId: fb.id, text: 'hello?' })).toBe('E_INTERRUPTED');
    expect(await fb.cust.refused({ type: 'message', text: 'are you there?' })).toBe('E_UNKNOWN_ASSET');
    await fb.a.ok({ type: 'end', conversationId: fb.id });
    const gone = await adminCall(server, 'DELETE', '/api/admin/assets/facebook:support');
    expect(gone).toMatchObject({ status: 404, json: { code: 'E_UNKNOWN_ASSET' } });
    const state = await server.state();
    expect(state.counts.ended.interrupted).toBe(1);
    expect(state.assets.map((a) => a.assetId)).not.toContain('facebook:support');
    expect(state.assets.map((a) => a.assetId)).toContain('whatsapp:support');
  });
});
