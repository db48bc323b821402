import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDistribution, parseDurationMs, parseRatePerSecond } from './units.js';

describe('parseDurationMs', () => {
  it.each([
    ['45s', 45_000],
    ['5m', 300_000],
    ['5min', 300_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['800us', 0.8],
    ['800µs', 0.8],
    ['0h', 0],
    [' 2 s ', 2000],
    ['.5s', 500],
    ['1e3ms', 1000],
    ['90', 90_000],
    [90, 90_000],
    [0.25, 250],
  ] as const)('%j is %d ms', (input, ms) => {
    expect(parseDurationMs(input)).toEqual({ ok: true, value: ms });
  });

  it.each([['5x'], ['-5s'], [-1], ['s'], [''], ['5 s s'], [true], [null], [Infinity], ['1h30m']])('refuses %j, saying what was expected', (input) => {
    const result = parseDurationMs(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/expected a duration like 45s, 5m, 1.5h, 250ms, 800us or a number of seconds/);
  });

  it('scales every unit by its factor', () => {
    const factors = { us: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
    fc.assert(fc.property(fc.nat(1_000_000), fc.constantFrom(...Object.keys(factors)), (n, unit) => {
      const result = parseDurationMs(`${n}${unit}`);
      return result.ok && result.value === n * factors[unit as keyof typeof factors];
    }));
  });
});

describe('parseRatePerSecond', () => {
  it.each([
    ['0.5/s', 0.5],
    ['30/min', 0.5],
    ['30/m', 0.5],
    ['1800/h', 0.5],
    ['900 / h', 0.25],
    ['0/h', 0],
  ] as const)('%s is %d per second', (input, perSecond) => {
    const result = parseRatePerSecond(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBeCloseTo(perSecond, 12);
  });

  it.each([['0.5'], [0.5], ['5/day'], ['-1/s'], ['/s'], ['1800h']])('refuses %j: the unit is never guessed', (input) => {
    const result = parseRatePerSecond(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/expected a rate like 0.5\/s, 30\/min, 1800\/h/);
  });
});

describe('parseDistribution', () => {
  it.each([
    ['const(30s)', { kind: 'const', value: 30_000 }],
    ['const(0s)', { kind: 'const', value: 0 }],
    ['exp(2m)', { kind: 'exp', mean: 120_000 }],
    ['exp(180)', { kind: 'exp', mean: 180_000 }],
    ['uniform(10s, 40s)', { kind: 'uniform', min: 10_000, max: 40_000 }],
    ['uniform(5s,5s)', { kind: 'uniform', min: 5000, max: 5000 }],
    ['lognormal(6s, 3s)', { kind: 'lognormal', mean: 6000, sd: 3000 }],
    ['gamma(12m, 8m)', { kind: 'gamma', mean: 720_000, sd: 480_000 }],
    ['  EXP( 250ms )  ', { kind: 'exp', mean: 250 }],
  ] as const)('%s', (input, spec) => {
    expect(parseDistribution(input)).toEqual({ ok: true, value: spec });
  });

  it.each([
    ['normal(5s, 1s)', /unknown distribution "normal"/],
    ['exp', /expected a distribution like const\(30s\)/],
    ['exp()', /exp\(\) takes 1 duration argument, got 0/],
    ['uniform(5s)', /uniform\(\) takes 2 duration arguments, got 1/],
    ['lognormal(1s, 2s, 3s)', /takes 2 duration arguments, got 3/],
    ['exp(5x)', /argument "5x" of exp\(\): expected a duration/],
    ['exp(0s)', /mean above 0/],
    ['uniform(40s, 10s)', /A <= B/],
    ['gamma(1m, 0s)', /standard deviation above 0/],
    [30, /expected a distribution/],
  ] as const)('refuses %j', (input, message) => {
    const result = parseDistribution(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
