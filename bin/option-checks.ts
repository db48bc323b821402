// Checks of option values that yargs' types do not make: yargs turns
// `--seed abc` into NaN and `--runs 0` into 0 without a word. Each check
// throws one line naming the option; the CLI's failure handler turns that into
// exit status 2.

export interface NumberRule {
  /** Smallest value allowed. */
  min?: number;
  /** Largest value allowed. */
  max?: number;
  /** Only whole numbers. */
  whole?: boolean;
  /** Strictly above min (for rates and speeds). */
  aboveMin?: boolean;
}

/**
 * Throws for the first option in `rules` whose value (when given) breaks its
 * rule. Keys are the options as written on the command line, without `--`.
 */
export function checkNumbers(argv: Record<string, unknown>, rules: Record<string, NumberRule>): true {
  for (const [option, rule] of Object.entries(rules)) {
    const value = argv[option];
    if (value === undefined) continue;
    const problem = numberProblem(value, rule);
    if (problem !== null) throw new Error(`--${option} must be ${describeRule(rule)}, got ${shown(value)}${problem}`);
  }
  return true;
}

function numberProblem(value: unknown, rule: NumberRule): string | null {
  if (Array.isArray(value)) return ' (given more than once)';
  if (typeof value !== 'number' || Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return '';
  if (rule.whole && !Number.isSafeInteger(value)) return '';
  if (rule.min !== undefined && (rule.aboveMin ? value <= rule.min : value < rule.min)) return '';
  if (rule.max !== undefined && value > rule.max) return '';
  return null;
}

function describeRule(rule: NumberRule): string {
  const what = rule.whole ? 'a whole number' : 'a number';
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(rule.aboveMin ? `above ${rule.min}` : `of at least ${rule.min}`);
  if (rule.max !== undefined) parts.push(`at most ${rule.max}`);
  return [what, parts.join(' and ')].filter((p) => p !== '').join(' ');
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join(' and ');
  return typeof value === 'number' && Number.isNaN(value) ? 'a value that is not a number' : String(value);
}

/** Seeds are whole numbers the scenario schema also takes. */
export const SEED_RULE: NumberRule = { whole: true, min: 0 };
