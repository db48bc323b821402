// The open connections, by participant, and the one way frames leave.
//
// The slow-reader rule counts what a reader fails to read, not what the
// server chose to send at once. A connection's unsent bytes are what its
// socket buffers, less the history lines the server paged into it, plus the
// frames held behind a history (outbox.ts). A connection is a slow reader,
// closed 1008 alone so it cannot eat the server's memory, when its unsent
// bytes stay above `maxBufferedBytes` (1 MiB) for longer than
// `slowReaderGraceMs` (5 s), or pass `maxBufferedHardBytes` (16 MiB) at any
// check. A burst the server wrote in one go (a big frame, a customer's burst
// of frames at its rate limit) drains within the grace and trips nothing.
// Checked at a connection's first send of each tick (before corking: frames
// of one tick leave in one write), after the tick's writes, and, while a
// connection is over the bound, by one poll timer for all of them, so a
// reader that stops reading is closed whether or not more frames come.
import WebSocket from 'ws';
import type { ErrorCode } from '../engine/errors.js';
import type { FrameRef } from './frames.js';
import type { Deliveries } from './deliveries.js';
import { Outbox, type PagingLimits } from './outbox.js';
import type { Role, ServerMetrics } from './server-metrics.js';
import { SERVER_DEFAULTS } from './server-options.js';

/** Close codes of this server besides the standard ones. */
export const CLOSE_REPLACED = 4001;

export interface Connection {
  ws: WebSocket;
  role: Role;
  target: string;
  /** The hub's: history and the frames held behind it, once this connection got a history. */
  outbox?: Outbox;
  /** The hub's: since when (performance.now()) unsent bytes are above the bound. */
  overSinceMs?: number;
}

/** The slow-reader rule and the history paging; ServerOptions names them alike (ResolvedOptions fits). */
export interface HubLimits extends PagingLimits {
  maxBufferedBytes: number;
  slowReaderGraceMs: number;
  maxBufferedHardBytes: number;
}

/** The limits with only the bound given: every other figure at its default (server-options.ts). */
export function hubLimits(maxBufferedBytes: number): HubLimits {
  const { rateLimit, maxFrameBytes } = SERVER_DEFAULTS;
  return {
    maxBufferedBytes,
    slowReaderGraceMs: SERVER_DEFAULTS.slowReaderGraceMs,
    maxBufferedHardBytes: Math.max(SERVER_DEFAULTS.maxBufferedHardBytes, 2 * rateLimit.burst * maxFrameBytes, maxBufferedBytes),
    historyPageBytes: SERVER_DEFAULTS.historyPageBytes,
    historyLowWaterBytes: SERVER_DEFAULTS.historyLowWaterBytes,
  };
}

export class SocketHub {
  private readonly byTarget = new Map<string, Connection>();
  private readonly all = new Set<Connection>();
  private readonly corked = new Set<Connection>();
  private readonly limits: HubLimits;
  /** Connections above the bound, looked at by the poll timer until they are back under it or closed. */
  private readonly over = new Set<Connection>();
  private overTimer: NodeJS.Timeout | undefined;
  /**
   * Per connection, the conversation whose history the op being delivered
   * queued frames behind: its ack or error queues behind them too ("after the
   * frames it caused"). Reset by each deliver() and after the turn.
   */
  private readonly answerAfter = new Map<Connection, number>();
  private answerAfterReset = false;

  /** `limits`: the resolved server options, or just the bound (the rest at their defaults). */
  constructor(private readonly metrics: ServerMetrics, limits: number | HubLimits) {
    const l = typeof limits === 'number' ? hubLimits(limits) : limits;
    this.limits = {
      maxBufferedBytes: l.maxBufferedBytes, slowReaderGraceMs: l.slowReaderGraceMs, maxBufferedHardBytes: l.maxBufferedHardBytes,
      historyPageBytes: l.historyPageBytes, historyLowWaterBytes: l.historyLowWaterBytes,
    };
  }

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
    this.drop(conn);
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

  /**
   * Frames [from, to) of an engine outcome (one op's), each to its
   * participant's current connection. History lines (Deliveries.about < 0)
   * go to the connection's outbox to be paged; a frame about a conversation
   * whose history is still queued there waits behind it; the rest leave now.
   */
  deliver(d: Deliveries, from: number, to: number): void {
    if (this.answerAfter.size > 0) this.answerAfter.clear();
    const about = d.about;
    for (let i = from; i < to; i++) {
      const conn = this.byTarget.get(d.targets[i]!);
      if (conn === undefined) {
        this.metrics.framesUndelivered++;
        continue;
      }
      const a = about === undefined ? 0 : about[i] ?? 0;
      if (a < 0) this.hold(conn, d.frames[i]!, -a, true);
      else if (a > 0 && conn.outbox !== undefined && conn.outbox.holds(a)) this.hold(conn, d.frames[i]!, a, false);
      else this.send(conn, d.frames[i]!);
    }
  }

  ack(conn: Connection, ref: FrameRef): void {
    this.answer(conn, JSON.stringify({ type: 'ack', ref }));
  }

  error(conn: Connection, code: ErrorCode, message: string, ref: FrameRef | undefined): void {
    this.metrics.error(code);
    this.answer(conn, JSON.stringify(ref === undefined ? { type: 'error', code, message } : { type: 'error', code, message, ref }));
  }

  /** Sends a frame now (nothing held: callers that must keep an order go through deliver()). */
  send(conn: Connection, frame: string): void {
    this.write(conn, frame);
  }

  /** What the connection's reader owes: socket buffer less the server's own history in it, plus frames held behind a history. */
  unsentBytes(conn: Connection): number {
    const buffered = conn.ws.bufferedAmount;
    const o = conn.outbox;
    return o === undefined ? buffered : buffered - o.historyInFlight + o.heldBytes;
  }

  /** An answer follows the frames its op caused, even those held behind a history. */
  private answer(conn: Connection, frame: string): void {
    const id = this.answerAfter.get(conn);
    if (id !== undefined && conn.outbox !== undefined && conn.outbox.holds(id)) this.hold(conn, frame, id, false);
    else this.write(conn, frame);
  }

  /** Queue a frame in the connection's outbox: a history line, or a frame that must follow one. */
  private hold(conn: Connection, frame: string, conversationId: number, history: boolean): void {
    if (conn.ws.readyState !== WebSocket.OPEN) {
      this.metrics.framesUndelivered++;
      return;
    }
    conn.outbox ??= new Outbox(conn.ws, this.limits, (f, done) => this.write(conn, f, done));
    this.answerAfter.set(conn, conversationId);
    if (!this.answerAfterReset) {
      this.answerAfterReset = true;
      queueMicrotask(() => {
        this.answerAfter.clear();
        this.answerAfterReset = false;
      });
    }
    conn.outbox.push(frame, conversationId, history);
    // Frames held behind a history are owed by the reader: they count now.
    if (!history) this.checkReader(conn);
  }

  /** One frame onto the socket; `done` once it left for the kernel (not called if it is not sent). */
  private write(conn: Connection, frame: string, done?: (err?: Error | null) => void): void {
    const ws = conn.ws;
    if (ws.readyState !== WebSocket.OPEN) {
      this.metrics.framesUndelivered++;
      return;
    }
    // Checked once per connection per tick, before corking: frames sent in one
    // tick leave in one write (cork now, uncork after the tick), so within the
    // tick the buffer holds what this tick wrote, not what the reader left.
    if (!this.corked.has(conn)) {
      if (!this.checkReader(conn)) return;
      const socket = (ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      if (socket !== undefined) {
        socket.cork();
        if (this.corked.size === 0) process.nextTick(() => this.uncorkAll());
        this.corked.add(conn);
      }
    }
    ws.send(frame, done);
    this.metrics.framesOut[conn.role]++;
  }

  /** The slow-reader rule, now; false when it closed the connection. */
  private checkReader(conn: Connection): boolean {
    const unsent = this.unsentBytes(conn);
    const l = this.limits;
    if (unsent > l.maxBufferedHardBytes) {
      this.close(conn, 1008, `slow reader: ${unsent} bytes unsent, over the ceiling of ${l.maxBufferedHardBytes}`, 'slowReader');
      return false;
    }
    if (unsent <= l.maxBufferedBytes) {
      conn.overSinceMs = undefined;
      return true;
    }
    const now = performance.now();
    if (conn.overSinceMs === undefined) {
      conn.overSinceMs = now;
      this.watch(conn);
      return true;
    }
    if (now - conn.overSinceMs >= l.slowReaderGraceMs) {
      this.close(conn, 1008, `slow reader: over ${l.maxBufferedBytes} bytes unsent for ${l.slowReaderGraceMs} ms`, 'slowReader');
      return false;
    }
    return true;
  }

  /** Look at a connection above the bound until it is under it again or closed. */
  private watch(conn: Connection): void {
    this.over.add(conn);
    if (this.overTimer !== undefined) return;
    const every = Math.min(250, Math.max(10, this.limits.slowReaderGraceMs / 5));
    this.overTimer = setInterval(() => {
      for (const c of this.over) {
        if (c.ws.readyState !== WebSocket.OPEN || !this.checkReader(c) || c.overSinceMs === undefined) this.over.delete(c);
      }
      if (this.over.size === 0) {
        clearInterval(this.overTimer);
        this.overTimer = undefined;
      }
    }, every);
    this.overTimer.unref();
  }

  /** A connection gone: its held frames go nowhere. */
  private drop(conn: Connection): void {
    this.over.delete(conn);
    const o = conn.outbox;
    if (o !== undefined) {
      this.metrics.framesUndelivered += o.queued;
      o.clear();
    }
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

  /** End of the tick's writes: out they go, and what is left unsent starts the rule's clock (or passes the ceiling). */
  private uncorkAll(): void {
    for (const conn of this.corked) (conn.ws as unknown as { _socket?: { uncork(): void } })._socket?.uncork();
    for (const conn of this.corked) if (conn.ws.readyState === WebSocket.OPEN) this.checkReader(conn);
    this.corked.clear();
  }
}

/** ws names its protocol errors (WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: a frame over maxPayload, closed 1009). */
export function protocolErrorName(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'frameTooLarge' : 'protocolError';
}
