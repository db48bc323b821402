// A written number as the scanner meets it: digit groups joined by short
// separators (`space ( ) - . /`), maybe led by `+`, `(` or `(+`. Cards, SSNs and
// phones are all readings of some consecutive groups of one run.
import {
  CODE_CLOSE, CODE_DASH, CODE_DOT, CODE_OPEN, CODE_PLUS, CODE_SLASH, isDigit, isNumberSpace, isWhitespace,
} from './char-class.js';
import { AUX_SCATTERED } from './span-sink.js';

export const SEP_SPACE = 1;
export const SEP_DASH = 2;
export const SEP_DOT = 4;
export const SEP_OPEN = 8;
export const SEP_CLOSE = 16;
export const SEP_SLASH = 32;
export const SEP_PARENS = SEP_OPEN | SEP_CLOSE;

/**
 * One run, parsed in place. A single instance is reused for every run so the
 * hot path allocates nothing; it is valid until the next `parse`.
 */
export class NumberRun {
  text = '';
  /** Where the run starts: its `+`, its `(` or its first digit. */
  start = 0;
  /** The run opens with `+`, `+(` or `(+`: an international number. */
  leadPlus = false;
  groupCount = 0;
  digitCount = 0;
  groupStart = new Int32Array(64);
  groupEnd = new Int32Array(64);
  /** Separator before group k (k >= 1); for k = 0, SEP_OPEN when the run opens with `(`. */
  sepFlags = new Uint8Array(64);
  /** Characters in the separator before group k. */
  sepLength = new Uint8Array(64);
  /** Spaces in the separator before group k (masking drops them). */
  sepSpaces = new Uint8Array(64);

  get end(): number {
    return this.groupEnd[this.groupCount - 1];
  }

  groupLength(k: number): number {
    return this.groupEnd[k] - this.groupStart[k];
  }

  /** Parses the run starting at `at` (a digit, `+` or `(`). False if there is none. */
  parse(text: string, at: number): boolean {
    const n = text.length;
    let pos = at;
    let lead = 0;
    this.text = text;
    this.start = at;
    this.leadPlus = false;
    // `(+358) 298711209`: read as `+(358) ...`, the run starting at its `(`.
    // A `(` before a `+` that does not close after the country code is
    // punctuation (`(+44 7966 197542)`): no run here, one at the `+`.
    if (text.charCodeAt(pos) === CODE_OPEN && pos + 1 < n && text.charCodeAt(pos + 1) === CODE_PLUS) {
      if (!isParenCountryCode(text, pos)) return false;
      this.leadPlus = true;
      lead = SEP_OPEN;
      pos += 2;
    } else if (text.charCodeAt(pos) === CODE_PLUS) {
      this.leadPlus = true;
      pos++;
      if (pos < n && isNumberSpace(text.charCodeAt(pos))) pos++;
    }
    if (lead === 0 && pos < n && text.charCodeAt(pos) === CODE_OPEN) {
      lead = SEP_OPEN;
      pos++;
    }
    if (pos >= n || !isDigit(text.charCodeAt(pos))) return false;

    // Locals in the loop, fields written once at the end: V8 keeps locals in
    // registers, and this is the hot path of every number in a text.
    let groupStart = this.groupStart;
    let groupEnd = this.groupEnd;
    let sepFlagsOf = this.sepFlags;
    let sepLengthOf = this.sepLength;
    let sepSpacesOf = this.sepSpaces;
    let k = 0;
    let digits = 0;
    let sepFlags = lead;
    let sepLength = lead === 0 ? 0 : 1;
    let sepSpaces = 0;
    for (;;) {
      const start = pos;
      while (pos < n && isDigit(text.charCodeAt(pos))) pos++;
      if (k === groupStart.length) {
        this.grow();
        groupStart = this.groupStart;
        groupEnd = this.groupEnd;
        sepFlagsOf = this.sepFlags;
        sepLengthOf = this.sepLength;
        sepSpacesOf = this.sepSpaces;
      }
      groupStart[k] = start;
      groupEnd[k] = pos;
      sepFlagsOf[k] = sepFlags;
      sepLengthOf[k] = sepLength;
      sepSpacesOf[k] = sepSpaces;
      k++;
      digits += pos - start;
      // Separator grammar: [)] [space] [- or . or /] [space] [(]
      const sepStart = pos;
      sepFlags = 0;
      sepSpaces = 0;
      if (pos < n && text.charCodeAt(pos) === CODE_CLOSE) { sepFlags |= SEP_CLOSE; pos++; }
      if (pos < n && isNumberSpace(text.charCodeAt(pos))) { sepFlags |= SEP_SPACE; sepSpaces++; pos++; }
      if (pos < n) {
        const c = text.charCodeAt(pos);
        if (c === CODE_DASH) { sepFlags |= SEP_DASH; pos++; } else if (c === CODE_DOT) { sepFlags |= SEP_DOT; pos++; } else if (c === CODE_SLASH) { sepFlags |= SEP_SLASH; pos++; }
      }
      if ((sepFlags & (SEP_DASH | SEP_DOT | SEP_SLASH)) !== 0 && pos < n && isNumberSpace(text.charCodeAt(pos))) {
        sepFlags |= SEP_SPACE;
        sepSpaces++;
        pos++;
      }
      if (pos < n && text.charCodeAt(pos) === CODE_OPEN) { sepFlags |= SEP_OPEN; pos++; }
      sepLength = pos - sepStart;
      if (sepFlags === 0 || pos >= n || !isDigit(text.charCodeAt(pos))) {
        this.groupCount = k;
        this.digitCount = digits;
        return true;
      }
    }
  }

  private grow(): void {
    const size = this.groupStart.length * 2;
    const groupStart = new Int32Array(size); groupStart.set(this.groupStart); this.groupStart = groupStart;
    const groupEnd = new Int32Array(size); groupEnd.set(this.groupEnd); this.groupEnd = groupEnd;
    const sepFlags = new Uint8Array(size); sepFlags.set(this.sepFlags); this.sepFlags = sepFlags;
    const sepLength = new Uint8Array(size); sepLength.set(this.sepLength); this.sepLength = sepLength;
    const sepSpaces = new Uint8Array(size); sepSpaces.set(this.sepSpaces); this.sepSpaces = sepSpaces;
  }
}

/** `(+` at `at` opens `(+CC)`: one to three digits, then `)`. */
function isParenCountryCode(text: string, at: number): boolean {
  const n = text.length;
  let close = at + 2;
  while (close < n && close < at + 6 && isDigit(text.charCodeAt(close))) close++;
  return close > at + 2 && close < at + 6 && close < n && text.charCodeAt(close) === CODE_CLOSE;
}

/**
 * The masking aux of a reading from `start` to the end of group h: its
 * spaces when its last group holds the four kept digits, else AUX_SCATTERED.
 */
export function readingAux(run: NumberRun, start: number, g: number, h: number): number {
  if (run.groupEnd[h] - run.groupStart[h] < 4) return AUX_SCATTERED;
  // Before group g: a `+ ` or `(` the reading starts with.
  let spaces = run.groupStart[g] - start >= 2 && isNumberSpace(run.text.charCodeAt(start + 1)) ? 1 : 0;
  for (let k = g + 1; k <= h; k++) spaces += run.sepSpaces[k];
  return spaces;
}

/**
 * The masking aux of any number span (one with an extension, say): its
 * whitespace when it ends in four digits, else AUX_SCATTERED.
 */
export function spanAux(text: string, start: number, end: number): number {
  if (end - start < 4) return AUX_SCATTERED;
  for (let p = end - 4; p < end; p++) if (!isDigit(text.charCodeAt(p))) return AUX_SCATTERED;
  let spaces = 0;
  for (let p = start; p < end - 4; p++) if (isWhitespace(text.charCodeAt(p))) spaces++;
  return spaces;
}

/** A one-character separator of exactly this kind (space, dash or dot). */
export function isSimpleSep(run: NumberRun, k: number, flag: number): boolean {
  return run.sepLength[k] === 1 && run.sepFlags[k] === flag;
}

/** The digit at index `i` of the digits of groups g, g+1, ... (-1 if none). */
export function digitAt(run: NumberRun, g: number, i: number): number {
  for (let k = g; k < run.groupCount; k++) {
    const len = run.groupEnd[k] - run.groupStart[k];
    if (i < len) return run.text.charCodeAt(run.groupStart[k] + i) - 48;
    i -= len;
  }
  return -1;
}
