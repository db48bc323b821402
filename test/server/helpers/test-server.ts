// Starts a real twin server on a free loopback port for a test.
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../../scenarios/load.js';
import { startServer, type RunningServer, type ServerOptions } from '../../../sim/server/index.js';

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
