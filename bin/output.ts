// Where commands print: stdout for results, stderr for everything else. Tests
// pass their own Output to capture both.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScenarioError } from '../scenarios/scenario-error.js';

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Every problem of a scenario that does not load, one per line, then a count and the code. */
export function printScenarioError(out: Output, file: string, err: ScenarioError): void {
  const n = err.issues.length;
  out.stderr(`${err.message}\n${n} problem${n === 1 ? '' : 's'} in ${file} (${err.code})\n`);
}

/** One line naming the command and what was wrong with how it was called. */
export function printUsageError(out: Output, command: string, message: string): void {
  out.stderr(`cctwin ${command}: ${message} (E_USAGE)\n`);
}

/** A file or folder named by an option (`--out`, `--junit`) that cannot be written: bad input, exit 2. */
export class OutputPathError extends Error {
  constructor(option: string, path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    super(`cannot write ${option} ${path} (${code})`);
  }
}

/** Runs `write`, turning a failure to write where the user pointed into an OutputPathError. */
export function writingTo<T>(option: string, path: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code === 'string') throw new OutputPathError(option, path, err);
    throw err;
  }
}

/**
 * Checks before a long run that its output places can be written: `--out`
 * is created, `--junit`'s folder must exist. Throws OutputPathError.
 */
export function prepareOutputs(paths: { out?: string | undefined; junit?: string | undefined }): void {
  if (paths.out !== undefined) {
    const out = paths.out;
    writingTo('--out', out, () => mkdirSync(out, { recursive: true }));
  }
  if (paths.junit !== undefined) {
    const junit = paths.junit;
    writingTo('--junit', junit, () => {
      if (!statSync(dirname(resolve(junit))).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      if (existsSync(junit) && statSync(junit).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    });
  }
}
