// The command line as a user and CI see it: the built `cctwin` in a child
// process, its stdout, stderr, files and exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'bin', 'cctwin.js');
const SHORT = ['--set', 'duration=1h', '--set', 'warmup=10m'];

function cctwin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function wallFree(json: string): unknown {
  const r = JSON.parse(json);
  delete r.wall;
  for (const name of Object.keys(r.histograms)) if (name.startsWith('engine.')) delete r.histograms[name];
  r.budgets = r.budgets.filter((b: { budget: string }) => !b.budget.startsWith('engine.'));
  return r;
}

describe('cctwin run', () => {
  it('prints the report and exits 0 when every budget passes', () => {
    const r = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('every arrived conversation is in exactly one end state');
    expect(r.stdout).toMatch(/all \d+ budgets pass/);
  });

  it('prints the interval table only when the scenario sets interval: or with --intervals', () => {
    const erlang = ['run', 'scenarios/erlang-c.yaml', '--set', 'duration=4h', '--set', 'warmup=1h'];
    const header = /^Intervals/m;
    expect(cctwin(...erlang).stdout).not.toMatch(header);
    expect(cctwin(...erlang, '--intervals').stdout).toMatch(header);
    expect(cctwin(...erlang, '--set', 'interval=1h').stdout).toMatch(header);
    expect(cctwin('run', 'scenarios/quickstart.yaml', ...SHORT).stdout).toMatch(header);
  });

  it('with --json prints only the JSON report, the same for the same seed, and different for another', () => {
    const a = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--json');
    const b = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--json');
    const c = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--json', '--seed', '99');
    expect(a.status).toBe(0);
    expect(() => JSON.parse(a.stdout)).not.toThrow();
    expect(wallFree(b.stdout)).toEqual(wallFree(a.stdout));
    expect(wallFree(c.stdout)).not.toEqual(wallFree(a.stdout));
    expect(JSON.parse(c.stdout).seed).toBe(99);
  });

  it('gives the same replicated report whatever --threads is', () => {
    const one = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--json', '--replications', '3', '--threads', '1');
    const two = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--json', '--replications', '3', '--threads', '2');
    expect(wallFree(two.stdout)).toEqual(wallFree(one.stdout));
    expect(JSON.parse(one.stdout).confidence.serviceLevel.halfWidth).toBeGreaterThan(0);
  });

  it('exits 1 when a budget fails, and writes the verdicts as JUnit and the report into --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-'));
    const r = cctwin('run', 'scenarios/quickstart.yaml', ...SHORT, '--set', 'budgets.0=serviceLevel >= 0.999', '--junit', join(dir, 'budgets.xml'), '--out', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL');
    const junit = readFileSync(join(dir, 'budgets.xml'), 'utf8');
    expect(junit).toContain('failures="1"');
    expect(junit).toContain('serviceLevel &gt;= 0.999');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).scenario).toBe('quickstart');
  });

  it('exits 2 naming file, line and key for a bad scenario, and prints every error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['name: bad', 'duration: 2 hours', 'queues:', '  - name: q', 'agents:', '  - group: g', '    count: many', '    queues: [q]', 'customers: []', 'budgets:', '  - nonsense >= 1', ''].join('\n'));
    const r = cctwin('run', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:2:`);
    expect(r.stderr).toContain('duration');
    expect(r.stderr).toContain(`${file}:7:`);
    expect(r.stderr).toContain('agents.0.count');
  });

  it('exits 2 for bad usage', () => {
    expect(cctwin('run').status).toBe(2);
    expect(cctwin('frobnicate').status).toBe(2);
    expect(cctwin('run', 'scenarios/quickstart.yaml', '--replications', '0').status).toBe(2);
  });
});
