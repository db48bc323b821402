// Heartbeats: a connection whose network dies silently (no FIN, no RST: a
// TCP relay that stops forwarding) misses its pongs, is terminated within the
// heartbeat timeout and handled as any disconnect: the agent is set idle, and
// after the reconnection grace its conversation goes back to its queue,
// where another agent gets it. Healthy connections answer the pings (ws does
// it by itself, as browsers do) and stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index.js';
import { startTestServer } from './helpers/test-server.js';
import { TcpRelay } from './helpers/tcp-relay.js';
import { TestClient } from './helpers/ws-client.js';

const INTERVAL_MS = 100;
const TIMEOUT_MS = 300;
const GRACE_MS = 300;
let server: RunningServer;
const clients: TestClient[] = [];
const relays: TcpRelay[] = [];

beforeAll(async () => {
  server = await startTestServer({ heartbeatIntervalMs: INTERVAL_MS, heartbeatTimeoutMs: TIMEOUT_MS, reconnectGraceMs: GRACE_MS });
});
afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  for (const r of relays) await r.close();
  await server.drain();
});

async function track(c: Promise<TestClient>): Promise<TestClient> {
  const client = await c;
  clients.push(client);
  return client;
}

async function relay(): Promise<TcpRelay> {
  const r = await TcpRelay.start(server.port);
  relays.push(r);
  return r;
}

/** Polls until `check` holds; the time it took, in ms. */
async function until(what: string, check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

async function connected(): Promise<{ agents: number; customers: number }> {
  return (await server.state()).connections;
}

async function closedFor(reason: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`cctwin_connections_closed_total{reason="${reason}"} `));
  return line === undefined ? 0 : Number(line.split(' ')[1]);
}

describe('heartbeat', () => {
  it('keeps connections that answer the pings, over many intervals', async () => {
    const ann = await track(TestClient.agent(server, 'desk-1'));
    const cust = await track(TestClient.customer(server, 'whatsapp', 'c-alive'));
    let pings = 0;
    ann.ws.on('ping', () => pings++);
    await new Promise((resolve) => setTimeout(resolve, 10 * INTERVAL_MS));
    expect(pings).toBeGreaterThanOrEqual(5);
    expect(await connected()).toEqual({ agents: 1, customers: 1 });
    await ann.ok({ type: 'setState', state: 'idle' });
    expect(cust.ws.readyState).toBe(cust.ws.OPEN);
    await ann.close();
    await cust.close();
    await until('both gone', async () => (await connected()).agents === 0 && (await connected()).customers === 0, 3000);
  });

  it('drops a frozen agent connection within the timeout; after the grace its conversation goes to another agent', async () => {
    const r = await relay();
    const token = encodeURIComponent(server.agentToken('desk-2'));
    const ann = await track(TestClient.open(r.wsUrl(`/agent?token=${token}`)));
    await ann.next('state');
    await ann.ok({ type: 'setState', state: 'available' });
    const cust = await track(TestClient.customer(server, 'whatsapp', 'c-frozen'));
    await cust.ok({ type: 'message', text: 'hello' });
    const offer = await ann.next('offer');
    expect(offer.customer).toMatchObject({ name: 'c-frozen' });
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    await ann.ok({ type: 'setState', state: 'idle' });
    const bob = await track(TestClient.agent(server, 'desk-3'));
    await bob.ok({ type: 'setState', state: 'available' });
    const transferredBefore = (await server.state()).counts.transferred;
    const heartbeatClosesBefore = await closedFor('heartbeat');

    r.freeze();
    const tookMs = await until('the server sees the agent gone', async () => (await connected()).agents === 1, 10 * TIMEOUT_MS);
    // Not before the timeout (three beats unanswered), and within timeout + interval (with room for a busy machine).
    expect(tookMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(tookMs).toBeLessThan(TIMEOUT_MS + INTERVAL_MS + 1500);
    expect(await closedFor('heartbeat')).toBe(heartbeatClosesBefore + 1);
    // The client heard nothing: no FIN came through the frozen network.
    expect(ann.ws.readyState).toBe(ann.ws.OPEN);
    expect((await server.state()).agents.find((a) => a.agentId === 'desk-2')).toMatchObject({ connected: false });

    // After the grace period the conversation is released, exactly as for a dropped connection.
    const transfer = await bob.next('offer', { conversationId: offer.conversationId, kind: 'transfer' }, GRACE_MS + 3000);
    await bob.ok({ type: 'accept', offerId: transfer.offerId });
    await bob.ok({ type: 'reply', conversationId: offer.conversationId, text: 'I have it now' });
    expect((await cust.next('message')).text).toBe('I have it now');
    expect((await server.state()).counts.transferred).toBe(transferredBefore + 1);
    await bob.ok({ type: 'setState', state: 'idle' });
  });

  it('drops a frozen customer connection too', async () => {
    const r = await relay();
    const cust = await track(TestClient.open(r.wsUrl('/customer?channel=livechat&customerId=c-asleep')));
    await cust.ok({ type: 'message', text: 'hi' });
    const before = await connected();
    r.freeze();
    const tookMs = await until('the server sees the customer gone', async () => (await connected()).customers === before.customers - 1, 10 * TIMEOUT_MS);
    expect(tookMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(cust.ws.readyState).toBe(cust.ws.OPEN);
  });

  it('with heartbeats off (interval 0) a frozen connection stays "connected": what the heartbeat is for', async () => {
    const quiet = await startTestServer({ heartbeatIntervalMs: 0 });
    const r = await TcpRelay.start(quiet.port);
    try {
      const ann = await TestClient.open(r.wsUrl(`/agent?token=${encodeURIComponent(quiet.agentToken('desk-1'))}`));
      await ann.next('state');
      r.freeze();
      await new Promise((resolve) => setTimeout(resolve, 3 * (TIMEOUT_MS + INTERVAL_MS)));
      expect((await quiet.state()).connections.agents).toBe(1);
    } finally {
      await r.close();
      await quiet.drain();
    }
  });
});
