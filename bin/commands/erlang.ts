// `cctwin erlang`: analytic Erlang C (no patience given) or Erlang A figures
// for one queue, and with --target the fewest agents that meet it.
import { parseDurationMs, parseRatePerSecond } from '../../scenarios/units.js';
import { queueFigures, type QueueFigures, type QueueInputs } from '../../planning/theory/erlang.js';
import { agentsForServiceLevel, type StaffingResult } from '../../planning/theory/staffing.js';
import { formatDuration } from '../../reports/format-duration.js';
import { renderTable } from '../../reports/text-table.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { processOutput, type Output } from '../output.js';

export interface ErlangArgs {
  rate: string;
  aht: string;
  agents?: number;
  patience?: string;
  threshold: string;
  target?: string;
  json?: boolean;
}

interface ErlangResult {
  inputs: Omit<QueueInputs, 'agents'> & { agents?: number };
  figures?: QueueFigures;
  staffing?: StaffingResult & { target: number };
}

// The definition lives in erlang.command.ts, so that the CLI loads this file only to run.
export { erlangCommand } from './erlang.command.js';

class UsageError extends Error {}

/** Prints the figures and returns the exit status. */
export function runErlang(args: ErlangArgs, out: Output = processOutput): number {
  let result: ErlangResult;
  try {
    result = compute(args);
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof RangeError)) throw err;
    out.stderr(`cctwin erlang: ${err.message}\n`);
    return EXIT_BAD_INPUT;
  }
  out.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderErlangText(result));
  return EXIT_OK;
}

function compute(args: ErlangArgs): ErlangResult {
  const inputs: ErlangResult['inputs'] = {
    arrivalRatePerSecond: parsed('--rate', parseRatePerSecond(args.rate)),
    handleTimeSeconds: parsed('--aht', parseDurationMs(args.aht)) / 1000,
    ...(args.patience !== undefined ? { patienceSeconds: parsed('--patience', parseDurationMs(args.patience)) / 1000 } : {}),
    serviceLevelThresholdSeconds: parsed('--threshold', parseDurationMs(args.threshold)) / 1000,
    ...(args.agents !== undefined ? { agents: args.agents } : {}),
  };
  if (args.agents === undefined && args.target === undefined) {
    throw new UsageError('give --agents (figures for that many), --target (the fewest agents that meet it), or both');
  }
  const result: ErlangResult = { inputs };
  if (inputs.agents !== undefined) result.figures = queueFigures({ ...inputs, agents: inputs.agents });
  if (args.target !== undefined) {
    const target = parseShare(args.target);
    const staffing = agentsForServiceLevel(
      inputs.arrivalRatePerSecond, inputs.handleTimeSeconds, target, inputs.serviceLevelThresholdSeconds, inputs.patienceSeconds,
    );
    result.staffing = { target, ...staffing };
  }
  return result;
}

function parsed<T>(option: string, p: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!p.ok) throw new UsageError(`${option}: ${p.message}`);
  return p.value;
}

/** `0.8` or `80%`. */
function parseShare(text: string): number {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*$/.exec(text);
  if (!m) throw new UsageError(`--target: expected a share like 0.8 or 80%, got ${JSON.stringify(text)}`);
  return Number(m[1]) / (m[2] ? 100 : 1);
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function renderErlangText(r: ErlangResult): string {
  const i = r.inputs;
  const model = i.patienceSeconds === undefined ? 'Erlang C (M/M/c, nobody abandons)' : 'Erlang A (M/M/c+M)';
  const load = i.arrivalRatePerSecond * i.handleTimeSeconds;
  // Thresholds are round seconds: `60s` reads better than `1m 00s`.
  const threshold = `${trim(i.serviceLevelThresholdSeconds)}s`;
  const lines = [
    `${model}: ${trim(i.arrivalRatePerSecond)}/s x ${formatDuration(i.handleTimeSeconds, 's')} = ${trim(load)} Erlangs` +
      (i.patienceSeconds !== undefined ? `, mean patience ${formatDuration(i.patienceSeconds, 's')}` : ''),
  ];
  if (r.figures) lines.push('', `With ${i.agents} agents:`, ...figureLines(r.figures, threshold));
  if (r.staffing) {
    const s = r.staffing;
    lines.push('', `Fewest agents for ${percent(s.target)} answered within ${threshold}: ${s.agents}`, ...figureLines(s.figures, threshold));
  }
  return `${lines.join('\n')}\n`;
}

function figureLines(f: QueueFigures, threshold: string): string[] {
  if (!f.stable) {
    return [`  unstable: ${trim(f.offeredLoadErlangs)} Erlangs need more agents than that; the queue grows without end`];
  }
  return renderTable(
    [
      ['service level', percent(f.serviceLevel), `answered within ${threshold}, of answered + abandoned`],
      ['wait probability', percent(f.waitProbability), 'not answered at once'],
      ['average speed of answer', formatDuration(f.averageSpeedOfAnswerSeconds, 's'), 'mean wait of the answered'],
      ['abandon rate', percent(f.abandonRate), ''],
      ['occupancy', percent(f.occupancy), 'served load per agent'],
    ],
    ['left', 'right', 'left'],
  );
}

function trim(x: number): string {
  return String(Number(x.toPrecision(6)));
}
