// The slow-reader rule and history paging of the socket hub, over real
// sockets: a ws server on a loopback port whose one connection the hub
// drives with engine-like deliveries, and a real client that reads, or stops
// reading (its socket paused). The hub gets small limits so each rule shows
// within a test; the loopback kernel buffers about 4 MB for a paused reader,
// so the sizes here go well past that.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { deliver, emptyDeliveries, type Deliveries } from '../../server/deliveries.js';
import { ServerMetrics } from '../../server/server-metrics.js';
import { SocketHub, type Connection, type HubLimits } from '../../server/socket-hub.js';
import { TestClient, type Frame } from './helpers/ws-client.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const LIMITS: HubLimits = {
  maxBufferedBytes: 256 * KiB,
  slowReaderGraceMs: 300,
  maxBufferedHardBytes: 64 * MiB,
  historyPageBytes: 64 * KiB,
  historyLowWaterBytes: 256 * KiB,
};

/** Real metrics that also keep the reasons of the closes, for the test to read. */
class Metrics extends ServerMetrics {
  readonly closeReasons: string[] = [];
  override closed(reason: string): void {
    this.closeReasons.push(reason);
    super.closed(reason);
  }
  slowReaderCloses(): number {
    return this.closeReasons.filter((r) => r === 'slowReader').length;
  }
}

interface Pair {
  hub: SocketHub;
  metrics: Metrics;
  conn: Connection;
  client: TestClient;
  pause(): void;
  resume(): void;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A hub with one agent connection (target a:ann) to a real client. */
async function pair(limits: Partial<HubLimits> = {}): Promise<Pair> {
  const metrics = new Metrics();
  const hub = new SocketHub(metrics, { ...LIMITS, ...limits });
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = await TestClient.open(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const [ws] = await accepted;
  const conn: Connection = { ws, role: 'agent', target: 'a:ann' };
  hub.add(conn);
  ws.on('close', () => hub.remove(conn));
  const socket = (client.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  cleanups.push(async () => {
    client.ws.terminate();
    ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    metrics.loop.stop();
  });
  return { hub, metrics, conn, client, pause: () => socket.pause(), resume: () => socket.resume() };
}

const pad = (n: number): string => 'h'.repeat(n);
const line = (conversationId: number, i: number, bytes = 60 * KiB): string => JSON.stringify({ type: 'message', conversationId, from: 'customer', text: `${i}:${pad(bytes)}`, at: i });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One op's frames: a conversation header, `lines` history lines, then what follows them. */
function acceptOutcome(conversationId: number, lines: number): Deliveries {
  const d = emptyDeliveries();
  deliver(d, 'a:ann', JSON.stringify({ type: 'conversation', conversationId }), conversationId);
  for (let i = 0; i < lines; i++) deliver(d, 'a:ann', line(conversationId, i), -conversationId);
  deliver(d, 'a:ann', JSON.stringify({ type: 'message', conversationId, from: 'system', text: 'live after the history', at: lines }), conversationId);
  return d;
}

async function waitFor(what: string, test: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const index = (log: Frame[], match: (f: Frame) => boolean): number => log.findIndex(match);

describe('history paging', () => {
  it('a 10 MB history reaches a reader that pauses meanwhile without counting against it: all of it, in order, the ack after it, other frames flowing past it', async () => {
    const p = await pair();
    p.pause();
    const lines = 170; // about 10 MB
    const d = acceptOutcome(7, lines);
    p.hub.deliver(d, 0, d.frames.length);
    p.hub.ack(p.conn, 'accept-ref'); // as the batcher answers an op right after its frames
    // Frames about nothing in particular and about another conversation are not held.
    const other = emptyDeliveries();
    deliver(other, 'a:ann', JSON.stringify({ type: 'state', state: 'available' }));
    deliver(other, 'a:ann', JSON.stringify({ type: 'message', conversationId: 8, from: 'customer', text: 'other chat', at: 1 }), 8);
    p.hub.deliver(other, 0, other.frames.length);
    p.hub.ack(p.conn, 'other-ref');
    // Paused for three grace periods: what it has not read is the server's own history.
    await sleep(3 * LIMITS.slowReaderGraceMs);
    expect(p.conn.ws.readyState).toBe(WebSocket.OPEN);
    expect(p.hub.unsentBytes(p.conn)).toBeLessThan(LIMITS.maxBufferedBytes);
    expect(p.conn.ws.bufferedAmount).toBeLessThan(LIMITS.historyLowWaterBytes + LIMITS.historyPageBytes + 64 * KiB);
    p.resume();
    await p.client.next('ack', { ref: 'accept-ref' }, 20_000);
    const log = p.client.log;
    const history = log.filter((f) => f.conversationId === 7 && f.from === 'customer');
    expect(history.map((f) => Number(String(f.text).split(':')[0]))).toEqual([...Array(lines).keys()]);
    const lastLine = index(log, (f) => f.conversationId === 7 && String(f.text).startsWith(`${lines - 1}:`));
    expect(index(log, (f) => f.type === 'conversation')).toBe(0);
    expect(index(log, (f) => f.text === 'live after the history')).toBe(lastLine + 1);
    expect(index(log, (f) => f.type === 'ack' && f.ref === 'accept-ref')).toBe(lastLine + 2);
    // Live frames kept flowing: they came before the history was through.
    expect(index(log, (f) => f.type === 'state')).toBeLessThan(lastLine);
    expect(index(log, (f) => f.conversationId === 8)).toBeLessThan(lastLine);
    expect(index(log, (f) => f.type === 'ack' && f.ref === 'other-ref')).toBeLessThan(lastLine);
    expect(p.metrics.slowReaderCloses()).toBe(0);
  });

  it('frames about the paging conversation that come later wait behind its history, and the history of another conversation queues after it', async () => {
    const p = await pair();
    p.pause();
    const d = acceptOutcome(7, 100);
    p.hub.deliver(d, 0, d.frames.length);
    const later = emptyDeliveries();
    deliver(later, 'a:ann', JSON.stringify({ type: 'message', conversationId: 7, from: 'customer', text: 'typed meanwhile', at: 200 }), 7);
    deliver(later, 'a:ann', JSON.stringify({ type: 'conversation', conversationId: 9 }), 9);
    for (let i = 0; i < 3; i++) deliver(later, 'a:ann', line(9, i, 100), -9);
    p.hub.deliver(later, 0, later.frames.length);
    p.resume();
    await p.client.next((f) => f.conversationId === 9 && String(f.text).startsWith('2:'), {}, 20_000);
    const log = p.client.log;
    const last7 = index(log, (f) => f.conversationId === 7 && String(f.text).startsWith('99:'));
    expect(index(log, (f) => f.text === 'live after the history')).toBe(last7 + 1);
    expect(index(log, (f) => f.text === 'typed meanwhile')).toBe(last7 + 2);
    // Conversation 9's header is not held; its history lines are in order.
    expect(index(log, (f) => f.type === 'conversation' && f.conversationId === 9)).toBeLessThan(last7);
    const nine = log.filter((f) => f.conversationId === 9 && f.type === 'message').map((f) => String(f.text).split(':')[0]);
    expect(nine).toEqual(['0', '1', '2']);
  });

  it('a small history leaves at once, like any frame', async () => {
    const p = await pair();
    const d = acceptOutcome(3, 3);
    p.hub.deliver(d, 0, d.frames.length);
    p.hub.ack(p.conn, 'r');
    await p.client.next('ack', { ref: 'r' });
    expect(p.client.log.map((f) => f.type)).toEqual(['conversation', 'message', 'message', 'message', 'message', 'ack']);
  });
});

describe('the slow-reader rule', () => {
  it('a burst the server writes in one go (8 MB, far over the bound) does not trip it for a reader that reads', async () => {
    const p = await pair({ maxBufferedHardBytes: 16 * MiB });
    const d = emptyDeliveries();
    for (let i = 0; i < 130; i++) deliver(d, 'a:ann', line(5, i), 5);
    p.hub.deliver(d, 0, d.frames.length);
    await new Promise((resolve) => setImmediate(resolve));
    // Far over the bound now (the old rule closed it here, at the next send)...
    expect(p.hub.unsentBytes(p.conn)).toBeGreaterThan(LIMITS.maxBufferedBytes);
    // ...and more frames come at once and for a while: each tick checks the rule again.
    for (let round = 0; round < 20; round++) {
      const more = emptyDeliveries();
      for (let i = 0; i < 5; i++) deliver(more, 'a:ann', line(5, i), 5);
      p.hub.deliver(more, 0, more.frames.length);
      await (round < 10 ? new Promise((resolve) => setImmediate(resolve)) : sleep(LIMITS.slowReaderGraceMs / 4));
    }
    await waitFor('every frame', () => p.client.log.length === 230);
    expect(p.conn.ws.readyState).toBe(WebSocket.OPEN);
    expect(p.metrics.slowReaderCloses()).toBe(0);
  });

  it('a reader that stops reading is closed 1008 once its unsent bytes stay over the bound past the grace, even with no more frames coming', async () => {
    const p = await pair({ maxBufferedHardBytes: 64 * MiB, slowReaderGraceMs: 500 });
    p.pause();
    // About 6 MB: the kernel takes about 4, the rest stays unsent (over the 256 KiB bound), and nothing more is sent.
    const d = emptyDeliveries();
    for (let i = 0; i < 100; i++) deliver(d, 'a:ann', line(5, i), 5);
    p.hub.deliver(d, 0, d.frames.length);
    const overAt = Date.now();
    await sleep(50);
    expect(p.hub.unsentBytes(p.conn)).toBeGreaterThan(LIMITS.maxBufferedBytes);
    expect(p.conn.ws.readyState).toBe(WebSocket.OPEN);
    await waitFor('the slow reader to be closed', () => p.metrics.slowReaderCloses() === 1);
    expect(Date.now() - overAt).toBeGreaterThanOrEqual(500 - 20);
    expect(p.conn.ws.readyState).not.toBe(WebSocket.OPEN);
    p.resume();
    expect([1008, 1006]).toContain((await p.client.closed).code);
  });

  it('past the hard ceiling it is closed at once, long before the grace', async () => {
    const p = await pair({ maxBufferedHardBytes: 1 * MiB, slowReaderGraceMs: 60_000 });
    p.pause();
    const started = Date.now();
    for (let round = 0; round < 100 && p.metrics.slowReaderCloses() === 0; round++) {
      const d = emptyDeliveries();
      for (let i = 0; i < 20; i++) deliver(d, 'a:ann', line(5, i), 5);
      p.hub.deliver(d, 0, d.frames.length);
      await sleep(5);
    }
    expect(p.metrics.slowReaderCloses()).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    p.resume();
    expect([1008, 1006]).toContain((await p.client.closed).code);
  });

  it('frames held behind a history count: a paused reader whose paging conversation keeps getting frames is closed', async () => {
    const p = await pair({ slowReaderGraceMs: 300 });
    p.pause();
    const d = acceptOutcome(7, 170); // 10 MB of history: never counted
    p.hub.deliver(d, 0, d.frames.length);
    await sleep(2 * 300);
    expect(p.conn.ws.readyState).toBe(WebSocket.OPEN);
    // The customer keeps writing: 1 MB held behind the history, owed by the reader.
    for (let round = 0; round < 200 && p.metrics.slowReaderCloses() === 0; round++) {
      const live = emptyDeliveries();
      deliver(live, 'a:ann', line(7, 1000 + round, 10 * KiB), 7);
      p.hub.deliver(live, 0, live.frames.length);
      await sleep(10);
    }
    expect(p.metrics.slowReaderCloses()).toBe(1);
    p.resume();
    expect([1008, 1006]).toContain((await p.client.closed).code);
  });
});
