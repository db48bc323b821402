// The live dashboard's two routes: GET / (the page) and GET /api/stream (its
// snapshots as server-sent events). The streams end when the server drains.
import type { FastifyInstance } from 'fastify';
import type { EngineLink } from '../engine-link.js';
import type { SessionContext } from '../session-context.js';
import { DASHBOARD_CSP, renderDashboardPage } from './dashboard-page.js';
import { SnapshotStream } from './snapshot-stream.js';
import { streamSnapshot } from './stream-snapshot.js';

export function registerDashboard(app: FastifyInstance, ctx: SessionContext, link: EngineLink): SnapshotStream {
  const stream = new SnapshotStream(async () => streamSnapshot({
    state: { ...(await link.state()), connections: { agents: ctx.hub.count('agent'), customers: ctx.hub.count('customer') } },
    socketLoopDelay: ctx.metrics.loop.read(),
    nowMs: Date.now(),
    startedAtMs: ctx.metrics.startedAtMs,
  }), { onError: (err) => ctx.options.log(`dashboard snapshot failed: ${err.message}`) });
  // Before the HTTP server waits for in-flight responses, which open streams are.
  app.addHook('preClose', (done) => {
    stream.closeAll();
    done();
  });

  let page: string | undefined;
  app.get('/', async (_req, reply) => {
    page ??= renderDashboardPage({ scenario: ctx.options.scenario.name });
    return reply.type('text/html; charset=utf-8').header('content-security-policy', DASHBOARD_CSP).header('cache-control', 'no-store').send(page);
  });

  app.get('/api/stream', async (req, reply) => {
    if (ctx.draining()) return reply.code(503).send({ code: 'E_BAD_STATE', message: 'the server is shutting down' });
    reply.hijack();
    stream.open(req.raw, reply.raw);
  });
  return stream;
}
