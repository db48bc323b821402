// Every HTTP error answers `{code, message}` with a code of engine/errors.ts,
// whoever produced it: an unknown route (404) or method (405), fastify's body
// parsing (bad JSON, unsupported type, too large), bad URLs, and Node's HTTP
// parser (garbage, headers too large, too slow: 408). The header and request
// timeouts are in force while serving, and do not touch WebSockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../engine/errors.js';
import type { RunningServer } from '../../server/index.js';
import { ADMIN_TOKEN, startTestServer } from './helpers/test-server.js';
import { RawConnection } from './helpers/raw-tcp.js';
import { TestClient } from './helpers/ws-client.js';

const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 600;
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS });
});
afterAll(async () => {
  await server.drain();
});

/** The answer's body is exactly {code, message}, with a code of the catalogue. */
function expectError(json: unknown, code: string): void {
  expect(json).toEqual({ code, message: expect.any(String) });
  expect(code in ERRORS).toBe(true);
}

async function call(method: string, path: string, init: { body?: string; type?: string } = {}): Promise<{ status: number; headers: Headers; json: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` };
  if (init.type !== undefined) headers['content-type'] = init.type;
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

describe('HTTP errors', () => {
  it('404 for an unknown route, 405 with Allow for a known path with the wrong method: E_NOT_FOUND', async () => {
    const missing = await call('GET', '/no/such/page?x=1');
    expect(missing.status).toBe(404);
    expectError(missing.json, 'E_NOT_FOUND');
    expect((missing.json as { message: string }).message).toContain('/no/such/page');

    const wrongMethod = await call('GET', '/api/admin/settings');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expectError(wrongMethod.json, 'E_NOT_FOUND');

    const withParam = await call('PUT', '/api/admin/assets/whatsapp:support');
    expect(withParam.status).toBe(405);
    expect(withParam.headers.get('allow')).toBe('DELETE');
  });

  it('a bad body: not JSON, empty, an unsupported type (400/415: E_MALFORMED), too large (413: E_FRAME_TOO_LARGE)', async () => {
    const notJson = await call('POST', '/api/admin/settings', { body: '{not json', type: 'application/json' });
    expect(notJson.status).toBe(400);
    expectError(notJson.json, 'E_MALFORMED');

    const empty = await call('POST', '/api/admin/settings', { body: '', type: 'application/json' });
    expect(empty.status).toBe(400);
    expectError(empty.json, 'E_MALFORMED');

    const text = await call('POST', '/api/admin/settings', { body: 'maskSensitiveData=true', type: 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
    expectError(text.json, 'E_MALFORMED');

    const huge = await call('POST', '/api/admin/settings', { body: JSON.stringify({ pad: 'x'.repeat(100_000) }), type: 'application/json' });
    expect(huge.status).toBe(413);
    expectError(huge.json, 'E_FRAME_TOO_LARGE');
  });

  it('a URL that does not decode: 400 E_MALFORMED', async () => {
    const res = await call('DELETE', '/api/admin/assets/%E0%A4%A');
    expect(res.status).toBe(400);
    expectError(res.json, 'E_MALFORMED');
  });

  it('what Node\'s parser refuses: garbage (400) and headers too large (431), as {code, message}', async () => {
    const garbage = await RawConnection.open(server.port);
    garbage.write('NOT HTTP AT ALL\r\n\r\n');
    const g = await garbage.response();
    expect(g.status).toBe(400);
    expectError(JSON.parse(g.body), 'E_MALFORMED');
    await garbage.closed;

    const big = await RawConnection.open(server.port);
    big.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    const b = await big.response();
    expect(b.status).toBe(431);
    expectError(JSON.parse(b.body), 'E_FRAME_TOO_LARGE');
    await big.closed;
  });

  it('a WebSocket upgrade on an unknown path: 404 E_NOT_FOUND', async () => {
    const err = await TestClient.open(`${server.wsUrl}/nowhere`).catch((e: unknown) => e as { status: number });
    expect(err).toMatchObject({ status: 404 });
    const raw = await RawConnection.open(server.port);
    raw.write('GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    expectError(JSON.parse((await raw.response()).body), 'E_NOT_FOUND');
    raw.destroy();
  });
});

describe('HTTP timeouts while serving', () => {
  it('half a request\'s headers: 408 {code, message} and closed after the headers timeout', async () => {
    const half = await RawConnection.open(server.port);
    half.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const res = await half.response(5000);
    const tookMs = await half.closed;
    expect(res.status).toBe(408);
    expectError(JSON.parse(res.body), 'E_MALFORMED');
    expect(tookMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(tookMs).toBeLessThan(HEADERS_TIMEOUT_MS + 3000);
  });

  it('a connection that sends nothing is closed too', async () => {
    const silent = await RawConnection.open(server.port);
    const tookMs = await silent.closed;
    expect(tookMs).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);
  });

  it('a body that never completes: 408 after the request timeout', async () => {
    const slow = await RawConnection.open(server.port);
    slow.write(`POST /api/admin/settings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"maskSens`);
    const res = await slow.response(5000);
    const tookMs = await slow.closed;
    expect(res.status).toBe(408);
    expectError(JSON.parse(res.body), 'E_MALFORMED');
    expect(tookMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
  });

  it('a WebSocket lives well past both timeouts', async () => {
    const ann = await TestClient.agent(server, 'desk-1');
    await new Promise((resolve) => setTimeout(resolve, 3 * REQUEST_TIMEOUT_MS));
    await ann.ok({ type: 'setState', state: 'idle' });
    expect(ann.ws.readyState).toBe(ann.ws.OPEN);
    await ann.close();
  });
});
