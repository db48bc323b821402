// A scenario that cannot be loaded, with every problem found in it, each
// placed at a file, line and key path so the user can go straight there.
import type { ErrorCode } from '../engine/errors.js';

export interface ScenarioIssue {
  /** The scenario file, or `--set PATH=VALUE` for a problem in an override. */
  file: string;
  /** 1-based; 0 when the problem has no place in a file (an override, an unreadable file). */
  line: number;
  /** 1-based; 0 with line 0. */
  column: number;
  /** Dotted key path, as `--set` takes it: `agents.0.capacity`; empty for the whole file. */
  path: string;
  /** What was expected, and what was found. */
  message: string;
}

export type ScenarioErrorCode = Extract<ErrorCode, `E_SCENARIO_${string}`>;

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';

  constructor(
    readonly code: ScenarioErrorCode,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(issues.map(formatIssue).join('\n'));
  }
}

/** `file:line:col  path.to.key  what was expected` */
export function formatIssue(issue: ScenarioIssue): string {
  const place = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return [place, issue.path, issue.message].filter((part) => part !== '').join('  ');
}
