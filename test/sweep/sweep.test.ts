// A sweep over staffing: too few agents fail the budgets, enough pass, and the
// cheapest passing point is the one marked, whatever the thread count.
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../planning/sweep/sweep.js';
import { runSweepCommand } from '../../bin/commands/sweep.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = { file: 'scenarios/erlang-c.yaml', set: ['duration=20h', 'warmup=1h'], replications: 1 };

describe('sweep', () => {
  it('marks the fewest agents that meet every budget, the same on 1 and 2 threads', async () => {
    const varies = [{ path: 'agents.0.count', values: ['92', '96', '100', '104'] }];
    const one = await runSweep({ ...base, varies, threads: 1 });
    const two = await runSweep({ ...base, varies, threads: 2 });
    const passes = one.points.map((p) => p.pass);
    expect(passes[0]).toBe(false);
    expect(passes[3]).toBe(true);
    expect(one.cheapest).toBe(passes.indexOf(true));
    expect(one.points[one.cheapest!]!.agents).toBe(Number(one.points[one.cheapest!]!.values['agents.0.count']));
    expect(two.cheapest).toBe(one.cheapest);
    expect(two.points.map((p) => p.report.serviceLevel.value)).toEqual(one.points.map((p) => p.report.serviceLevel.value));
    // More agents, better service.
    const sl = one.points.map((p) => p.report.serviceLevel.value);
    expect([...sl].sort((a, b) => a - b)).toEqual(sl);
  });

  it('fails before running anything when a point does not load', async () => {
    await expect(runSweep({ ...base, varies: [{ path: 'agents.0.countt', values: ['1'] }], threads: 1 })).rejects.toBeInstanceOf(ScenarioError);
  });

  it('answers a bad --vary with exit status 2 and a clear message', async () => {
    const err: string[] = [];
    const status = await runSweepCommand(
      { scenario: base.file, set: [], vary: ['agents.0.count=100..90:1'], replications: 1, threads: 1 },
      { stdout: () => {}, stderr: (t) => err.push(t) },
    );
    expect(status).toBe(2);
    expect(err.join('')).toContain('--vary agents.0.count=100..90:1: TO must not be below FROM');
  });

  it('with --out writes sweep.json and for each point its report, page and histogram log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-sweep-'));
    const status = await runSweepCommand(
      { scenario: base.file, set: base.set, vary: ['agents.0.count=96..100:4'], replications: 1, threads: 1, out: dir, quiet: true },
      { stdout: () => {}, stderr: () => {} },
    );
    expect(status).toBe(0);
    const sweep = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    expect(sweep.points.map((p: { values: Record<string, string> }) => p.values['agents.0.count'])).toEqual(['96', '100']);
    for (const point of ['point-1', 'point-2']) {
      for (const file of ['report.json', 'report.html', 'histograms.hlog']) expect(existsSync(join(dir, point, file)), `${point}/${file}`).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'point-2', 'report.json'), 'utf8')).agents.count).toBe(100);
  });

  it('picks on simulated budgets only: a wall-clock budget no machine meets is judged on the pick alone, and fails the sweep', async () => {
    const varies = [{ path: 'agents.0.count', values: ['92', '100', '104'] }];
    const plain = await runSweep({ ...base, varies, threads: 1 });
    const withWall = await runSweep({ ...base, set: [...base.set, 'budgets.2=engine.route.p99 <= 0.001us'], varies, threads: 1 });
    expect(withWall.cheapest).toBe(plain.cheapest);
    expect(plain.pass).toBe(true);
    expect(withWall.pass).toBe(false);
    withWall.points.forEach((p, i) => {
      const wall = p.report.budgets.find((b) => b.budget === 'engine.route.p99 <= 0.001us')!;
      if (i === withWall.cheapest) {
        expect(wall.skipped).toBeUndefined();
        expect(wall.pass).toBe(false);
        expect(wall.timing!.passes).toHaveLength(3);
        expect(p.pass).toBe(false);
      } else {
        expect(wall.skipped).toMatch(/picked point only/);
      }
    });
  });

  it('with --junit writes a suite per point and names the cheapest (here with --check on)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-sweep-junit-'));
    const file = join(dir, 'sweep.xml');
    const status = await runSweepCommand(
      // --check verifies the engine's invariants after every command: a shorter day, and points far apart so each verdict is clear in it.
      { scenario: base.file, set: ['duration=4h', 'warmup=30m'], vary: ['agents.0.count=92..108:16'], replications: 1, threads: 1, junit: file, quiet: true, check: true },
      { stdout: () => {}, stderr: () => {} },
    );
    expect(status).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite name="point 1: agents.0.count=92 (92 agents)"');
    expect(xml).toContain('<testsuite name="point 2: agents.0.count=108 (108 agents), cheapest"');
    expect(xml).toContain('name="cheapest point meeting every budget: point 2: agents.0.count=108 (108 agents), cheapest"/>');
    expect(xml).toMatch(/<testsuite name="point 1[^"]*" tests="\d+" failures="[1-9]/);
  });
});

