// One bench budget, `<figure> <op> <value>`, as in a scenario's budgets
// (same operators); the figures are bench-figures.ts's. Times take a unit.
import { parseDurationMs } from '../../scenarios/units.js';
import { didYouMean } from '../../scenarios/did-you-mean.js';
import { OPERATORS, type Operator } from '../../reports/budgets/parse-budget.js';
import { BENCH_FIGURES, findFigure, type BenchFigure } from './bench-figures.js';

export interface BenchBudget {
  expression: string;
  figure: BenchFigure;
  op: Operator;
  /** In the figure's unit (ns for times). */
  threshold: number;
}

export type ParsedBenchBudget = { ok: true; budget: BenchBudget } | { ok: false; message: string };

const EXPRESSION_RE = /^([A-Za-z0-9_.-]+)\s*(<=|>=|==|!=|<|>)\s*(\S.*)$/;
const NUMBER_RE = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([a-zµ]*)$/i;

export function parseBenchBudget(input: string): ParsedBenchBudget {
  const expression = input.trim();
  const fail = (why: string): ParsedBenchBudget => ({ ok: false, message: `bench budget "${expression}": ${why}` });
  const m = EXPRESSION_RE.exec(expression);
  if (!m) return fail(`expected <figure> <op> <value> with op one of ${OPERATORS.join(' ')}, e.g. "sim.eventsPerSecond >= 500000"`);
  const [, name, op, valueText] = m;
  const figure = findFigure(name!);
  if (!figure) return fail(`unknown figure "${name}"${didYouMean(name!, BENCH_FIGURES.map((f) => f.name))}; known: ${BENCH_FIGURES.map((f) => f.name).join(', ')}`);
  const n = NUMBER_RE.exec(valueText!.trim());
  if (!n) return fail(`"${valueText}" is not a number${figure.kind === 'time' ? ' with a unit' : ''}`);
  const [, digits, exponent, suffix] = n;
  const number = Number(digits) * 10 ** Number(exponent ?? 0);
  const ok = (threshold: number): ParsedBenchBudget => ({ ok: true, budget: { expression, figure, op: op as Operator, threshold } });
  if (figure.kind !== 'time') {
    if (suffix) return fail(`${figure.name} is a plain number (${figure.unit}), not "${valueText}"`);
    return ok(number);
  }
  if (!suffix) return fail(`${figure.name} is a time: give a unit, e.g. 2us or 1500ns`);
  if (suffix === 'ns') return ok(number);
  const ms = parseDurationMs(`${number}${suffix}`);
  if (!ms.ok) return fail(`"${valueText}": ${ms.message}`);
  return ok(Number((ms.value * 1e6).toPrecision(12)));
}
