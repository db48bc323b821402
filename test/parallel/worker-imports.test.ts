// What a replication worker loads at start-up, read from the sources: every
// module it imports at run time (type-only imports are erased by tsc and
// cost nothing). Each package here is paid for by every worker of every
// process, before its first replication; the pool file itself must stay
// light, so that a command can start the workers before its own thread has
// loaded the simulation.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../architecture/source-imports.js';

/** The specifiers a file imports at run time: no `import type`, no import of types alone. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const out: string[] = [];
  for (const st of source.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause !== undefined && clause.name === undefined && named !== undefined
        && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((st.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier !== undefined && !st.isTypeOnly) {
      const named = st.exportClause;
      const onlyTypes = named !== undefined && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((st.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  // Dynamic imports load later, when (and if) their code runs: not at start-up.
  return out;
}

/** Every repository module and every package loaded at start-up from `entry`. */
function startupGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeSpecifiers(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(join(root, entry));
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

describe('what a replication worker loads at start-up', () => {
  const worker = startupGraph('pipeline/threads/replication-worker.ts');

  it('runs the simulation: the runner, the engine and the message generator', () => {
    expect(worker.files).toContain('sim/runner/virtual-runner.ts');
    expect(worker.files).toContain('engine/index.ts');
    expect(worker.files).toContain('sim/messages/message-locale.ts');
  });

  it("loads faker by locale, never from its root (which builds every one of faker's locales)", () => {
    const faker = worker.packages.filter((p) => p.startsWith('@faker-js/faker'));
    expect(faker.length).toBeGreaterThan(0);
    expect(faker.filter((p) => !p.startsWith('@faker-js/faker/locale/'))).toEqual([]);
  });

  it('does not load the scenario file reader or checker: workers get the scenario already normalized', () => {
    expect(worker.packages).not.toContain('yaml');
    expect(worker.packages).not.toContain('ajv');
    expect(worker.files.filter((f) => f.startsWith('scenarios/') && !f.endsWith('scenario.ts'))).toEqual([]);
  });

  it('the pool itself loads no simulation: a command can start the workers first', () => {
    const pool = startupGraph('pipeline/threads/pool.ts');
    expect(pool.packages).toEqual(['piscina']);
    // Seeds are planned here (sim/random), the rest is the pool's own.
    expect(pool.files.filter((f) => !f.startsWith('pipeline/threads/') && !f.startsWith('sim/random/'))).toEqual([]);
    expect(pool.files).not.toContain('pipeline/threads/replicate.ts');
  });
});
