// Which readings of a number run are sensitive. PCI first: at each group,
// the longest card, else an SSN; a validated card or SSN wins over a phone
// reading of the same digits. Phones are then sought only in the gaps.
import { CARD_MIN_DIGITS } from './card.js';
import { cardReadingEnd } from './card-reading.js';
import { readingAux, type NumberRun } from './number-run.js';
import { PHONE_MIN_DIGITS, phoneReadingEnd, phoneReadingStart } from './phone.js';
import { KIND_CARD, KIND_PHONE, KIND_SSN, type SpanSink } from './span-sink.js';
import { isSsnReading } from './ssn.js';
import { isFraction } from './glue.js';

const SSN_DIGITS = 9;

// PCI readings of the current run as group ranges; reused across runs.
let pciFirst = new Int32Array(16);
let pciLast = new Int32Array(16);
let pciKind = new Uint8Array(16);

function pushPci(count: number, g: number, h: number, kind: number): number {
  if (count === pciFirst.length) {
    const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
    pciFirst = grow(pciFirst);
    pciLast = grow(pciLast);
    const kinds = new Uint8Array(pciKind.length * 2); kinds.set(pciKind); pciKind = kinds;
  }
  pciFirst[count] = g;
  pciLast[count] = h;
  pciKind[count] = kind;
  return count + 1;
}

function digitsIn(run: NumberRun, from: number, to: number): number {
  let d = 0;
  for (let k = from; k < to; k++) d += run.groupEnd[k] - run.groupStart[k];
  return d;
}

// Phones start where the run starts or right where another span ended: a
// phone reading in the middle of a longer number (`7610 0193 0953 8412`) is
// a piece of that number, not a phone.
function emitPhones(run: NumberRun, from: number, to: number, sink: SpanSink): void {
  let g = from;
  while (g < to && digitsIn(run, g, to) >= PHONE_MIN_DIGITS) {
    const h = phoneReadingEnd(run, g, to);
    if (h < 0) return;
    const start = phoneReadingStart();
    sink.push(start, run.groupEnd[h], KIND_PHONE, readingAux(run, start, g, h));
    g = h + 1;
  }
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

  let pciCount = 0;
  let g = firstGroup;
  while (g < groupCount && remaining >= (cardsOnly ? CARD_MIN_DIGITS : SSN_DIGITS)) {
    const h = remaining >= CARD_MIN_DIGITS && !isFraction(run.text, run.groupStart[g])
      ? cardReadingEnd(run, g, groupCount) : -1;
    if (h >= 0) {
      pciCount = pushPci(pciCount, g, h, KIND_CARD);
      remaining -= digitsIn(run, g, h + 1);
      g = h + 1;
    } else if (!cardsOnly && isSsnReading(run, g, groupCount)) {
      pciCount = pushPci(pciCount, g, g + 2, KIND_SSN);
      remaining -= digitsIn(run, g, g + 3);
      g += 3;
    } else {
      remaining -= run.groupEnd[g] - run.groupStart[g];
      g++;
    }
  }

  let from = firstGroup;
  for (let p = 0; p < pciCount; p++) {
    if (!cardsOnly) emitPhones(run, from, pciFirst[p], sink);
    const start = run.groupStart[pciFirst[p]];
    sink.push(start, run.groupEnd[pciLast[p]], pciKind[p], readingAux(run, start, pciFirst[p], pciLast[p]));
    from = pciLast[p] + 1;
  }
  if (!cardsOnly) emitPhones(run, from, groupCount, sink);
}
