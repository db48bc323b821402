// Starts a real twin server on a free loopback port for a test, or one for a
// whole test file.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { loadScenario } from '../../../scenarios/load.js';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/index.js';
import type { TestClient } from './ws-client.js';

export const TEST_SECRET = 'test-secret-not-for-production';
export const ADMIN_TOKEN = 'test-admin-token';
export const SMALL_SCENARIO = fileURLToPath(new URL('../fixtures/small.yaml', import.meta.url));

export async function startTestServer(overrides: Partial<ServerOptions> = {}, scenarioOverrides: string[] = []): Promise<RunningServer> {
  return startServer({
    scenario: loadScenario(SMALL_SCENARIO, scenarioOverrides),
    host: '127.0.0.1',
    port: 0,
    secret: TEST_SECRET,
    adminToken: ADMIN_TOKEN,
    engineThread: 'worker',
    ...overrides,
  });
}

export async function adminCall(server: RunningServer, method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * One server for a whole test file: started before the first test, drained
 * after the last, with every client the tests `track` terminated first.
 */
export interface FileServer {
  /** The running server (from the first test on). */
  readonly server: RunningServer;
  /** Keeps a client so the file's end closes it. */
  track<T extends TestClient>(client: Promise<T>): Promise<T>;
}

export function serverForFile(overrides: Partial<ServerOptions> = {}, scenarioOverrides: string[] = []): FileServer {
  let running: RunningServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    running = await startTestServer(overrides, scenarioOverrides);
  });
  afterAll(async () => {
    for (const c of clients) c.ws.terminate();
    await running?.drain();
  });
  return {
    get server(): RunningServer {
      if (running === undefined) throw new Error('the file server starts in beforeAll: use it inside a test');
      return running;
    },
    async track(client) {
      const c = await client;
      clients.push(c);
      return c;
    },
  };
}
