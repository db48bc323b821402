// The benchmark's load client: N agents, each holding one conversation with
// its own customer, send replies (with some PII, so masking works) and time
// each from send to its ack. Closed loop: one reply in flight per agent, as
// fast as acks come. Open loop: replies on a fixed schedule, timed from the
// moment they were due (coordinated omission corrected) and from the send.
import WebSocket from 'ws';
import { createLatencyHistogram, recordValue, type LatencyHistogram } from '../../reports/histogram.js';
import { agentToken } from '../../server/index.js';
import { createMessageGenerator } from '../../sim/messages/index.js';
import { BENCH_SECRET } from './bench-secret.js';

interface AgentConn {
  ws: WebSocket;
  conversationId: number;
  /** ref -> performance.now() it was due, and when it was sent */
  pending: Map<number, { dueMs: number; sentMs: number }>;
}

export interface Center {
  agents: AgentConn[];
  customers: WebSocket[];
  /** Frames received by customers (each reply reaches its customer). */
  customerFrames: () => number;
  close(): void;
}

/** Chat-sized replies (up to 900 characters), 30% with PII. */
export const CHAT_TEXTS = (() => {
  const g = createMessageGenerator(7, { piiShare: 0.3 });
  return Array.from({ length: 256 }, () => g.next().text.slice(0, 900));
})();

/** Long WhatsApp replies (about 4,000 characters) dense with figures and PII: masking-heavy engine work. */
export const HEAVY_TEXTS = (() => {
  const g = createMessageGenerator(11, { piiShare: 1, maxPiiPerMessage: 3, figureShare: 1 });
  return Array.from({ length: 64 }, () => {
    let text = '';
    while (text.length < 3_900) text += `${g.next().text} `;
    return text.slice(0, 4_000);
  });
})();

function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Connects `n` agents and `n` customers and has each agent accept one conversation. */
export async function connectCenter(port: number, n: number): Promise<Center> {
  const base = `ws://127.0.0.1:${port}`;
  const agents: AgentConn[] = [];
  const accepted: Promise<void>[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = await open(`${base}/agent?token=${encodeURIComponent(agentToken(BENCH_SECRET, `bench-${i}`))}`);
    const conn: AgentConn = { ws, conversationId: 0, pending: new Map() };
    agents.push(conn);
    accepted.push(new Promise((resolve) => {
      ws.on('message', (data) => {
        const f = JSON.parse(data.toString()) as { type: string; offerId?: number; conversationId?: number };
        if (f.type === 'offer') ws.send(JSON.stringify({ type: 'accept', offerId: f.offerId }));
        else if (f.type === 'conversation') {
          conn.conversationId = f.conversationId!;
          resolve();
        }
      });
    }));
    ws.send(JSON.stringify({ type: 'setState', state: 'available' }));
  }
  let customerFrames = 0;
  const customers: WebSocket[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = await open(`${base}/customer?channel=whatsapp&customerId=bench-customer-${i}`);
    ws.on('message', () => customerFrames++);
    ws.send(JSON.stringify({ type: 'message', text: 'Hello, I need help with my order' }));
    customers.push(ws);
  }
  await Promise.all(accepted);
  for (const a of agents) a.ws.removeAllListeners('message');
  return {
    agents, customers, customerFrames: () => customerFrames,
    close: () => {
      for (const ws of [...agents.map((a) => a.ws), ...customers]) ws.terminate();
    },
  };
}

export interface LoadResult {
  commands: number;
  seconds: number;
  /** Send to ack, in microseconds. */
  sinceSent: LatencyHistogram;
  /** Due to ack (open loop only; equals sinceSent in a closed loop). */
  sinceDue: LatencyHistogram;
  errors: number;
}

function listenAcks(center: Center, onAck: (a: AgentConn, ref: number, now: number) => void, onError: () => void): void {
  for (const a of center.agents) {
    a.ws.on('message', (data) => {
      const text = data.toString();
      if (!text.startsWith('{"type":"ack"') && !text.startsWith('{"type":"error"')) return;
      const f = JSON.parse(text) as { type: string; ref: number };
      if (f.type === 'error') onError();
      onAck(a, f.ref, performance.now());
    });
  }
}

/** Every agent keeps one reply in flight for `seconds`. */
export async function closedLoop(center: Center, seconds: number, texts: readonly string[] = CHAT_TEXTS): Promise<LoadResult> {
  const sinceSent = createLatencyHistogram('us');
  let commands = 0;
  let errors = 0;
  let ref = 0;
  let running = true;
  const send = (a: AgentConn): void => {
    const r = ++ref;
    const now = performance.now();
    a.pending.set(r, { dueMs: now, sentMs: now });
    a.ws.send(JSON.stringify({ type: 'reply', conversationId: a.conversationId, text: texts[r % texts.length], ref: r }));
  };
  listenAcks(center, (a, r, now) => {
    const p = a.pending.get(r);
    if (p === undefined) return;
    a.pending.delete(r);
    recordValue(sinceSent, (now - p.sentMs) * 1000);
    commands++;
    if (running) send(a);
  }, () => errors++);
  const started = performance.now();
  for (const a of center.agents) send(a);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  const elapsed = (performance.now() - started) / 1000;
  await drainPending(center);
  for (const a of center.agents) a.ws.removeAllListeners('message');
  return { commands, seconds: elapsed, sinceSent, sinceDue: sinceSent, errors };
}

/** Replies at `rate` per second in total, round-robin over agents, timed from when each was due. */
export async function openLoop(center: Center, rate: number, seconds: number): Promise<LoadResult> {
  const sinceSent = createLatencyHistogram('us');
  const sinceDue = createLatencyHistogram('us');
  let commands = 0;
  let errors = 0;
  listenAcks(center, (a, r, now) => {
    const p = a.pending.get(r);
    if (p === undefined) return;
    a.pending.delete(r);
    recordValue(sinceSent, (now - p.sentMs) * 1000);
    recordValue(sinceDue, (now - p.dueMs) * 1000);
    commands++;
  }, () => errors++);
  const intervalMs = 1000 / rate;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      // Send everything that is due; a late tick catches up, never skips (open model).
      while (next < total && started + next * intervalMs <= now) {
        const a = center.agents[next % center.agents.length]!;
        const r = next + 1;
        a.pending.set(r, { dueMs: started + next * intervalMs, sentMs: performance.now() });
        a.ws.send(JSON.stringify({ type: 'reply', conversationId: a.conversationId, text: CHAT_TEXTS[r % CHAT_TEXTS.length], ref: r }));
        next++;
      }
      if (next >= total) resolve();
      else setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
    };
    tick();
  });
  await drainPending(center);
  const elapsed = (performance.now() - started) / 1000;
  for (const a of center.agents) a.ws.removeAllListeners('message');
  return { commands, seconds: elapsed, sinceSent, sinceDue, errors };
}

async function drainPending(center: Center): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (center.agents.some((a) => a.pending.size > 0) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  for (const a of center.agents) a.pending.clear();
}
