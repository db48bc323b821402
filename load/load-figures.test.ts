// Every metric a budget may name, read off a load report: a number in the
// metric's unit where the load report holds the figure, a reason otherwise.
import { describe, expect, it } from 'vitest';
import { findMetric, knownMetricNames, HISTOGRAM_STATS, LOAD_LATENCIES } from '../reports/budgets/metrics.js';
import { evaluateBudgets, verdictOf } from '../reports/budgets/evaluate-budgets.js';
import { parseBudget, type Budget } from '../reports/budgets/parse-budget.js';
import { ENGINE_HISTOGRAMS, SIM_HISTOGRAMS } from '../reports/report.js';
import { loadFigures, NOT_MEASURED_BY_LOAD } from './load-figures.js';
import { sampleLoadRun } from './sample-load-report.js';

const { report } = sampleLoadRun();
const read = loadFigures(report);
const figure = (name: string): number | string => read(findMetric(name)!);

function budget(expression: string): Budget {
  const parsed = parseBudget(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.budget;
}

describe('loadFigures', () => {
  it('reads the load latencies from the scheduled moment, and .fromSent from the send, in µs', () => {
    for (const m of LOAD_LATENCIES) {
      for (const s of HISTOGRAM_STATS) {
        expect(figure(`${m}.${s}`), `${m}.${s}`).toBe(report.latency[m].fromScheduled[s]);
        expect(figure(`${m}.fromSent.${s}`), `${m}.fromSent.${s}`).toBe(report.latency[m].fromSent[s]);
      }
    }
    // The sample's latencies from the schedule are 5 ms more than from the send.
    expect(figure('customerToAgent.p99')).toBeGreaterThan(figure('customerToAgent.fromSent.p99') as number);
  });

  it('reads the scenario-time histograms (ms), the contract figures and the run length', () => {
    for (const h of SIM_HISTOGRAMS) for (const s of HISTOGRAM_STATS) expect(figure(`${h}.${s}`)).toBe(report.histograms[h][s]);
    expect(figure('serviceLevel')).toBe(0.75);
    expect(figure('serviceLevel.value')).toBe(0.75);
    expect(figure('abandonRate')).toBe(0.1);
    expect(figure('occupancy')).toBe(0.42);
    expect(figure('agents.count')).toBe(20);
    expect(figure('ronaEvents')).toBe(5);
    expect(figure('conversations.droppedOnTransfer')).toBe(1);
    expect(figure('simulated.seconds')).toBe(report.simulated.seconds);
    expect(figure('wall.seconds')).toBe(report.wall.seconds);
  });

  it('skips, with the reason, every figure a load run does not measure', () => {
    for (const h of ENGINE_HISTOGRAMS) for (const s of HISTOGRAM_STATS) expect(figure(`${h}.${s}`)).toContain(NOT_MEASURED_BY_LOAD);
    for (const name of ['waitProbability', 'simulated.events', 'wall.eventsPerSecond']) expect(figure(name)).toContain(NOT_MEASURED_BY_LOAD);
  });

  it('has an answer for every metric name the catalogue knows: a finite number or a reason', () => {
    for (const name of knownMetricNames()) {
      const f = figure(name);
      if (typeof f === 'number') expect(Number.isFinite(f), name).toBe(true);
      else expect(f, name).toContain(NOT_MEASURED_BY_LOAD);
    }
  });

  it('judges budgets written in any time unit against the µs figure', () => {
    const p99 = report.latency.customerToAgent.fromScheduled.p99;
    const results = evaluateBudgets([
      budget(`customerToAgent.p99 <= ${p99}us`),
      budget(`customerToAgent.p99 < ${p99 / 1000}ms`),
      budget('offer.fromSent.max <= 1s'),
      budget('engine.route.p99 <= 200us'),
      budget('answerTime.p50 <= 11s'),
    ], read);
    expect(results.map(verdictOf)).toEqual(['PASS', 'FAIL', 'PASS', 'SKIP', 'PASS']);
    expect(results[1]).toMatchObject({ value: p99, unit: 'us' });
  });
});
