// One way from a scenario to a judged report (pipeline/run-pipeline.ts):
// outside pipeline/, product code neither runs replications, merges them nor
// judges budgets on its own, so `run`, `sweep` and the simulate API cannot
// drift apart. Tests of those parts themselves may call them.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tsFiles } from './source-imports.js';

/** The steps of the pipeline, by the names that run them. */
const STEPS = /\b(buildMergedReport|runTasks|runReplications|judgeRunBudgets|judgeWallClockBudgets)\s*\(/;
/** Where the steps are defined or may be called: the pipeline, and the report merge's own definition. */
const HOMES = ['pipeline/', 'reports/merged-report.ts'];
const OUTSIDE_THE_PRODUCT = ['test/', 'bench/', 'webex-sdk/'];

const rel = (f: string): string => relative(root, f).split(sep).join('/');

describe('one pipeline', () => {
  const product = tsFiles(root).map(rel).filter((f) => !f.endsWith('.test.ts') && !OUTSIDE_THE_PRODUCT.some((p) => f.startsWith(p)));

  it('finds run, sweep and the pipeline among the files it checks', () => {
    expect(product).toEqual(expect.arrayContaining(['bin/commands/run.ts', 'planning/sweep/sweep.ts', 'pipeline/run-pipeline.ts']));
  });

  it('no product code outside pipeline/ runs, merges or judges replications itself', () => {
    const offenders = product.filter((f) => !HOMES.some((h) => f.startsWith(h)) && STEPS.test(readFileSync(`${root}/${f}`, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('run and sweep go through runPipeline', () => {
    for (const f of ['bin/commands/run.ts', 'planning/sweep/sweep.ts']) expect(readFileSync(`${root}/${f}`, 'utf8'), f).toMatch(/\brunPipeline\(/);
  });
});
