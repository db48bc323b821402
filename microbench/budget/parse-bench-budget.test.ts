import { describe, expect, it } from 'vitest';
import { parseBenchBudget } from './parse-bench-budget.js';
import { BENCH_FIGURES } from './bench-figures.js';

function parsed(text: string) {
  const r = parseBenchBudget(text);
  if (!r.ok) throw new Error(r.message);
  return r.budget;
}

function refused(text: string): string {
  const r = parseBenchBudget(text);
  if (r.ok) throw new Error(`"${text}" was accepted`);
  return r.message;
}

describe('parseBenchBudget', () => {
  it('reads every operator, with or without spaces', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
      expect(parsed(`sim.eventsPerSecond ${op} 500000`)).toMatchObject({ op, threshold: 500_000 });
      expect(parsed(`sim.eventsPerSecond${op}1e6`)).toMatchObject({ op, threshold: 1_000_000 });
    }
  });

  it('knows every figure, with its source', () => {
    for (const f of BENCH_FIGURES) {
      const value = f.kind === 'time' ? '3us' : '2.5';
      expect(parsed(`${f.name} >= ${value}`).figure).toBe(f);
    }
    expect(new Set(BENCH_FIGURES.map((f) => f.source))).toEqual(new Set(['masking', 'routing', 'sim']));
  });

  it('takes times with a unit and keeps them in ns', () => {
    expect(parsed('routing.round-robin.p99 <= 5us').threshold).toBe(5000);
    expect(parsed('routing.round-robin.p99 <= 5µs').threshold).toBe(5000);
    expect(parsed('routing.least-busy.p99 < 1500ns').threshold).toBe(1500);
    expect(parsed('routing.least-busy.p99 < 0.2ms').threshold).toBe(200_000);
  });

  it('refuses a time without a unit, a unit on a rate, unknown figures and bad forms, saying why', () => {
    expect(refused('routing.round-robin.p99 <= 5000')).toMatch(/is a time: give a unit/);
    expect(refused('masking.chat.mcharsPerSecond >= 80ms')).toMatch(/is a plain number \(Mchars\/s\)/);
    expect(refused('masking.chat.mcharPerSecond >= 80')).toMatch(/unknown figure "masking.chat.mcharPerSecond".*masking.chat.mcharsPerSecond/);
    expect(refused('sim.eventsPerSecond = 5')).toMatch(/expected <figure> <op> <value>/);
    expect(refused('sim.eventsPerSecond >= fast')).toMatch(/not a number/);
    expect(refused('routing.round-robin.p99 <= 5 parsecs')).toMatch(/"5 parsecs": expected a duration/);
    expect(refused('routing.round-robin.p99 <= -5us')).toMatch(/not a number with a unit/);
  });
});
