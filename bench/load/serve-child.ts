// The server a load-bench step talks to, in its own process so the load
// generator's CPU is its own: `node serve-child.js <scenario.yaml>`, the
// secret in CCTWIN_SECRET. Prints `{"port": N}` once listening on
// 127.0.0.1; SIGTERM drains it.
import { loadScenario } from '../../scenarios/load.js';
import { startServer } from '../../server/index.js';

const file = process.argv[2];
const secret = process.env.CCTWIN_SECRET;
if (file === undefined || secret === undefined) throw new Error('usage: CCTWIN_SECRET=... node serve-child.js <scenario.yaml>');
const server = await startServer({
  scenario: loadScenario(file),
  host: '127.0.0.1',
  port: 0,
  secret,
  engineThread: 'worker',
  // The bench measures delivery, not the per-connection rate limit.
  rateLimit: { perSecond: 1e9, burst: 1e9, closeAfterRefused: 1e9 },
  maxBufferedBytes: 64 * 1024 * 1024,
});
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.once('SIGTERM', () => void server.drain());
await server.stopped;
