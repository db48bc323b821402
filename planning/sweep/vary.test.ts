import { describe, expect, it } from 'vitest';
import { cartesian, parseVary } from './vary.js';

describe('--vary', () => {
  it.each([
    ['agents.0.count=60..80:5', 'agents.0.count', ['60', '65', '70', '75', '80']],
    ['serviceLevelThreshold=20s..60s:20s', 'serviceLevelThreshold', ['20s', '40s', '60s']],
    ['customers.0.transfer=0..0.3:0.1', 'customers.0.transfer', ['0', '0.1', '0.2', '0.3']],
    ['agents.1.count=10..12:5', 'agents.1.count', ['10']],
  ])('%s', (text, path, values) => {
    expect(parseVary(text)).toEqual({ ok: true, vary: { path, values } });
  });

  it.each([
    ['agents.0.count=60..80', 'expected PATH=FROM..TO:STEP'],
    ['agents.0.count=80..60:5', 'TO must not be below FROM'],
    ['agents.0.count=60..80:0', 'STEP must be above 0'],
    ['serviceLevelThreshold=20s..1m:10s', 'share one unit'],
    ['agents.0.count=1..100000:1', 'at most 1000'],
  ])('refuses %s clearly', (text, why) => {
    const parsed = parseVary(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(text);
      expect(parsed.message).toContain(why);
    }
  });

  it('combines several in every combination, the first outermost', () => {
    const points = cartesian([{ path: 'a', values: ['1', '2'] }, { path: 'b', values: ['x', 'y'] }]);
    expect(points).toEqual([{ a: '1', b: 'x' }, { a: '1', b: 'y' }, { a: '2', b: 'x' }, { a: '2', b: 'y' }]);
  });
});
