// A scenario's `budgets:` list, parsed up front so that `validate` and `run`
// reject a bad budget with its file and line before anything is simulated.
import type { Scenario } from '../../scenarios/scenario.js';
import { ScenarioError, type ScenarioIssue } from '../../scenarios/scenario-error.js';
import { parseBudget, type Budget } from './parse-budget.js';

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
