// Budget verdicts as JUnit XML, the format CI systems show as test results:
// one testcase per budget, a failure element for each budget that failed,
// a skipped element for each budget this kind of run does not measure.
import type { BudgetResult } from './report.js';
import { failedBudgets, verdictOf } from './budgets/evaluate-budgets.js';

export interface JunitSuite {
  name: string;
  results: readonly BudgetResult[];
}

/** One suite of budget verdicts (a run, a load run, the bench budgets). */
export function renderJunit(results: readonly BudgetResult[], suiteName: string): string {
  return renderJunitSuites([{ name: suiteName, results }]);
}

/** Several suites in one file: a sweep writes one per point. */
export function renderJunitSuites(suites: readonly JunitSuite[]): string {
  const all = suites.flatMap((s) => s.results);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="cctwin" ${counts(all)}>`];
  for (const suite of suites) {
    lines.push(`  <testsuite name="${xmlEscape(suite.name)}" ${counts(suite.results)} errors="0">`);
    for (const r of suite.results) lines.push(...testcase(r, suite.name));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function counts(results: readonly BudgetResult[]): string {
  const skipped = results.filter((r) => verdictOf(r) === 'SKIP').length;
  return `tests="${results.length}" failures="${failedBudgets(results).length}" skipped="${skipped}"`;
}

function testcase(r: BudgetResult, suiteName: string): string[] {
  const open = `    <testcase classname="${xmlEscape(`cctwin.budgets.${suiteName}`)}" name="${xmlEscape(r.budget)}"`;
  switch (verdictOf(r)) {
    case 'PASS':
      return [`${open}/>`];
    case 'SKIP':
      return [`${open}>`, `      <skipped message="${xmlEscape(r.skipped ?? '')}"/>`, '    </testcase>'];
    case 'FAIL': {
      const message = `${r.budget} failed: the figure is ${formatValue(r)}`;
      return [`${open}>`, `      <failure type="budget" message="${xmlEscape(message)}"/>`, '    </testcase>'];
    }
  }
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
