// The committed bench budget file (JSON, or YAML by its extension): how
// large and how many the measured runs are, and the budgets. README.md here
// documents it.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseBenchBudget, type BenchBudget } from './parse-bench-budget.js';

export interface BenchSettings {
  /** Timed runs per figure; the median is checked. */
  runs: number;
  /** Messages in each masking corpus. */
  maskingMessages: number;
  /** Agents in the routing bench's queue, and routing calls per run. */
  routingAgents: number;
  routingDecisions: number;
  /** Conversations in the simulator bench's large center. */
  simConversations: number;
  /**
   * Rounds of measuring again when a figure misses: the new runs join the
   * old and the median of all is checked again, so a burst of noise from a
   * shared machine fades while a real slowdown still fails. 0: never.
   */
  remeasureOnMiss: number;
}

export interface BenchBudgetFile {
  settings: BenchSettings;
  budgets: BenchBudget[];
}

export const DEFAULT_SETTINGS: BenchSettings = { runs: 5, maskingMessages: 5000, routingAgents: 1000, routingDecisions: 50_000, simConversations: 100_000, remeasureOnMiss: 1 };

export class BenchBudgetFileError extends Error {}

export function loadBenchBudgetFile(path: string): BenchBudgetFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new BenchBudgetFileError(`${path}: cannot read it (${(err as Error).message})`);
  }
  return parseBenchBudgetFile(text, path);
}

export function parseBenchBudgetFile(text: string, path = '<budgets>'): BenchBudgetFile {
  let doc: unknown;
  try {
    // YAML reads JSON too.
    doc = parseYaml(text);
  } catch (err) {
    throw new BenchBudgetFileError(`${path}: not valid JSON or YAML: ${(err as Error).message}`);
  }
  const problems: string[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new BenchBudgetFileError(`${path}: expected an object with "budgets" (and optionally "settings")`);
  const { budgets, settings, ...rest } = doc as Record<string, unknown>;
  for (const key of Object.keys(rest)) if (key !== 'description') problems.push(`unknown key "${key}" (expected description, settings, budgets)`);

  const merged: BenchSettings = { ...DEFAULT_SETTINGS };
  if (settings !== undefined) {
    if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) problems.push('"settings" must be an object');
    else for (const [key, value] of Object.entries(settings)) {
      if (!(key in DEFAULT_SETTINGS)) problems.push(`settings: unknown key "${key}" (expected ${Object.keys(DEFAULT_SETTINGS).join(', ')})`);
      else {
        const least = key === 'remeasureOnMiss' ? 0 : 1;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < least) problems.push(`settings.${key}: expected a whole number of at least ${least}, got ${JSON.stringify(value)}`);
        else merged[key as keyof BenchSettings] = value;
      }
    }
  }

  const parsed: BenchBudget[] = [];
  if (!Array.isArray(budgets) || budgets.length === 0) problems.push('"budgets" must be a non-empty list of expressions like "sim.eventsPerSecond >= 500000"');
  else budgets.forEach((b, i) => {
    if (typeof b !== 'string') return problems.push(`budgets[${i}]: expected a string, got ${JSON.stringify(b)}`);
    const r = parseBenchBudget(b);
    if (r.ok) parsed.push(r.budget);
    else problems.push(`budgets[${i}]: ${r.message}`);
  });
  if (problems.length > 0) throw new BenchBudgetFileError(`${path}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { settings: merged, budgets: parsed };
}
