// The open connections, by participant, and the one way frames leave: every
// send checks the connection's unsent bytes, and a slow reader that lets them
// pile up past the bound is closed alone, so it cannot eat the server's memory.
import WebSocket from 'ws';
import type { ErrorCode } from '../../engine/errors.js';
import type { FrameRef } from './frames.js';
import type { Deliveries } from './deliveries.js';
import type { Role, ServerMetrics } from './server-metrics.js';

/** Close codes of this server besides the standard ones. */
export const CLOSE_REPLACED = 4001;

export interface Connection {
  ws: WebSocket;
  role: Role;
  target: string;
}

export class SocketHub {
  private readonly byTarget = new Map<string, Connection>();
  private readonly all = new Set<Connection>();
  private readonly corked = new Set<Connection>();

  constructor(private readonly metrics: ServerMetrics, private readonly maxBufferedBytes: number) {}

  /** The connection now speaking for `target`; an older one for the same participant is closed. */
  add(conn: Connection): void {
    const old = this.byTarget.get(conn.target);
    this.byTarget.set(conn.target, conn);
    this.all.add(conn);
    if (old !== undefined) this.close(old, CLOSE_REPLACED, 'replaced by a newer connection', 'replaced');
  }

  /** Forget a closed connection; true when it was still its participant's current one. */
  remove(conn: Connection): boolean {
    this.all.delete(conn);
    if (this.byTarget.get(conn.target) !== conn) return false;
    this.byTarget.delete(conn.target);
    return true;
  }

  count(role: Role): number {
    let n = 0;
    for (const c of this.all) if (c.role === role) n++;
    return n;
  }

  connections(): Connection[] {
    return [...this.all];
  }

  /** Frames [from, to) of an engine outcome, each to its participant's current connection. */
  deliver(d: Deliveries, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const conn = this.byTarget.get(d.targets[i]!);
      if (conn === undefined) this.metrics.framesUndelivered++;
      else this.send(conn, d.frames[i]!);
    }
  }

  ack(conn: Connection, ref: FrameRef): void {
    this.send(conn, JSON.stringify({ type: 'ack', ref }));
  }

  error(conn: Connection, code: ErrorCode, message: string, ref: FrameRef | undefined): void {
    this.metrics.error(code);
    this.send(conn, JSON.stringify(ref === undefined ? { type: 'error', code, message } : { type: 'error', code, message, ref }));
  }

  send(conn: Connection, frame: string): void {
    const ws = conn.ws;
    if (ws.readyState !== WebSocket.OPEN) {
      this.metrics.framesUndelivered++;
      return;
    }
    // Checked once per connection per tick, before corking: frames sent in one
    // tick leave in one write (cork now, uncork after the tick), so within the
    // tick the buffer holds what this tick wrote, not what the reader left.
    if (!this.corked.has(conn)) {
      if (ws.bufferedAmount > this.maxBufferedBytes) {
        this.close(conn, 1008, 'slow reader: send buffer full', 'slowReader');
        return;
      }
      const socket = (ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      if (socket !== undefined) {
        socket.cork();
        if (this.corked.size === 0) process.nextTick(() => this.uncorkAll());
        this.corked.add(conn);
      }
    }
    ws.send(frame);
    this.metrics.framesOut[conn.role]++;
  }

  /** Close one connection with a code; terminate it if it does not finish closing in time (a reader that reads nothing). */
  close(conn: Connection, code: number, reason: string, metric: string): void {
    const ws = conn.ws;
    if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) return;
    this.metrics.closed(metric);
    ws.close(code, reason);
    const timer = setTimeout(() => ws.terminate(), 1000);
    timer.unref();
    ws.once('close', () => clearTimeout(timer));
  }

  private uncorkAll(): void {
    for (const conn of this.corked) (conn.ws as unknown as { _socket?: { uncork(): void } })._socket?.uncork();
    this.corked.clear();
  }
}

/** ws names its protocol errors (WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: a frame over maxPayload, closed 1009). */
export function protocolErrorName(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'frameTooLarge' : 'protocolError';
}
