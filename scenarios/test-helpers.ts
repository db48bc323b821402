// Shared by the scenario tests: the 1-based line of a snippet in a fixture,
// so expectations follow the fixture when it is edited.
import { ScenarioError } from './scenario-error.js';

export function lineOf(text: string, snippet: string, occurrence = 1): number {
  let from = -1;
  for (let i = 0; i < occurrence; i++) {
    from = text.indexOf(snippet, from + 1);
    if (from < 0) throw new Error(`fixture has no ${occurrence}. "${snippet}"`);
  }
  return text.slice(0, from).split('\n').length;
}

export function scenarioErrorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScenarioError) return err;
    throw err;
  }
  throw new Error('expected a ScenarioError, but the scenario loaded');
}
