// Short real load runs against an embedded server on a free loopback port:
// 20 agents and their customers as real WebSocket clients, 30 s of scenario
// time at 10x. The counts balance (every conversation in exactly one end
// state, the same on the clients and in the server), masking holds in every
// agent frame and the check finds the values when the tenant stops masking,
// and load.hlog is written as the run goes and read back by HdrHistogram.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HistogramLogReader, type JsHistogram } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadScenario } from '../../scenarios/load.js';
import { scaleScenario } from '../../load/index.js';
import { startServer } from '../../server/index.js';
import { runLoadCommand, type LoadArgs } from '../../bin/commands/load.js';
import { LATENCY_BASES, LOAD_MEASURES, tagOf, type LoadReport } from '../../load/index.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/small-load.yaml', import.meta.url));

function args(over: Partial<LoadArgs>): LoadArgs {
  return { scenario: SCENARIO, speed: 10, drain: '1h', set: [], interval: '1s', piiShare: 0.2, engineThread: 'worker', json: true, ...over };
}

async function run(a: LoadArgs, signal?: AbortSignal): Promise<{ status: number; report: LoadReport; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runLoadCommand(a, signal, {}, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, report: JSON.parse(stdout) as LoadReport, stderr };
}

/** Counts per tag over every interval of a load.hlog, read with hdr-histogram-js's reader. */
function hlogCounts(file: string): { counts: Map<string, number>; intervals: number } {
  const reader = new HistogramLogReader(readFileSync(file, 'utf8'));
  const counts = new Map<string, number>();
  const starts = new Set<number>();
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
    const hdr = h as JsHistogram;
    counts.set(hdr.tag, (counts.get(hdr.tag) ?? 0) + hdr.totalCount);
    starts.add(hdr.startTimeStampMsec);
  }
  return { counts, intervals: starts.size };
}

describe('cctwin load against an embedded server', () => {
  it('plays the scenario to the end: counts balance with the server, no unmasked value reaches an agent, load.hlog holds every measurement', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cctwin-load-'));
    const { status, report } = await run(args({ out }));

    expect(report.stoppedBy).toBe('completed');
    expect(report.balance.checked).toBe(true);
    expect(report.balance.differences).toEqual([]);
    expect(report.balance.balanced).toBe(true);
    expect(report.balance.strayConversations).toBe(0);
    expect(report.balance.foreignConversations).toBe(0);
    expect(report.balance.client.arrived).toBeGreaterThan(30);
    expect(report.balance.client.inProgress).toBe(0);
    expect(report.accounting.balanced).toBe(true);

    expect(report.maskingLeaks.tenantMasks).toBe(true);
    expect(report.maskingLeaks.framesChecked).toBeGreaterThan(report.balance.client.arrived);
    expect(report.maskingLeaks.count).toBe(0);
    expect(status).toBe(0);

    for (const m of LOAD_MEASURES) {
      expect(report.latency[m].fromScheduled.count, m).toBeGreaterThan(0);
      expect(report.latency[m].fromScheduled.count).toBe(report.latency[m].fromSent.count);
      // Each sample from its schedule is at least the same sample from its send.
      expect(report.latency[m].fromScheduled.max).toBeGreaterThanOrEqual(report.latency[m].fromSent.max);
    }
    // One offer latency per conversation offered: every answered one was, no conversation twice.
    expect(report.latency.offer.fromScheduled.count).toBeGreaterThanOrEqual(report.balance.client.answered);
    expect(report.latency.offer.fromScheduled.count).toBeLessThanOrEqual(report.balance.client.arrived);
    expect(report.traffic.errorsByCode).not.toHaveProperty('E_MALFORMED');
    expect(report.traffic.peakConnections).toBeGreaterThan(20);

    const hlog = hlogCounts(join(out, 'load.hlog'));
    for (const m of LOAD_MEASURES) for (const b of LATENCY_BASES) expect(hlog.counts.get(tagOf(m, b)), tagOf(m, b)).toBe(report.latency[m][b].count);
    expect(hlog.intervals).toBeGreaterThanOrEqual(3);
    expect((JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as LoadReport).balance).toEqual(report.balance);
  });

  it('with masking off the checker finds the values (kinds only, never the text); cut short, it still balances and keeps its log', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cctwin-load-'));
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 1_500);
    const { status, report } = await run(args({ out, set: ['tenant.maskSensitiveData=false'], piiShare: 1 }), stop.signal);

    expect(report.stoppedBy).toBe('signal');
    expect(report.maskingLeaks.tenantMasks).toBe(false);
    expect(report.maskingLeaks.count).toBeGreaterThan(0);
    expect(report.maskingLeaks.examples.length).toBeGreaterThan(0);
    for (const e of report.maskingLeaks.examples) expect(Object.keys(e).sort()).toEqual(['field', 'frameType', 'kind']);
    // Leaks are expected when the tenant does not mask: not a failure.
    expect(status).toBe(0);

    // Stopped mid-run: conversations still open are in progress on both sides.
    expect(report.balance.differences).toEqual([]);
    expect(report.balance.balanced).toBe(true);
    expect(report.balance.client.inProgress).toBeGreaterThan(0);
    expect(existsSync(join(out, 'load.hlog'))).toBe(true);
    expect(hlogCounts(join(out, 'load.hlog')).counts.get(tagOf('commandAck', 'fromScheduled'))).toBe(report.latency.commandAck.fromScheduled.count);
  });
});


describe('cctwin load --target', () => {
  it('drives a server it did not start, with its secret, and balances against the change in that server\'s counts', async () => {
    const scenario = loadScenario(SCENARIO);
    const secret = 'target-secret-for-the-test';
    // A server that already had a conversation (over before the run): the run counts only its own.
    const server = await startServer({ scenario: scaleScenario(scenario, 10), secret, port: 0, engineThread: 'worker', rateLimit: { perSecond: 1e6, burst: 1e6 } });
    try {
      const other = new WebSocket(`${server.wsUrl}/customer?channel=whatsapp&customerId=someone-else`);
      await new Promise((resolve) => other.once('open', resolve));
      other.send(JSON.stringify({ type: 'message', text: 'hello, is anyone there?' }));
      other.send(JSON.stringify({ type: 'abandon' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await server.state()).counts).toMatchObject({ arrived: 1, inProgress: 0 });

      const { status, report } = await run(args({ target: server.wsUrl, secret, duration: '2s' }));
      expect(report.target).toBe(server.wsUrl);
      expect(report.stoppedBy).toBe('duration');
      expect(report.generator.includesServer).toBe(false);
      expect(report.balance.differences).toEqual([]);
      expect(report.balance.balanced).toBe(true);
      expect(report.balance.client.arrived).toBeGreaterThan(5);
      expect(report.balance.server!.abandoned).toBe(report.balance.client.abandoned);
      expect((await server.state()).counts.arrived).toBe(report.balance.client.arrived + 1);
      expect(status).toBe(0);
      other.close();
    } finally {
      await server.drain();
    }
  });

  it('refuses a target without the secret (exit 2, nothing started)', async () => {
    let stderr = '';
    const status = await runLoadCommand(args({ target: 'ws://127.0.0.1:9' }), undefined, {}, { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(status).toBe(2);
    expect(stderr).toContain('E_USAGE');
  });
});

describe('cctwin load --target with the wrong secret', () => {
  it('stops before any arrival with exit 2 and says why, without printing the token', async () => {
    const scenario = loadScenario(SCENARIO);
    const server = await startServer({ scenario, secret: 'the-right-secret', port: 0, engineThread: 'main' });
    try {
      let stderr = '';
      const status = await runLoadCommand(args({ target: server.wsUrl, secret: 'a-wrong-secret', duration: '1s' }), undefined, {}, { stdout: () => {}, stderr: (t) => void (stderr += t) });
      expect(status).toBe(2);
      expect(stderr).toContain('HTTP 401');
      expect(stderr).toContain('E_USAGE');
      expect(stderr).not.toContain('token=');
      expect((await server.state()).counts.arrived).toBe(0);
    } finally {
      await server.drain();
    }
  });
});
