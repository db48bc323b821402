// Budget expressions, `<metric> <op> <value>`: grammar in docs/budgets.md.
import { parseDurationMs } from '../../scenarios/units.js';
import { didYouMean } from '../../scenarios/did-you-mean.js';
import { convertTime, describeKnownMetrics, findMetric, knownMetricNames, type MetricUnit } from './metrics.js';

export const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Budget {
  /** The expression as written (trimmed): what reports and JUnit show. */
  expression: string;
  /** The canonical metric path (aliases resolved). */
  metric: string;
  op: Operator;
  /** In the metric's unit: a share for ratios, `unit` for times. */
  threshold: number;
  unit?: MetricUnit;
}

export type ParsedBudget = { ok: true; budget: Budget } | { ok: false; message: string };

const FORM = 'expected <metric> <op> <value>, e.g. "answerTime.p90 <= 60s" or "serviceLevel >= 80%"';
// Longest operators first, so `<=` is not read as `<` followed by `=5`.
const EXPRESSION_RE = /^([A-Za-z0-9_.]+)\s*(<=|>=|==|!=|<|>)\s*(\S.*)$/;
const NUMBER_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(\S*)$/i;

export function parseBudget(input: string): ParsedBudget {
  const expression = input.trim();
  const fail = (why: string): ParsedBudget => ({ ok: false, message: `budget "${expression}": ${why}` });

  const m = EXPRESSION_RE.exec(expression);
  if (!m) {
    if (/^[A-Za-z0-9_.]+\s*=[^=]/.test(expression)) return fail(`use == to compare for equality; ${FORM}`);
    return fail(FORM);
  }
  const [, path, op, valueText] = m;
  const metric = findMetric(path);
  if (!metric) return fail(`unknown metric "${path}"${didYouMean(path, knownMetricNames())}; ${describeKnownMetrics()}`);

  const n = NUMBER_RE.exec(valueText.trim());
  if (!n) return fail(`"${valueText}" is not a number, a percentage or a duration`);
  const [, digits, suffix] = n;
  const number = Number(digits);
  const ok = (threshold: number): ParsedBudget => ({
    ok: true,
    budget: { expression, metric: metric.name, op: op as Operator, threshold, ...(metric.unit ? { unit: metric.unit } : {}) },
  });

  if (suffix === '%') {
    if (metric.kind !== 'ratio') return fail(`a percentage only fits a share (${metric.name} is a ${metric.kind})`);
    if (number < 0 || number > 100) return fail(`"${valueText}": ${metric.name} is a share, between 0% and 100%`);
    return ok(number / 100);
  }
  if (suffix === '') {
    if (metric.kind === 'time') {
      return fail(`${metric.name} is a time: give a unit, e.g. ${digits}s, ${digits}ms or ${digits}us`);
    }
    // `serviceLevel >= 80` can never pass: a share is at most 1.
    if (metric.kind === 'ratio' && (number < 0 || number > 1)) {
      return fail(`${metric.name} is a share between 0 and 1${number > 1 && number <= 100 ? `: did you mean ${digits}%?` : ''}`);
    }
    if (metric.kind === 'count' && number < 0) return fail(`${metric.name} is a count: it is never negative`);
    return ok(number);
  }
  if (metric.kind !== 'time') return fail(`"${valueText}": ${metric.name} is a ${metric.kind}, not a time`);
  if (number < 0) return fail(`"${valueText}": a duration is not negative`);
  // Engine timings are recorded in ns; scenario durations stop at us, so ns is read here.
  if (suffix === 'ns') return ok(cleanFloat(convertTime(number, 'ns', metric.unit!)));
  const duration = parseDurationMs(`${digits.replace(/^\+/, '')}${suffix}`);
  if (!duration.ok) return fail(`"${valueText}": ${duration.message}`);
  return ok(cleanFloat(convertTime(duration.value, 'ms', metric.unit!)));
}

/** Scaling 0.2 ms to us must give 200, not 200.00000000000003. */
function cleanFloat(x: number): number {
  return Number(x.toPrecision(12));
}
