// The one pass over a text. A skip over everything that cannot start a
// candidate finds the next digit, `+`, `(` or `@`; only there does a
// detector look closer, and each detector reads a bounded neighbourhood, so
// the whole pass is linear in the text's length.
//
// The skip is V8's compiled search for one character class. Measured on the
// bench corpora (instruction counts under callgrind, then wall time), it
// beats a charCodeAt loop over a lookup table: charCodeAt costs some 25
// instructions a character on this V8 (it dispatches on the string's
// representation every call), the compiled search a few. A single
// character class never backtracks: every character is looked at once.
import { CODE_AT, isAsciiAlnum, isAsciiLetter, isDigit } from './char-class.js';
import { addressStartAfter, scanEmailAt } from './email.js';
import { isAfterExtensionMark, isGluedBefore, isMaskedLocalAt, isMaskedStarBefore } from './glue.js';
import { ibanMatchAux, matchIbanAt, matchLooseIbanAt } from './iban.js';
import { letteredIdStart, matchLetteredIdAt, mayBeLetteredId } from './lettered-id.js';
import { alnumTailAux } from './mask-format.js';
import { NumberRun } from './number-run.js';
import { emitRunSpans } from './number-readings.js';
import { PHONE_MIN_DIGITS } from './phone.js';
import { KIND_IBAN, KIND_SSN, type SpanSink } from './span-sink.js';

const run = new NumberRun();

const NEXT_TRIGGER = /[0-9+(@]/g;

/** Index of the next character at or after `i` that may start a candidate, or `n`. */
function nextTrigger(text: string, i: number, n: number): number {
  if (i >= n) return n;
  NEXT_TRIGGER.lastIndex = i;
  return NEXT_TRIGGER.test(text) ? NEXT_TRIGGER.lastIndex - 1 : n;
}

/** Finds every sensitive span of `text` into `sink` (reset first), in order. */
export function scanText(text: string, sink: SpanSink): void {
  sink.reset();
  const n = text.length;
  let i = 0;
  for (;;) {
    i = nextTrigger(text, i, n);
    if (i >= n) return;
    const c = text.charCodeAt(i);
    if (c === CODE_AT) {
      i = scanEmailAt(text, i, sink);
      continue;
    }
    // An IBAN's check digits come right after its two-letter country code.
    if (isDigit(c) && i >= 2 && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i - 2))) {
      let end = matchIbanAt(text, i);
      // Right length but more letters or digits after it: the longer solid reading, if its check holds.
      if (end < 0 || (end < n && isAsciiAlnum(text.charCodeAt(end)))) {
        const loose = matchLooseIbanAt(text, i);
        if (loose > end) end = loose;
      }
      if (end >= 0) {
        sink.push(i - 2, end, KIND_IBAN, ibanMatchAux());
        i = end;
        continue;
      }
    }
    if (!run.parse(text, i)) {
      i++;
      continue;
    }
    const end = run.end;
    // National ids with letters (`AB123456C`, `12345678Z`, `131052-308T`)
    // hold fewer digits than any number reading: tried first.
    if (mayBeLetteredId(text, run)) {
      const idEnd = matchLetteredIdAt(text, run);
      const idStart = letteredIdStart();
      if (idEnd >= 0 && (sink.count === 0 || sink.ends[sink.count - 1] <= idStart)) {
        sink.push(idStart, idEnd, KIND_SSN, alnumTailAux(text, idStart, idEnd));
        i = idEnd;
        continue;
      }
    }
    // Prices, times and dates: too few digits for any reading.
    if (run.digitCount < PHONE_MIN_DIGITS) {
      i = end;
      continue;
    }
    // Digits right after a `*` are the visible tail of a masked span, digits
    // right before one the cut-off head of a masked address: reading them
    // again could only turn masked output into a new detection.
    // A lone `*` on either side is markup (`*0612345678*`): glue.ts.
    // A run right where the last span ended (`IR...80189377 ...`) is read the
    // same way: masked, that span's kept tail runs into its first group.
    // Digits after a phone's extension mark (`8#467 ...`) are that extension,
    // read with the phone before it when it was found.
    const firstGroup = isMaskedStarBefore(text, run.start) ||
      (sink.count > 0 && sink.ends[sink.count - 1] === run.start && isDigit(text.charCodeAt(run.start)) &&
        isAsciiAlnum(text.charCodeAt(run.start - 1))) ||
      (!run.leadPlus && isAfterExtensionMark(text, run.start)) ? 1 : 0;
    // Groups that an address's local part takes (`... 1111-1melissa@x.com`)
    // are its, not the number's: cut off before its start. Masked, that local
    // part leaves its first character before a `*` (`1***@x.com`): cut too.
    let groupLimit = run.groupCount;
    if (isMaskedLocalAt(text, end)) {
      groupLimit--;
    } else {
      const local = addressStartAfter(text, end);
      if (local >= 0) while (groupLimit > 0 && run.groupEnd[groupLimit - 1] > local) groupLimit--;
    }
    emitRunSpans(run, firstGroup, groupLimit, isGluedBefore(text, run.start), sink);
    // A phone's extension (`x39498`) may end the last span past the run.
    i = sink.count > 0 && sink.ends[sink.count - 1] > end ? sink.ends[sink.count - 1] : end;
  }
}
