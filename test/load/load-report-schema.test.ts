// load/load-report.schema.json against real load reports and against the
// TypeScript model: every field of LoadReport (and of its parts) is in the
// schema, and the required ones required. The gates tests validate the
// reports of their runs too (a failed budget, a leak, a shared target).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadReport } from '../../load/index.js';
import type { Balance } from '../../load/balance.js';
import type { DetectorLeaks, MaskingLeaks, LeakExample } from '../../load/leak-checker.js';
import type { IntervalLatency, LoadTimeline } from '../../load/load-timeline.js';
import { sampleLoadRun } from '../../load/sample-load-report.js';
import { loadArgs, loadReportSchema as schema, loadSchemaErrors, runCommand, setBudgets, validateLoadReport } from './load-helpers.js';

// Each `Record<keyof X, boolean>` fails to compile when X gains or loses a
// field, so the schema cannot silently fall behind the model. `true` marks
// the fields that must be present.
const REPORT: Record<keyof LoadReport, boolean> = {
  scenario: true, seed: true, speed: true, target: true, startedAt: true, stoppedBy: true, simulated: true, warmupSeconds: true,
  wall: true, conversations: true, accounting: true, serviceLevel: true, abandonRate: true, agents: true, histograms: true,
  latency: true, maskingLeaks: true, balance: true, traffic: true, generator: true, timeline: true, budgets: true, checks: true,
};
const LEAKS: Record<keyof MaskingLeaks, boolean> = { tenantMasks: true, framesChecked: true, injectedValues: true, count: true, byKind: true, examples: true, detectors: true };
const DETECTOR_LEAKS: Record<keyof DetectorLeaks, boolean> = { count: true, byKind: true, examples: true };
const LEAK_EXAMPLE: Record<keyof LeakExample, boolean> = { kind: true, frameType: true, field: true };
const BALANCE: Record<keyof Balance, boolean> = {
  checked: true, balanced: true, exact: true, otherTraffic: true, client: true, server: true, differences: true, strayConversations: true, foreignConversations: true,
};
const TRAFFIC: Record<keyof LoadReport['traffic'], boolean> = {
  framesSent: true, framesReceived: true, outstanding: true, errorsByCode: true, errorsByFrame: true, connectFailures: true, unexpectedCloses: true,
  framesPerSecond: true, messagesDelivered: true, messagesPerSecond: true, peakConnections: true,
};
const GENERATOR: Record<keyof LoadReport['generator'], boolean> = { cpuSeconds: true, cpuCores: true, includesServer: true, schedulerMaxLagMs: true, lateTasks: true };
const TIMELINE: Record<keyof LoadTimeline, boolean> = {
  intervalSeconds: true, intervalsPerEntry: true, unit: true, startSeconds: true, endSeconds: true, latency: true, framesPerSecond: true, messagesPerSecond: true, connections: true,
};
const INTERVAL_LATENCY: Record<keyof IntervalLatency, boolean> = { count: true, p50: true, p99: true };
const MEASURES: Record<keyof LoadReport['latency'], boolean> = { offer: true, customerToAgent: true, agentToCustomer: true, commandAck: true };
const BASES: Record<keyof LoadReport['latency']['offer'], boolean> = { fromScheduled: true, fromSent: true };
const SIM: Record<keyof LoadReport['histograms'], boolean> = { answerTime: true, abandonTime: true, handleTime: true, wrapUp: true };

interface ObjectSchema {
  properties: Record<string, any>;
  required: string[];
}

function expectMatches(node: ObjectSchema, model: Record<string, boolean>): void {
  expect(Object.keys(node.properties).sort()).toEqual(Object.keys(model).sort());
  expect([...node.required].sort()).toEqual(Object.keys(model).filter((k) => model[k]).sort());
}

describe('load-report.schema.json', () => {
  it('lists every field of the model, and requires exactly the required ones', () => {
    const p = schema.properties;
    expectMatches(schema as ObjectSchema, REPORT);
    expectMatches(p.maskingLeaks, LEAKS);
    expectMatches(p.maskingLeaks.properties.examples.items, LEAK_EXAMPLE);
    expectMatches(p.maskingLeaks.properties.detectors, DETECTOR_LEAKS);
    expectMatches(p.maskingLeaks.properties.detectors.properties.examples.items, LEAK_EXAMPLE);
    expectMatches(p.balance, BALANCE);
    expectMatches(p.traffic, TRAFFIC);
    expectMatches(p.generator, GENERATOR);
    expectMatches(p.timeline, TIMELINE);
    expectMatches(p.histograms, SIM);
    expectMatches(p.latency, MEASURES);
    expectMatches(p.timeline.properties.latency, MEASURES);
    for (const m of Object.keys(MEASURES)) {
      expectMatches(p.latency.properties[m], BASES);
      expectMatches(p.timeline.properties.latency.properties[m], BASES);
      for (const b of Object.keys(BASES)) expectMatches(p.timeline.properties.latency.properties[m].properties[b], INTERVAL_LATENCY);
    }
  });

  it('accepts the report of a real load run, as printed and as written to report.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cctwin-load-schema-'));
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 1_500);
    // Masking off: leaks found, so the examples are filled in; one budget of each verdict.
    const r = await runCommand(loadArgs({ json: true, out, piiShare: 1, set: ['tenant.maskSensitiveData=false', setBudgets('commandAck.p99 <= 1us', 'offer.count >= 0', 'engine.mask.p99 <= 1ms')] }), stop.signal);
    const printed = JSON.parse(r.stdout) as LoadReport;
    expect(printed.maskingLeaks.examples.length).toBeGreaterThan(0);
    expect(printed.timeline.startSeconds.length).toBeGreaterThan(0);
    expect(printed.budgets.some((b) => b.skipped !== undefined)).toBe(true);
    expect(loadSchemaErrors(printed)).toBe('');
    expect(loadSchemaErrors(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')))).toBe('');
  });

  it('accepts the hand-made sample, with a balance that could not be read', () => {
    const { report } = sampleLoadRun(3);
    expect(loadSchemaErrors(JSON.parse(JSON.stringify(report)))).toBe('');
    report.balance.server = null;
    report.balance.checked = false;
    expect(loadSchemaErrors(JSON.parse(JSON.stringify(report)))).toBe('');
  });

  it('rejects a report missing any required field, and wrong types, ranges and unknown fields', () => {
    const valid = JSON.parse(JSON.stringify(sampleLoadRun(3).report)) as Record<string, unknown>;
    for (const key of schema.required as string[]) {
      const { [key]: _dropped, ...rest } = valid;
      expect(validateLoadReport(rest), key).toBe(false);
    }
    const broken: ((r: any) => void)[] = [
      (r) => { r.stoppedBy = 'crash'; },
      (r) => { r.serviceLevel.value = 1.5; },
      (r) => { r.latency.offer.fromSent.unit = 'hours'; },
      (r) => { r.latency.queueing = r.latency.offer; },
      (r) => { r.maskingLeaks.byKind.passport = 1; },
      (r) => { r.balance.exact = 'no'; },
      (r) => { r.timeline.latency.offer.fromSent.p99[0] = -1; },
      (r) => { r.traffic.errorsByCode.E_X = 1.5; },
      (r) => { r.checks = []; },
      (r) => { r.surprise = 1; },
    ];
    for (const breakIt of broken) {
      const r = structuredClone(valid);
      breakIt(r);
      expect(validateLoadReport(r), breakIt.toString()).toBe(false);
    }
  });
});
