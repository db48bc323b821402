// Shutdown: drain() stops accepting, answers every frame it took, closes
// the sockets with 1001 and stops the engine; SIGTERM does that in a real
// `cctwin serve` process, which then exits 0 without printing its secrets.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { agentToken } from '../../sim/server/index.js';
import { SMALL_SCENARIO, startTestServer } from './helpers/test-server.js';
import { TestClient } from './helpers/ws-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
});

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
});
