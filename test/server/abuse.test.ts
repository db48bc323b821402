// Bad input and faults: oversize frames, floods, slow readers. Each gets an
// error frame or a clean close of that one connection; the server and every
// other session go on, and no conversation is lost.
import { describe, expect, it } from 'vitest';
import { serverForFile, startTestServer } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const file = serverForFile({ reconnectGraceMs: 200, maxFrameBytes: 64 * 1024, maxPayloadBytes: 256 * 1024 }, ['agents.0.count=6']);
const track = file.track;


/** A bystander conversation that must go on whatever the abuser does. */
async function bystander(agentId: string, customerId: string): Promise<{ a: TestClient; cust: TestClient; id: number }> {
  const a = await track(TestClient.agent(file.server, agentId));
  await a.ok({ type: 'setState', state: 'available' });
  const cust = await track(TestClient.customer(file.server, 'whatsapp', customerId));
  await cust.ok({ type: 'message', text: 'hello' });
  const offer = await a.next('offer');
  await a.ok({ type: 'accept', offerId: offer.offerId });
  await a.ok({ type: 'setState', state: 'idle' });
  return { a, cust, id: offer.conversationId as number };
}

async function stillTalking(b: { a: TestClient; cust: TestClient; id: number }, text: string): Promise<void> {
  await b.cust.ok({ type: 'message', text });
  expect((await b.a.next('message', { conversationId: b.id, text })).from).toBe('customer');
  await b.a.ok({ type: 'reply', conversationId: b.id, text: `re: ${text}` });
  expect((await b.cust.next('message', { text: `re: ${text}` })).conversationId).toBe(b.id);
}

describe('abuse of one connection leaves the others alone', () => {
  it('a frame over the limit is refused with E_FRAME_TOO_LARGE; one over the hard limit closes that connection 1009', async () => {
    const b = await bystander('desk-1', 'c-by-1');
    const abuser = await track(TestClient.customer(file.server, 'sms', 'c-big'));
    abuser.send(JSON.stringify({ type: 'message', text: 'x'.repeat(100 * 1024), ref: 'big' }));
    const err = await abuser.next('error');
    expect(err.code).toBe('E_FRAME_TOO_LARGE');
    await abuser.ok({ type: 'message', text: 'small is fine' });
    abuser.send(JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }));
    expect((await abuser.closed).code).toBe(1009);
    await stillTalking(b, 'after the big frames');
  });

  it('a burst past the rate is answered E_RATE_LIMITED frame by frame; the connection stays open', async () => {
    const b = await bystander('desk-2', 'c-by-2');
    const a = await track(TestClient.agent(file.server, 'desk-3'));
    for (let i = 0; i < 150; i++) a.send({ type: 'listTargets', ref: i });
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => a.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === i)));
    const limited = answers.filter((f) => f.type === 'error');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((f) => f.code === 'E_RATE_LIMITED')).toBe(true);
    expect(answers.filter((f) => f.type === 'ack').length).toBeGreaterThanOrEqual(100);
    expect(a.ws.readyState).toBe(a.ws.OPEN);
    await stillTalking(b, 'during a burst');
  });

  it('a persistent flood closes that connection (1008); its conversation is re-queued after the grace period, not lost', async () => {
    const flooder = await bystander('desk-4', 'c-flooded');
    const b = await bystander('desk-5', 'c-by-3');
    const rescuer = await track(TestClient.agent(file.server, 'desk-6'));
    await rescuer.ok({ type: 'setState', state: 'available' });
    for (let i = 0; i < 400; i++) flooder.a.send({ type: 'listTargets' });
    expect((await flooder.a.closed).code).toBe(1008);
    expect(flooder.a.taken('error').some((f) => f.code === 'E_RATE_LIMITED')).toBe(true);
    // After the grace period the conversation goes back to its queue and another agent gets it, history and all.
    const offer = await rescuer.next('offer', { conversationId: flooder.id, kind: 'transfer' });
    await rescuer.ok({ type: 'accept', offerId: offer.offerId });
    expect((await rescuer.next('message', { conversationId: flooder.id, from: 'customer' })).text).toBe('hello');
    await rescuer.ok({ type: 'reply', conversationId: flooder.id, text: 'I am taking over' });
    expect((await flooder.cust.next('message')).text).toBe('I am taking over');
    await stillTalking(b, 'after the flood');
    await rescuer.ok({ type: 'setState', state: 'idle' });
  });

  it('garbage from one customer is answered frame by frame and changes nothing', async () => {
    const b = await bystander('desk-1', 'c-by-4');
    const before = await file.server.state();
    const junk = await track(TestClient.customer(file.server, 'whatsapp', 'c-junk'));
    const frames = ['', 'null', '{}', '{"type":1}', '{"type":"message"}', '{"type":"message","text":5}', '{"type":"end","now":true}', '\u0000\u0001', '{"type":"__proto__"}', '{"type":"message","text":"x","__proto__":{"polluted":true}}'];
    for (const f of frames) junk.send(f);
    for (let i = 0; i < frames.length; i++) expect(['E_MALFORMED', 'E_UNKNOWN_COMMAND']).toContain((await junk.next('error')).code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = await file.server.state();
    expect(after.counts.arrived).toBe(before.counts.arrived);
    await stillTalking(b, 'after the junk');
  });
});

describe('slow readers', () => {
  it('a connection that stops reading is closed once its send buffer passes the bound; others go on', async () => {
    const slowServer = await startTestServer({ maxBufferedBytes: 64 * 1024, rateLimit: { perSecond: 100_000, burst: 100_000, closeAfterRefused: 100_000 } }, ['agents.0.count=2000']);
    const local: TestClient[] = [];
    try {
      const reader = await TestClient.agent(slowServer, 'desk-2');
      const slow = await TestClient.agent(slowServer, 'desk-1');
      local.push(reader, slow);
      // Stop reading: the kernel buffers fill, then the server's buffer for this socket grows.
      (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      let sent = 0;
      const metricsText = async (): Promise<string> => (await fetch(`${slowServer.url}/metrics`)).text();
      // Each listTargets answers with ~150 kB (2,000 agents); keep asking until the server gives up on it.
      while (!/cctwin_connections_closed_total\{reason="slowReader"\} 1/.test(await metricsText())) {
        for (let i = 0; i < 20; i++) slow.send({ type: 'listTargets' });
        sent += 20;
        expect(sent, 'the server never closed the slow reader').toBeLessThan(5_000);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await reader.ok({ type: 'listTargets' });
      expect((await reader.next('targets')).agents).toHaveLength(2_000);
      (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
      expect([1008, 1006]).toContain((await slow.closed).code);
      expect((await slowServer.state()).connections.agents).toBe(1);
    } finally {
      for (const c of local) c.ws.terminate();
      await slowServer.drain();
    }
  });
});
