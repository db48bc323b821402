// WebSocket upgrades: `/agent?token=...` (or `Authorization: Bearer ...`)
// and `/customer?channel=...&customerId=...[&queue=...&name=...&number=...]`.
// Refused upgrades get a plain HTTP answer (401, 400, 404, 503) with
// `{code, message}` and never become sockets. Tokens are not logged.
// Every accepted connection is watched by the heartbeat (heartbeat.ts).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { ErrorCode } from '../engine/errors.js';
import { isChannel } from '../engine/model/channel.js';
import { agentIdOfToken } from './agent-tokens.js';
import { openAgentSession } from './agent-session.js';
import { openCustomerSession } from './customer-session.js';
import { assetFor, type Directory } from './directory.js';
import type { Heartbeat } from './heartbeat.js';
import type { SessionContext } from './session-context.js';

const MAX_ID_LENGTH = 200;
const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' };

export function handleUpgrade(ctx: SessionContext, wss: WebSocketServer, heartbeat: Heartbeat, dir: Directory, agents: ReadonlySet<string>, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => {});
  if (ctx.draining()) return refuse(ctx, socket, 503, 'E_BAD_STATE', 'the server is shutting down');
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/agent') {
    const token = url.searchParams.get('token') ?? bearerOf(req);
    const agentId = token === null ? null : agentIdOfToken(ctx.options.secret, token);
    if (agentId === null || !agents.has(agentId)) return refuse(ctx, socket, 401, 'E_UNAUTHORIZED', 'an agent connects with a valid token');
    wss.handleUpgrade(req, socket, head, (ws) => {
      heartbeat.watch(ws);
      openAgentSession(ctx, ws, agentId);
    });
    return;
  }
  if (url.pathname === '/customer') {
    const p = url.searchParams;
    const channel = p.get('channel') ?? '';
    const customerId = p.get('customerId') ?? '';
    const name = p.get('name') ?? undefined;
    const number = p.get('number') ?? undefined;
    if (!isChannel(channel)) return refuse(ctx, socket, 400, 'E_MALFORMED', 'channel must be facebook, sms, whatsapp or livechat');
    if (customerId === '' || customerId.length > MAX_ID_LENGTH || (name?.length ?? 0) > MAX_ID_LENGTH || (number?.length ?? 0) > MAX_ID_LENGTH) {
      return refuse(ctx, socket, 400, 'E_MALFORMED', `customerId is required; customerId, name and number hold at most ${MAX_ID_LENGTH} characters`);
    }
    const asset = assetFor(dir, channel, p.get('queue'));
    if (asset === undefined) return refuse(ctx, socket, 404, 'E_UNKNOWN_ASSET', `no ${channel} asset${p.get('queue') === null ? '' : ` for queue ${p.get('queue')}`}`);
    wss.handleUpgrade(req, socket, head, (ws) => {
      heartbeat.watch(ws);
      openCustomerSession(ctx, ws, {
        assetId: asset.assetId, customerId, ...(name === undefined ? {} : { name }), ...(number === undefined ? {} : { number }),
      });
    });
    return;
  }
  refuse(ctx, socket, 404, 'E_NOT_FOUND', 'WebSocket paths are /agent and /customer');
}

function bearerOf(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h !== undefined && h.startsWith('Bearer ') ? h.slice(7) : null;
}

function refuse(ctx: SessionContext, socket: Duplex, status: number, code: ErrorCode, message: string): void {
  ctx.metrics.error(code);
  const body = JSON.stringify({ code, message });
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
