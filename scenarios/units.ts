// Parsers for the scenario file's units: durations (-> ms), rates (-> per
// second) and distributions (-> DistributionSpec in ms). The schema's formats
// and the normalizer share them, so what validates is exactly what loads.
import type { DistributionSpec } from './distribution-spec.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const EXPECTED_DURATION = 'expected a duration like 45s, 5m, 1.5h, 250ms, 800us or a number of seconds';
export const EXPECTED_RATE = 'expected a rate like 0.5/s, 30/min, 1800/h';
export const EXPECTED_DISTRIBUTION =
  'expected a distribution like const(30s), exp(2m), uniform(10s, 40s), lognormal(6s, 3s) or gamma(2m, 1m)';

const MS_PER_DURATION_UNIT: Readonly<Record<string, number>> = {
  us: 0.001, µs: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000,
};
const SECONDS_PER_RATE_UNIT: Readonly<Record<string, number>> = {
  s: 1, sec: 1, m: 60, min: 60, h: 3600,
};

const NUMBER = String.raw`(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const DURATION_RE = new RegExp(String.raw`^(${NUMBER})\s*(us|µs|ms|s|min|m|h)$`, 'i');
const PLAIN_NUMBER_RE = new RegExp(String.raw`^${NUMBER}$`, 'i');
const RATE_RE = new RegExp(String.raw`^(${NUMBER})\s*/\s*(s|sec|min|m|h)$`, 'i');
const DISTRIBUTION_RE = /^([a-z]+)\s*\((.*)\)$/i;

const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** `45s`, `5m`, `1.5h`, `250ms`, `800us`, or a plain number (string or number) of seconds. */
export function parseDurationMs(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 ? { ok: true, value: input * 1000 } : fail(`${EXPECTED_DURATION}, not negative`);
  }
  if (typeof input !== 'string') return fail(EXPECTED_DURATION);
  const s = input.trim();
  if (PLAIN_NUMBER_RE.test(s)) return { ok: true, value: Number(s) * 1000 };
  const m = DURATION_RE.exec(s);
  if (!m) return fail(`${EXPECTED_DURATION} (got ${JSON.stringify(input)})`);
  return { ok: true, value: Number(m[1]) * MS_PER_DURATION_UNIT[m[3].toLowerCase()] };
}

/** `0.5/s`, `30/min`, `1800/h`. A bare number is refused: the unit is never guessed. */
export function parseRatePerSecond(input: unknown): Parsed<number> {
  if (typeof input !== 'string') return fail(EXPECTED_RATE);
  const m = RATE_RE.exec(input.trim());
  if (!m) return fail(`${EXPECTED_RATE} (got ${JSON.stringify(input)})`);
  return { ok: true, value: Number(m[1]) / SECONDS_PER_RATE_UNIT[m[3].toLowerCase()] };
}

const ARITY: Readonly<Record<DistributionSpec['kind'], number>> = {
  const: 1, exp: 1, uniform: 2, lognormal: 2, gamma: 2,
};

/** `const(X)`, `exp(MEAN)`, `uniform(A,B)`, `lognormal(MEAN,SD)`, `gamma(MEAN,SD)`; arguments are durations. */
export function parseDistribution(input: unknown): Parsed<DistributionSpec> {
  if (typeof input !== 'string') return fail(EXPECTED_DISTRIBUTION);
  const m = DISTRIBUTION_RE.exec(input.trim());
  if (!m) return fail(`${EXPECTED_DISTRIBUTION} (got ${JSON.stringify(input)})`);
  const kind = m[1].toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(ARITY, kind)) {
    return fail(`unknown distribution "${m[1]}": ${EXPECTED_DISTRIBUTION}`);
  }
  const k = kind as DistributionSpec['kind'];
  const rawArgs = m[2].trim() === '' ? [] : m[2].split(',');
  if (rawArgs.length !== ARITY[k]) {
    return fail(`${k}() takes ${ARITY[k]} duration argument${ARITY[k] > 1 ? 's' : ''}, got ${rawArgs.length}`);
  }
  const args: number[] = [];
  for (const raw of rawArgs) {
    const d = parseDurationMs(raw.trim());
    if (!d.ok) return fail(`argument ${JSON.stringify(raw.trim())} of ${k}(): ${EXPECTED_DURATION}`);
    args.push(d.value);
  }
  return buildDistribution(k, args);
}

function buildDistribution(kind: DistributionSpec['kind'], [a, b]: number[]): Parsed<DistributionSpec> {
  switch (kind) {
    case 'const':
      return { ok: true, value: { kind, value: a } };
    case 'exp':
      return a > 0 ? { ok: true, value: { kind, mean: a } } : fail('exp(MEAN) needs a mean above 0');
    case 'uniform':
      return a <= b ? { ok: true, value: { kind, min: a, max: b } } : fail('uniform(A, B) needs A <= B');
    case 'lognormal':
    case 'gamma':
      return a > 0 && b > 0
        ? { ok: true, value: { kind, mean: a, sd: b } }
        : fail(`${kind}(MEAN, SD) needs a mean and a standard deviation above 0`);
  }
}
