// The verdict of a load run: the scenario's budgets, judged on the load
// report, and the run's own two checks, put as budget-style verdicts so the
// text, the page and JUnit show them beside the budgets:
//
//   maskingLeaks.count == 0   no card, IBAN, SSN, email or phone number reached
//                             an agent unmasked; skipped when the tenant does
//                             not mask (leaks are then expected, and counted).
//   balance.differences == 0  the clients' counts and the server's agree, each
//                             side putting every conversation in one end state;
//                             skipped when the server's counts could not be read,
//                             or when other traffic shares the target (the
//                             balance cannot be exact then; the report says why).
//
// The run passes (exit 0) when no budget and no check fails; skipped ones do
// not fail it.
import { allPass, evaluateBudgets } from '../reports/budgets/evaluate-budgets.js';
import type { Budget } from '../reports/budgets/parse-budget.js';
import type { BudgetResult } from '../reports/report.js';
import { loadFigures } from './load-figures.js';
import type { LoadReport } from './load-report.js';

export const MASKING_CHECK = 'maskingLeaks.count == 0';
export const BALANCE_CHECK = 'balance.differences == 0';

/** The scenario's budgets on a load report, in order. */
export function judgeLoadBudgets(report: LoadReport, budgets: readonly Budget[]): BudgetResult[] {
  return evaluateBudgets(budgets, loadFigures(report));
}

/** The masking check and the balance, as verdicts. */
export function loadChecks(report: Pick<LoadReport, 'maskingLeaks' | 'balance' | 'target'>): BudgetResult[] {
  const leaks = report.maskingLeaks;
  const masking: BudgetResult = leaks.tenantMasks
    ? { budget: MASKING_CHECK, value: leaks.count, pass: leaks.count === 0 }
    : {
        budget: MASKING_CHECK, value: leaks.count, pass: false,
        skipped: `the tenant does not mask (tenant.maskSensitiveData: false): ${leaks.count} value${leaks.count === 1 ? '' : 's'} reached agents unmasked, as expected`,
      };
  const b = report.balance;
  const n = b.differences.length;
  let balance: BudgetResult;
  if (!b.checked) balance = { budget: BALANCE_CHECK, value: n, pass: false, skipped: `the server's counts could not be read from ${report.target}` };
  else if (!b.exact) balance = { budget: BALANCE_CHECK, value: n, pass: b.balanced, skipped: `other traffic shares the target, so the counts cannot balance exactly: ${b.otherTraffic.join('; ')}` };
  else balance = { budget: BALANCE_CHECK, value: n, pass: b.balanced };
  return [masking, balance];
}

/** Every budget and check that was judged passed. */
export function loadPasses(report: Pick<LoadReport, 'budgets' | 'checks'>): boolean {
  return allPass(report.budgets) && allPass(report.checks);
}
