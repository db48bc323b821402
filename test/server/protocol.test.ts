// Every protocol command end to end over real sockets, with the engine on a
// worker thread and in-process: offer, accept, messages both ways (masked
// for agents, raw for the customer), notes, targets, conference, transfer,
// end, wrap-up, session end, customer end, abandon, RONA on the real clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { startTestServer } from './helpers/test-server.js';
import { TestClient, type Frame } from './helpers/ws-client.js';

const CARD = '4111 1111 1111 1111';
const EMAIL = 'melissa@gmail.com';
const PHONE = '+447966197542';

function expectMasked(frame: Frame): void {
  const text = JSON.stringify(frame);
  for (const secret of [CARD, EMAIL, PHONE, '4111111111111111']) expect(text).not.toContain(secret);
}

describe.each(['worker', 'main'] as const)('protocol, engine on the %s thread', (engineThread) => {
  let server: RunningServer;
  const clients: TestClient[] = [];
  const agent = async (id: string, available = true): Promise<TestClient> => {
    const c = await TestClient.agent(server, id);
    clients.push(c);
    if (available) {
      await c.ok({ type: 'setState', state: 'available' });
      await c.next('state', { state: 'available' });
    }
    return c;
  };
  const customer = async (channel: string, id: string, extra: Record<string, string> = {}): Promise<TestClient> => {
    const c = await TestClient.customer(server, channel, id, extra);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer({ engineThread });
  });
  afterAll(async () => {
    for (const c of clients) c.ws.terminate();
    await server.drain();
  });

  it('a conversation from offer to wrap-up: masking held for agents, raw text for the customer, conference and transfer', async () => {
    const ann = await agent('desk-1');
    const bob = await agent('desk-2');
    const cust = await customer('whatsapp', 'c-main', { name: PHONE });
    await cust.ok({ type: 'message', text: `Hi, my card is ${CARD}, mail me at ${EMAIL}` });

    const offer = await ann.next('offer');
    expect(offer).toMatchObject({ kind: 'new', channel: 'whatsapp', queue: 'support', proactive: false, customer: { name: '*********7542' } });
    expect(offer.expiresAt as number).toBeGreaterThan(offer.receivedAt as number);
    expectMasked(offer);
    const conversationId = offer.conversationId as number;

    await ann.ok({ type: 'accept', offerId: offer.offerId });
    const conv = await ann.next('conversation');
    expect(conv).toMatchObject({ conversationId, role: 'owner', channel: 'whatsapp' });
    const history = await ann.next('message', { conversationId, from: 'customer' });
    expect(history.text).toContain('m******@gmail.com');
    expectMasked(history);

    await ann.ok({ type: 'reply', conversationId, text: `Thanks! We will write to ${EMAIL}` });
    const echoed = await ann.next('message', { conversationId, from: 'agent' });
    expect(echoed).toMatchObject({ agentId: 'desk-1', text: 'Thanks! We will write to m******@gmail.com' });
    const toCustomer = await cust.next('message');
    expect(toCustomer).toMatchObject({ conversationId, from: 'agent', text: `Thanks! We will write to ${EMAIL}` });

    await cust.ok({ type: 'message', text: `call me on ${PHONE}` });
    const fromCustomer = await ann.next('message', { conversationId, from: 'customer' });
    expect(fromCustomer.text).toBe('call me on *********7542');

    await ann.ok({ type: 'note', conversationId, text: `customer mail ${EMAIL}` });
    expect(await ann.next('note', { conversationId })).toMatchObject({ agentId: 'desk-1', text: 'customer mail m******@gmail.com' });

    await ann.ok({ type: 'listTargets' });
    const targets = await ann.next('targets');
    expect((targets.queues as { name: string }[]).map((q) => q.name).sort()).toEqual(['sales', 'support']);
    expect(targets.agents).toContainEqual({ agentId: 'desk-2', name: 'desk 2', state: 'available', canTake: true });

    // Conference: requested, accepted by bob, ended by bob.
    await ann.ok({ type: 'conference', conversationId, agent: 'desk-2' });
    expect(await ann.next('conferenceStatus', { conversationId })).toMatchObject({ status: 'requested' });
    const invitation = await bob.next('offer', { kind: 'conference' });
    expectMasked(invitation);
    await bob.ok({ type: 'accept', offerId: invitation.offerId });
    expect(await bob.next('conversation', { conversationId })).toMatchObject({ role: 'conference' });
    for (const c of [ann, bob]) expect(await c.next('conferenceStatus', { conversationId })).toMatchObject({ status: 'active' });
    for (const c of [ann, bob]) expect((await c.next('message', { conversationId, from: 'system', text: 'desk 2 joined the conversation' })).type).toBe('message');
    expect(await cust.next('system')).toMatchObject({ conversationId, text: 'desk 2 joined the conversation' });
    // The transcript bob got on accepting is masked too.
    for (const f of bob.log) expectMasked(f);

    await bob.ok({ type: 'endConference', conversationId });
    expect(await bob.next('wrapUpRequired', { conversationId })).toMatchObject({ reasons: expect.arrayContaining(['Resolved']) });
    expect(await ann.next('conferenceStatus', { conversationId })).toMatchObject({ status: 'ended' });
    await bob.ok({ type: 'wrapUp', conversationId, reason: 'Resolved' });
    await bob.next('state', { state: 'available' });

    // Transfer to the queue: bob gets it as a transfer, with the history.
    await ann.ok({ type: 'transfer', conversationId, queue: 'support' });
    await ann.next('wrapUpRequired', { conversationId });
    const transferred = await bob.next('offer', { conversationId, kind: 'transfer' });
    await bob.ok({ type: 'accept', offerId: transferred.offerId });
    await bob.next('conversation', { conversationId });
    await ann.ok({ type: 'wrapUp', conversationId, reason: 'Transferred' });

    await bob.ok({ type: 'end', conversationId });
    await bob.next('wrapUpRequired', { conversationId });
    expect(await cust.next('ended')).toEqual({ type: 'ended', conversationId, reason: 'completed' });
    await bob.ok({ type: 'wrapUp', conversationId, reason: 'Resolved' });

    for (const c of [ann, bob]) for (const f of c.log) expectMasked(f);
    // The customer saw no agent-only frame.
    expect(new Set(cust.log.map((f) => f.type))).toEqual(new Set(['ack', 'message', 'system', 'ended']));
    const state = await server.state();
    expect(state.counts).toMatchObject({ transferred: 1, conferenced: 1 });
    expect(state.counts.ended.completed).toBeGreaterThanOrEqual(1);
    await Promise.all([ann.close(), bob.close()]);
  });

  it('session end: the customer gets the survey, not an ended frame, and its next message is a new conversation', async () => {
    const ann = await agent('desk-3');
    const cust = await customer('facebook', 'c-session');
    await cust.ok({ type: 'message', text: 'hello' });
    const offer = await ann.next('offer');
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    const conversationId = offer.conversationId as number;
    await ann.ok({ type: 'endSession', conversationId });
    expect(await ann.next('sessionEnded')).toMatchObject({ conversationId });
    expect(await cust.next('system')).toMatchObject({ conversationId, survey: 'csat' });
    await ann.ok({ type: 'note', conversationId, text: 'session closed, will follow up' });
    await ann.ok({ type: 'end', conversationId });
    await cust.ok({ type: 'message', text: 'one more thing' });
    const next = await ann.next('offer');
    expect(next.conversationId).not.toBe(conversationId);
    await ann.ok({ type: 'accept', offerId: next.offerId });
    await ann.ok({ type: 'end', conversationId: next.conversationId });
    await ann.ok({ type: 'wrapUp', conversationId: next.conversationId, reason: 'Resolved' });
    expect(cust.taken('ended').map((f) => f.conversationId)).toEqual([next.conversationId]);
    await ann.close();
  });

  it('a Livechat customer ends the chat; the agent is told, ends it, and the customer gets ended', async () => {
    const ann = await agent('desk-1');
    const cust = await customer('livechat', 'c-live');
    await cust.ok({ type: 'message', text: 'hi there' });
    const offer = await ann.next('offer', { channel: 'livechat' });
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    const conversationId = offer.conversationId as number;
    await cust.ok({ type: 'end' });
    await ann.next('customerEnded', { conversationId });
    expect(await ann.next('message', { conversationId, from: 'system' })).toMatchObject({ text: 'Customer has ended the conversation' });
    await ann.ok({ type: 'end', conversationId });
    expect(await cust.next('ended')).toMatchObject({ conversationId, reason: 'completed' });
    await ann.ok({ type: 'wrapUp', conversationId, reason: 'Customer left' });
    await ann.close();
  });

  it('a waiting customer abandons: the conversation ends abandoned and the customer is told', async () => {
    const cust = await customer('whatsapp', 'c-abandon', { queue: 'sales' });
    await cust.ok({ type: 'message', text: 'anyone?' });
    await cust.ok({ type: 'abandon' });
    expect(await cust.next('ended')).toMatchObject({ reason: 'abandoned' });
  });

  it('RONA on the real clock: the offer is rescinded, the agent goes to rona, and gets it back once available', async () => {
    const sam = await agent('sales-1');
    const cust = await customer('sms', 'c-rona');
    await cust.ok({ type: 'message', text: 'hello?' });
    const offer = await sam.next('offer');
    expect(await sam.next('offerRescinded', {}, 3000)).toMatchObject({ offerId: offer.offerId, reason: 'rona' });
    await sam.next('state', { state: 'rona' });
    await sam.ok({ type: 'setState', state: 'available' });
    const again = await sam.next('offer');
    expect(again.conversationId).toBe(offer.conversationId);
    await sam.ok({ type: 'accept', offerId: again.offerId });
    await sam.ok({ type: 'end', conversationId: again.conversationId });
    await sam.ok({ type: 'wrapUp', conversationId: again.conversationId, reason: 'Resolved' });
    await sam.close();
  });
});
