// The server under benchmark, in its own process so the load client's CPU
// is not the server's: `node serve-child.js <worker|main> <agents>`. Prints
// `{"port": N}` on stdout once listening; SIGTERM drains it.
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenarios/load.js';
import { startServer } from '../../server/index.js';
import { BENCH_SECRET } from './bench-secret.js';

const [thread = 'worker', agents = '200'] = process.argv.slice(2);
if (thread !== 'worker' && thread !== 'main') throw new Error(`engine thread must be worker or main, not ${thread}`);
const scenarioFile = fileURLToPath(new URL('../../../bench/server/bench-center.yaml', import.meta.url));
const server = await startServer({
  scenario: loadScenario(scenarioFile, [`agents.0.count=${agents}`]),
  port: 0,
  secret: BENCH_SECRET,
  engineThread: thread,
  // The benchmark measures the server, not its rate limit.
  rateLimit: { perSecond: 1e9, burst: 1e9, closeAfterRefused: 1e9 },
  maxBufferedBytes: 64 * 1024 * 1024,
});
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.once('SIGTERM', () => void server.drain());
await server.stopped;
