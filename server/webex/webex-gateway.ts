// The vendor's agent API beside the native protocol (`cctwin serve
// --webex`): one SDK desk per agent, its notification socket, the access
// token check on every gateway call, and a token bucket per agent like the
// native protocol's per connection. Requests become the engine's agent
// commands through the server's batcher; answers come back as SDK events on
// the agent's notification socket (docs/webex.md has the mapping).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocketServer } from 'ws';
import type { CctwinError, ErrorCode } from '../../engine/errors.js';
import type { Scenario } from '../../scenarios/scenario.js';
import type { EngineLink } from '../engine-link.js';
import type { Heartbeat } from '../heartbeat.js';
import type { SessionContext } from '../session-context.js';
import { TokenBucket } from '../token-bucket.js';
import { isRefusal, verifyAccessToken, type TokenClaims } from './access-tokens.js';
import { registerActionRoutes } from './action-routes.js';
import { NotificationTickets } from './notification-tickets.js';
import { openNotificationSession, runDeskCommand, type TranslatingSocket } from './notification-session.js';
import { registerProfileRoutes } from './profile-routes.js';
import { SdkDesk } from './sdk-desk.js';
import { TenantDirectory } from './tenant-directory.js';
import type { WebexMessage } from './webex-events.js';
import { registerU2cRoutes } from './u2c-routes.js';

/** Where the notification socket is opened (the subscribe answer names it with a ticket). */
export const NOTIFICATION_PATH = '/wcc/notifications';
const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 503: 'Service Unavailable' };

export class WebexGateway {
  readonly dir: TenantDirectory;
  readonly tickets = new NotificationTickets();
  private readonly desks = new Map<string, SdkDesk>();
  private readonly sockets = new Map<string, TranslatingSocket>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly agentOfRequest = new WeakMap<FastifyRequest, string>();
  /** Who asked for each pending consult, so an SDK agent consulted on it knows the owner (the offer frame does not say). */
  readonly ownerHints = new Map<number, string>();

  constructor(readonly ctx: SessionContext, scenario: Scenario, private readonly link: EngineLink) {
    this.dir = new TenantDirectory(scenario);
  }

  /** The desk of an agent of the scenario (made on first use). */
  desk(agentId: string): SdkDesk {
    let d = this.desks.get(agentId);
    if (d === undefined) {
      d = new SdkDesk(agentId, this.dir, {
        send: (msg) => this.sockets.get(agentId)?.emit(msg),
        command: (cmd) => runDeskCommand(this.ctx, cmd),
        ownerOf: (conversationId) => this.takeOwnerHint(conversationId),
      });
      this.desks.set(agentId, d);
    }
    return d;
  }

  /** The desk of another agent, only if it is an SDK agent with an open socket (a native desktop is told by its own frames). */
  connectedDesk(agentId: string): SdkDesk | undefined {
    return this.sockets.has(agentId) ? this.desks.get(agentId) : undefined;
  }

  /** A message to the agent's SDK, if its notification socket is open. */
  emit(desk: SdkDesk, msg: WebexMessage): void {
    this.sockets.get(desk.agentId)?.emit(msg);
  }

  private takeOwnerHint(conversationId: number): string | undefined {
    const owner = this.ownerHints.get(conversationId);
    this.ownerHints.delete(conversationId);
    return owner;
  }

  /** The agent the request's access token names (after the auth hook). */
  agentOf(req: FastifyRequest): string {
    return this.agentOfRequest.get(req)!;
  }

  /** An answer `{code, message}` with a status, counted like every error of the server. */
  refuse(reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply {
    this.ctx.metrics.error(code);
    return reply.code(status).send({ code, message });
  }

  /** The per-agent rate limit; false when the request was refused. */
  takeToken(agentId: string): 'ok' | 'refuse' | 'close' {
    let b = this.buckets.get(agentId);
    if (b === undefined) this.buckets.set(agentId, (b = new TokenBucket(this.ctx.options.rateLimit, Date.now())));
    return b.take(Date.now());
  }

  register(app: FastifyInstance): void {
    registerU2cRoutes(app, this);
    // Every gateway call proves its agent with the access token; org ids in paths must be the token's.
    app.register(async (scope) => {
      scope.addHook('preHandler', async (req, reply) => {
        const claims = await this.authenticate(req);
        if (isRefusal(claims)) return this.refuse(reply, 401, claims.code, claims.message);
        const org = (req.params as { org?: string }).org;
        if (org !== undefined && org !== this.dir.orgId) return this.refuse(reply, 403, 'E_UNAUTHORIZED', `this agent belongs to org ${this.dir.orgId}`);
        const verdict = this.takeToken(claims.agentId);
        if (verdict !== 'ok') return this.refuse(reply, 429, 'E_RATE_LIMITED', `at most ${this.ctx.options.rateLimit.perSecond} requests per second`);
        this.agentOfRequest.set(req, claims.agentId);
        return undefined;
      });
      scope.post('/wcc/v1/notification/subscribe', async (req) => {
        const ticket = this.tickets.issue(this.agentOf(req));
        const host = req.headers.host ?? `${this.ctx.options.host}:${this.ctx.options.port}`;
        return { webSocketUrl: `ws://${host}${NOTIFICATION_PATH}?ticket=${ticket}`, subscriptionId: ticket.slice(0, 8) };
      });
      registerProfileRoutes(scope, {
        dir: this.dir,
        agentOf: (req) => this.agentOf(req as FastifyRequest),
        maskSensitiveData: async () => (await this.link.summary()).tenant.maskSensitiveData,
        refuse: (reply, status, code, message) => this.refuse(reply, status, code, message),
      });
      registerActionRoutes(scope, this);
    });
  }

  /** A WebSocket upgrade on the notification path; false when the path is another one. */
  upgrade(wss: WebSocketServer, heartbeat: Heartbeat, req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== NOTIFICATION_PATH) return false;
    socket.on('error', () => {});
    if (this.ctx.draining()) {
      refuseUpgrade(this.ctx, socket, 503, 'E_BAD_STATE', 'the server is shutting down');
      return true;
    }
    const agentId = this.tickets.redeem(url.searchParams.get('ticket') ?? '');
    if (agentId === null) {
      refuseUpgrade(this.ctx, socket, 401, 'E_UNAUTHORIZED', 'the notification socket opens once, soon after subscribing, with the URL subscribe answered');
      return true;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      openNotificationSession(this.ctx, heartbeat, ws, this.desk(agentId), {
        attach: (s) => this.sockets.set(agentId, s),
        detach: (s) => {
          if (this.sockets.get(agentId) === s) this.sockets.delete(agentId);
        },
      });
    });
    return true;
  }

  private async authenticate(req: FastifyRequest): Promise<TokenClaims | CctwinError> {
    const h = req.headers.authorization;
    if (h === undefined || !h.startsWith('Bearer ')) return { code: 'E_UNAUTHORIZED', message: 'gateway calls need `Authorization: Bearer <access token>`' };
    return verifyAccessToken(this.ctx.options.secret, this.dir.orgId, this.dir.agents, h.slice(7));
  }
}

function refuseUpgrade(ctx: SessionContext, socket: Duplex, status: number, code: ErrorCode, message: string): void {
  ctx.metrics.error(code);
  const body = JSON.stringify({ code, message });
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
