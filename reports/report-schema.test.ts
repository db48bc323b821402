// reports/report.schema.json against real reports (a simulated run, merged
// replications, the sample and the full fixture) and against the TypeScript
// model: every field of Report is in the schema, and the required ones required.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { simulate } from '../pipeline/simulate.js';
import { agentGroup, customerStream, scenario } from '../sim/runner/testing/scenario-fixture.js';
import { sampleReport } from './sample-report.js';
import { fixtureRun } from './html/fixture-report.js';
import { renderJson } from './render-json.js';
import type { HistogramSummary } from './histogram.js';
import type { IntervalEstimates, IntervalRow } from './interval-series.js';
import type { Estimate } from './confidence.js';
import type { BudgetResult, KeyFigureEstimates, Report, TimeSeries } from './report.js';

const schema = JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Round-trips through the JSON text `--json` and report.json hold. */
function asWritten(report: Report): unknown {
  return JSON.parse(renderJson(report));
}

function errorsOf(value: unknown): string {
  return validate(value) ? '' : JSON.stringify(validate.errors, null, 1);
}

// Each `Record<keyof X, boolean>` fails to compile when X gains or loses a
// field, so the schema cannot silently fall behind the model. `true` marks
// the fields that must be present.
const REPORT: Record<keyof Report, boolean> = {
  scenario: true, seed: true, replications: true, simulated: true, wall: true, conversations: true, accounting: true,
  serviceLevel: true, waitProbability: true, abandonRate: true, agents: true, histograms: true, budgets: true,
  confidence: false, intervals: false, timeSeries: false,
};
const HISTOGRAM: Record<keyof HistogramSummary, boolean> = {
  count: true, mean: true, min: true, p50: true, p90: true, p95: true, p99: true, p999: true, max: true, unit: true,
};
const BUDGET: Record<keyof BudgetResult, boolean> = { budget: true, value: true, pass: true, unit: false, skipped: false, timing: false };
const ESTIMATE: Record<keyof Estimate, boolean> = { mean: true, halfWidth: true, low: true, high: true };
const CONFIDENCE: Record<keyof KeyFigureEstimates, boolean> = {
  serviceLevel: true, abandonRate: true, waitProbability: true, averageSpeedOfAnswerSeconds: true, occupancy: true,
};
const INTERVAL: Record<keyof IntervalRow, boolean> = {
  startSeconds: true, warmup: true, arrived: true, answered: true, abandoned: true, serviceLevel: true, abandonRate: true, occupancy: true, staffedSlots: true,
  confidence: false,
};
const INTERVAL_CONFIDENCE: Record<keyof IntervalEstimates, boolean> = { arrived: true, serviceLevel: true, abandonRate: true, occupancy: true };
const TIME_SERIES: Record<keyof TimeSeries, boolean> = { stepSeconds: true, queueLength: true, heldSlots: true, staffedSlots: true, agents: true };
const AGENT_STATES: Record<keyof TimeSeries['agents'], boolean> = { available: true, engaged: true, idle: true, rona: true };

interface ObjectSchema {
  properties: Record<string, unknown>;
  required: string[];
}

function expectMatches(node: ObjectSchema, model: Record<string, boolean>): void {
  expect(Object.keys(node.properties).sort()).toEqual(Object.keys(model).sort());
  expect([...node.required].sort()).toEqual(Object.keys(model).filter((k) => model[k]).sort());
}

describe('report.schema.json', () => {
  it('lists every field of the model, and requires exactly the required ones', () => {
    const p = schema.properties;
    expectMatches(schema, REPORT);
    expectMatches(schema.definitions.histogram, HISTOGRAM);
    expectMatches(p.budgets.items, BUDGET);
    expectMatches(schema.definitions.estimate, ESTIMATE);
    expectMatches(p.confidence, CONFIDENCE);
    expectMatches(p.intervals.items, INTERVAL);
    expectMatches(p.intervals.items.properties.confidence, INTERVAL_CONFIDENCE);
    expectMatches(p.timeSeries, TIME_SERIES);
    expectMatches(p.timeSeries.properties.agents, AGENT_STATES);
  });

  it('accepts the report of a simulated run', async () => {
    const report = await simulate(scenario({
      durationMs: 2 * 3_600_000, warmupMs: 600_000,
      agents: [agentGroup({ count: 6, wrapUp: { kind: 'exp', mean: 15_000 }, noAnswer: 0.05 })],
      customers: [customerStream({ arrivals: [{ fromMs: 0, perSecond: 0.04 }], patience: { kind: 'exp', mean: 120_000 }, transfer: 0.05 })],
    }));
    expect(report.conversations.arrived).toBeGreaterThan(100);
    expect(errorsOf(asWritten(report))).toBe('');
  });

  it('accepts merged replications with their confidence intervals', async () => {
    const s = scenario({ durationMs: 3_600_000, agents: [agentGroup({ count: 4 })], customers: [customerStream({ arrivals: [{ fromMs: 0, perSecond: 0.03 }] })] });
    const report = await simulate(s, { replications: 3 });
    expect(report.confidence).toBeDefined();
    expect(report.intervals![0]!.confidence).toBeDefined();
    expect(errorsOf(asWritten(report))).toBe('');
  });

  it('accepts the sample report and the fixture with every optional part', () => {
    expect(errorsOf(asWritten(sampleReport(3)))).toBe('');
    const full = fixtureRun(5).report;
    expect(full.intervals!.length).toBeGreaterThan(0);
    expect(errorsOf(asWritten(full))).toBe('');
  });

  it('takes a budget whose figure was not a number (JSON null) as a failed verdict', () => {
    const report = fixtureRun(2).report;
    report.budgets.push({ budget: 'serviceLevel >= 0.8', value: Number.NaN, pass: false });
    expect(errorsOf(asWritten(report))).toBe('');
  });

  it('rejects a report missing any required field', () => {
    const full = asWritten(fixtureRun(1).report) as Record<string, unknown>;
    for (const key of schema.required as string[]) {
      const { [key]: _dropped, ...rest } = full;
      expect(validate(rest), key).toBe(false);
    }
  });

  it('rejects wrong types, shares out of range, unknown fields and unknown histograms', () => {
    const broken: ((r: any) => void)[] = [
      (r) => { r.serviceLevel.value = '0.8'; },
      (r) => { r.abandonRate = 1.5; },
      (r) => { r.conversations.arrived = 2.5; },
      (r) => { r.histograms.answerTime.unit = 'hours'; },
      (r) => { r.histograms.queueTime = r.histograms.answerTime; },
      (r) => { r.budgets[0].pass = 'yes'; },
      (r) => { r.intervals[0].warmup = 0; },
      (r) => { r.timeSeries.agents.busy = []; },
      (r) => { r.confidence.serviceLevel.halfWidth = -1; },
      (r) => { r.surprise = 1; },
    ];
    const valid = asWritten(fixtureRun(1).report);
    expect(validate(valid)).toBe(true);
    for (const breakIt of broken) {
      const r = structuredClone(valid);
      breakIt(r);
      expect(validate(r), breakIt.toString()).toBe(false);
    }
  });
});
