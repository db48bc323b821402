// A scenario with its budgets parsed: what every command that judges a run
// loads, and what `validate` checks, so `validate` rejects exactly what the
// others reject, with every problem (schema, cross-field, budgets) in one list.
import { loadScenario } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { ScenarioError, type ScenarioIssue } from '../../scenarios/scenario-error.js';
import { parseBudget, type Budget } from './parse-budget.js';

export interface CheckedScenario {
  scenario: Scenario;
  budgets: Budget[];
}

/** Throws a ScenarioError listing every problem found, budgets included. */
export function loadScenarioWithBudgets(file: string, overrides: readonly string[] = []): CheckedScenario {
  const scenario = loadScenario(file, overrides, { checkBudget });
  return { scenario, budgets: parseScenarioBudgets(scenario) };
}

export function checkBudget(expression: string): string | null {
  const parsed = parseBudget(expression);
  return parsed.ok ? null : parsed.message;
}

/** The budgets of a loaded scenario; a ScenarioError for those that do not parse. */
export function parseScenarioBudgets(s: Scenario): Budget[] {
  const budgets: Budget[] = [];
  const issues: ScenarioIssue[] = [];
  s.budgets.forEach((source, i) => {
    const parsed = parseBudget(source.expression);
    if (parsed.ok) budgets.push(parsed.budget);
    else issues.push({ file: s.file, line: source.line ?? 0, column: source.line ? 1 : 0, path: `budgets.${i}`, message: parsed.message });
  });
  if (issues.length > 0) throw new ScenarioError('E_SCENARIO_SCHEMA', issues);
  return budgets;
}
