import { describe, expect, it } from 'vitest';
import { renderJson, withoutWallClock } from './render-json.js';
import { sampleReport } from './sample-report.js';
import type { Report } from './report.js';

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) out[key] = reversedKeys((value as Record<string, unknown>)[key]);
  return out;
}

describe('renderJson', () => {
  it('prints the same text whatever order the report was built in', () => {
    const report = sampleReport(3);
    report.budgets = [{ budget: 'serviceLevel >= 0.8', value: 0.83, pass: true }];
    expect(renderJson(reversedKeys(report) as Report)).toBe(renderJson(report));
  });

  it('lists top-level keys in the contract order, histograms and summaries too', () => {
    const parsed = JSON.parse(renderJson(reversedKeys(sampleReport(3)) as Report));
    expect(Object.keys(parsed)).toEqual([
      'scenario', 'seed', 'replications', 'simulated', 'wall', 'conversations', 'accounting',
      'serviceLevel', 'waitProbability', 'abandonRate', 'agents', 'histograms', 'budgets',
    ]);
    expect(Object.keys(parsed.conversations)).toEqual([
      'arrived', 'answered', 'abandoned', 'transferred', 'droppedOnTransfer', 'conferenced',
      'completed', 'interrupted', 'inProgressAtEnd',
    ]);
    expect(Object.keys(parsed.histograms)).toEqual([
      'answerTime', 'abandonTime', 'handleTime', 'wrapUp', 'engine.route', 'engine.mask',
    ]);
    expect(Object.keys(parsed.histograms.answerTime)).toEqual([
      'count', 'mean', 'min', 'p50', 'p90', 'p95', 'p99', 'p999', 'max', 'unit',
    ]);
    expect(Object.keys(parsed.serviceLevel)).toEqual(['thresholdSeconds', 'value']);
    expect(Object.keys(parsed.accounting)).toEqual(['arrived', 'endStatesTotal', 'balanced']);
  });

  it('puts keys it does not know after the known ones, alphabetically', () => {
    const report = { zeta: 1, alpha: 2, ...sampleReport(3) } as unknown as Report;
    const keys = Object.keys(JSON.parse(renderJson(report)));
    expect(keys.slice(-2)).toEqual(['alpha', 'zeta']);
  });
});

describe('withoutWallClock', () => {
  function withWallNoise(report: Report, k: number): Report {
    const noisy = structuredClone(report);
    noisy.wall = { seconds: 1 + k, eventsPerSecond: 1000 * k };
    noisy.histograms['engine.route'] = { ...noisy.histograms['engine.route'], p99: 17 + k };
    noisy.budgets = [
      { budget: 'engine.route.p99 <= 200us', value: 17 + k, pass: true, unit: 'us' },
      { budget: 'wall.eventsPerSecond >= 5', value: 1000 * k, pass: true },
      { budget: 'serviceLevel >= 0.8', value: 0.83, pass: true },
    ];
    return noisy;
  }

  it('makes two runs that differ only on the wall clock print identically', () => {
    const a = withWallNoise(sampleReport(5), 1);
    const b = withWallNoise(sampleReport(5), 2);
    expect(renderJson(a)).not.toBe(renderJson(b));
    expect(renderJson(withoutWallClock(a))).toBe(renderJson(withoutWallClock(b)));
  });

  it('keeps the simulated figures, so runs that differ in them still differ', () => {
    expect(renderJson(withoutWallClock(sampleReport(5)))).not.toBe(renderJson(withoutWallClock(sampleReport(6))));
  });

  it('drops wall, engine histograms and wall-clock budgets, and nothing else', () => {
    const stripped = withoutWallClock(withWallNoise(sampleReport(5), 1)) as unknown as Record<string, unknown>;
    expect(stripped.wall).toBeUndefined();
    expect(Object.keys(stripped.histograms as object)).toEqual(['answerTime', 'abandonTime', 'handleTime', 'wrapUp']);
    expect((stripped.budgets as { budget: string }[]).map((b) => b.budget)).toEqual(['serviceLevel >= 0.8']);
  });
});
