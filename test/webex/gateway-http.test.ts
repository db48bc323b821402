// The SDK gateway's HTTP side without the SDK: who may call it (access
// tokens, org, the notification ticket), and what bad input gets: a 4xx
// `{code, message}` over HTTP and, when the agent's notification socket is
// open, the failure event the SDK waits for, with the reason. Nothing
// refused changes the engine's state.
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { startServer, type RunningServer } from '../../server/index.js';
import { mintAccessToken } from '../../server/webex/access-tokens.js';
import { startServe } from '../../bin/commands/serve.js';
import { runToken } from '../../bin/commands/token.js';
import { verifyAccessToken } from '../../server/webex/access-tokens.js';

const SECRET = 'gateway-test-secret';
const ORG = 'org-test-7';
const SCENARIO = fileURLToPath(new URL('./fixtures/webex.yaml', import.meta.url));

type Answer = { status: number; json: Record<string, unknown> };

describe('the agent SDK gateway over HTTP', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ scenario: loadScenario(SCENARIO), host: '127.0.0.1', port: 0, secret: SECRET, engineThread: 'main', webex: true, heartbeatIntervalMs: 0, rateLimit: { perSecond: 20, burst: 20 } });
    token = await mintAccessToken(SECRET, 'desk-1', ORG);
  });
  afterAll(() => server?.drain());

  const call = async (method: string, path: string, opts: { token?: string | null; body?: string } = {}): Promise<Answer> => {
    const headers: Record<string, string> = {};
    const t = opts.token === undefined ? token : opts.token;
    if (t !== null) headers.authorization = `Bearer ${t}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, { method, headers, ...(opts.body === undefined ? {} : { body: opts.body }) });
    const text = await res.text();
    return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };

  /** Subscribes and opens the notification socket; resolves once Welcome came, with every later message collected. */
  const openNotifications = async (t = token): Promise<{ ws: WebSocket; messages: Record<string, unknown>[]; next: (type: string) => Promise<Record<string, unknown>>; url: string }> => {
    const sub = await call('POST', '/wcc/v1/notification/subscribe', { token: t, body: '{}' });
    const url = sub.json.webSocketUrl as string;
    const ws = new WebSocket(url);
    const messages: Record<string, unknown>[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (d) => {
      messages.push(JSON.parse(String(d)) as Record<string, unknown>);
      for (const w of waiters.splice(0)) w();
    });
    const next = (type: string) => new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} within 3 s`)), 3000);
      const look = () => {
        const i = messages.findIndex((m) => (m.data as { type?: string } | undefined)?.type === type || m.type === type);
        if (i >= 0) {
          clearTimeout(timer);
          resolve(messages.splice(i, 1)[0]!);
        } else waiters.push(look);
      };
      look();
    });
    await next('Welcome');
    return { ws, messages, next, url };
  };

  it('serves the limited catalog to anyone and the full one to a token holder, pointing at itself', async () => {
    const limited = await call('GET', `/u2c/api/v1/limited/catalog?orgId=${ORG}&format=hostmap`, { token: null });
    expect(limited.status).toBe(200);
    expect((limited.json.serviceLinks as Record<string, string>)['wcc-api-gateway']).toBe(`${server.url}/wcc`);
    expect((await call('GET', '/u2c/api/v1/catalog?format=hostmap', { token: null })).status).toBe(401);
    expect((await call('GET', '/u2c/api/v1/catalog?format=hostmap')).status).toBe(200);
  });

  it('refuses a missing, forged, foreign, expired or unknown-agent token with 401', async () => {
    const key = new TextEncoder().encode(SECRET);
    const cases: [string | null, string][] = [
      [null, 'E_UNAUTHORIZED'],
      ['not-a-jwt', 'E_UNAUTHORIZED'],
      [await mintAccessToken('another-secret', 'desk-1', ORG), 'E_UNAUTHORIZED'],
      [await mintAccessToken(SECRET, 'desk-1', 'another-org'), 'E_UNAUTHORIZED'],
      [await mintAccessToken(SECRET, 'nobody-9', ORG), 'E_UNAUTHORIZED'],
      [await new SignJWT({ realm: ORG }).setProtectedHeader({ alg: 'HS256' }).setSubject('desk-1').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key), 'E_TOKEN_EXPIRED'],
      [await new SignJWT({ realm: ORG }).setProtectedHeader({ alg: 'HS384' }).setSubject('desk-1').sign(key), 'E_UNAUTHORIZED'],
    ];
    for (const [t, code] of cases) {
      const answer = await call('POST', '/wcc/v1/notification/subscribe', { token: t, body: '{}' });
      expect(answer, String(t)).toMatchObject({ status: 401, json: { code } });
    }
  });

  it('reads the profile of the token\'s own agent only, in the token\'s org only', async () => {
    expect((await call('GET', `/wcc/organization/${ORG}/user/by-ci-user-id/desk-1`)).json).toMatchObject({ ciUserId: 'desk-1', teamIds: ['desk'] });
    expect((await call('GET', `/wcc/organization/${ORG}/user/by-ci-user-id/desk-2`)).status).toBe(403);
    expect((await call('GET', '/wcc/organization/another-org/user/by-ci-user-id/desk-1')).status).toBe(403);
  });

  it('answers an unknown route 404 and an oversize body 413, as JSON', async () => {
    expect(await call('GET', '/wcc/v1/no/such/route')).toMatchObject({ status: 404, json: { code: 'E_NOT_FOUND' } });
    expect(await call('POST', '/wcc/v1/agents/login', { body: JSON.stringify({ teamId: 'x'.repeat(70_000) }) })).toMatchObject({ status: 413, json: { code: 'E_FRAME_TOO_LARGE' } });
  });

  it('opens the notification socket once per ticket: a second use is refused', async () => {
    const n = await openNotifications();
    const again = new WebSocket(n.url);
    const status = await new Promise<number>((resolve) => {
      again.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      again.on('open', () => resolve(101));
      again.on('error', () => {});
    });
    expect(status).toBe(401);
    n.ws.close();
  });

  it('answers bad input with a 4xx and the failure event with the reason; nothing changes', async () => {
    const n = await openNotifications();
    const before = (await server.state()).agents.find((a) => a.agentId === 'desk-1');
    const login = await call('POST', '/wcc/v1/agents/login', { body: '[1, 2]' });
    expect(login).toMatchObject({ status: 400, json: { code: 'E_MALFORMED' } });
    expect((await n.next('AgentStationLoginFailed')).data).toMatchObject({ reason: expect.stringMatching(/^E_MALFORMED/), reasonCode: 400 });
    const state = await call('PUT', '/wcc/v1/agents/session/state', { body: JSON.stringify({ state: 'Available', auxCodeId: '0' }) });
    expect(state).toMatchObject({ status: 409, json: { code: 'E_BAD_STATE' } });
    expect((await n.next('AgentStateChangeFailed')).data).toMatchObject({ reason: expect.stringContaining('station') });
    const end = await call('POST', '/wcc/v1/tasks/999/end', { body: '{}' });
    expect(end).toMatchObject({ status: 404, json: { code: 'E_UNKNOWN_CONVERSATION' } });
    expect((await n.next('AgentContactEndFailed')).data).toMatchObject({ interactionId: '999', reason: expect.stringMatching(/^E_UNKNOWN_CONVERSATION/) });
    // A failure the SDK would apply to a task it does not hold is answered over HTTP only.
    expect((await call('POST', '/wcc/v1/tasks/999/accept', { body: '{}' })).status).toBe(404);
    expect((await call('POST', '/wcc/v1/agents/login', { body: JSON.stringify({ teamId: 'no-team' }) })).status).toBe(400);
    expect((await server.state()).agents.find((a) => a.agentId === 'desk-1')).toEqual(before);
    expect(n.messages.filter((m) => (m.data as { type?: string } | undefined)?.type === 'AgentContactAssignFailed')).toEqual([]);
    n.ws.close();
  });

  it('a native desktop of the same agent replaces the SDK\'s socket: the SDK is told (multi-login) and the socket closes 4001', async () => {
    const t = await mintAccessToken(SECRET, 'expert-1', ORG);
    const n = await openNotifications(t);
    const closed = new Promise<number>((resolve) => n.ws.on('close', (code) => resolve(code)));
    const native = new WebSocket(`${server.wsUrl}/agent?token=${encodeURIComponent(server.agentToken('expert-1'))}`);
    await new Promise((resolve) => native.once('open', resolve));
    await n.next('AGENT_MULTI_LOGIN');
    expect(await closed).toBe(4001);
    native.close();
  });

  it('limits each agent\'s requests like the native protocol\'s frames', async () => {
    const t = await mintAccessToken(SECRET, 'desk-2', ORG);
    const answers = await Promise.all(Array.from({ length: 200 }, () => call('POST', '/wcc/v1/agents/reload', { token: t, body: '{}' })));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.json.code).toBe('E_RATE_LIMITED');
    // Another agent is not slowed by it.
    expect((await call('GET', `/wcc/organization/${ORG}`)).status).toBe(200);
  });

  it('`cctwin serve --webex` mounts the gateway and says where; without --webex it is not there', async () => {
    let stderr = '';
    const out = { stdout: () => {}, stderr: (t: string) => (stderr += t) };
    const base = { scenario: SCENARIO, set: [], port: 0, host: '127.0.0.1', engineThread: 'main' as const, reconnectGrace: '30s', rateLimit: 50, rateBurst: 100 };
    const on = await startServe({ ...base, webex: true }, { CCTWIN_SECRET: SECRET }, out);
    const off = await startServe(base, { CCTWIN_SECRET: SECRET }, out);
    if (typeof on === 'number' || typeof off === 'number') throw new Error(stderr);
    try {
      expect(stderr).toContain(`agent SDK: U2C catalog at ${on.url}/u2c/api/v1`);
      const t = await mintAccessToken(SECRET, 'desk-1', ORG);
      expect((await fetch(`${on.url}/u2c/api/v1/catalog`, { headers: { authorization: `Bearer ${t}` } })).status).toBe(200);
      expect((await fetch(`${off.url}/u2c/api/v1/catalog`, { headers: { authorization: `Bearer ${t}` } })).status).toBe(404);
    } finally {
      await on.drain();
      await off.drain();
    }
  });

  it('`cctwin token` prints a token this server takes', async () => {
    let printed = '';
    const status = await runToken({ agent: 'expert-1', scenario: SCENARIO, set: [], expires: '1h' }, { CCTWIN_SECRET: SECRET }, { stdout: (t) => (printed += t), stderr: () => {} });
    expect(status).toBe(0);
    expect(await verifyAccessToken(SECRET, ORG, new Set(['expert-1']), printed.trim())).toEqual({ agentId: 'expert-1', orgId: ORG });
    expect(await runToken({ agent: 'expert-1', scenario: SCENARIO, set: [] }, {}, { stdout: () => {}, stderr: () => {} })).toBe(2);
  });
});
