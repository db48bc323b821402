// The engine's one read seam: code outside engine/ uses the engine through
// engine/index.ts (Engine, commands, events, errors, masking, and the
// read-only views of engine.view), never the core's state records. The
// records may change shape for speed; drivers, samplers and the server must
// not notice. Checked on the source: every import or export-from specifier
// (static or dynamic) of every TypeScript file outside engine/.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root, specifiersOf, tsFiles } from './source-imports.js';

/** Whether a specifier, resolved from `file`, lands on the engine's core or state records. */
function reachesCore(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(root, resolve(dirname(file), specifier)).split(sep).join('/');
  return /^engine\/core(\.[jt]s)?$/.test(target) || /^engine\/state(\/|$)/.test(target);
}

const self = fileURLToPath(import.meta.url);
const outside = tsFiles(root).filter((f) => !relative(root, f).split(sep).join('/').startsWith('engine/'));

describe('the engine seam', () => {
  it('finds the files it checks (the walk is not empty)', () => {
    const names = outside.map((f) => relative(root, f).split(sep).join('/'));
    expect(names).toContain('sim/runner/virtual-runner.ts');
    expect(names).toContain('server/engine-host.ts');
    expect(names).toContain('test/architecture/engine-seam.test.ts');
  });

  it('no file outside engine/ imports engine/core.ts or engine/state/*', () => {
    const offenders: string[] = [];
    for (const file of outside) {
      if (file === self) continue; // its own examples below
      for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
        if (reachesCore(file, spec)) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches the forms of import it is meant to catch', () => {
    const file = join(root, 'sim/runner/x.ts');
    const src = [
      "import type { EngineCore } from '../../engine/core.js';",
      "import { Agent } from \"../../engine/state/types.js\";",
      "export { OpenList } from '../../engine/state/open-list.js';",
      "const m = await import('../../engine/core.js');",
      "import { Engine } from '../../engine/index.js';",
      "import { maskText } from '../../engine/masking/index.js';",
    ].join('\n');
    expect(specifiersOf(src).filter((s) => reachesCore(file, s))).toEqual([
      '../../engine/core.js', '../../engine/state/types.js', '../../engine/state/open-list.js', '../../engine/core.js',
    ]);
  });

  it('engine/index.ts itself exports nothing from the core or state modules', () => {
    const leaks = specifiersOf(readFileSync(join(root, 'engine/index.ts'), 'utf8')).filter((s) => /^\.\/(core(\.js)?|state\/.*)$/.test(s));
    expect(leaks).toEqual([]);
  });
});
