import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { runValidate, validateCommand, type ValidateArgs } from './validate.js';

const dir = mkdtempSync(join(tmpdir(), 'cctwin-validate-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const good = write('good.yaml', `name: shop
duration: 1h
queues: [{name: a}, {name: b}]
agents:
  - {group: g1, count: 10, queues: [a]}
  - {group: g2, count: 5, queues: [a, b]}
customers:
  - {channel: sms, queue: a, arrivals: 1/s, handleTime: exp(1m)}
`);
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
});
