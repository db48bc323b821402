// Identity fields over real sockets: a WhatsApp or SMS customer known by a
// phone number written as bare digits (`customerId=16315550142`, no name) or
// with spaces and dashes, short or long, never reaches an agent beyond the
// last four digits: not in the offer, the conversation, its history, the
// targets, the desk resent on reconnect, nor a conference invitation. The
// frames are checked against the injected values (digits compared with the
// separators removed), never with the masker's own detectors.
import { describe, expect, it } from 'vitest';
import { adminCall, serverForFile } from './helpers/test-server.js';
import { TestClient, type Frame } from './helpers/ws-client.js';

interface Variant {
  channel: 'whatsapp' | 'sms';
  customerId: string;
  number: string;
  /** What the offer shows: the phone format keeps the last four digits of 7 or more, none of fewer. */
  name: string;
  shownNumber: string;
}

const VARIANTS: Variant[] = [
  { channel: 'whatsapp', customerId: '16315550142', number: '16315550177', name: '*******0142', shownNumber: '*******0177' },
  { channel: 'sms', customerId: '16315550142', number: '16315550177', name: '*******0142', shownNumber: '*******0177' },
  { channel: 'whatsapp', customerId: '1 631 555 0142', number: '1-631-555-0177', name: '*******0142', shownNumber: '**********0177' },
  { channel: 'sms', customerId: '(631) 555.0142', number: '+1 631/555/0177', name: '*********0142', shownNumber: '**********0177' },
  { channel: 'whatsapp', customerId: '442079460958123', number: '00 44 20 7946 0958 777', name: '***********8123', shownNumber: '*************8777' },
  { channel: 'whatsapp', customerId: '97-31-86', number: '8642', name: '********', shownNumber: '****' },
];

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** Every string inside a frame (keys aside). */
function stringsOf(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) stringsOf(v, out);
  else if (x !== null && typeof x === 'object') for (const v of Object.values(x)) stringsOf(v, out);
  return out;
}

/**
 * What of the injected value may not show: any five digits of it in a row
 * (so at most its last four survive) when it has a phone number's 7 or more
 * digits; with fewer, any four in a row (none survive).
 */
function forbiddenRuns(value: string): string[] {
  const d = digitsOf(value);
  const n = d.length >= 7 ? 5 : Math.min(4, d.length);
  const runs = new Set<string>();
  for (let i = 0; i + n <= d.length; i++) runs.add(d.slice(i, i + n));
  return [...runs];
}

/** Strings of the frames holding more of `value`'s digits than its last four. */
function leaksOf(frames: readonly Frame[], value: string): string[] {
  const runs = forbiddenRuns(value);
  const leaks: string[] = [];
  for (const f of frames) {
    for (const s of stringsOf(f)) {
      const d = digitsOf(s);
      if (runs.some((r) => d.includes(r))) leaks.push(`${f.type}: ${s}`);
    }
  }
  return leaks;
}

const file = serverForFile({ reconnectGraceMs: 30_000 });
const track = file.track;

async function availableAgent(id: string): Promise<TestClient> {
  const a = await track(TestClient.agent(file.server, id));
  await a.ok({ type: 'setState', state: 'available' });
  await a.next('state', { state: 'available' });
  return a;
}

/** Drop the agent's connection and connect again: its desk is resent. */
async function reconnect(a: TestClient, id: string): Promise<TestClient> {
  a.ws.terminate();
  await a.closed;
  const again = await track(TestClient.agent(file.server, id));
  await again.next('state', { state: 'available' });
  return again;
}

describe('identity fields reach agents masked by field', () => {
  it('the checks see a leak: frames holding the raw values are caught, masked ones are not', () => {
    const raw: Frame = { type: 'offer', customer: { name: '16315550142', number: '1-631-555-0177' } };
    expect(leaksOf([raw], '16315550142')).toContain('offer: 16315550142');
    expect(leaksOf([raw], '16315550177')).toContain('offer: 1-631-555-0177');
    expect(leaksOf([{ type: 'offer', name: 'call 631 555 0142' }], '16315550142')).toHaveLength(1);
    expect(leaksOf([{ type: 'offer', name: '*******0142' }], '16315550142')).toEqual([]);
    expect(leaksOf([{ type: 'offer', name: '9731' }], '97-31-86')).toHaveLength(1);
  });

  it.each(VARIANTS)('$channel customer $customerId, number $number: no frame holds more than the last four digits', async (v) => {
    const queue = v.channel === 'sms' ? 'sales' : 'support';
    const [first, second] = queue === 'sales' ? ['sales-1', null] : ['desk-1', 'desk-2'];
    let agent = await availableAgent(first!);
    const frames: Frame[] = [];
    const cust = await track(TestClient.customer(file.server, v.channel, v.customerId, { number: v.number }));
    await cust.ok({ type: 'message', text: 'hello, I need help with my order' });

    const offer = await agent.next('offer');
    expect(offer.customer).toEqual({ name: v.name, number: v.shownNumber });
    const conversationId = offer.conversationId as number;

    // The pending offer is resent with the desk.
    frames.push(...agent.log);
    agent = await reconnect(agent, first!);
    const resent = await agent.next('offer', { conversationId });
    expect(resent.customer).toEqual(offer.customer);
    await agent.ok({ type: 'accept', offerId: resent.offerId });
    expect((await agent.next('conversation', { conversationId })).customer).toEqual(offer.customer);
    await agent.next('message', { conversationId, from: 'customer' });
    await cust.ok({ type: 'message', text: 'are you there?' });
    await agent.next('message', { conversationId, text: 'are you there?' });
    await agent.ok({ type: 'listTargets' });
    await agent.next('targets');

    // The conversation is resent with the desk, history included.
    frames.push(...agent.log);
    agent = await reconnect(agent, first!);
    expect((await agent.next('conversation', { conversationId })).customer).toEqual(offer.customer);
    await agent.next('message', { conversationId, text: 'are you there?' });

    if (second !== null) {
      const other = await availableAgent(second);
      await agent.ok({ type: 'conference', conversationId, agent: second });
      const invitation = await other.next('offer', { kind: 'conference' });
      expect(invitation.customer).toEqual(offer.customer);
      await other.ok({ type: 'accept', offerId: invitation.offerId });
      await other.next('conversation', { conversationId });
      await other.ok({ type: 'endConference', conversationId });
      await other.next('wrapUpRequired', { conversationId });
      await other.ok({ type: 'wrapUp', conversationId, reason: 'Resolved' });
      frames.push(...other.log);
      await other.close();
    }

    await agent.ok({ type: 'reply', conversationId, text: 'Sorted, thank you' });
    await agent.ok({ type: 'end', conversationId });
    await agent.next('wrapUpRequired', { conversationId });
    await agent.ok({ type: 'wrapUp', conversationId, reason: 'Resolved' });
    await cust.next('ended');
    frames.push(...agent.log);
    await agent.close();

    expect(frames.some((f) => f.type === 'targets')).toBe(true);
    expect(frames.filter((f) => f.type === 'offer').length).toBeGreaterThanOrEqual(2);
    expect(frames.filter((f) => f.type === 'conversation').length).toBeGreaterThanOrEqual(2);
    expect(leaksOf(frames, v.customerId)).toEqual([]);
    expect(leaksOf(frames, v.number)).toEqual([]);
  });

  it('the state view masks identity fields as agents see them', async () => {
    const cust = await track(TestClient.customer(file.server, 'sms', '16315550199', { number: '16315550188' }));
    await cust.ok({ type: 'message', text: 'hello?' });
    const state = await file.server.state();
    const views = state.conversations.map((c) => c.customer);
    expect(views).toContainEqual({ name: '*******0199', number: '*******0188' });
    const asFrame: Frame = { type: 'state', conversations: state.conversations };
    expect(leaksOf([asFrame], '16315550199')).toEqual([]);
    expect(leaksOf([asFrame], '16315550188')).toEqual([]);
    await cust.ok({ type: 'abandon' });
    await cust.next('ended');
  });

  it('a tenant that does not mask shows the fields as they are', async () => {
    expect((await adminCall(file.server, 'POST', '/api/admin/settings', { maskSensitiveData: false })).status).toBe(200);
    try {
      const agent = await availableAgent('sales-1');
      const cust = await track(TestClient.customer(file.server, 'sms', '16315550142', { number: '1-631-555-0177' }));
      await cust.ok({ type: 'message', text: 'hello' });
      const offer = await agent.next('offer');
      expect(offer.customer).toEqual({ name: '16315550142', number: '1-631-555-0177' });
      await agent.ok({ type: 'accept', offerId: offer.offerId });
      await agent.ok({ type: 'end', conversationId: offer.conversationId });
      await agent.ok({ type: 'wrapUp', conversationId: offer.conversationId, reason: 'Resolved' });
      await agent.close();
    } finally {
      await adminCall(file.server, 'POST', '/api/admin/settings', { maskSensitiveData: true });
    }
  });
});
