// Discovery: the U2C service catalog the SDK reads first (the limited one
// without a token, then the full one with it), pointing every service it
// uses at this server: the gateway, and sinks for the client logs and
// metrics the SDK uploads (after an error, or as it goes). The sinks take
// and drop what they get, so an SDK under test never reaches a cloud host.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isRefusal, verifyAccessToken } from './access-tokens.js';
import type { WebexGateway } from './webex-gateway.js';

const UPLOAD_LIMIT_BYTES = 8 * 1024 * 1024;

export function registerU2cRoutes(app: FastifyInstance, gw: WebexGateway): void {
  const catalog = (req: FastifyRequest) => {
    const base = `http://${req.headers.host ?? `${gw.ctx.options.host}:${gw.ctx.options.port}`}`;
    return {
      serviceLinks: { 'wcc-api-gateway': `${base}/wcc`, clientLogs: `${base}/sdk-sinks/logs`, metrics: `${base}/sdk-sinks/metrics` },
      hostCatalog: {}, format: 'hostmap',
    };
  };
  app.get('/u2c/api/v1/limited/catalog', async (req) => catalog(req));
  app.get('/u2c/api/v1/catalog', async (req, reply) => {
    const h = req.headers.authorization;
    const claims = h?.startsWith('Bearer ') ? await verifyAccessToken(gw.ctx.options.secret, gw.dir.orgId, gw.dir.agents, h.slice(7)) : null;
    if (claims === null) return gw.refuse(reply, 401, 'E_UNAUTHORIZED', 'the catalog needs `Authorization: Bearer <access token>`');
    if (isRefusal(claims)) return gw.refuse(reply, 401, claims.code, claims.message);
    return catalog(req);
  });

  app.register(async (sinks) => {
    // Uploads come in any content type; they are read and dropped.
    sinks.removeAllContentTypeParsers();
    sinks.addContentTypeParser('*', { bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, payload, done) => {
      payload.on('data', () => {});
      payload.on('end', () => done(null, undefined));
      payload.on('error', (err) => done(err, undefined));
    });
    sinks.post('/sdk-sinks/logs/logs/urls', async (req) => {
      const base = `http://${req.headers.host}`;
      return { tempURL: `${base}/sdk-sinks/logs/upload/${Date.now().toString(36)}`, logFilename: 'sdk.log', userId: 'agent' };
    });
    sinks.put('/sdk-sinks/logs/upload/:id', async (_req, reply) => reply.code(204).send());
    sinks.post('/sdk-sinks/logs/logs/meta', async (_req, reply) => reply.code(204).send());
    sinks.post('/sdk-sinks/metrics/*', async (_req, reply) => reply.code(204).send());
    // Region discovery, asked for before the catalog: loopback, no region.
    sinks.get('/sdk-sinks/region', async () => ({ clientAddress: '127.0.0.1', clientRegion: 'LOCAL', countryCode: 'ZZ', regionCode: 'LOCAL', timezone: 'UTC' }));
  });
}
