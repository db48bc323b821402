// The HTTP side: health, Prometheus metrics, the state view, the admin calls
// (bearer admin token, compared in constant time), and the live dashboard
// (dashboard/: GET / and GET /api/stream).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Command } from '../../engine/commands.js';
import type { CctwinError, ErrorCode } from '../../engine/errors.js';
import { constantTimeEqual } from './agent-tokens.js';
import { registerDashboard } from './dashboard/dashboard-routes.js';
import type { EngineLink } from './engine-link.js';
import { renderMetrics } from './metrics-page.js';
import type { SessionContext } from './session-context.js';

const STATUS_OF: Partial<Record<ErrorCode, number>> = { E_MALFORMED: 400, E_UNAUTHORIZED: 401, E_UNKNOWN_ASSET: 404, E_INTERNAL: 500 };

export function registerRoutes(app: FastifyInstance, ctx: SessionContext, link: EngineLink): void {
  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode ?? 500;
    const code: ErrorCode = status < 500 ? 'E_MALFORMED' : 'E_INTERNAL';
    ctx.metrics.error(code);
    void reply.code(status).send({ code, message: err.message });
  });

  app.get('/health', async () => ({
    status: ctx.draining() ? 'draining' : 'ok',
    engineThread: link.thread,
    uptimeSeconds: Math.round((Date.now() - ctx.metrics.startedAtMs) / 1000),
    connections: { agents: ctx.hub.count('agent'), customers: ctx.hub.count('customer') },
  }));

  app.get('/metrics', async (_req, reply) => {
    const text = renderMetrics(await link.summary(), ctx.metrics, ctx.hub);
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
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
