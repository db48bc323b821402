import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../reports/junit.js';
import { checkBenchBudgets, formatBenchVerdicts } from './check-bench-budgets.js';
import { parseBenchBudget, type BenchBudget } from './parse-bench-budget.js';
import { poolSamples, type FigureSample } from './measure-figures.js';

function budget(text: string): BenchBudget {
  const r = parseBenchBudget(text);
  if (!r.ok) throw new Error(r.message);
  return r.budget;
}

const figures = new Map<string, FigureSample>([
  ['sim.eventsPerSecond', { median: 800_000, runs: [700_000, 800_000, 900_000] }],
  ['routing.round-robin.p99', { median: 2400, runs: [2300, 2400, 9000] }],
  ['masking.dense.ratioVsBaseline', { median: 3.3, runs: [3.3, 3.2, 3.4] }],
]);

describe('checkBenchBudgets', () => {
  it('checks the median against each operator', () => {
    const cases: [string, boolean][] = [
      ['sim.eventsPerSecond >= 800000', true], ['sim.eventsPerSecond > 800000', false],
      ['sim.eventsPerSecond <= 800000', true], ['sim.eventsPerSecond < 800000', false],
      ['sim.eventsPerSecond == 800000', true], ['sim.eventsPerSecond != 800000', false],
      ['routing.round-robin.p99 <= 2.4us', true], ['routing.round-robin.p99 < 2.4us', false],
      ['masking.dense.ratioVsBaseline >= 3', true], ['masking.dense.ratioVsBaseline >= 3.5', false],
    ];
    const verdicts = checkBenchBudgets(cases.map(([text]) => budget(text)), figures);
    expect(verdicts.map((v) => [v.budget, v.pass])).toEqual(cases);
    expect(verdicts[6]).toMatchObject({ value: 2400, unit: 'ns', runs: [2300, 2400, 9000] });
    expect(verdicts[0]!.unit).toBeUndefined();
  });

  it('fails a figure that was not measured', () => {
    const [v] = checkBenchBudgets([budget('masking.chat.mcharsPerSecond >= 0')], figures);
    expect(v!.pass).toBe(false);
    expect(v!.value).toBeNaN();
  });

  it('prints a table of budget, median, spread of the runs and verdict, and a summary', () => {
    const text = formatBenchVerdicts(checkBenchBudgets([budget('sim.eventsPerSecond >= 1e6'), budget('routing.round-robin.p99 <= 5us'), budget('masking.dense.ratioVsBaseline >= 3')], figures));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Bench budgets');
    expect(lines[2]).toMatch(/^ {2}sim\.eventsPerSecond >= 1e6 +0\.80M events\/s +3: 0\.70M events\/s … 0\.90M events\/s +FAIL$/);
    expect(lines[3]).toMatch(/routing\.round-robin\.p99 <= 5us +2\.4us +3: 2\.3us … 9us +PASS$/);
    expect(lines[4]).toMatch(/masking\.dense\.ratioVsBaseline >= 3 +3\.30x +3: 3\.20x … 3\.40x +PASS$/);
    expect(lines.at(-1)).toBe('  1 of 3 bench budgets FAILED');
  });

  it('gives JUnit one test case per budget and a failure for each miss', () => {
    const verdicts = checkBenchBudgets([budget('sim.eventsPerSecond >= 1e6'), budget('routing.round-robin.p99 <= 5us')], figures);
    const xml = renderJunit(verdicts, 'bench');
    expect(xml).toContain('<testsuite name="bench" tests="2" failures="1" skipped="0" errors="0">');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('<failure type="budget" message="sim.eventsPerSecond &gt;= 1e6 failed: the figure is 800000"/>');
  });
});

describe('poolSamples', () => {
  it('joins the runs of two rounds and takes the median of all', () => {
    const again = new Map([['sim.eventsPerSecond', { median: 1_000_000, runs: [1_000_000, 1_100_000, 1_200_000] }]]);
    const pooled = poolSamples(figures, again);
    expect(pooled.get('sim.eventsPerSecond')).toEqual({ median: 950_000, runs: [700_000, 800_000, 900_000, 1_000_000, 1_100_000, 1_200_000] });
    expect(pooled.get('routing.round-robin.p99')).toBe(figures.get('routing.round-robin.p99'));
  });
});
