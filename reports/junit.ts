// Budget verdicts as JUnit XML, the format CI systems show as test results:
// one testcase per budget, a failure element for each budget that failed.
import type { BudgetResult } from './report.js';
import { failedBudgets, verdictOf } from './budgets/evaluate-budgets.js';

export function renderJunit(results: readonly BudgetResult[], suiteName: string): string {
  const failures = failedBudgets(results).length;
  const skipped = results.filter((r) => verdictOf(r) === 'SKIP').length;
  const counts = `tests="${results.length}" failures="${failures}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cctwin" ${counts} skipped="${skipped}">`,
    `  <testsuite name="${xmlEscape(suiteName)}" ${counts} errors="0" skipped="${skipped}">`,
  ];
  for (const r of results) {
    const open = `    <testcase classname="${xmlEscape(`cctwin.budgets.${suiteName}`)}" name="${xmlEscape(r.budget)}"`;
    const verdict = verdictOf(r);
    if (verdict === 'PASS') {
      lines.push(`${open}/>`);
    } else if (verdict === 'SKIP') {
      lines.push(`${open}>`, `      <skipped message="${xmlEscape(r.skipped ?? '')}"/>`, '    </testcase>');
    } else {
      const message = `${r.budget} failed: the figure is ${formatValue(r)}`;
      lines.push(`${open}>`, `      <failure type="budget" message="${xmlEscape(message)}"/>`, '    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function formatValue(r: BudgetResult): string {
  return `${Number.isFinite(r.value) ? r.value : String(r.value)}${r.unit ? ` ${r.unit}` : ''}`;
}

// Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates,
// U+FFFE/U+FFFF) are replaced, since no escape can carry them.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML attribute or element; newlines and tabs survive in attributes. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
