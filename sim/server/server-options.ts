// How a twin server is set up: the scenario, where it listens, its secrets,
// and the limits that keep one bad client from hurting the others.
import type { Scenario } from '../../scenarios/scenario.js';
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
  /** A connection whose unsent frames exceed this is a slow reader and is closed. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Per connection. Default 50 frames/s, bursts of 100, closed after 100 refusals in a second. */
  rateLimit?: Partial<RateLimit>;
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
  rateLimit: { perSecond: 50, burst: 100, closeAfterRefused: 100 } satisfies RateLimit,
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
    log: o.log ?? (() => {}),
  };
}
