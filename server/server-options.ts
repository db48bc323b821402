// How a twin server is set up: the scenario, where it listens, its secrets,
// and the limits that keep one bad client from hurting the others.
import type { Scenario } from '../scenarios/scenario.js';
import type { EngineThread } from './engine-link.js';
import type { RateLimit } from './token-bucket.js';

export interface ServerOptions {
  scenario: Scenario;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 7070; 0 picks a free port. */
  port?: number;
  /** Agent tokens are derived from it (agent-tokens.ts). */
  secret: string;
  /** Bearer token of /api/admin/...; without one the admin API answers 401. */
  adminToken?: string;
  /** Default 'worker': the engine on its own thread. */
  engineThread?: EngineThread;
  /** How long a disconnected agent keeps its conversations. Default 30 s. */
  reconnectGraceMs?: number;
  /** Larger frames are refused with E_FRAME_TOO_LARGE. Default 64 KiB. */
  maxFrameBytes?: number;
  /** Larger frames close the connection (1009) unread. Default 1 MiB. */
  maxPayloadBytes?: number;
  /**
   * The slow-reader bound: a connection whose unsent bytes stay above it for
   * longer than `slowReaderGraceMs` is closed 1008. History the server pages
   * out on its own (outbox.ts) is not counted. Default 1 MiB.
   */
  maxBufferedBytes?: number;
  /** How long unsent bytes may stay above `maxBufferedBytes` (a burst the server wrote at once drains far sooner). Default 5 s. */
  slowReaderGraceMs?: number;
  /**
   * Unsent bytes above this close a connection 1008 at once. Default 16 MiB, or twice
   * one connection's largest burst (rateLimit.burst x maxFrameBytes), or
   * maxBufferedBytes, when that is more: a customer at its rate limit never trips it.
   */
  maxBufferedHardBytes?: number;
  /** History lines (on accept and reconnect) leave in pages of about this many bytes. Default 64 KiB. */
  historyPageBytes?: number;
  /** The next history page leaves only once the socket's bufferedAmount is below this. Default 256 KiB. */
  historyLowWaterBytes?: number;
  /** Per connection. Default 50 frames/s, bursts of 100, closed after 100 refusals in a second. */
  rateLimit?: Partial<RateLimit>;
  /**
   * How long a drain may take. Connections that hold no work (nothing sent, part of a
   * request, idle keep-alive) are closed when it starts; at this bound every connection
   * left is destroyed, whatever it is doing, and `stopped` resolves to a DrainForced.
   * Default 10 s.
   */
  drainTimeoutMs?: number;
  /** Every agent and customer connection is pinged this often. 0 turns heartbeats off. Default 15 s. */
  heartbeatIntervalMs?: number;
  /**
   * A connection that has answered no ping for this long is terminated at the next
   * heartbeat (so within timeout + interval) and handled as a disconnect. Default 30 s.
   */
  heartbeatTimeoutMs?: number;
  /** An HTTP request (or WebSocket upgrade) whose headers are not complete this long after it began is answered 408 and closed. Default 10 s. */
  headersTimeoutMs?: number;
  /** An HTTP request not received in full (headers and body) this long after it began is answered 408 and closed. Default 30 s. */
  requestTimeoutMs?: number;
  /** Also serve the vendor's agent SDK (U2C catalog, gateway, notification socket: server/webex/). Default false. */
  webex?: boolean;
  /** Where start-up and shutdown lines go (never secrets). Default: nowhere. */
  log?: (line: string) => void;
}

export type ResolvedOptions = Required<Omit<ServerOptions, 'adminToken' | 'rateLimit'>> & { adminToken: string | undefined; rateLimit: RateLimit };

export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 7070,
  engineThread: 'worker' as EngineThread,
  reconnectGraceMs: 30_000,
  maxFrameBytes: 64 * 1024,
  maxPayloadBytes: 1024 * 1024,
  maxBufferedBytes: 1024 * 1024,
  slowReaderGraceMs: 5_000,
  /** The floor of maxBufferedHardBytes's default (see readerLimits). */
  maxBufferedHardBytes: 16 * 1024 * 1024,
  historyPageBytes: 64 * 1024,
  historyLowWaterBytes: 256 * 1024,
  rateLimit: { perSecond: 50, burst: 100, closeAfterRefused: 100 } satisfies RateLimit,
  drainTimeoutMs: 10_000,
  heartbeatIntervalMs: 15_000,
  heartbeatTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export function resolveOptions(o: ServerOptions): ResolvedOptions {
  if (typeof o.secret !== 'string' || o.secret.length === 0) throw new Error('the server needs a non-empty secret to derive agent tokens');
  return {
    scenario: o.scenario,
    host: o.host ?? SERVER_DEFAULTS.host,
    port: o.port ?? SERVER_DEFAULTS.port,
    secret: o.secret,
    adminToken: o.adminToken === '' ? undefined : o.adminToken,
    engineThread: o.engineThread ?? SERVER_DEFAULTS.engineThread,
    reconnectGraceMs: o.reconnectGraceMs ?? SERVER_DEFAULTS.reconnectGraceMs,
    maxFrameBytes: o.maxFrameBytes ?? SERVER_DEFAULTS.maxFrameBytes,
    maxPayloadBytes: Math.max(o.maxPayloadBytes ?? SERVER_DEFAULTS.maxPayloadBytes, o.maxFrameBytes ?? SERVER_DEFAULTS.maxFrameBytes),
    maxBufferedBytes: o.maxBufferedBytes ?? SERVER_DEFAULTS.maxBufferedBytes,
    rateLimit: { ...SERVER_DEFAULTS.rateLimit, ...o.rateLimit },
    ...readerLimits(o),
    ...connectionTimes(o),
    webex: o.webex ?? false,
    log: o.log ?? (() => {}),
  };
}

type ConnectionTimes = Pick<ResolvedOptions, 'drainTimeoutMs' | 'heartbeatIntervalMs' | 'heartbeatTimeoutMs' | 'headersTimeoutMs' | 'requestTimeoutMs'>;

/** The drain bound, heartbeat and HTTP timeouts, checked: Node refuses a headers timeout above the request timeout. */
function connectionTimes(o: ServerOptions): ConnectionTimes {
  const t: ConnectionTimes = {
    drainTimeoutMs: o.drainTimeoutMs ?? SERVER_DEFAULTS.drainTimeoutMs,
    heartbeatIntervalMs: o.heartbeatIntervalMs ?? SERVER_DEFAULTS.heartbeatIntervalMs,
    heartbeatTimeoutMs: o.heartbeatTimeoutMs ?? SERVER_DEFAULTS.heartbeatTimeoutMs,
    headersTimeoutMs: o.headersTimeoutMs ?? SERVER_DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: o.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs,
  };
  for (const [name, ms] of Object.entries(t)) {
    const positive = name === 'heartbeatTimeoutMs' || name === 'headersTimeoutMs' || name === 'requestTimeoutMs';
    if (!Number.isFinite(ms) || ms < 0 || (positive && ms === 0)) throw new Error(`${name} must be a ${positive ? 'positive' : 'non-negative'} number of milliseconds, not ${ms}`);
  }
  if (t.headersTimeoutMs > t.requestTimeoutMs) throw new Error(`headersTimeoutMs (${t.headersTimeoutMs}) must not exceed requestTimeoutMs (${t.requestTimeoutMs})`);
  return t;
}

type ReaderLimits = Pick<ResolvedOptions, 'slowReaderGraceMs' | 'maxBufferedHardBytes' | 'historyPageBytes' | 'historyLowWaterBytes'>;

/** The slow-reader grace and ceiling and the history paging, checked. */
function readerLimits(o: ServerOptions): ReaderLimits {
  const burst = { ...SERVER_DEFAULTS.rateLimit, ...o.rateLimit }.burst;
  const largestBurst = 2 * burst * (o.maxFrameBytes ?? SERVER_DEFAULTS.maxFrameBytes);
  const l: ReaderLimits = {
    slowReaderGraceMs: o.slowReaderGraceMs ?? SERVER_DEFAULTS.slowReaderGraceMs,
    maxBufferedHardBytes: o.maxBufferedHardBytes ?? Math.max(SERVER_DEFAULTS.maxBufferedHardBytes, largestBurst, o.maxBufferedBytes ?? 0),
    historyPageBytes: o.historyPageBytes ?? SERVER_DEFAULTS.historyPageBytes,
    historyLowWaterBytes: o.historyLowWaterBytes ?? SERVER_DEFAULTS.historyLowWaterBytes,
  };
  for (const [name, n] of Object.entries(l)) {
    if (!Number.isFinite(n) || n < 0 || (name !== 'slowReaderGraceMs' && n === 0)) throw new Error(`${name} must be a ${name === 'slowReaderGraceMs' ? 'non-negative' : 'positive'} number, not ${n}`);
  }
  return l;
}
