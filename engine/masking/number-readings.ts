// Which readings of a number run are sensitive. PCI first: at each group,
// the longest card, else an SSN; a validated card or SSN wins over a phone
// reading of the same digits. Phones are then sought only in the gaps.
import { CARD_MIN_DIGITS } from './card.js';
import { cardReadingEnd, continuesBefore } from './card-reading.js';
import { SEP_SPACE, readingAux, spanAux, type NumberRun } from './number-run.js';
import { PHONE_MIN_DIGITS, phoneReadingEnd, phoneReadingSpanEnd, phoneReadingStart } from './phone.js';
import { KIND_CARD, KIND_PHONE, KIND_SSN, type SpanSink } from './span-sink.js';
import { isSsnReading } from './ssn.js';
import { isFraction } from './glue.js';
import { CUE_NOT_PHONE, cueBefore } from './phone-cue.js';
import { isEan13 } from './card.js';
import { isNationalIdReading } from './national-id.js';

const SSN_DIGITS = 9;

// PCI readings of the current run as group ranges, reused across runs (in a
// const holder: module-level `let`s cost a context load and a check on use).
const pci = {
  first: new Int32Array(16),
  last: new Int32Array(16),
  kind: new Uint8Array(16),
};

function pushPci(count: number, g: number, h: number, kind: number): number {
  if (count === pci.first.length) {
    const first = new Int32Array(count * 2); first.set(pci.first); pci.first = first;
    const last = new Int32Array(count * 2); last.set(pci.last); pci.last = last;
    const kinds = new Uint8Array(count * 2); kinds.set(pci.kind); pci.kind = kinds;
  }
  pci.first[count] = g;
  pci.last[count] = h;
  pci.kind[count] = kind;
  return count + 1;
}

function digitsIn(run: NumberRun, from: number, to: number): number {
  let d = 0;
  for (let k = from; k < to; k++) d += run.groupEnd[k] - run.groupStart[k];
  return d;
}

/**
 * Group g, the first of a run with no phone reading from it, is a short
 * number of its own before a phone (`I have 2 0612345678`, `1. 0612345678`,
 * `ticket 4 (555) 123-4567`): one to three digits, then a space. Not when
 * every group after it has three digits: `1 234 567 890` is an amount.
 */
export function isShortLead(run: NumberRun, g: number, to: number): boolean {
  if (g !== 0 || g + 1 >= to || run.groupEnd[g] - run.groupStart[g] > 3 || (run.sepFlags[g + 1] & SEP_SPACE) === 0) {
    return false;
  }
  for (let k = g + 1; k < to; k++) if (run.groupEnd[k] - run.groupStart[k] !== 3) return true;
  return false;
}

// Phones start where the run starts, right where another span ended, or
// after a short number leading the run (isShortLead): a phone reading in the
// middle of a longer number (`7610 0193 0953 8412`) is a piece of that
// number, not a phone.
function emitPhones(run: NumberRun, from: number, to: number, numberEnd: number, sink: SpanSink): void {
  let remaining = digitsIn(run, from, to);
  let g = from;
  while (g < to && remaining >= PHONE_MIN_DIGITS) {
    const h = phoneReadingEnd(run, g, to, numberEnd);
    if (h < 0) {
      if (!isShortLead(run, g, to)) return;
      remaining -= run.groupEnd[g] - run.groupStart[g];
      g++;
      continue;
    }
    const start = phoneReadingStart();
    const end = phoneReadingSpanEnd();
    const aux = end === run.groupEnd[h] ? readingAux(run, start, g, h) : spanAux(run.text, start, end);
    sink.push(start, end, KIND_PHONE, aux);
    remaining -= digitsIn(run, g, h + 1);
    g = h + 1;
  }
}

/**
 * A solid 13 digits with the EAN-13 check digit, after a word such as
 * `barcode`, `EAN` or `streckkod`: a product's barcode, even when it also
 * passes Luhn with a Visa or Maestro prefix (one in ten barcodes would).
 */
export function isBarcode(run: NumberRun, g: number): boolean {
  return isEan13(run.text, run.groupStart[g]) && cueBefore(run.text, run.groupStart[g]) === CUE_NOT_PHONE;
}

/** Groups 0..groupCount-1 read as one card, as the loop below would read them (not a barcode after a barcode word). */
export function isWholeRunCard(run: NumberRun, digits: number, groupCount: number): boolean {
  if (digits < CARD_MIN_DIGITS || cardReadingEnd(run, 0, groupCount, false) !== groupCount - 1) return false;
  return !(groupCount === 1 && run.groupLength(0) === 13 && isBarcode(run, 0));
}

/**
 * Emits the sensitive readings of groups firstGroup..groupLimit-1 of the run,
 * in order. `cardsOnly` for a run glued to what precedes it (`DE88 3704 ...`
 * with a bad IBAN check, `AB12 555-123-4567`): it goes on an identifier.
 */
export function emitRunSpans(
  run: NumberRun, firstGroup: number, groupLimit: number, cardsOnly: boolean, sink: SpanSink,
): void {
  const groupCount = groupLimit;
  let remaining = digitsIn(run, firstGroup, groupCount);
  if (remaining < (cardsOnly ? CARD_MIN_DIGITS : PHONE_MIN_DIGITS)) return;

  // A national id is a whole run, as it was written (national-id.ts); a
  // whole run that is a card stays one (an Amex number can pass a NIR key).
  if (!cardsOnly && firstGroup === 0 && groupLimit === run.groupCount && remaining >= 9 && remaining <= 15 &&
    isNationalIdReading(run, 0, groupCount - 1) && !isWholeRunCard(run, remaining, groupCount)) {
    const start = run.groupStart[0];
    sink.push(start, run.groupEnd[groupCount - 1], KIND_SSN, readingAux(run, start, 0, groupCount - 1));
    return;
  }

  let pciCount = 0;
  let g = firstGroup;
  let afterSpan = firstGroup; // a reading may start here whatever the groups before it
  while (g < groupCount && remaining >= (cardsOnly ? CARD_MIN_DIGITS : SSN_DIGITS)) {
    let h = remaining >= CARD_MIN_DIGITS && !isFraction(run.text, run.groupStart[g])
      ? cardReadingEnd(run, g, groupCount, cardsOnly) : -1;
    if (h >= 0 && g !== afterSpan && continuesBefore(run, g, h)) h = -1;
    if (h === g && run.groupLength(g) === 13 && isBarcode(run, g)) h = -1;
    if (h >= 0) {
      pciCount = pushPci(pciCount, g, h, KIND_CARD);
      remaining -= digitsIn(run, g, h + 1);
      g = h + 1;
      afterSpan = g;
    } else if (!cardsOnly && isSsnReading(run, g, groupCount)) {
      pciCount = pushPci(pciCount, g, g + 2, KIND_SSN);
      remaining -= digitsIn(run, g, g + 3);
      g += 3;
      afterSpan = g;
    } else {
      remaining -= run.groupEnd[g] - run.groupStart[g];
      g++;
    }
  }

  let from = firstGroup;
  for (let p = 0; p < pciCount; p++) {
    const first = pci.first[p];
    const last = pci.last[p];
    if (!cardsOnly) emitPhones(run, from, first, first, sink);
    const start = run.groupStart[first];
    sink.push(start, run.groupEnd[last], pci.kind[p], readingAux(run, start, first, last));
    from = last + 1;
  }
  if (!cardsOnly) emitPhones(run, from, groupCount, groupLimit, sink);
}
