// An agent that disconnects mid-conversation gets its conversations back if
// it reconnects within the grace period; after it, they go back to their
// queue (a transfer to the queue: counted `transferred`, never lost) or, in
// a conference, stay with the other agent.
import { describe, expect, it } from 'vitest';
import { serverForFile } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const GRACE_MS = 300;
const file = serverForFile({ reconnectGraceMs: GRACE_MS }, ['agents.0.count=6']);
const track = file.track;

async function availableAgent(id: string): Promise<TestClient> {
  const a = await track(TestClient.agent(file.server, id));
  await a.ok({ type: 'setState', state: 'available' });
  return a;
}

/** `agentId` accepts a new customer's conversation, then stays available. */
async function conversation(a: TestClient, customerId: string): Promise<{ cust: TestClient; id: number }> {
  const cust = await track(TestClient.customer(file.server, 'whatsapp', customerId));
  await cust.ok({ type: 'message', text: `hello from ${customerId}` });
  const offer = await a.next('offer');
  await a.ok({ type: 'accept', offerId: offer.offerId });
  return { cust, id: offer.conversationId as number };
}

async function agentView(id: string): Promise<Record<string, unknown>> {
  return (await file.server.state()).agents.find((a) => a.agentId === id) as unknown as Record<string, unknown>;
}

describe('reconnection', () => {
  it('within the grace period: the desk comes back, with what the customer wrote meanwhile, and the agent is available again', async () => {
    const ann = await availableAgent('desk-1');
    const { cust, id } = await conversation(ann, 'c-back');
    ann.ws.terminate(); // a dropped connection, not a goodbye
    await ann.closed;
    // While ann is away she gets no new work; the customer keeps writing.
    await cust.ok({ type: 'message', text: 'are you still there?' });
    const again = await track(TestClient.open(`${file.server.wsUrl}/agent?token=${encodeURIComponent(file.server.agentToken('desk-1'))}`));
    expect(await again.next('state')).toEqual({ type: 'state', state: 'idle', reason: 'Disconnected' });
    expect(await again.next('conversation', { conversationId: id })).toMatchObject({ role: 'owner', phase: 'active' });
    expect((await again.next('message', { conversationId: id, text: 'are you still there?' })).from).toBe('customer');
    await again.next('state', { state: 'available' });
    await again.ok({ type: 'reply', conversationId: id, text: 'yes, back now' });
    expect((await cust.next('message')).text).toBe('yes, back now');
    expect((await file.server.state()).counts.transferred).toBe(0);
    await again.ok({ type: 'end', conversationId: id });
    await again.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
    await again.ok({ type: 'setState', state: 'idle' });
  });

  it('after the grace period: the conversation goes back to its queue, another agent gets it with its history, and the first is wrapped up and free', async () => {
    const ann = await availableAgent('desk-2');
    const { cust, id } = await conversation(ann, 'c-requeue');
    await ann.ok({ type: 'setState', state: 'idle' });
    const transferredBefore = (await file.server.state()).counts.transferred;
    const bob = await availableAgent('desk-3');
    ann.ws.terminate();
    const offer = await bob.next('offer', { conversationId: id, kind: 'transfer' }, GRACE_MS + 3000);
    await bob.ok({ type: 'accept', offerId: offer.offerId });
    expect((await bob.next('message', { conversationId: id, from: 'customer' })).text).toBe('hello from c-requeue');
    await bob.ok({ type: 'reply', conversationId: id, text: 'I have it now' });
    expect((await cust.next('message')).text).toBe('I have it now');
    expect((await file.server.state()).counts.transferred).toBe(transferredBefore + 1);
    expect(await agentView('desk-2')).toMatchObject({ load: 0, conversations: 0, connected: false, state: 'idle' });
    // Coming back later, ann finds an empty desk.
    const later = await track(TestClient.open(`${file.server.wsUrl}/agent?token=${encodeURIComponent(file.server.agentToken('desk-2'))}`));
    await later.next('state');
    await later.ok({ type: 'listTargets' });
    expect(later.taken('conversation')).toEqual([]);
    await bob.ok({ type: 'end', conversationId: id });
    await bob.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
    await bob.ok({ type: 'setState', state: 'idle' });
    await later.ok({ type: 'setState', state: 'idle' });
  });

  it('after the grace period in a conference: the agent leaves it and the other keeps the conversation', async () => {
    const ann = await availableAgent('desk-4');
    const { id } = await conversation(ann, 'c-conf');
    await ann.ok({ type: 'setState', state: 'idle' });
    const bob = await availableAgent('desk-5');
    await ann.ok({ type: 'conference', conversationId: id, agent: 'desk-5' });
    const invitation = await bob.next('offer', { kind: 'conference' });
    await bob.ok({ type: 'accept', offerId: invitation.offerId });
    await bob.next('conferenceStatus', { status: 'active' });
    ann.ws.terminate();
    expect(await bob.next('conferenceStatus', { conversationId: id, status: 'ended' }, GRACE_MS + 3000)).toBeDefined();
    expect((await bob.next('message', { conversationId: id, from: 'system', text: 'desk 4 left the conversation' })).type).toBe('message');
    await bob.ok({ type: 'reply', conversationId: id, text: 'still here' });
    expect(await agentView('desk-4')).toMatchObject({ load: 0, conversations: 0 });
    await bob.ok({ type: 'end', conversationId: id });
    await bob.ok({ type: 'wrapUp', conversationId: id, reason: 'Resolved' });
    await bob.ok({ type: 'setState', state: 'idle' });
  });

  it('a pending offer survives a short drop; past its timeout it runs into RONA as usual and the conversation keeps its place', async () => {
    const sam = await availableAgent('sales-1');
    const cust = await track(TestClient.customer(file.server, 'sms', 'c-pending'));
    await cust.ok({ type: 'message', text: 'hi' });
    const offer = await sam.next('offer');
    sam.ws.terminate();
    await sam.closed;
    const again = await track(TestClient.open(`${file.server.wsUrl}/agent?token=${encodeURIComponent(file.server.agentToken('sales-1'))}`));
    // Back before the 400 ms RONA timeout: the offer is still there, and can be accepted.
    const desk = await again.next('offer', { offerId: offer.offerId });
    expect(desk.conversationId).toBe(offer.conversationId);
    // Away again, past the timeout: RONA, and the agent stays in rona (only its own action leaves it).
    again.ws.terminate();
    await again.closed;
    const third = await track(TestClient.open(`${file.server.wsUrl}/agent?token=${encodeURIComponent(file.server.agentToken('sales-1'))}`));
    await third.next('state');
    // Polled: nobody connected is told of this RONA if it happened before the reconnection.
    for (let i = 0; i < 50 && (await agentView('sales-1')).state !== 'rona'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await agentView('sales-1')).toMatchObject({ state: 'rona', offers: 0 });
    await third.ok({ type: 'setState', state: 'available' });
    const back = await third.next((f) => f.type === 'offer' && f.conversationId === offer.conversationId && f.offerId !== offer.offerId);
    await third.ok({ type: 'accept', offerId: back.offerId });
    await third.ok({ type: 'end', conversationId: back.conversationId });
    await third.ok({ type: 'wrapUp', conversationId: back.conversationId, reason: 'Resolved' });
  });
});
