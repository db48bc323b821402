// The HTTP side: health, Prometheus metrics, the state view, the admin calls
// (bearer admin token, compared in constant time), and the live dashboard
// (dashboard/: GET / and GET /api/stream). Every error answers `{code,
// message}` with a code of engine/errors.ts, whoever produced it: a route,
// fastify (bad JSON, body too large, bad URL), the 404 and 405 handler, or
// Node's HTTP parser (malformed request, headers too large, too slow: 408).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Command } from '../engine/commands.js';
import type { CctwinError, ErrorCode } from '../engine/errors.js';
import { constantTimeEqual } from './agent-tokens.js';
import { registerDashboard } from './dashboard/dashboard-routes.js';
import type { EngineLink } from './engine-link.js';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics-page.js';
import type { SessionContext } from './session-context.js';

const STATUS_OF: Partial<Record<ErrorCode, number>> = { E_MALFORMED: 400, E_UNAUTHORIZED: 401, E_UNKNOWN_ASSET: 404, E_INTERNAL: 500 };

/** The code an HTTP error status answers with. */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'E_UNAUTHORIZED';
  if (status === 404 || status === 405) return 'E_NOT_FOUND';
  if (status === 413 || status === 431) return 'E_FRAME_TOO_LARGE';
  if (status === 429) return 'E_RATE_LIMITED';
  if (status === 503) return 'E_BAD_STATE';
  return status < 500 ? 'E_MALFORMED' : 'E_INTERNAL';
}

/**
 * Fastify options that make the errors fastify answers before any route runs
 * (bad URL, too long a parameter) and the ones Node's parser raises on the
 * socket (clientError: malformed, headers too large, headers or request timeout)
 * answer `{code, message}` too.
 */
export function httpErrorOptions(ctx: SessionContext): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors: (err, _req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      const code = codeOfStatus(status);
      ctx.metrics.error(code);
      void (reply as FastifyReply).code(status).send({ code, message: err.message });
    },
    clientErrorHandler: (err: NodeJS.ErrnoException, socket: Socket) => {
      // A reset connection has nothing left to answer (https://nodejs.org/api/http.html#event-clienterror).
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const [status, message] = err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, `the request did not arrive in full in time (headers within ${ctx.options.headersTimeoutMs} ms, all of it within ${ctx.options.requestTimeoutMs} ms)`]
        : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'the request headers are larger than the server accepts'] : [400, 'the request is not well-formed HTTP'];
      const code = status === 408 ? 'E_MALFORMED' : codeOfStatus(status);
      ctx.metrics.error(code);
      const body = JSON.stringify({ code, message });
      if (socket.writable) {
        socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }
      socket.destroy();
    },
  };
}

export function registerRoutes(app: FastifyInstance, ctx: SessionContext, link: EngineLink): void {
  // Every route, to tell a wrong method (405) from a wrong path (404).
  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = pathPattern(route.url);
    for (const method of [route.method].flat()) routes.push({ method, pattern });
  });

  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode !== undefined && err.statusCode >= 400 ? err.statusCode : 500;
    const code = codeOfStatus(status);
    ctx.metrics.error(code);
    // A server-side failure's own message stays in the log, not on the wire.
    if (status >= 500) ctx.options.log(`HTTP ${status}: ${err.message}`);
    void reply.code(status).send({ code, message: status >= 500 ? 'the server failed to answer this request' : err.message });
  });

  // 405 (with Allow) when the path exists for other methods; otherwise 404.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?', 1)[0]!;
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    ctx.metrics.error('E_NOT_FOUND');
    if (allowed.length > 0) {
      return reply.code(405).header('allow', allowed.join(', ')).send({ code: 'E_NOT_FOUND', message: `${req.method} ${path} is not served; it takes ${allowed.join(', ')}` });
    }
    return reply.code(404).send({ code: 'E_NOT_FOUND', message: `no route ${req.method} ${path}` });
  });

  // While the server drains, every call but /health answers 503 (fastify's own
  // 503 is turned off: return503OnClosing false), and the connection closes.
  app.addHook('onRequest', (req, reply, done) => {
    if (!ctx.draining() || req.url === '/health') return done();
    ctx.metrics.error('E_BAD_STATE');
    void reply.code(503).header('connection', 'close').send({ code: 'E_BAD_STATE', message: 'the server is shutting down' });
  });

  app.get('/health', async (_req, reply) => {
    // 503 while draining, so a load balancer stops sending work here.
    if (ctx.draining()) void reply.code(503);
    return {
      status: ctx.draining() ? 'draining' : 'ok',
      engineThread: link.thread,
      uptimeSeconds: Math.round((Date.now() - ctx.metrics.startedAtMs) / 1000),
      connections: { agents: ctx.hub.count('agent'), customers: ctx.hub.count('customer') },
    };
  });

  app.get('/metrics', async (_req, reply) => {
    // The state view, not the summary: agents' loads tell engaged from available.
    const text = await renderMetrics(await link.state(), ctx.metrics, ctx.hub);
    return reply.type(METRICS_CONTENT_TYPE).send(text);
  });

  app.get('/api/state', async () => {
    const state = await link.state();
    return { ...state, connections: { agents: ctx.hub.count('agent'), customers: ctx.hub.count('customer') } };
  });

  const admin = { preHandler: (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => checkAdmin(ctx, req, reply, done) };

  app.post('/api/admin/settings', admin, async (req, reply) => {
    const refusal = await runAdmin(ctx, { type: 'setTenant', settings: req.body as Record<string, boolean> });
    if (refusal) return answerRefusal(ctx, reply, refusal);
    return { tenant: (await link.summary()).tenant };
  });

  app.delete<{ Params: { id: string } }>('/api/admin/assets/:id', admin, async (req, reply) => {
    const refusal = await runAdmin(ctx, { type: 'deleteAsset', assetId: req.params.id });
    if (refusal) return answerRefusal(ctx, reply, refusal);
    return { deleted: req.params.id };
  });

  registerDashboard(app, ctx, link);
}

function checkAdmin(ctx: SessionContext, req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void {
  const expected = ctx.options.adminToken;
  const h = req.headers.authorization;
  const given = h !== undefined && h.startsWith('Bearer ') ? h.slice(7) : undefined;
  if (expected !== undefined && given !== undefined && constantTimeEqual(given, expected)) return done();
  ctx.metrics.error('E_UNAUTHORIZED');
  const message = expected === undefined ? 'the admin API is off: start the server with an admin token' : 'admin calls need `Authorization: Bearer <admin token>`';
  void reply.code(401).send({ code: 'E_UNAUTHORIZED', message });
}

function runAdmin(ctx: SessionContext, cmd: Command): Promise<CctwinError | null> {
  if (ctx.draining()) return Promise.resolve({ code: 'E_BAD_STATE', message: 'the server is shutting down' });
  return new Promise((resolve) => ctx.batcher.push({ op: 'engine', cmd, atMs: Date.now() }, resolve));
}

function answerRefusal(ctx: SessionContext, reply: FastifyReply, refusal: CctwinError): FastifyReply {
  ctx.metrics.error(refusal.code);
  return reply.code(STATUS_OF[refusal.code] ?? 409).send(refusal);
}

/** A route's path (`/api/admin/assets/:id`) as a pattern its URLs' paths match. */
function pathPattern(url: string): RegExp {
  const parts = url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}$`);
}
