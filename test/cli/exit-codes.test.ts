// Every exit status of bin/exit-codes.ts, reached the way CI reaches it: the
// built `cctwin` in a child process (0, 1, 2), and a command that crashes
// inside main() (3: a bug is never reported as a failed budget).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { describe, expect, it } from 'vitest';
import { main } from '../../bin/cli.js';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_DRAIN_FORCED, EXIT_INTERNAL, EXIT_OK, EXIT_STATUSES } from '../../bin/exit-codes.js';

const CLI = join(process.cwd(), 'dist', 'bin', 'cctwin.js');
const SHORT = ['--set', 'duration=30m', '--set', 'warmup=5m'];

function cctwin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('exit statuses', () => {
  it('are distinct, with a meaning each', () => {
    expect(EXIT_STATUSES.map((s) => s.status)).toEqual([EXIT_OK, EXIT_BUDGET_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_DRAIN_FORCED]);
    expect(new Set(EXIT_STATUSES.map((s) => s.status)).size).toBe(EXIT_STATUSES.length);
    for (const s of EXIT_STATUSES) expect(s.meaning.length).toBeGreaterThan(10);
  });

  it('0: all good', () => {
    expect(cctwin('validate', 'scenarios/quickstart.yaml').status).toBe(EXIT_OK);
  });

  it('1: a budget failed', () => {
    const r = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--quiet', '--set', 'budgets.0=serviceLevel >= 100%');
    expect(r.status).toBe(EXIT_BUDGET_FAILED);
  });

  it.each([
    [['run', 'scenarios/quickstart.yaml', '--seed', 'abc'], '--seed must be a whole number of at least 0, got a value that is not a number'],
    [['run', 'scenarios/quickstart.yaml', '--seed', '1.5'], '--seed must be a whole number of at least 0, got 1.5'],
    [['run', 'scenarios/quickstart.yaml', '--replications', '0'], '--replications must be a whole number of at least 1, got 0'],
    [['sweep', 'scenarios/quickstart.yaml', '--vary', 'agents.0.count=1..2:1', '--threads', 'two'], '--threads must be a whole number of at least 1, got a value that is not a number'],
    [['bench', 'routing', '--runs', 'abc'], '--runs must be a whole number of at least 1, got a value that is not a number'],
    [['bench', 'masking', '--runs', '0'], '--runs must be a whole number of at least 1, got 0'],
    [['erlang', '--rate', '1/s', '--aht', '3m', '--agents', '-4'], '--agents must be a whole number of at least 1, got -4'],
    [['serve', '--port', '70000'], '--port must be a whole number of at least 0 and at most 65535, got 70000'],
    [['load', 'scenarios/quickstart.yaml', '--speed', '0'], '--speed must be a number above 0, got 0'],
    [['run', 'scenarios/quickstart.yaml', '--bogus'], 'Unknown argument: bogus'],
  ])('2: bad option value, one line naming the option: %j', (args, message) => {
    const r = cctwin(...args);
    expect(r.status).toBe(EXIT_BAD_INPUT);
    expect(r.stdout).toBe('');
    const [first] = r.stderr.split('\n');
    expect(first).toBe(`cctwin ${args[0]}: ${message}`);
  });

  it('2: a scenario that does not load, or an output place that cannot be written, before anything runs', () => {
    expect(cctwin('run', 'no/such/scenario.yaml').status).toBe(EXIT_BAD_INPUT);
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-exit-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const out = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--out', join(file, 'sub'));
    expect(out.status).toBe(EXIT_BAD_INPUT);
    expect(out.stderr).toBe(`cctwin run: cannot write --out ${join(file, 'sub')} (ENOTDIR) (E_USAGE)\n`);
    const junit = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--junit', join(dir, 'missing', 'x.xml'));
    expect(junit.status).toBe(EXIT_BAD_INPUT);
    expect(junit.stderr).toContain('cannot write --junit');
  });

  it('3: a command that throws is an internal error, reported as a bug, never as 1 or 2', async () => {
    const crashing: CommandModule<object, object> = {
      command: 'crash', describe: 'throws', handler: () => { throw new TypeError('cannot read properties of undefined'); },
    };
    let stderr = '';
    const status = await main(['crash'], [crashing], { stdout: () => {}, stderr: (t) => { stderr += t; } });
    expect(status).toBe(EXIT_INTERNAL);
    expect(stderr).toContain('cctwin: internal error: TypeError: cannot read properties of undefined');
    expect(stderr).toContain('This is a bug in cctwin');
    process.exitCode = undefined;
  });

  it('3: an async command that rejects too', async () => {
    const rejecting: CommandModule<object, object> = {
      command: 'reject', describe: 'rejects', handler: async () => { await Promise.resolve(); throw new Error('lost'); },
    };
    const status = await main(['reject'], [rejecting], { stdout: () => {}, stderr: () => {} });
    expect(status).toBe(EXIT_INTERNAL);
    process.exitCode = undefined;
  });
});
