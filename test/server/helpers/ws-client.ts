// A real WebSocket client for tests: frames are collected as they come, and
// a test waits for the frame it expects (never a fixed sleep).
import WebSocket from 'ws';
import type { RunningServer } from '../../../server/index.js';

export type Frame = Record<string, unknown> & { type: string };

const WAIT_MS = 3000;

export class TestClient {
  /** Frames received and not yet taken by next(). */
  readonly inbox: Frame[] = [];
  /** Every frame received. */
  readonly log: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];
  private nextRef = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.inbox.push(frame);
      this.log.push(frame);
      this.wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      this.wake();
    }));
    ws.on('error', () => {});
  }

  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
  }

  /** An agent connection; waits for the first `state` frame of its desk. */
  static async agent(server: RunningServer, agentId: string): Promise<TestClient> {
    const c = await TestClient.open(`${server.wsUrl}/agent?token=${encodeURIComponent(server.agentToken(agentId))}`);
    await c.next('state');
    return c;
  }

  static customer(server: RunningServer, channel: string, customerId: string, extra: Record<string, string> = {}): Promise<TestClient> {
    const q = new URLSearchParams({ channel, customerId, ...extra });
    return TestClient.open(`${server.wsUrl}/customer?${q}`);
  }

  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends with a fresh ref and waits for its ack or error. */
  async request(frame: Record<string, unknown>): Promise<Frame> {
    const ref = `r${this.nextRef++}`;
    this.send({ ...frame, ref });
    return this.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
  }

  /** Sends and expects an ack; throws with the error otherwise. */
  async ok(frame: Record<string, unknown>): Promise<void> {
    const answer = await this.request(frame);
    if (answer.type !== 'ack') throw new Error(`${String(frame.type)} refused: ${JSON.stringify(answer)}`);
  }

  /** Sends and returns the error code it was refused with. */
  async refused(frame: Record<string, unknown>): Promise<string> {
    const answer = await this.request(frame);
    if (answer.type !== 'error') throw new Error(`${String(frame.type)} was accepted`);
    return answer.code as string;
  }

  /** Takes the first frame (already received or still to come) of this type and matching `where`. */
  next(type: string | ((f: Frame) => boolean), where: Record<string, unknown> = {}, waitMs = WAIT_MS): Promise<Frame> {
    const match = typeof type === 'function' ? type : (f: Frame) => f.type === type && Object.entries(where).every(([k, v]) => f[k] === v);
    return new Promise((resolve, reject) => {
      const look = (): boolean => {
        const i = this.inbox.findIndex(match);
        if (i < 0) return false;
        resolve(this.inbox.splice(i, 1)[0]!);
        return true;
      };
      if (look()) return;
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`no ${typeof type === 'string' ? type : 'matching'} frame ${JSON.stringify(where)} within ${waitMs} ms; inbox: ${JSON.stringify(this.inbox).slice(0, 600)}`));
      }, waitMs);
      const check = (): void => {
        if (look()) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
        }
      };
      this.waiters.push(check);
    });
  }

  /** All frames of a type taken so far and still in the inbox. */
  taken(type: string): Frame[] {
    return this.log.filter((f) => f.type === type);
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
