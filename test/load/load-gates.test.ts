// `cctwin load` as a CI gate, on real short load runs (the small center, 10 s
// of scenario at 10x): the scenario's budgets judged on the load report
// (load latencies from the schedule and from the send, load-only figures
// judged, run-only ones skipped), the exit status, --junit with a testcase per
// budget and for the masking and balance checks, a masking leak failing the
// run, and a target shared with other traffic reported but not failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadScenario } from '../../scenarios/load.js';
import { scaleScenario } from '../../load/index.js';
import { agentToken, startServer } from '../../server/index.js';
import { verdictOf } from '../../reports/budgets/evaluate-budgets.js';
import { BALANCE_CHECK, MASKING_CHECK } from '../../load/load-checks.js';
import { NOT_MEASURED_BY_LOAD } from '../../load/load-figures.js';
import { loadArgs, loadSchemaErrors, runCommand, SCENARIO, setBudgets, SHORT, type LoadReport } from './load-helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cctwin-load-gates-'));

/** The testcases of a JUnit file: name, and failure / skipped message if any. */
function testcases(xml: string): { name: string; failure?: string; skipped?: string }[] {
  const out: { name: string; failure?: string; skipped?: string }[] = [];
  for (const m of xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = m[2] ?? '';
    const failure = /<failure[^>]*message="([^"]*)"/.exec(body)?.[1];
    const skipped = /<skipped message="([^"]*)"/.exec(body)?.[1];
    out.push({ name: m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), ...(failure ? { failure } : {}), ...(skipped ? { skipped } : {}) });
  }
  return out;
}

describe('cctwin load budgets, exit status and --junit', () => {
  it('exits 1 when a budget fails; JUnit has the failure, a testcase for each check, and skips what a load run does not measure', async () => {
    const out = tmp();
    const junit = join(out, 'load.xml');
    const r = await runCommand(loadArgs({
      out, junit, quiet: false,
      set: [SHORT, setBudgets('customerToAgent.p99 <= 1us', 'customerToAgent.fromSent.count >= 1', 'engine.route.p99 <= 200us', 'simulated.events >= 1')],
    }));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as LoadReport;
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(loadSchemaErrors(report)).toBe('');

    // Load-only figures are judged: the p99 from the schedule (µs, as recorded) and the count from the send.
    expect(report.budgets.map(verdictOf)).toEqual(['FAIL', 'PASS', 'SKIP', 'SKIP']);
    expect(report.budgets[0]).toMatchObject({ value: report.latency.customerToAgent.fromScheduled.p99, unit: 'us', pass: false });
    expect(report.budgets[0]!.value).toBeGreaterThan(1);
    expect(report.budgets[1]!.value).toBe(report.latency.customerToAgent.fromSent.count);
    // A run-only figure is skipped with the reason, not failed.
    expect(report.budgets[2]!.skipped).toContain(NOT_MEASURED_BY_LOAD);
    expect(report.budgets[3]!.skipped).toContain(NOT_MEASURED_BY_LOAD);
    expect(report.checks.map(verdictOf)).toEqual(['PASS', 'PASS']);

    const cases = testcases(readFileSync(junit, 'utf8'));
    expect(cases.map((c) => c.name)).toEqual([...report.budgets.map((b) => b.budget), MASKING_CHECK, BALANCE_CHECK]);
    expect(cases[0]!.failure).toContain(`the figure is ${report.budgets[0]!.value} us`);
    expect(cases[2]!.skipped).toContain(NOT_MEASURED_BY_LOAD);
    expect(cases.filter((c) => c.failure)).toHaveLength(1);
    expect(readFileSync(junit, 'utf8')).toContain('tests="6" failures="1" skipped="2"');

    // The text report carries the verdicts.
    expect(r.stdout).toMatch(/customerToAgent\.p99 <= 1us\s+\S+\s+FAIL/);
    expect(r.stdout).toMatch(/engine\.route\.p99 <= 200us\s+—\s+SKIP/);
    expect(r.stdout).toContain('FAIL: 1 of 4 judged failed: customerToAgent.p99 <= 1us');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('exits 0 when every budget it can judge holds, the latency budgets from the schedule and from the send among them', async () => {
    const junit = join(tmp(), 'load.xml');
    const r = await runCommand(loadArgs({
      json: true, junit,
      set: [SHORT, setBudgets('customerToAgent.p99 <= 30s', 'offer.fromSent.p99 <= 30s', 'commandAck.max <= 1m', 'answerTime.p90 <= 1h', 'conversations.arrived >= 1', 'agents.count == 20', 'wall.seconds <= 1m', 'waitProbability <= 50%')],
    }));
    const report = JSON.parse(r.stdout) as LoadReport;
    expect(loadSchemaErrors(report)).toBe('');
    expect(report.budgets.map(verdictOf)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'SKIP']);
    // Each read in the metric's unit: latencies µs, simulated times ms, wall time s.
    expect(report.budgets[1]!.value).toBe(report.latency.offer.fromSent.p99);
    expect(report.budgets[3]!.value).toBe(report.histograms.answerTime.p90);
    expect(report.budgets[6]!.value).toBe(report.wall.seconds);
    expect(r.status).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('tests="10" failures="0" skipped="1"');
  });
});

describe('the built `cctwin load` in a child process', () => {
  it('takes --junit and --out, and its exit status says a budget failed', () => {
    const out = tmp();
    const junit = join(out, 'load.xml');
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'bin', 'cctwin.js'), 'load', SCENARIO, '--speed', '10', '--set', SHORT,
      '--set', setBudgets('commandAck.fromSent.p50 <= 1us', 'conversations.arrived >= 1'), '--junit', junit, '--out', out, '--quiet'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    const cases = testcases(readFileSync(junit, 'utf8'));
    expect(cases.map((c) => [c.name, c.failure !== undefined])).toEqual([
      ['commandAck.fromSent.p50 <= 1us', true], ['conversations.arrived >= 1', false], [MASKING_CHECK, false], [BALANCE_CHECK, false],
    ]);
    for (const f of ['load.hlog', 'report.json', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
  });
});

describe('cctwin load: a budget that does not parse', () => {
  it('exits 2 before anything runs, naming the budget and what was wrong', async () => {
    const r = await runCommand(loadArgs({ set: [setBudgets('customerToAgent.p99 <= 50')] }));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('budgets.0');
    expect(r.stderr).toContain('customerToAgent.p99 is a time: give a unit');
  });
  it('exits 2 before anything runs when --junit cannot be written', () => {
    const dir = tmp();
    const junit = join(dir, 'missing', 'load.xml');
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'bin', 'cctwin.js'), 'load', SCENARIO, '--speed', '10', '--junit', junit, '--out', join(dir, 'out')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write --junit ${junit}`);
    expect(existsSync(join(dir, 'out', 'load.hlog'))).toBe(false);
  });
});

describe('cctwin load: the masking check gates the run', () => {
  it('exits 1 when unmasked values reach agents while the tenant masks (a target whose masking is off), and JUnit shows the leak', async () => {
    // The server plays the scenario with masking off; the load run's scenario says the tenant masks.
    const serverScenario = scaleScenario(loadScenario(SCENARIO, [SHORT, 'tenant.maskSensitiveData=false']), 10);
    const secret = 'leak-test-secret';
    const server = await startServer({ scenario: serverScenario, secret, port: 0, engineThread: 'main', rateLimit: { perSecond: 1e6, burst: 1e6 } });
    try {
      const junit = join(tmp(), 'load.xml');
      const r = await runCommand(loadArgs({ json: true, junit, target: server.wsUrl, secret, piiShare: 1, duration: '4s', set: [SHORT] }));
      const report = JSON.parse(r.stdout) as LoadReport;
      expect(report.maskingLeaks.tenantMasks).toBe(true);
      expect(report.maskingLeaks.count).toBeGreaterThan(0);
      expect(report.checks[0]).toMatchObject({ budget: MASKING_CHECK, value: report.maskingLeaks.count, pass: false });
      // Nothing else failed: the balance with a target no one else uses is exact, and it holds.
      expect(report.balance).toMatchObject({ checked: true, exact: true, balanced: true });
      expect(report.checks[1]).toMatchObject({ budget: BALANCE_CHECK, pass: true });
      expect(r.status).toBe(1);
      const leak = testcases(readFileSync(junit, 'utf8')).find((c) => c.name === MASKING_CHECK)!;
      expect(leak.failure).toContain(`the figure is ${report.maskingLeaks.count}`);
    } finally {
      await server.drain();
    }
  });

  it('with the tenant not masking, leaks are expected: the check is skipped, with the count, and the run passes', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 1_000);
    const r = await runCommand(loadArgs({ json: true, piiShare: 1, set: ['tenant.maskSensitiveData=false'] }), stop.signal);
    const report = JSON.parse(r.stdout) as LoadReport;
    expect(report.maskingLeaks.count).toBeGreaterThan(0);
    expect(verdictOf(report.checks[0]!)).toBe('SKIP');
    expect(report.checks[0]!.skipped).toContain(`${report.maskingLeaks.count} value`);
    expect(r.status).toBe(0);
  });
});

describe('cctwin load --target shared with other traffic', () => {
  it('reports why the balance cannot be exact and does not fail on it', async () => {
    const secret = 'shared-target-secret';
    const server = await startServer({ scenario: scaleScenario(loadScenario(SCENARIO, [SHORT]), 10), secret, port: 0, engineThread: 'main', rateLimit: { perSecond: 1e6, burst: 1e6 } });
    // Someone else's customer, connected before the run and writing during it: the run's agents get that conversation too.
    const other = new WebSocket(`${server.wsUrl}/customer?channel=whatsapp&customerId=someone-else`);
    try {
      await new Promise((resolve) => other.once('open', resolve));
      const writes = setTimeout(() => other.send(JSON.stringify({ type: 'message', text: 'hello, anyone there?' })), 300);
      const junit = join(tmp(), 'load.xml');
      const r = await runCommand(loadArgs({ json: true, junit, target: server.wsUrl, secret, duration: '3s', set: [SHORT] }));
      clearTimeout(writes);
      const report = JSON.parse(r.stdout) as LoadReport;
      expect(loadSchemaErrors(report)).toBe('');
      expect(report.balance.checked).toBe(true);
      expect(report.balance.exact).toBe(false);
      expect(report.balance.otherTraffic).toContain('1 customer connection(s) were open on the target before this run\'s first arrival');
      expect(report.balance.foreignConversations).toBe(1);
      expect(report.balance.otherTraffic).toContain('1 conversation(s) this run did not start reached its agents');
      expect(report.checks[1]!.skipped).toContain('other traffic shares the target');
      expect(r.status).toBe(0);
      expect(testcases(readFileSync(junit, 'utf8')).find((c) => c.name === BALANCE_CHECK)!.skipped).toContain('cannot balance exactly');
    } finally {
      other.close();
      await server.drain();
    }
  });

  it('counts an agent connection that is not the run\'s as other traffic', async () => {
    const secret = 'shared-target-secret';
    // The server staffs one agent more than the run brings; someone else has that desk open.
    const server = await startServer({ scenario: scaleScenario(loadScenario(SCENARIO, [SHORT, 'agents.1.count=7']), 10), secret, port: 0, engineThread: 'main', rateLimit: { perSecond: 1e6, burst: 1e6 } });
    const desk = new WebSocket(`${server.wsUrl}/agent?token=${encodeURIComponent(agentToken(secret, 'sales-7'))}`);
    try {
      await new Promise((resolve, reject) => { desk.once('open', resolve); desk.once('error', reject); });
      const r = await runCommand(loadArgs({ json: true, target: server.wsUrl, secret, duration: '3s', set: [SHORT] }));
      const report = JSON.parse(r.stdout) as LoadReport;
      expect(report.balance.exact).toBe(false);
      expect(report.balance.otherTraffic).toContain('1 agent connection(s) besides this run\'s were open on the target when it started');
      expect(verdictOf(report.checks[1]!)).toBe('SKIP');
      expect(r.status).toBe(0);
    } finally {
      desk.close();
      await server.drain();
    }
  });
});
