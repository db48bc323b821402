// The re-measuring logic with measurements handed in as data: which sources
// are measured again, and what the pooled median decides.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './budget-file.js';
import type { BenchSource } from './bench-figures.js';
import { parseBenchBudget } from './parse-bench-budget.js';
import { runBenchBudgets, type Measure } from './run-bench-budgets.js';
import type { FigureSample } from './measure-figures.js';

const budgets = ['sim.eventsPerSecond >= 500000', 'routing.round-robin.p99 <= 5us'].map((t) => {
  const r = parseBenchBudget(t);
  if (!r.ok) throw new Error(r.message);
  return r.budget;
});

/** Hands out the given rounds of runs per figure, and records what was asked for. */
function rounds(per: Record<string, number[][]>): { measure: Measure; asked: BenchSource[][] } {
  const asked: BenchSource[][] = [];
  const taken: Record<string, number> = {};
  const measure: Measure = (sources) => {
    asked.push([...sources].sort());
    const out = new Map<string, FigureSample>();
    for (const [name, all] of Object.entries(per)) {
      if (!sources.has(name.split('.')[0] as BenchSource)) continue;
      const runs = all[taken[name] = (taken[name] ?? -1) + 1]!;
      out.set(name, { median: [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!, runs });
    }
    return out;
  };
  return { measure, asked };
}

describe('runBenchBudgets', () => {
  it('measures once when every budget holds', () => {
    const { measure, asked } = rounds({ 'sim.eventsPerSecond': [[900_000, 950_000, 1e6]], 'routing.round-robin.p99': [[1000, 1100, 1200]] });
    const r = runBenchBudgets(budgets, DEFAULT_SETTINGS, () => {}, measure);
    expect(asked).toEqual([['routing', 'sim']]);
    expect(r.remeasured).toEqual([]);
    expect(r.verdicts.every((v) => v.pass)).toBe(true);
  });

  it('measures again only the source that missed, and passes when the pooled median holds (a noisy spell)', () => {
    const { measure, asked } = rounds({
      'sim.eventsPerSecond': [[300_000, 400_000, 900_000], [900_000, 950_000, 1e6]],
      'routing.round-robin.p99': [[1000, 1100, 1200]],
    });
    const lines: string[] = [];
    const r = runBenchBudgets(budgets, DEFAULT_SETTINGS, (l) => lines.push(l), measure);
    expect(asked).toEqual([['routing', 'sim'], ['sim']]);
    expect(r.remeasured).toEqual([['sim']]);
    expect(r.verdicts[0]).toMatchObject({ pass: true, value: 900_000 });
    expect(r.verdicts[0]!.runs).toHaveLength(6);
    expect(lines).toContain('a budget missed on sim: measuring again (round 2)');
  });

  it('still fails a figure slow in every round', () => {
    const { measure } = rounds({
      'sim.eventsPerSecond': [[300_000, 350_000, 400_000], [320_000, 340_000, 600_000]],
      'routing.round-robin.p99': [[1000, 1100, 1200]],
    });
    const r = runBenchBudgets(budgets, DEFAULT_SETTINGS, () => {}, measure);
    expect(r.verdicts.map((v) => v.pass)).toEqual([false, true]);
    expect(r.verdicts[0]!.value).toBe(345_000);
  });

  it('never measures again with remeasureOnMiss 0, and as many rounds as it says otherwise', () => {
    const slow = () => rounds({ 'sim.eventsPerSecond': [[1], [2], [3], [4]], 'routing.round-robin.p99': [[1000]] });
    const none = slow();
    runBenchBudgets(budgets, { ...DEFAULT_SETTINGS, remeasureOnMiss: 0 }, () => {}, none.measure);
    expect(none.asked).toHaveLength(1);
    const three = slow();
    const r = runBenchBudgets(budgets, { ...DEFAULT_SETTINGS, remeasureOnMiss: 3 }, () => {}, three.measure);
    expect(three.asked).toHaveLength(4);
    expect(r.verdicts[0]!.runs).toEqual([1, 2, 3, 4]);
  });
});
