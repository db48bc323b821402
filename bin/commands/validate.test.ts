import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { runValidate, validateCommand, type ValidateArgs } from './validate.js';
import { runRun } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cctwin-validate-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const goodText = `name: shop
duration: 1h
queues: [{name: a}, {name: b}]
agents:
  - {group: g1, count: 10, queues: [a]}
  - {group: g2, count: 5, queues: [a, b]}
customers:
  - {channel: sms, queue: a, arrivals: 1/s, handleTime: exp(1m)}
`;
const good = write('good.yaml', goodText);
const bad = write('bad.yaml', `name: shop
duration: soon
queues: [{name: a}]
agents: [{group: g1, count: 10, queues: [z]}]
`);

function run(args: Partial<ValidateArgs> & { scenario: string }) {
  const out = { stdout: '', stderr: '' };
  const status = runValidate({ set: [], ...args }, { stdout: (t) => { out.stdout += t; }, stderr: (t) => { out.stderr += t; } });
  return { status, ...out };
}

describe('cctwin validate', () => {
  it('says ok with a summary and exits 0', () => {
    expect(run({ scenario: good })).toEqual({ status: EXIT_OK, stdout: 'ok: shop (2 queues, 15 agents in 2 groups, 1 customer stream)\n', stderr: '' });
  });

  it('prints every error to stderr and exits 2', () => {
    const r = run({ scenario: bad });
    expect(r.status).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      // A missing top-level key has no line of its own: it is placed at the start of the file.
      `${bad}:1:1  customers  missing required key`,
      expect.stringMatching(/^.*bad\.yaml:2:1 {2}duration {2}expected a duration like .* \(got "soon"\)$/),
      `${bad}:4:42  agents.0.queues.0  unknown queue "z" (queues: a)`,
      `3 problems in ${bad} (E_SCENARIO_SCHEMA)`,
    ]);
  });

  it('applies --set before checking', () => {
    expect(run({ scenario: good, set: ['agents.1.count=0'] }).stdout).toBe('ok: shop (2 queues, 10 agents in 2 groups, 1 customer stream)\n');
    expect(run({ scenario: good, set: ['agents.9.count=1'] })).toMatchObject({ status: EXIT_BAD_INPUT, stderr: expect.stringContaining('--set agents.9.count=1') });
  });

  it('prints JSON on stdout with --json', () => {
    const ok = run({ scenario: good, json: true });
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, scenario: { name: 'shop', durationMs: 3_600_000 } });
    const failed = run({ scenario: bad, json: true });
    expect(failed.status).toBe(EXIT_BAD_INPUT);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, code: 'E_SCENARIO_SCHEMA', issues: expect.any(Array) });
  });

  it('parses its command line, with --set repeatable before or after the file', async () => {
    const seen: unknown[] = [];
    const command = { ...validateCommand, handler: (argv: unknown) => { seen.push(argv); } };
    const parse = (args: string[]) => yargs(args).command(command as typeof validateCommand).strict().exitProcess(false).parseAsync();
    await parse(['validate', '--set', 'a=1', good, '--set', 'b=2']);
    await parse(['validate', good]);
    expect(seen).toMatchObject([{ scenario: good, set: ['a=1', 'b=2'] }, { scenario: good, set: [] }]);
  });

  it('lists schema, cross-field and budget problems together, each budget error with its hint', () => {
    const file = write('everything.yaml', `name: shop
duration: soon
queues: [{name: a}]
agents: [{group: g1, count: 10, queues: [z]}]
customers:
  - {channel: sms, queue: a, arrivals: 1/s, handleTime: exp(1m)}
budgets:
  - answerTime.p91 <= 10s
  - answerTime.p90 <= 10
  - serviceLevel >= 80
  - abandonRate <= 5%
`);
    const r = run({ scenario: file });
    expect(r.status).toBe(EXIT_BAD_INPUT);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/everything\.yaml:2:1 {2}duration {2}expected a duration/),
      `${file}:4:42  agents.0.queues.0  unknown queue "z" (queues: a)`,
      expect.stringMatching(/everything\.yaml:8:5 {2}budgets\.0 {2}budget "answerTime\.p91 <= 10s": unknown metric "answerTime\.p91"; did you mean "answerTime\.p9[05]"/),
      `${file}:9:5  budgets.1  budget "answerTime.p90 <= 10": answerTime.p90 is a time: give a unit, e.g. 10s, 10ms or 10us`,
      `${file}:10:5  budgets.2  budget "serviceLevel >= 80": serviceLevel is a share between 0 and 1: did you mean 80%?`,
      `5 problems in ${file} (E_SCENARIO_SCHEMA)`,
    ]);
  });

  it('rejects every file that run rejects, and accepts the ones run accepts', async () => {
    const files = [
      good, bad,
      write('budget-metric.yaml', `${goodText}budgets: [answerTime.p91 <= 10s]\n`),
      write('budget-unit.yaml', `${goodText}budgets: [answerTime.p90 <= 10]\n`),
      write('budget-share.yaml', `${goodText}budgets: [serviceLevel >= 80]\n`),
      write('budget-percent.yaml', `${goodText}budgets: [serviceLevel >= 180%]\n`),
      write('budget-form.yaml', `${goodText}budgets: [serviceLevel = 0.8]\n`),
      write('budget-ok.yaml', `${goodText}budgets: [serviceLevel >= 80%, customerToAgent.fromSent.p99 <= 50ms]\n`),
      join(dir, 'missing.yaml'),
    ];
    const quiet = { stdout: () => {}, stderr: () => {} };
    for (const scenario of files) {
      const validated = run({ scenario }).status;
      const ran = await runRun({ scenario, set: ['duration=10m'], replications: 1, threads: 1, quiet: true }, quiet);
      expect({ scenario, validated }).toEqual({ scenario, validated: ran === EXIT_BAD_INPUT ? EXIT_BAD_INPUT : EXIT_OK });
    }
    expect(files.map((scenario) => run({ scenario }).status)).toEqual([0, 2, 2, 2, 2, 2, 2, 0, 2]);
  });
});

