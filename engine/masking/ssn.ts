// US social security numbers: AAA-GG-SSSS, or with spaces or dots. Plausible
// only: no 000, 666 or 900-999 area, no 00 group, no 0000 serial.
import { isGluedAfter, isGluedBefore } from './glue.js';
import { SEP_DASH, SEP_DOT, SEP_SPACE, type NumberRun } from './number-run.js';

export function isPlausibleSsn(area: number, group: number, serial: number): boolean {
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

function groupValue(run: NumberRun, k: number): number {
  let v = 0;
  for (let p = run.groupStart[k]; p < run.groupEnd[k]; p++) v = v * 10 + (run.text.charCodeAt(p) - 48);
  return v;
}

/** Groups g, g+1, g+2 of the run read as an SSN. */
export function isSsnReading(run: NumberRun, g: number, limit: number): boolean {
  if (g + 2 >= limit) return false;
  if (run.groupLength(g) !== 3 || run.groupLength(g + 1) !== 2 || run.groupLength(g + 2) !== 4) return false;
  const sep = run.sepFlags[g + 1];
  if (run.sepLength[g + 1] !== 1 || run.sepLength[g + 2] !== 1 || run.sepFlags[g + 2] !== sep) return false;
  if (sep !== SEP_DASH && sep !== SEP_SPACE && sep !== SEP_DOT) return false;
  if (!isPlausibleSsn(groupValue(run, g), groupValue(run, g + 1), groupValue(run, g + 2))) return false;
  return !isGluedBefore(run.text, run.groupStart[g]) && !isGluedAfter(run.text, run.groupEnd[g + 2]);
}

/** An SSN written as a whole string (for tests and the generator). */
export function isValidSsnText(s: string): boolean {
  const m = /^(\d{3})([- .])(\d{2})\2(\d{4})$/.exec(s);
  return m !== null && isPlausibleSsn(Number(m[1]), Number(m[3]), Number(m[4]));
}
