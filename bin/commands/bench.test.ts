// `cctwin bench --budget` as CI runs it: the built CLI in a child process,
// on a small budget file, its exit status, table, JSON and JUnit file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_BUDGET_FAILED, EXIT_OK } from '../exit-codes.js';

const CLI = join(process.cwd(), 'dist', 'bin', 'cctwin.js');
const SMALL = { runs: 1, maskingMessages: 300, routingAgents: 50, routingDecisions: 2000, simConversations: 1000, remeasureOnMiss: 0 };

function benchWith(budgets: unknown, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'cctwin-bench-'));
  const file = join(dir, 'budgets.json');
  writeFileSync(file, JSON.stringify(budgets));
  const r = spawnSync(process.execPath, [CLI, 'bench', '--budget', file, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, dir };
}

describe('cctwin bench --budget', () => {
  it('exits 0 and prints a PASS row per budget when every figure holds, measuring only the sources named', () => {
    const r = benchWith({ settings: SMALL, budgets: ['sim.eventsPerSecond >= 1000', 'routing.round-robin.p99 <= 1s'] });
    expect(r.status).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/sim\.eventsPerSecond >= 1000 .* PASS$/m);
    expect(r.stdout).toMatch(/routing\.round-robin\.p99 <= 1s .* PASS$/m);
    expect(r.stdout).toContain('all 2 bench budgets pass');
    expect(r.stderr).not.toContain('measuring masking');
  });

  it('exits 1 when a figure misses, and says which', () => {
    const again = benchWith({ settings: SMALL, budgets: ['sim.eventsPerSecond >= 1000', 'sim.eventsPerSecond <= 1'] }, '--junit', join(mkdtempSync(join(tmpdir(), 'j-')), 'bench.xml'));
    expect(again.status).toBe(EXIT_BUDGET_FAILED);
    expect(again.stdout).toMatch(/sim\.eventsPerSecond <= 1 .* FAIL$/m);
    expect(again.stdout).toContain('1 of 2 bench budgets FAILED');
  });

  it('writes JUnit XML with one test case per budget', () => {
    const xmlFile = join(mkdtempSync(join(tmpdir(), 'j-')), 'bench.xml');
    const r = benchWith({ settings: SMALL, budgets: ['routing.least-busy.p99 <= 1s', 'routing.least-busy.p99 <= 1ns'] }, '--junit', xmlFile);
    expect(r.status).toBe(EXIT_BUDGET_FAILED);
    const xml = readFileSync(xmlFile, 'utf8');
    expect(xml).toContain('<testsuite name="bench" tests="2" failures="1"');
    expect(xml).toMatch(/<failure type="budget" message="routing\.least-busy\.p99 &lt;= 1ns failed: the figure is \d+ ns"\/>/);
  });

  it('with --json prints the verdicts as JSON only', () => {
    const r = benchWith({ settings: SMALL, budgets: ['masking.dense.ratioVsBaseline >= 0.01'] }, '--json');
    expect(r.status).toBe(EXIT_OK);
    const out = JSON.parse(r.stdout);
    expect(out.settings).toEqual(SMALL);
    expect(out.budgets).toHaveLength(1);
    expect(out.budgets[0]).toMatchObject({ figure: 'masking.dense.ratioVsBaseline', threshold: 0.01, pass: true });
    expect(out.budgets[0].runs).toHaveLength(1);
    expect(out.budgets[0].median).toBeGreaterThan(0.01);
  });

  it('exits 2 on a bad budget file, naming the problem', () => {
    const r = benchWith({ budgets: ['sim.eventsPerSec >= 1'] });
    expect(r.status).toBe(EXIT_BAD_INPUT);
    expect(r.stderr).toMatch(/unknown figure "sim\.eventsPerSec".*sim\.eventsPerSecond/);
    expect(r.stdout).toBe('');
  });
});
