// The tree reads as the architecture: each top-level folder is a room on a
// floor, and product code imports only its own room or rooms on lower
// floors. A driver (server, load, planning, pipeline) can then change without
// the world, the reports or the engine noticing, and `bin/` stays a thin
// shell over them. Tests and the side-by-side benchmarks in bench/ stand
// outside the house: they may import anything, and nothing imports them.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, specifiersOf, tsFiles } from './source-imports.js';

/** Floors, lowest first; rooms on one floor do not import each other unless listed in SIDEWAYS. */
const FLOORS: readonly (readonly string[])[] = [
  ['engine'],
  ['scenarios'],
  ['reports'],
  ['sim'],
  ['server', 'pipeline'],
  ['load', 'planning', 'microbench'],
  ['bin'],
];
const OUTSIDE = new Set(['test', 'bench', 'webex-sdk', 'vitest.config.ts']);

const floorOf = new Map<string, number>();
FLOORS.forEach((rooms, floor) => rooms.forEach((room) => floorOf.set(room, floor)));

const posix = (path: string): string => path.split(sep).join('/');
const roomOf = (path: string): string => posix(relative(root, path)).split('/')[0]!;

/** Whether `spec`, imported by `file`, lands in another room on the same floor or a higher one (or in no room of the house). */
function runsUp(file: string, spec: string): boolean {
  const from = roomOf(file);
  const fromFloor = floorOf.get(from);
  if (fromFloor === undefined || !spec.startsWith('.')) return false;
  const to = roomOf(resolve(dirname(file), spec));
  if (to === from) return false;
  const toFloor = floorOf.get(to);
  return toFloor === undefined || toFloor >= fromFloor;
}

function upwardImports(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
      if (runsUp(file, spec)) found.push(`${posix(relative(root, file))} imports ${spec}`);
    }
  }
  return found;
}

const product = tsFiles(root).filter((f) => !/\.test\.ts$/.test(f) && !OUTSIDE.has(roomOf(f)));

describe('the rooms of the tree', () => {
  it('every top-level folder of product code has a floor', () => {
    const rooms = new Set(product.map(roomOf));
    expect([...rooms].filter((room) => !floorOf.has(room))).toEqual([]);
    expect(rooms).toContain('server');
    expect(rooms).toContain('engine');
  });

  it('no import runs back up a floor or sideways between rooms', () => {
    expect(upwardImports(product)).toEqual([]);
  });

  it('the check catches an import up a floor, sideways, and into bench/', () => {
    const cases: [string, string, boolean][] = [
      ['scenarios/x.ts', '../sim/random/prng.js', true],
      ['reports/html/x.ts', '../../load/index.js', true],
      ['server/x.ts', '../pipeline/threads/pool.js', true],
      ['bin/commands/x.ts', '../../bench/masking/main.js', true],
      ['sim/runner/x.ts', '../../engine/index.js', false],
      ['load/x.ts', '../server/index.js', false],
      ['planning/sweep/x.ts', '../../pipeline/threads/pool.js', false],
      ['bin/commands/x.ts', './run.command.js', false],
    ];
    for (const [file, spec, up] of cases) expect(runsUp(join(root, file), spec), `${file} -> ${spec}`).toBe(up);
  });
});
