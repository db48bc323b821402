import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BenchBudgetFileError, DEFAULT_SETTINGS, loadBenchBudgetFile, parseBenchBudgetFile } from './budget-file.js';
import { BENCH_FIGURES } from './bench-figures.js';

function problems(text: string): string {
  try {
    parseBenchBudgetFile(text, 'b.json');
  } catch (err) {
    expect(err).toBeInstanceOf(BenchBudgetFileError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('the bench budget file', () => {
  it('the committed one parses and budgets every figure', () => {
    const file = loadBenchBudgetFile(join(import.meta.dirname, 'budgets.json'));
    expect(file.budgets.map((b) => b.figure.name).sort()).toEqual(BENCH_FIGURES.map((f) => f.name).sort());
  });

  it('fills settings it does not give from the defaults, and reads YAML too', () => {
    const yaml = 'settings:\n  runs: 3\n  remeasureOnMiss: 0\nbudgets:\n  - sim.eventsPerSecond >= 1000\n';
    const file = parseBenchBudgetFile(yaml);
    expect(file.settings).toEqual({ ...DEFAULT_SETTINGS, runs: 3, remeasureOnMiss: 0 });
    expect(file.budgets).toHaveLength(1);
    expect(parseBenchBudgetFile('{"budgets": ["sim.eventsPerSecond >= 1"]}').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('lists every problem at once, each where it is', () => {
    const message = problems(JSON.stringify({
      settings: { runs: 0, speed: 2, simConversations: 1.5 },
      budgets: ['sim.eventsPerSecond >= 1', 'nope > 1', 42],
      extra: true,
    }));
    expect(message).toContain('unknown key "extra"');
    expect(message).toContain('settings.runs: expected a whole number of at least 1, got 0');
    expect(message).toContain('settings: unknown key "speed"');
    expect(message).toContain('settings.simConversations: expected a whole number of at least 1, got 1.5');
    expect(message).toContain('budgets[1]: bench budget "nope > 1": unknown figure "nope"');
    expect(message).toContain('budgets[2]: expected a string, got 42');
    expect(message).not.toContain('budgets[0]');
  });

  it('refuses an empty budget list, a non-object and text that is not JSON or YAML', () => {
    expect(problems('{"budgets": []}')).toMatch(/non-empty list/);
    expect(problems('[1, 2]')).toMatch(/expected an object/);
    expect(problems('{ "budgets": [')).toMatch(/not valid JSON or YAML/);
    expect(() => loadBenchBudgetFile('/no/such/budgets.json')).toThrow(/cannot read it/);
  });
});
