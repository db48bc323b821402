// The lines under a budget table: why a budget was skipped, and where a
// wall-clock figure came from (timing passes), for the text, HTML and load
// reports alike.
import { formatDuration } from '../format-duration.js';
import type { BudgetResult } from '../report.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** Where a figure came from when it is not the report's, and why a budget was skipped. */
export function budgetNotes(results: readonly BudgetResult[]): string[] {
  const notes: string[] = [];
  for (const b of results) {
    if (b.skipped !== undefined) notes.push(`${b.budget}: skipped, ${b.skipped}`);
    else if (b.timing) {
      const passes = b.timing.passes.map((v) => (b.unit ? formatDuration(v, b.unit) : decimal.format(v)));
      const what = passes.length === 1 ? 'one timing pass' : `median of ${passes.length} timing passes (${passes.join(', ')})`;
      notes.push(`${b.budget}: ${what}, ${integer.format(b.timing.samples)} routing calls timed${passes.length === 1 ? '' : ' in each'}`);
    }
  }
  return notes;
}

