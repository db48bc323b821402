import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it.each([
    [0, 'ms', '0s'],
    [180, 'us', '180us'],
    [12.34, 'us', '12.3us'],
    [999.4, 'us', '999us'],
    [999.6, 'us', '1ms'],
    [250, 'ms', '250ms'],
    [0.8, 'ms', '800us'],
    [1234, 'ms', '1.23s'],
    [1200, 'ms', '1.2s'],
    [45_000, 'ms', '45s'],
    [59_960, 'ms', '1m 00s'],
    [185_000, 'ms', '3m 05s'],
    [3_725_000, 'ms', '1h 02m 05s'],
    [30_600, 's', '8h 30m 00s'],
    [2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000, 'ms', '2d 03h 04m'],
    [2_000_000, 'us', '2s'],
    [-1500, 'ms', '-1.5s'],
  ] as const)('%s %s -> %s', (value, unit, text) => {
    expect(formatDuration(value, unit)).toBe(text);
  });

  it('reads back to within the precision it shows', () => {
    const parse = (s: string): number => {
      const unitUs: Record<string, number> = { us: 1, ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9, d: 8.64e10 };
      let us = 0;
      for (const [, n, u] of s.matchAll(/([\d.]+)(us|ms|s|m|h|d)/g)) us += Number(n) * unitUs[u];
      return us;
    };
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e13, noNaN: true }), (us) => {
        const back = parse(formatDuration(us, 'us'));
        // Three significant digits below a minute, whole seconds below a day, minutes above.
        const tolerance = us < 59_950_000 ? us * 5e-3 : us < 86_400e6 ? 0.5e6 : 60e6;
        expect(Math.abs(back - us)).toBeLessThanOrEqual(tolerance + 1e-9);
      }),
      { numRuns: 500 },
    );
  });
});
