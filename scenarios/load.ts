// Loads a scenario file: YAML with node positions, `--set` overrides, the
// schema, the cross-field checks, then normalization. Every problem found is
// reported at once, placed at its line and key path.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { crossCheckIssues } from './cross-checks.js';
import { formatKeyPath, startsWith, type PathIssue } from './key-path.js';
import { normalizeScenario } from './normalize.js';
import type { Scenario } from './scenario.js';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import type { ScenarioSource } from './scenario-source.js';
import { schemaIssues } from './schema-validate.js';
import { applySetOverrides, type AppliedOverrides } from './set-override.js';
import { locate } from './yaml-locate.js';

/**
 * Checks the loader cannot make itself: `checkBudget` judges one budget
 * expression (null when it parses, else what is wrong), so budget errors come
 * in the same list as the schema's and the cross-field checks'. The loader
 * leaves budgets to reports/budgets, which knows the metrics.
 */
export interface LoadChecks {
  checkBudget?: (expression: string) => string | null;
}

export function loadScenario(file: string, overrides: readonly string[] = [], checks: LoadChecks = {}): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ScenarioError('E_SCENARIO_READ', [{ file, line: 0, column: 0, path: '', message: `cannot read the file (${reason})` }]);
  }
  return parseScenarioText(text, file, overrides, checks);
}

export function parseScenarioText(text: string, file: string, overrides: readonly string[] = [], checks: LoadChecks = {}): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError('E_SCENARIO_SYNTAX', doc.errors.map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return { file, line, column: col, path: '', message: e.message.split('\n')[0] };
    }));
  }

  const sets = applySetOverrides(doc, overrides);
  const data: unknown = doc.toJS();
  const found = [...schemaIssues(data), ...crossCheckIssues(data), ...budgetIssues(data, checks)];
  const setIssues = sets.issues.map((i) => ({ file: `--set ${i.override}`, line: 0, column: 0, path: i.path, message: i.message }));
  const issues = [...setIssues, ...dedupe(found).map((i) => place(i, doc, lineCounter, file, sets)).sort(byPlace)];
  if (issues.length > 0) throw new ScenarioError(setIssues.length > 0 ? 'E_SCENARIO_SET' : 'E_SCENARIO_SCHEMA', issues);

  const source = data as ScenarioSource;
  const budgetLines = (source.budgets ?? []).map((_, i) => {
    const path = ['budgets', i];
    return overriddenBy(path, sets) ? undefined : locate(doc, lineCounter, path).line;
  });
  return normalizeScenario(source, file, budgetLines);
}

function budgetIssues(data: unknown, checks: LoadChecks): PathIssue[] {
  const check = checks.checkBudget;
  const budgets = (data as { budgets?: unknown } | null)?.budgets;
  if (check === undefined || !Array.isArray(budgets)) return [];
  const issues: PathIssue[] = [];
  budgets.forEach((expression, i) => {
    // A budget that is not a string is the schema's to report.
    const message = typeof expression === 'string' ? check(expression) : null;
    if (message !== null) issues.push({ path: ['budgets', i], message });
  });
  return issues;
}

/** A problem in a value that came from `--set` is reported against that override, which has no line. */
function place(issue: PathIssue, doc: Document, lineCounter: LineCounter, file: string, sets: AppliedOverrides): ScenarioIssue {
  const path = formatKeyPath(issue.path);
  const override = overriddenBy(issue.path, sets);
  if (override !== undefined) return { file: `--set ${override}`, line: 0, column: 0, path, message: issue.message };
  const { line, column } = locate(doc, lineCounter, issue.path);
  return { file, line, column, path, message: issue.message };
}

function overriddenBy(path: PathIssue['path'], sets: AppliedOverrides): string | undefined {
  return sets.applied.findLast((a) => startsWith(path, a.path))?.override;
}

function dedupe(issues: PathIssue[]): PathIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${formatKeyPath(i.path)}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPlace(a: ScenarioIssue, b: ScenarioIssue): number {
  return (a.line === 0 ? 1 : 0) - (b.line === 0 ? 1 : 0) || a.line - b.line || a.column - b.column;
}
