// The start of `cctwin` stays cheap: bin/cctwin.ts and every command
// definition it imports reach, through their static imports, only Node's
// own modules and a few small files; a command's code (the engine, the
// simulator, the server) and yargs are loaded with import() when needed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'bin', 'cctwin.js');

/** Specifiers of the imports and re-exports of `source` that load a module at run time (not `import type`, not `import()`). */
function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?'([^']+)'/gm;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) specifiers.push(m[1]!);
  return specifiers;
}

/** Every file the static imports of `entry` reach, and the packages they name. */
function reach(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(resolve(ROOT, entry));
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('what `cctwin` loads before it knows the command', () => {
  it('the parser finds imports, and leaves type imports and import() out', () => {
    const source = "import a from 'a';\nimport type { B } from 'b';\nimport { c,\n  d } from './c.js';\nexport { e } from './e.js';\nexport type { F } from 'f';\nimport 'g';\nconst h = await import('h');\n";
    expect(staticImports(source)).toEqual(['a', './c.js', './e.js', 'g']);
  });

  it('is the command definitions, the exit statuses, the output helpers and option checks: no package, not yargs', () => {
    const { files, packages } = reach('bin/cctwin.ts');
    expect(packages).toEqual([]);
    for (const file of files) expect(file, file).toMatch(/^bin\/[\w-]+\.ts$|^bin\/commands\/[\w-]+\.command\.ts$|^bin\/commands\/common-options\.ts$|^server\/server-options\.ts$/);
    expect(files.filter((f) => f.endsWith('.command.ts'))).toHaveLength(9);
  });

  it('prints --version from package.json', () => {
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });
});
