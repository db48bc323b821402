// Fixed exit statuses, so CI can tell a breached budget from a broken scenario.
export const EXIT_OK = 0;
export const EXIT_BUDGET_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
