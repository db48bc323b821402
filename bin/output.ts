// Where commands print: stdout for results, stderr for everything else. Tests
// pass their own Output to capture both.
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
