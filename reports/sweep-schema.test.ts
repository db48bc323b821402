// reports/sweep.schema.json against real sweeps (sweep.json as `cctwin sweep
// --out` writes it, and a sweep no point of which meets its budgets) and
// against the model: every field sweepJson writes is in the schema, and each
// point's report is a run report (it $refs reports/report.schema.json).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runSweepCommand } from '../bin/commands/sweep.js';
import { runSweep } from '../planning/sweep/sweep.js';
import { sweepJson, type SweepRow } from './render-sweep.js';

const json = (file: string): Record<string, any> => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Record<string, any>;
const schema = json('./sweep.schema.json');
const ajv = new Ajv({ allErrors: true });
ajv.addSchema(json('./report.schema.json'));
const validate = ajv.compile(schema);

function errorsOf(value: unknown): string {
  return validate(value) ? '' : JSON.stringify(validate.errors, null, 1);
}

// Fails to compile when SweepRow gains or loses a field. `true`: written to sweep.json and required there.
const ROW: Record<keyof SweepRow, boolean> = { values: true, agents: true, pass: true, report: true };
const SWEEP = { file: 'scenarios/erlang-c.yaml', set: ['duration=4h', 'warmup=30m'], replications: 1, threads: 1 };

describe('sweep.schema.json', () => {
  let written: Record<string, any>;

  it('accepts sweep.json as `cctwin sweep --out` writes it, and lists exactly the fields sweepJson writes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cctwin-sweep-schema-'));
    const status = await runSweepCommand({ scenario: SWEEP.file, set: SWEEP.set, vary: ['agents.0.count=88..104:16'], replications: 1, threads: 1, quiet: true, out }, { stdout: () => {}, stderr: () => {} });
    expect(status).toBe(0);
    written = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(written.points).toHaveLength(2);
    expect(written.cheapest).toBe(1);
    expect(errorsOf(written)).toBe('');

    expect(Object.keys(written).sort()).toEqual(Object.keys(schema.properties).sort());
    expect([...schema.required].sort()).toEqual(Object.keys(schema.properties).sort());
    const item = schema.properties.points.items;
    for (const p of written.points) expect(Object.keys(p).sort()).toEqual(Object.keys(item.properties).sort());
    expect(Object.keys(item.properties).sort()).toEqual(Object.keys(ROW).sort());
    expect([...item.required].sort()).toEqual(Object.keys(ROW).filter((k) => ROW[k as keyof SweepRow]).sort());
  });

  it('accepts a sweep where no point meets every budget (cheapest null)', async () => {
    const result = await runSweep({ ...SWEEP, varies: [{ path: 'agents.0.count', values: ['88'] }] });
    expect(result.cheapest).toBeNull();
    const parsed = JSON.parse(sweepJson('erlang-c', result.points, result.cheapest)) as Record<string, any>;
    expect(parsed.points[0].pass).toBe(false);
    expect(errorsOf(parsed)).toBe('');
  });

  it('rejects a sweep whose point report is not a run report, and other wrong shapes', () => {
    expect(written).toBeDefined();
    const broken: ((s: any) => void)[] = [
      (s) => { delete s.points[0].report.serviceLevel; },
      (s) => { s.points[0].report.surprise = 1; },
      (s) => { s.points[0].values['agents.0.count'] = 88; },
      (s) => { s.points[0].pass = 'yes'; },
      (s) => { s.points = []; },
      (s) => { s.cheapest = -1; },
      (s) => { s.extra = true; },
    ];
    for (const breakIt of broken) {
      const s = structuredClone(written);
      breakIt(s);
      expect(validate(s), breakIt.toString()).toBe(false);
    }
  });
});
