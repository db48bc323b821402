// Scores the masker on labelled corpora that cctwin did not generate
// (bench/masking/corpora/README.md): recall per kind, per generator, per
// locale and per generator call ("form"), the share of PII-free lines the
// masker altered, and the misses.
//
// The oracle judges the masked output, not the spans the masker reports, so
// it scores any masker of the same output format. The masked text is lined
// up with the original character by character: masking keeps the text
// outside a masked value as it is, writes `*` over masked characters and
// drops whitespace inside a masked number (docs/masking.md). Each original
// character is then kept, masked (`*`) or dropped. A labelled value counts as
// FOUND when its significant characters are hidden beyond what the masked
// format deliberately keeps visible:
//   - card, IBAN, SSN, phone: the significant characters are its ASCII
//     letters and digits; at most four of them may stay visible (the format
//     keeps the last four digits, an IBAN's last four letters or digits);
//   - email: every character of the local part after its first must be
//     hidden (the format keeps the first character and the domain).
// PARTIAL: some significant characters were hidden, more stayed visible
// (say a phone whose `+44 ` prefix was left). MISSED: none was hidden.
// Recall counts FOUND only. A masked output that cannot be lined up this way
// (another masking format) is counted in `unaligned`, and its values are
// judged by whether the value still appears verbatim in the output.
import { readFileSync } from 'node:fs';
import type { Masker } from '../../engine/masking/index.js';

export const CORPUS_TYPES = ['card', 'iban', 'ssn', 'email', 'phone'] as const;
export type CorpusType = (typeof CORPUS_TYPES)[number];

/** How many significant characters of a number the masked format keeps visible. */
export const VISIBLE_CHARACTERS = 4;

export interface CorpusSpan {
  type: CorpusType;
  /** Exactly as it appears in the text. */
  value: string;
  /** Which generator call made it (optional; for the by-form table). */
  form?: string;
}

export interface CorpusLine {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  text: string;
  spans: CorpusSpan[];
  generator: string;
  locale: string;
  /** What a PII-free line's risky token is (optional; shown with an altered line). */
  form?: string;
  /** Where each span's value starts in text (UTF-16 offsets), located in order. */
  starts: number[];
}

/** A malformed corpus line: file, line and what is wrong. */
export class CorpusError extends Error {
  constructor(readonly file: string, readonly line: number, readonly problem: string) {
    super(`${file}:${line}: ${problem}`);
  }
}

const LINE_KEYS = new Set(['text', 'spans', 'generator', 'locale', 'form']);
const SPAN_KEYS = new Set(['type', 'value', 'form']);

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/** Parses and checks one line; throws CorpusError naming what is wrong. */
export function parseCorpusLine(raw: string, file: string, line: number): CorpusLine {
  const fail = (problem: string): never => {
    throw new CorpusError(file, line, problem);
  };
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch (err) {
    fail(`not JSON (${(err as Error).message})`);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) fail('not a JSON object');
  const o = obj as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!LINE_KEYS.has(key)) fail(`unknown key "${key}" (a line has text, spans, generator, locale, form)`);
  }
  if (!nonEmptyString(o.text)) fail('"text" must be a non-empty string');
  if (!nonEmptyString(o.generator)) fail('"generator" must be a non-empty string');
  if (!nonEmptyString(o.locale)) fail('"locale" must be a non-empty string');
  if (o.form !== undefined && !nonEmptyString(o.form)) fail('"form" must be a non-empty string');
  if (!Array.isArray(o.spans)) fail('"spans" must be an array (empty for a PII-free line)');
  const text = o.text as string;
  const spans: CorpusSpan[] = [];
  const starts: number[] = [];
  let from = 0;
  (o.spans as unknown[]).forEach((s, k) => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) fail(`spans[${k}] is not an object`);
    const span = s as Record<string, unknown>;
    for (const key of Object.keys(span)) {
      if (!SPAN_KEYS.has(key)) fail(`spans[${k}] has unknown key "${key}" (a span has type, value, form)`);
    }
    if (!CORPUS_TYPES.includes(span.type as CorpusType)) {
      fail(`spans[${k}].type is ${JSON.stringify(span.type)}, not one of ${CORPUS_TYPES.join(', ')}`);
    }
    if (!nonEmptyString(span.value)) fail(`spans[${k}].value must be a non-empty string`);
    if (span.form !== undefined && typeof span.form !== 'string') fail(`spans[${k}].form must be a string`);
    const value = span.value as string;
    const at = text.indexOf(value, from);
    if (at < 0) {
      fail(text.includes(value)
        ? `spans[${k}].value ${JSON.stringify(value)} is not in the text after spans[${k - 1}] (spans go in text order)`
        : `spans[${k}].value ${JSON.stringify(value)} is not in the text`);
    }
    starts.push(at);
    from = at + value.length;
    spans.push({ type: span.type as CorpusType, value, ...(span.form !== undefined ? { form: span.form as string } : {}) });
  });
  const form = o.form === undefined ? {} : { form: o.form as string };
  return { file, line, text, spans, generator: o.generator as string, locale: o.locale as string, ...form, starts };
}

/** Every line of the files (blank lines skipped); throws CorpusError at the first bad one. */
export function readCorpusFiles(paths: readonly string[]): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const path of paths) {
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (err) {
      throw new CorpusError(path, 0, `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    const raws = content.split('\n');
    let count = 0;
    raws.forEach((raw, k) => {
      if (raw.trim() === '') return;
      lines.push(parseCorpusLine(raw, path, k + 1));
      count++;
    });
    if (count === 0) throw new CorpusError(path, 0, 'holds no corpus line');
  }
  return lines;
}

// ---- the oracle ----

export const KEPT = 0;
export const MASKED = 1;
export const DROPPED = 2;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\u2009';
}

/**
 * What became of each character of `text` in `masked`: KEPT, MASKED (`*`
 * written over it) or DROPPED (whitespace inside a masked number). Null
 * when the output is not the original with `*` over some characters and
 * some whitespace dropped.
 */
export function alignMasked(text: string, masked: string): Uint8Array | null {
  const states = new Uint8Array(text.length);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const o = text[i];
    const m = j < masked.length ? masked[j] : '';
    if (o === m) {
      states[i] = KEPT;
      j++;
    } else if (isSpace(o)) {
      states[i] = DROPPED;
    } else if (m === '*') {
      states[i] = MASKED;
      j++;
    } else {
      return null;
    }
  }
  return j === masked.length ? states : null;
}

export type Verdict = 'found' | 'partial' | 'missed';

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The verdict on the value at text[start, start + value.length) given the aligned states. */
export function judgeSpan(span: CorpusSpan, text: string, start: number, states: Uint8Array): Verdict {
  const end = start + span.value.length;
  let significant = 0;
  let hidden = 0;
  if (span.type === 'email') {
    const at = span.value.lastIndexOf('@');
    const localEnd = at < 0 ? end : start + at;
    for (let i = start + 1; i < localEnd; i++) {
      significant++;
      if (states[i] !== KEPT) hidden++;
    }
    if (significant === 0) return 'found';
    return hidden === significant ? 'found' : hidden > 0 ? 'partial' : 'missed';
  }
  for (let i = start; i < end; i++) {
    if (!isAsciiAlnum(text.charCodeAt(i))) continue;
    significant++;
    if (states[i] !== KEPT) hidden++;
  }
  if (significant === 0) return 'found';
  if (significant - hidden <= VISIBLE_CHARACTERS) return 'found';
  return hidden > 0 ? 'partial' : 'missed';
}

// ---- the score ----

export interface Tally {
  values: number;
  found: number;
  partial: number;
  missed: number;
  /** found / values (1 when there is none). */
  recall: number;
}

export interface FreeTally {
  lines: number;
  /** PII-free lines the masker changed at all. */
  altered: number;
  share: number;
}

export interface GroupScore {
  lines: number;
  overall: Tally;
  byType: Partial<Record<CorpusType, Tally>>;
  piiFree: FreeTally;
}

export interface MissExample {
  where: string;
  generator: string;
  locale: string;
  type: CorpusType;
  form?: string;
  value: string;
  verdict: Exclude<Verdict, 'found'>;
  text: string;
  masked: string;
}

export interface AlteredExample {
  where: string;
  generator: string;
  locale: string;
  form?: string;
  text: string;
  masked: string;
}

export interface CorpusScore {
  files: string[];
  lines: number;
  overall: Tally;
  byType: Partial<Record<CorpusType, Tally>>;
  piiFree: FreeTally;
  /** Lines with values where characters outside every value were masked too. */
  overMasked: { lines: number; of: number };
  byGenerator: Record<string, GroupScore>;
  byLocale: Record<string, GroupScore>;
  /** Per generator call, e.g. "card visa13 spaced" (spans without a form: the type alone). */
  byForm: Record<string, Tally & { type: CorpusType }>;
  /** Lines whose masked output could not be lined up with the text (see the header). */
  unaligned: number;
  /** The first misses and partials, in corpus order. */
  misses: MissExample[];
  /** The first PII-free lines the masker changed. */
  altered: AlteredExample[];
  /** The first lines with values where text outside them was masked. */
  overMaskedExamples: AlteredExample[];
}

function tally(): Tally {
  return { values: 0, found: 0, partial: 0, missed: 0, recall: 1 };
}

function count(t: Tally, verdict: Verdict): void {
  t.values++;
  t[verdict]++;
}

function finish(t: Tally): void {
  t.recall = t.values === 0 ? 1 : t.found / t.values;
}

function group(): GroupScore {
  return { lines: 0, overall: tally(), byType: {}, piiFree: { lines: 0, altered: 0, share: 0 } };
}

function finishGroup(g: GroupScore): void {
  finish(g.overall);
  for (const t of Object.values(g.byType)) finish(t!);
  g.piiFree.share = g.piiFree.lines === 0 ? 0 : g.piiFree.altered / g.piiFree.lines;
}

export interface ScoreOptions {
  /** How many misses, altered PII-free lines and over-masked lines to keep (each). */
  examples?: number;
}

/** Masks every line with `masker` and scores it against the labels. */
export function scoreCorpus(lines: readonly CorpusLine[], masker: Masker, options: ScoreOptions = {}): CorpusScore {
  const keep = options.examples ?? 20;
  const score: CorpusScore = {
    files: [...new Set(lines.map((l) => l.file))], lines: lines.length, overall: tally(), byType: {},
    piiFree: { lines: 0, altered: 0, share: 0 }, overMasked: { lines: 0, of: 0 }, byGenerator: {}, byLocale: {},
    byForm: {}, unaligned: 0, misses: [], altered: [], overMaskedExamples: [],
  };
  const total = group();
  for (const line of lines) {
    const masked = masker.mask(line.text);
    const groups = [total, (score.byGenerator[line.generator] ??= group()), (score.byLocale[line.locale] ??= group())];
    for (const g of groups) g.lines++;
    const where = `${line.file}:${line.line}`;
    if (line.spans.length === 0) {
      const altered = masked !== line.text;
      for (const g of groups) {
        g.piiFree.lines++;
        if (altered) g.piiFree.altered++;
      }
      if (altered && score.altered.length < keep) {
        score.altered.push({
          where, generator: line.generator, locale: line.locale, ...(line.form !== undefined ? { form: line.form } : {}),
          text: line.text, masked,
        });
      }
      continue;
    }
    const states = alignMasked(line.text, masked);
    if (!states) score.unaligned++;
    const inside = new Uint8Array(line.text.length);
    line.spans.forEach((span, k) => {
      const start = line.starts[k];
      inside.fill(1, start, start + span.value.length);
      const verdict: Verdict = states ? judgeSpan(span, line.text, start, states) : masked.includes(span.value) ? 'missed' : 'found';
      for (const g of groups) {
        count(g.overall, verdict);
        count((g.byType[span.type] ??= tally()), verdict);
      }
      const formKey = `${span.type} ${span.form ?? ''}`.trim();
      count((score.byForm[formKey] ??= { ...tally(), type: span.type }), verdict);
      if (verdict !== 'found' && score.misses.length < keep) {
        score.misses.push({
          where, generator: line.generator, locale: line.locale, type: span.type, ...(span.form !== undefined ? { form: span.form } : {}),
          value: span.value, verdict, text: line.text, masked,
        });
      }
    });
    score.overMasked.of++;
    if (states && states.some((s, i) => s !== KEPT && inside[i] === 0)) {
      score.overMasked.lines++;
      if (score.overMaskedExamples.length < keep) {
        score.overMaskedExamples.push({ where, generator: line.generator, locale: line.locale, text: line.text, masked });
      }
    }
  }
  finishGroup(total);
  for (const g of [...Object.values(score.byGenerator), ...Object.values(score.byLocale)]) finishGroup(g);
  for (const t of Object.values(score.byForm)) finish(t);
  score.overall = total.overall;
  score.byType = total.byType;
  score.piiFree = total.piiFree;
  return score;
}
