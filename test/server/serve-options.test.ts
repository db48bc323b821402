// serve's drain and heartbeat options: listed by --help with their defaults,
// checked (a bad duration exits 2), passed to the server; and the exit
// status each way of stopping maps to.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitStatusOf, startServe, type ServeArgs } from '../../bin/commands/serve.js';
import { EXIT_DRAIN_FORCED, EXIT_INTERNAL, EXIT_OK } from '../../bin/exit-codes.js';
import { DrainForced } from '../../server/index.js';
import { SMALL_SCENARIO } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${ROOT}dist/bin/cctwin.js`;
const ARGS: ServeArgs = { scenario: SMALL_SCENARIO, set: [], port: 0, host: '127.0.0.1', engineThread: 'main', reconnectGrace: '30s', rateLimit: 50, rateBurst: 100 };

function quiet(): { stdout: (t: string) => void; stderr: (t: string) => void; text: () => string } {
  let text = '';
  return { stdout: (t) => (text += t), stderr: (t) => (text += t), text: () => text };
}

describe('serve options', () => {
  it.skipIf(!existsSync(CLI))('--help lists --drain-timeout, --heartbeat-interval and --heartbeat-timeout with their defaults', () => {
    const help = spawnSync(process.execPath, [CLI, 'serve', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--drain-timeout .*\[default: "10s"\]/);
    expect(text).toMatch(/--heartbeat-interval .*\[default: "15s"\]/);
    expect(text).toMatch(/--heartbeat-timeout .*\[default: "30s"\]/);
  });

  it('a bad duration, or a heartbeat timeout of 0, is bad input (2) naming the option', async () => {
    for (const [args, option] of [
      [{ drainTimeout: 'soon' }, '--drain-timeout'], [{ heartbeatInterval: '-1s' }, '--heartbeat-interval'], [{ heartbeatTimeout: '0s' }, '--heartbeat-timeout'],
    ] as const) {
      const out = quiet();
      expect(await startServe({ ...ARGS, ...args }, {}, out)).toBe(2);
      expect(out.text()).toContain(option);
    }
  });

  it('passes the heartbeat interval to the server: a client is pinged at that pace', async () => {
    const server = await startServe({ ...ARGS, heartbeatInterval: '50ms', heartbeatTimeout: '1s', drainTimeout: '2s' }, {}, quiet());
    if (typeof server === 'number') throw new Error(`exit ${server}`);
    try {
      const ann = await TestClient.agent(server, 'desk-1');
      let pings = 0;
      ann.ws.on('ping', () => pings++);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(pings).toBeGreaterThanOrEqual(4);
      ann.ws.terminate();
    } finally {
      await server.drain();
    }
  });

  it('maps how the server stopped to the exit status: clean 0, forced drain 4, engine failure 3', () => {
    expect(exitStatusOf(null)).toBe(EXIT_OK);
    expect(exitStatusOf(new DrainForced(2, 10_000))).toBe(EXIT_DRAIN_FORCED);
    expect(exitStatusOf(new Error('engine worker exited'))).toBe(EXIT_INTERNAL);
    expect(new DrainForced(2, 10_000).message).toBe('the drain took longer than 10000 ms: 2 connections forcibly closed');
  });
});
