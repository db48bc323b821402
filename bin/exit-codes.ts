// Every exit status the `cctwin` command line uses, in one place, so CI can
// tell a breached budget from a broken scenario from a bug in cctwin.
// docs/exit-codes.md lists them for users; test/cli/exit-codes.test.ts checks
// that it does, and that each is reachable.

/** All good: every budget and gate passed. */
export const EXIT_OK = 0;
/** A verdict failed: a budget, no sweep point meeting every budget, in `load` a masking leak or counts that do not balance. */
export const EXIT_BUDGET_FAILED = 1;
/** Bad usage or bad input: an unknown option, a bad option value, a scenario that does not load. */
export const EXIT_BAD_INPUT = 2;
/** cctwin itself failed (a bug, or the engine crashed): never a verdict on the scenario. */
export const EXIT_INTERNAL = 3;
/** `serve`: the drain ran out of time (`--drain-timeout`) and closed the connections left, whatever they were doing. */
export const EXIT_DRAIN_FORCED = 4;

export interface ExitStatus {
  status: number;
  name: string;
  meaning: string;
}

export const EXIT_STATUSES: readonly ExitStatus[] = [
  { status: EXIT_OK, name: 'EXIT_OK', meaning: 'all good: every budget and gate passed' },
  { status: EXIT_BUDGET_FAILED, name: 'EXIT_BUDGET_FAILED', meaning: 'a verdict failed: a budget, no sweep point meeting every budget, or in `load` a masking leak or counts that must balance and do not' },
  { status: EXIT_BAD_INPUT, name: 'EXIT_BAD_INPUT', meaning: 'bad usage or bad input: an unknown option, a bad option value, a scenario or budget file that does not load' },
  { status: EXIT_INTERNAL, name: 'EXIT_INTERNAL', meaning: 'cctwin itself failed (a bug: please report it with the message printed)' },
  { status: EXIT_DRAIN_FORCED, name: 'EXIT_DRAIN_FORCED', meaning: '`serve` only: the drain reached --drain-timeout and closed the connections still open, whatever they were doing' },
];
