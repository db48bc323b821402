// One simulated client's WebSocket: frames out with a numbered `ref`, each
// answered by `ack {ref}` or `error {code, message, ref}` (timed into
// commandAck from its scheduled moment and from its send), every other frame
// handed to the owner. A frame asked for before the socket is open goes out
// the moment it opens: its latency still counts from when it was due.
import WebSocket from 'ws';
import type { LoadHistograms } from './load-histograms.js';

export type Frame = Record<string, unknown> & { type: string };
export type Refusal = { code: string; message: string };
export type OnDone = (refusal: Refusal | null) => void;
export type OnSent = (sentMs: number) => void;

/** Counters every connection of a run adds to. */
export interface TrafficStats {
  framesSent: number;
  framesReceived: number;
  /** Frames with a ref not yet answered, over all connections. */
  outstanding: number;
  errorsByCode: Record<string, number>;
  /** The same refusals by what was refused: `accept E_UNKNOWN_OFFER` (an offer rescinded while the accept was on its way). */
  errorsByFrame: Record<string, number>;
  connectFailures: number;
  unexpectedCloses: number;
}

export function emptyTrafficStats(): TrafficStats {
  return { framesSent: 0, framesReceived: 0, outstanding: 0, errorsByCode: {}, errorsByFrame: {}, connectFailures: 0, unexpectedCloses: 0 };
}

/** The server answered the upgrade with an HTTP status instead of a socket (401: a token from the wrong secret). */
export class ConnectRefused extends Error {
  constructor(readonly status: number, what: string) {
    super(`${what}: the server refused the connection (HTTP ${status})`);
    this.name = 'ConnectRefused';
  }
}

interface Pending {
  type: string;
  scheduledMs: number;
  sentMs: number;
  done: OnDone | undefined;
}

export interface ConnectionEnv {
  now: () => number;
  histograms: LoadHistograms;
  stats: TrafficStats;
}

export class ClientConnection {
  private ws: WebSocket | null = null;
  private readonly pending = new Map<number, Pending>();
  private backlog: { frame: object; scheduledMs: number; done: OnDone | undefined; onSent: OnSent | undefined }[] = [];
  private nextRef = 1;
  private closing = false;
  /** Resolves when the socket is open (rejects if it never opens). */
  opened: Promise<void> = Promise.resolve();

  constructor(private readonly env: ConnectionEnv, private readonly onFrame: (frame: Frame, receivedMs: number) => void, private readonly onClose: (code: number) => void = () => {}) {}

  /** `what` names the client in errors (never the URL: it may hold a token). */
  open(url: string, what: string): Promise<void> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws = ws;
    ws.on('message', (data) => this.receive(data as Buffer));
    ws.on('error', () => {});
    this.opened = new Promise<void>((resolve, reject) => {
      ws.once('unexpected-response', (req, res) => {
        reject(new ConnectRefused(res.statusCode ?? 0, what));
        req.destroy();
      });
      ws.once('open', () => {
        const queued = this.backlog;
        this.backlog = [];
        for (const q of queued) this.transmit(q.frame, q.scheduledMs, q.done, q.onSent);
        resolve();
      });
      ws.once('close', (code) => {
        this.failPending();
        if (!this.closing) {
          this.closing = true;
          this.env.stats.unexpectedCloses++;
          this.onClose(code);
        }
        reject(new Error(`socket closed (${code}) before it opened`));
      });
    });
    this.opened.catch(() => {
      this.env.stats.connectFailures++;
    });
    return this.opened;
  }

  get isOpen(): boolean {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  /**
   * Sends `frame` with a fresh ref; `done` hears the ack (null) or the
   * refusal, `onSent` when it actually went out. False if the socket is gone.
   */
  send(frame: object, scheduledMs: number, done?: OnDone, onSent?: OnSent): boolean {
    const ws = this.ws;
    if (ws === null || this.closing || ws.readyState > WebSocket.OPEN) return false;
    if (ws.readyState === WebSocket.CONNECTING) {
      this.backlog.push({ frame, scheduledMs, done, onSent });
      return true;
    }
    this.transmit(frame, scheduledMs, done, onSent);
    return true;
  }

  /** Closes the socket; frames still unanswered are dropped from the outstanding count. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.backlog = [];
    this.failPending();
    const ws = this.ws;
    if (ws === null) return;
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else if (ws.readyState === WebSocket.OPEN) ws.close(1000);
  }

  get closed(): boolean {
    return this.closing;
  }

  private transmit(frame: object, scheduledMs: number, done: OnDone | undefined, onSent: OnSent | undefined): void {
    const ref = this.nextRef++;
    const sentMs = this.env.now();
    onSent?.(sentMs);
    this.pending.set(ref, { type: String((frame as { type?: unknown }).type), scheduledMs, sentMs, done });
    this.env.stats.outstanding++;
    this.env.stats.framesSent++;
    this.ws!.send(JSON.stringify({ ...frame, ref }));
  }

  private receive(data: Buffer): void {
    const receivedMs = this.env.now();
    this.env.stats.framesReceived++;
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type === 'ack' || frame.type === 'error') {
      const ref = frame.ref;
      const p = typeof ref === 'number' ? this.pending.get(ref) : undefined;
      if (frame.type === 'error') {
        const code = String(frame.code);
        this.env.stats.errorsByCode[code] = (this.env.stats.errorsByCode[code] ?? 0) + 1;
      }
      if (p !== undefined && frame.type === 'error') {
        const key = `${p.type} ${String(frame.code)}`;
        this.env.stats.errorsByFrame[key] = (this.env.stats.errorsByFrame[key] ?? 0) + 1;
      }
      if (p !== undefined) {
        this.pending.delete(ref as number);
        this.env.stats.outstanding--;
        this.env.histograms.record('commandAck', p.scheduledMs, p.sentMs, receivedMs);
        p.done?.(frame.type === 'ack' ? null : { code: String(frame.code), message: String(frame.message) });
      }
      if (frame.type === 'ack') return;
    }
    this.onFrame(frame, receivedMs);
  }

  private failPending(): void {
    this.env.stats.outstanding -= this.pending.size;
    this.pending.clear();
  }
}
