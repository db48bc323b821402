// `--vary path=FROM..TO:STEP`: the values one scenario key takes in a sweep.
// Numbers, or durations/rates with one unit on all three (`20s..60s:10s`).

export interface Vary {
  path: string;
  /** Each value as --set would take it. */
  values: string[];
}

export type ParsedVary = { ok: true; vary: Vary } | { ok: false; message: string };

const MAX_POINTS = 1000;
const FORM = /^([A-Za-z_][\w.]*)=(-?\d+(?:\.\d+)?)([a-z/]*)\.\.(-?\d+(?:\.\d+)?)([a-z/]*):(\d+(?:\.\d+)?)([a-z/]*)$/;

export function parseVary(text: string): ParsedVary {
  const fail = (why: string): ParsedVary => ({ ok: false, message: `--vary ${text}: ${why}` });
  const m = FORM.exec(text.trim());
  if (!m) return fail('expected PATH=FROM..TO:STEP, e.g. agents.0.count=60..100:5 or serviceLevelThreshold=20s..60s:10s');
  const [, path, fromText, fromUnit, toText, toUnit, stepText, stepUnit] = m as unknown as string[];
  const units = new Set([fromUnit, toUnit, stepUnit].filter((u) => u !== ''));
  if (units.size > 1 || (units.size === 1 && (fromUnit === '' || toUnit === ''))) return fail('FROM, TO and STEP must share one unit');
  const unit = [...units][0] ?? '';
  const from = Number(fromText);
  const to = Number(toText);
  const step = Number(stepText);
  if (!(step > 0)) return fail('STEP must be above 0');
  if (to < from) return fail('TO must not be below FROM');
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_POINTS) return fail(`${count} values; at most ${MAX_POINTS}`);
  // Count steps in integers so 0.1 steps do not drift (0.30000000000000004).
  const digits = Math.max(decimals(fromText!), decimals(stepText!));
  const values = Array.from({ length: count }, (_, i) => `${Number((from + i * step).toFixed(digits))}${unit}`);
  return { ok: true, vary: { path: path!, values } };
}

function decimals(numberText: string): number {
  const dot = numberText.indexOf('.');
  return dot < 0 ? 0 : numberText.length - dot - 1;
}

/** Every combination of the varied values, first --vary outermost. */
export function cartesian(varies: readonly Vary[]): Record<string, string>[] {
  let points: Record<string, string>[] = [{}];
  for (const v of varies) points = points.flatMap((p) => v.values.map((value) => ({ ...p, [v.path]: value })));
  return points;
}
