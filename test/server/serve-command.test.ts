// `cctwin serve` set-up: secrets from the environment or options, never
// printed (a generated secret only with --print-tokens), tokens as the
// recipe says, bad scenarios and ports answered with exit status 2.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServe, type ServeArgs } from '../../bin/commands/serve.js';
import { agentIdOfToken, type RunningServer } from '../../server/index.js';
import { SMALL_SCENARIO } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const ARGS: ServeArgs = { scenario: SMALL_SCENARIO, set: [], port: 0, host: '127.0.0.1', engineThread: 'main', reconnectGrace: '30s', rateLimit: 50, rateBurst: 100 };

function capture(): { out: { stdout: (t: string) => void; stderr: (t: string) => void }; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  return { out: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, stdout: () => stdout, stderr: () => stderr };
}

async function started(args: Partial<ServeArgs>, env: NodeJS.ProcessEnv = {}): Promise<{ server: RunningServer; stdout: string; stderr: string }> {
  const c = capture();
  const server = await startServe({ ...ARGS, ...args }, env, c.out);
  if (typeof server === 'number') throw new Error(`exit ${server}: ${c.stderr()}`);
  return { server, stdout: c.stdout(), stderr: c.stderr() };
}

describe('cctwin serve', () => {
  it('takes the secret and admin token from the environment and prints neither', async () => {
    const { server, stdout, stderr } = await started({}, { CCTWIN_SECRET: 'env-secret-123', CCTWIN_ADMIN_TOKEN: 'env-admin-456' });
    try {
      expect(server.agentToken('desk-1')).toBe(server.agentToken('desk-1'));
      expect(agentIdOfToken('env-secret-123', server.agentToken('desk-1'))).toBe('desk-1');
      expect(stderr).toContain('agent tokens: derive with');
      expect(stderr).toContain('admin API: on');
      for (const text of [stdout, stderr]) {
        expect(text).not.toContain('env-secret-123');
        expect(text).not.toContain('env-admin-456');
      }
      expect(stdout).toBe('');
    } finally {
      await server.drain();
    }
  });

  it('generates a secret when none is given and shows it only with --print-tokens, with every agent\'s token', async () => {
    const quiet = await started({});
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain('not shown');
    expect(quiet.stderr).toContain('admin API: off');
    await quiet.server.drain();

    const { server, stdout } = await started({ printTokens: true });
    try {
      const lines = stdout.trim().split('\n').map((l) => l.split('\t'));
      expect(lines[0]![0]).toBe('secret');
      const secret = lines[0]![1]!;
      const tokens = lines.slice(1);
      expect(tokens.map(([id]) => id)).toEqual(['desk-1', 'desk-2', 'desk-3', 'sales-1']);
      for (const [id, token] of tokens) expect(agentIdOfToken(secret, token!)).toBe(id);
      const c = await TestClient.agent(server, 'desk-2');
      c.ws.terminate();
      const viaPrinted = await TestClient.open(`${server.wsUrl}/agent?token=${encodeURIComponent(tokens[1]![1]!)}`);
      viaPrinted.ws.terminate();
    } finally {
      await server.drain();
    }
  });

  it('answers 2 for a bad scenario, a bad --reconnect-grace and a port in use', async () => {
    const c = capture();
    expect(await startServe({ ...ARGS, scenario: 'no/such/file.yaml' }, {}, c.out)).toBe(2);
    expect(c.stderr()).toContain('E_SCENARIO_READ');
    expect(await startServe({ ...ARGS, reconnectGrace: 'soon' }, {}, c.out)).toBe(2);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      expect(await startServe({ ...ARGS, port }, {}, c.out)).toBe(2);
      expect(c.stderr()).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });
});
