import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { erlangCommand, runErlang, type ErlangArgs } from './erlang.js';
import { queueFigures } from '../../planning/theory/erlang.js';
import { agentsForServiceLevel } from '../../planning/theory/staffing.js';

function run(args: Partial<ErlangArgs>) {
  const out = { stdout: '', stderr: '' };
  const status = runErlang(
    { rate: '0.5/s', aht: '180s', threshold: '60s', ...args },
    { stdout: (t) => { out.stdout += t; }, stderr: (t) => { out.stderr += t; } },
  );
  return { status, ...out };
}

describe('cctwin erlang', () => {
  it('prints only JSON with --json: the figures for the parsed inputs', () => {
    const r = run({ rate: '30/min', aht: '3m', agents: 100, patience: '5m', json: true });
    expect(r.status).toBe(EXIT_OK);
    expect(r.stderr).toBe('');
    const inputs = { arrivalRatePerSecond: 0.5, handleTimeSeconds: 180, agents: 100, patienceSeconds: 300, serviceLevelThresholdSeconds: 60 };
    expect(JSON.parse(r.stdout)).toEqual({ inputs, figures: queueFigures(inputs) });
  });

  it('uses Erlang C without --patience, and adds the staffing for --target', () => {
    const r = run({ rate: '1800/h', agents: 95, target: '80%', threshold: '20s', json: true });
    const parsed = JSON.parse(r.stdout);
    expect(parsed.figures.model).toBe('erlang-c');
    expect(parsed.staffing).toEqual({ target: 0.8, ...agentsForServiceLevel(0.5, 180, 0.8, 20) });
  });

  it('prints a readable table', () => {
    const r = run({ agents: 100, patience: '300s' });
    const f = queueFigures({ arrivalRatePerSecond: 0.5, handleTimeSeconds: 180, agents: 100, patienceSeconds: 300, serviceLevelThresholdSeconds: 60 });
    expect(r.stdout).toContain('Erlang A (M/M/c+M): 0.5/s x 3m 00s = 90 Erlangs, mean patience 5m 00s');
    expect(r.stdout).toContain('With 100 agents:');
    expect(r.stdout).toMatch(new RegExp(`service level\\s+${(f.serviceLevel * 100).toFixed(1)}%`));
    expect(r.stdout).toMatch(new RegExp(`abandon rate\\s+${(f.abandonRate * 100).toFixed(1)}%`));
  });

  it('says when Erlang C is unstable, and JSON carries the infinite wait as null', () => {
    expect(run({ agents: 90 }).stdout).toContain('unstable');
    expect(JSON.parse(run({ agents: 90, json: true }).stdout).figures).toMatchObject({ stable: false, averageSpeedOfAnswerSeconds: null });
  });

  it('exits 2 with a message on bad input', () => {
    const cases: [Partial<ErlangArgs>, RegExp][] = [
      [{ rate: '0.5', agents: 10 }, /--rate: expected a rate/],
      [{ aht: 'long', agents: 10 }, /--aht: expected a duration/],
      [{ agents: 10, patience: 'never' }, /--patience/],
      [{}, /give --agents/],
      [{ agents: 2.5 }, /agents must be a whole number/],
      [{ target: '1.5' }, /target must be above 0 and below 1/],
      [{ target: 'most' }, /--target: expected a share/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status).toBe(EXIT_BAD_INPUT);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('parses its command line', async () => {
    const seen: unknown[] = [];
    const command = { ...erlangCommand, handler: (argv: unknown) => { seen.push(argv); } };
    await yargs(['erlang', '--rate', '0.5/s', '--aht', '180s', '--agents', '100', '--patience', '300s'])
      .command(command as typeof erlangCommand).strict().exitProcess(false).parseAsync();
    expect(seen).toMatchObject([{ rate: '0.5/s', aht: '180s', agents: 100, patience: '300s', threshold: '60s' }]);
  });
});
