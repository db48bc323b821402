// GET /api/stream on a real server: a snapshot at once and one a second,
// counting what real ws clients did; streams end when the client hangs up
// (the timer with them) and when the server drains, which still finishes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/server/helpers/test-server.js';
import { TestClient } from '../../test/server/helpers/ws-client.js';
import type { RunningServer } from '../start-server.js';
import { renderDashboardPage } from './dashboard-page.js';
import { SnapshotStream } from './snapshot-stream.js';
import { SseReader } from './sse-reader.js';
import type { StreamSnapshot } from './stream-snapshot.js';

async function nextSnapshot(reader: SseReader): Promise<StreamSnapshot> {
  const e = await reader.next();
  expect(e?.event).toBe('snapshot');
  return JSON.parse(e!.data) as StreamSnapshot;
}

/** Fails with `what` instead of hanging the suite. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)))])
    .finally(() => clearTimeout(timer));
}

describe('GET /api/stream', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.drain();
    server = undefined;
  });

  it.each(['worker', 'main'] as const)('sends a snapshot at once and then every second, with what the clients did (engine on the %s thread)', async (engineThread) => {
    server = await startTestServer({ engineThread });
    const desk = await TestClient.agent(server, 'desk-1');
    await desk.ok({ type: 'setState', state: 'available' });
    const waiting = await TestClient.customer(server, 'sms', 'c-waits'); // sales: its one agent is idle
    await waiting.ok({ type: 'message', text: 'anyone there?' });
    const answered = await TestClient.customer(server, 'whatsapp', 'c-answered');
    await answered.ok({ type: 'message', text: 'hello' });
    const offer = await desk.next('offer');

    const openedAt = Date.now();
    const reader = await SseReader.open(`${server.url}/api/stream`);
    expect(reader.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const first = await within(500, 'first snapshot', nextSnapshot(reader));
    expect(first.queues.map((q) => q.name).sort()).toEqual(['sales', 'support']);
    expect(first.queues.find((q) => q.name === 'sales')!.waiting).toBe(1);
    expect(first.queueDepthTotal).toBe(1);
    expect(first.counts).toMatchObject({ offered: 2, answered: 0, abandoned: 0, completed: 0, inProgress: 2 });
    expect(first.conversations).toMatchObject({ queued: 1, offered: 1 });
    // An offer takes a slot (load) while pending, so desk-1 already counts as engaged, as in the runner's time series.
    expect(first.agents).toEqual({ available: 0, engaged: 1, idle: 3, rona: 0 });
    expect(first.connections).toEqual({ agents: 1, customers: 2 });
    expect(first.agentsConnected).toBe(1);
    expect(first.slotsTotal).toBe(3 * 2 + 1);

    await desk.ok({ type: 'accept', offerId: offer.offerId });
    await waiting.ok({ type: 'abandon' });
    const second = await within(2500, 'second snapshot', nextSnapshot(reader));
    // The period runs from the stream's opening, not from the first snapshot (whose state may take a while to gather on busy
    // cores); a timer never fires early but for Node's 1 ms rounding.
    expect(second.atMs - openedAt).toBeGreaterThanOrEqual(999);
    expect(second.counts).toMatchObject({ offered: 2, answered: 1, abandoned: 1, completed: 0, inProgress: 1 });
    expect(second.endStates).toEqual({ completed: 0, abandoned: 1, droppedOnTransfer: 0, interrupted: 0 });
    expect(second.agents).toEqual({ available: 0, engaged: 1, idle: 3, rona: 0 });
    expect(second.slotsHeld).toBe(1);
    expect(second.queueDepthTotal).toBe(0);
    expect(second.conversations).toMatchObject({ queued: 0, offered: 0, active: 1 });
    expect(second.engineLatency.accept?.count).toBe(1);
    expect(second.engineLatency.accept!.p99).toBeGreaterThan(0);
    expect(second.eventLoopDelayMs.socket.p99).toBeGreaterThanOrEqual(0);
    expect(second.eventLoopDelayMs.engine !== undefined).toBe(engineThread === 'worker');
    reader.close();
  });

  it('ends open streams when the server drains, and the drain still finishes', async () => {
    server = await startTestServer();
    const readers = await Promise.all([SseReader.open(`${server.url}/api/stream`), SseReader.open(`${server.url}/api/stream`)]);
    for (const r of readers) await nextSnapshot(r);
    await within(3000, 'drain with open streams', server.drain());
    for (const r of readers) expect(await within(1000, 'stream end', r.next())).toBeNull();
    expect(await server.stopped).toBeNull();
  });
});

describe('SnapshotStream', () => {
  let http: Server | undefined;
  afterEach(async () => {
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve) ?? resolve(null));
    http = undefined;
  });

  async function serve(stream: SnapshotStream): Promise<string> {
    http = createServer((req, res) => stream.open(req, res));
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  }

  it('runs its timer only while a stream is open, and forgets a client that hung up', async () => {
    let taken = 0;
    const stream = new SnapshotStream(async () => ({ atMs: ++taken } as unknown as StreamSnapshot), { periodMs: 50 });
    const url = await serve(stream);
    expect(stream.timerSet).toBe(false);
    const a = await SseReader.open(url);
    const b = await SseReader.open(url);
    expect((await nextSnapshot(a)).atMs).toBeGreaterThan(0);
    await nextSnapshot(b);
    const [fromA, fromB] = [await nextSnapshot(a), await nextSnapshot(b)];
    expect(fromA.atMs).toBeGreaterThan(0);
    expect(fromB.atMs).toBeGreaterThan(0);
    expect(stream.size).toBe(2);
    expect(stream.timerSet).toBe(true);
    a.close();
    await within(1000, 'first hang-up seen', waitFor(() => stream.size === 1));
    expect(stream.timerSet).toBe(true);
    await nextSnapshot(b);
    b.close();
    await within(1000, 'second hang-up seen', waitFor(() => stream.size === 0));
    expect(stream.timerSet).toBe(false);
    const after = taken;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(after);
  });

  it('closeAll ends every stream and any later one at once', async () => {
    const stream = new SnapshotStream(async () => ({ atMs: 1 } as unknown as StreamSnapshot), { periodMs: 50 });
    const url = await serve(stream);
    const a = await SseReader.open(url);
    await nextSnapshot(a);
    stream.closeAll();
    expect(await within(1000, 'stream end', a.next())).toBeNull();
    expect(stream.timerSet).toBe(false);
    const late = await SseReader.open(url);
    expect(await within(1000, 'late stream end', late.next())).toBeNull();
  });
});

describe('the dashboard page', () => {
  it('inlines every script (no src, no link) and names the scenario, escaped', () => {
    const html = renderDashboardPage({ scenario: '<b>night shift</b>' });
    expect(html).toContain('&lt;b&gt;night shift&lt;/b&gt;');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain("connect-src 'self'");
    expect(html).toContain('new EventSource(\'/api/stream\')');
    for (const id of ['queue-length', 'agent-states', 'conversations']) expect(html).toContain(`<canvas id="${id}"`);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
