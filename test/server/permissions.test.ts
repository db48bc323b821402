// Who may do what: an agent acts only on its own offers and conversations,
// connects only with a token that proves its name, a customer sees only its
// own conversation, and admin calls need the admin token.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agentToken } from '../../server/index.js';
import { adminCall, ADMIN_TOKEN, serverForFile, startTestServer, TEST_SECRET } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const file = serverForFile();
const track = file.track;

async function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const c = await TestClient.open(url, { headers });
    c.ws.terminate();
    return 101;
  } catch (err) {
    return (err as { status?: number }).status ?? -1;
  }
}

describe('agents act only on their own work', () => {
  it("another agent's offer is unknown to me; another agent's conversation is not assigned to me", async () => {
    const ann = await track(TestClient.agent(file.server, 'desk-1'));
    const bob = await track(TestClient.agent(file.server, 'desk-2'));
    await ann.ok({ type: 'setState', state: 'available' });
    const cust = await track(TestClient.customer(file.server, 'whatsapp', 'c-perm'));
    await cust.ok({ type: 'message', text: 'hello' });
    const offer = await ann.next('offer');
    expect(await bob.refused({ type: 'accept', offerId: offer.offerId })).toBe('E_UNKNOWN_OFFER');
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    const conversationId = offer.conversationId;
    for (const frame of [
      { type: 'reply', conversationId, text: 'I am not your agent' },
      { type: 'note', conversationId, text: 'sneaky' },
      { type: 'transfer', conversationId, queue: 'support' },
      { type: 'conference', conversationId, agent: 'desk-3' },
      { type: 'end', conversationId },
      { type: 'endSession', conversationId },
      { type: 'wrapUp', conversationId, reason: 'Resolved' },
    ]) {
      expect(await bob.refused(frame), frame.type).toBe('E_NOT_ASSIGNED');
    }
    // Naming the other agent in a frame does not help.
    expect(await bob.refused({ type: 'reply', conversationId, text: 'hi', agentId: 'desk-1' })).toBe('E_UNAUTHORIZED');
    // Nothing changed: ann still holds it and the customer heard nothing from bob.
    await ann.ok({ type: 'reply', conversationId, text: 'I am your agent' });
    expect((await cust.next('message')).text).toBe('I am your agent');
    expect(cust.taken('message')).toHaveLength(1);
    await ann.ok({ type: 'setState', state: 'idle' });
  });

  it('a customer receives only its own conversation', async () => {
    const ann = await track(TestClient.agent(file.server, 'desk-3'));
    await ann.ok({ type: 'setState', state: 'available' });
    const one = await track(TestClient.customer(file.server, 'livechat', 'c-one'));
    const two = await track(TestClient.customer(file.server, 'livechat', 'c-two'));
    // The same id on another channel is another customer.
    const twoElsewhere = await track(TestClient.customer(file.server, 'whatsapp', 'c-two'));
    await one.ok({ type: 'message', text: 'first' });
    await two.ok({ type: 'message', text: 'second' });
    const offers = [await ann.next('offer'), await ann.next('offer')];
    for (const o of offers) await ann.ok({ type: 'accept', offerId: o.offerId });
    for (const o of offers) await ann.ok({ type: 'reply', conversationId: o.conversationId, text: `for ${o.conversationId}` });
    const toOne = await one.next('message');
    const toTwo = await two.next('message');
    expect(toOne.conversationId).not.toBe(toTwo.conversationId);
    expect(toOne.text).toBe(`for ${toOne.conversationId}`);
    expect(toTwo.text).toBe(`for ${toTwo.conversationId}`);
    await twoElsewhere.ok({ type: 'message', text: 'hello from whatsapp' }); // barrier on the third socket
    expect(twoElsewhere.log.filter((f) => f.type !== 'ack')).toEqual([]);
    expect(one.taken('message')).toHaveLength(1);
    await ann.ok({ type: 'setState', state: 'idle' });
  });
});

describe('connecting', () => {
  it('an agent needs a token that proves its name: 401 otherwise, and no socket', async () => {
    const base = `${file.server.wsUrl}/agent`;
    const forged = (secret: string, id: string): string => `${id}.${createHmac('sha256', secret).update(`cctwin-agent:${id}`).digest('base64url')}`;
    expect(await refusedUpgrade(base)).toBe(401);
    expect(await refusedUpgrade(`${base}?token=`)).toBe(401);
    expect(await refusedUpgrade(`${base}?token=desk-1`)).toBe(401);
    expect(await refusedUpgrade(`${base}?token=${encodeURIComponent(forged('another secret', 'desk-1'))}`)).toBe(401);
    const ann = file.server.agentToken('desk-1');
    expect(await refusedUpgrade(`${base}?token=${encodeURIComponent(`desk-2${ann.slice(ann.indexOf('.'))}`)}`)).toBe(401);
    // Validly signed, but no such agent.
    expect(await refusedUpgrade(`${base}?token=${encodeURIComponent(agentToken(TEST_SECRET, 'ghost-1'))}`)).toBe(401);
    // The token a load generator derives from the secret is the server's.
    expect(agentToken(TEST_SECRET, 'desk-1')).toBe(ann);
    expect(await refusedUpgrade(`${base}?token=${encodeURIComponent(ann)}`)).toBe(101);
    expect(await refusedUpgrade(base, { authorization: `Bearer ${ann}` })).toBe(101);
  });

  it('a customer names a channel with an asset and an id: 400 or 404 otherwise; unknown paths 404', async () => {
    expect(await refusedUpgrade(`${file.server.wsUrl}/customer?channel=fax&customerId=x`)).toBe(400);
    expect(await refusedUpgrade(`${file.server.wsUrl}/customer?channel=sms`)).toBe(400);
    expect(await refusedUpgrade(`${file.server.wsUrl}/customer?channel=livechat&customerId=x&queue=sales`)).toBe(404);
    expect(await refusedUpgrade(`${file.server.wsUrl}/elsewhere`)).toBe(404);
  });

  it('a second connection for the same agent replaces the first (4001), which is not a disconnect', async () => {
    const first = await track(TestClient.agent(file.server, 'desk-2'));
    await first.ok({ type: 'setState', state: 'available' });
    const second = await track(TestClient.agent(file.server, 'desk-2'));
    expect((await first.closed).code).toBe(4001);
    // The server's own close event of the old socket lands about when the client's does.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const desk2 = (await file.server.state()).agents.find((a) => a.agentId === 'desk-2');
    expect(desk2).toMatchObject({ state: 'available', connected: true });
    await second.ok({ type: 'setState', state: 'idle' });
  });
});

describe('admin calls', () => {
  it('need the admin token, compared exactly', async () => {
    for (const token of [null, 'wrong', `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1)]) {
      const res = await adminCall(file.server, 'POST', '/api/admin/settings', { csatOnSessionEnd: false }, token);
      expect(res, String(token)).toMatchObject({ status: 401, json: { code: 'E_UNAUTHORIZED' } });
      expect((await adminCall(file.server, 'DELETE', '/api/admin/assets/sms:sales', undefined, token)).status).toBe(401);
    }
    expect((await file.server.state()).tenant.csatOnSessionEnd).toBe(true);
    const ok = await adminCall(file.server, 'POST', '/api/admin/settings', { csatOnSessionEnd: false });
    expect(ok).toMatchObject({ status: 200, json: { tenant: { csatOnSessionEnd: false } } });
    await adminCall(file.server, 'POST', '/api/admin/settings', { csatOnSessionEnd: true });
  });

  it('are off when the server has no admin token', async () => {
    const bare = await startTestServer({ adminToken: undefined, engineThread: 'main' });
    try {
      const res = await adminCall(bare, 'POST', '/api/admin/settings', { csatOnSessionEnd: false }, '');
      expect(res).toMatchObject({ status: 401, json: { code: 'E_UNAUTHORIZED' } });
      expect((await adminCall(bare, 'POST', '/api/admin/settings', { csatOnSessionEnd: false }, 'undefined')).status).toBe(401);
    } finally {
      await bare.drain();
    }
  });
});
