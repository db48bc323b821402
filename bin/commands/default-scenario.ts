// The scenario a server-side command uses when none is named:
// scenarios/quickstart.yaml from the working directory, else from the
// package this file belongs to.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultScenario(): string {
  const relativePath = join('scenarios', 'quickstart.yaml');
  if (existsSync(relativePath)) return relativePath;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return relativePath;
}
