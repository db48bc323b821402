// Shutdown: drain() stops accepting, answers every frame it took, closes
// the sockets with 1001 and stops the engine; SIGTERM does that in a real
// `cctwin serve` process, which then exits 0 without printing its secrets.
// The drain is bounded: connections that hold no work (nothing sent, half a
// request) close when it starts; at --drain-timeout whatever is left (a
// WebSocket that never answers its close) is destroyed, `stopped` resolves
// to a DrainForced and serve exits 4.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EXIT_DRAIN_FORCED, EXIT_OK } from '../../bin/exit-codes.js';
import { agentToken } from '../../server/index.js';
import { DrainForced } from '../../server/index.js';
import { RawConnection } from './helpers/raw-tcp.js';
import { SERVE_BUILT, startServeProcess } from './helpers/serve-process.js';
import { TcpRelay } from './helpers/tcp-relay.js';
import { SMALL_SCENARIO, startTestServer } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('drain', () => {
  it.each(['worker', 'main'] as const)('answers what it took, closes every socket with 1001 and stops (engine on the %s thread)', async (engineThread) => {
    const server = await startTestServer({ engineThread });
    const ann = await TestClient.agent(server, 'desk-1');
    await ann.ok({ type: 'setState', state: 'available' });
    const cust = await TestClient.customer(server, 'whatsapp', 'c-drain');
    await cust.ok({ type: 'message', text: 'hello' });
    const offer = await ann.next('offer');
    await ann.ok({ type: 'accept', offerId: offer.offerId });
    for (let i = 0; i < 20; i++) ann.send({ type: 'reply', conversationId: offer.conversationId, text: `reply ${i}`, ref: i });
    await ann.next('ack', { ref: 0 });
    const drained = server.drain();
    const [annClosed, custClosed] = await Promise.all([ann.closed, cust.closed]);
    await drained;
    expect(annClosed.code).toBe(1001);
    expect(custClosed.code).toBe(1001);
    // Every frame was answered: done (ack), or refused because the server was stopping.
    for (let i = 0; i < 20; i++) {
      const answer = ann.log.find((f) => (f.type === 'ack' || f.type === 'error') && f.ref === i);
      expect(answer, `reply ${i}`).toBeDefined();
      if (answer!.type === 'error') expect(answer!.code).toBe('E_BAD_STATE');
    }
    // What was acked reached the customer.
    const acked = ann.log.filter((f) => f.type === 'ack' && typeof f.ref === 'number').length;
    expect(cust.taken('message').length).toBe(acked);
    expect(await server.stopped).toBeNull();
    await expect(TestClient.open(`${server.wsUrl}/customer?channel=sms&customerId=late`)).rejects.toThrow();
    await server.drain(); // twice is fine
  });

  it('closes at once the connections that hold no work: nothing sent, half the headers, half a body, idle keep-alive', async () => {
    const server = await startTestServer({ drainTimeoutMs: 20_000 });
    const raws = await holdingNoWork(server);
    const started = performance.now();
    await server.drain();
    expect(performance.now() - started).toBeLessThan(5000); // far below the bound
    for (const raw of raws) expect(raw.isClosed || (await Promise.race([raw.closed.then(() => true), sleep(1000).then(() => false)]))).toBe(true);
    expect(await server.stopped).toBeNull();
  });

  it('at the bound destroys a WebSocket that never finishes its close handshake; stopped resolves to a DrainForced', async () => {
    const server = await startTestServer({ drainTimeoutMs: 500 });
    const relay = await TcpRelay.start(server.port);
    try {
      const frozen = await TestClient.open(relay.wsUrl(`/agent?token=${encodeURIComponent(server.agentToken('desk-1'))}`));
      await frozen.next('state');
      const fine = await TestClient.agent(server, 'desk-2');
      relay.freeze();
      const started = performance.now();
      await server.drain();
      const tookMs = performance.now() - started;
      expect(tookMs).toBeGreaterThanOrEqual(450);
      expect(tookMs).toBeLessThan(5000);
      expect((await fine.closed).code).toBe(1001);
      const outcome = await server.stopped;
      expect(outcome).toBeInstanceOf(DrainForced);
      expect(outcome).toMatchObject({ connections: 1, afterMs: 500 });
    } finally {
      await relay.close();
    }
  });
});

/** Connections that hold no work: one that sent nothing, half a request's headers, headers and half a body, an idle keep-alive one. */
async function holdingNoWork(server: { port: number }): Promise<RawConnection[]> {
  const silent = await RawConnection.open(server.port);
  const halfHeaders = await RawConnection.open(server.port);
  halfHeaders.write('GET /health HTTP/1.1\r\nHost: x\r\n');
  const halfBody = await RawConnection.open(server.port);
  halfBody.write('POST /api/admin/settings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"mask');
  const keepAlive = await RawConnection.open(server.port);
  keepAlive.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  expect((await keepAlive.response()).status).toBe(200);
  await sleep(100); // the server has read the halves
  return [silent, halfHeaders, halfBody, keepAlive];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('SIGTERM', () => {
  const serveModule = `${ROOT}dist/bin/commands/serve.js`;
  it.skipIf(!existsSync(serveModule))('drains a real server process, which exits 0 and never printed its secrets', async () => {
    const secret = 'sigterm-test-secret';
    const admin = 'sigterm-admin-token';
    const script = `
      const { runServe } = await import(${JSON.stringify(serveModule)});
      process.exitCode = await runServe({ scenario: ${JSON.stringify(SMALL_SCENARIO)}, set: [], port: 0, host: '127.0.0.1',
        engineThread: 'worker', reconnectGrace: '30s', rateLimit: 50, rateBurst: 100 });`;
    const file = join(mkdtempSync(join(tmpdir(), 'cctwin-serve-')), 'serve.mjs');
    writeFileSync(file, script);
    const child = spawn(process.execPath, [file], {
      cwd: ROOT, env: { ...process.env, CCTWIN_SECRET: secret, CCTWIN_ADMIN_TOKEN: admin }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ws = new WebSocket(`${url.replace('http', 'ws')}/agent?token=${encodeURIComponent(agentToken(secret, 'desk-1'))}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      ws.once('message', resolve);
      ws.once('error', reject);
    });
    child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
    expect(stderr).toContain('agent tokens: derive with');
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(admin);
    }
  });

  it.skipIf(!SERVE_BUILT)('exits 0 within the bound with a silent connection and half-sent requests open', async () => {
    const serve = await startServeProcess({ drainTimeout: '1s' });
    const raws = await holdingNoWork(serve);
    const started = performance.now();
    serve.child.kill('SIGTERM');
    const { status } = await serve.exited;
    const tookMs = performance.now() - started;
    expect(status).toBe(EXIT_OK);
    expect(tookMs).toBeLessThan(5000);
    for (const raw of raws) await raw.closed;
  });

  it.skipIf(!SERVE_BUILT)('exits 4 (EXIT_DRAIN_FORCED) when the bound had to destroy a WebSocket that never answered its close', async () => {
    const secret = 'forced-drain-secret';
    const serve = await startServeProcess({ drainTimeout: '1s' }, { CCTWIN_SECRET: secret });
    const relay = await TcpRelay.start(serve.port);
    try {
      const frozen = await TestClient.open(relay.wsUrl(`/agent?token=${encodeURIComponent(agentToken(secret, 'desk-1'))}`));
      await frozen.next('state');
      relay.freeze();
      const raws = await holdingNoWork(serve);
      const started = performance.now();
      serve.child.kill('SIGTERM');
      const { status } = await serve.exited;
      const tookMs = performance.now() - started;
      expect(status).toBe(EXIT_DRAIN_FORCED);
      expect(tookMs).toBeGreaterThanOrEqual(900);
      expect(tookMs).toBeLessThan(5000);
      expect(serve.stderr()).toMatch(/1 connection still open after 1000 ms, closed forcibly/);
      for (const raw of raws) await raw.closed;
    } finally {
      await relay.close();
    }
  });
});
