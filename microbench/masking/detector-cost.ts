// Where the masking time goes: the cost of each stage of the scanner
// (engine/masking/scanner.ts) measured in isolation on the very calls the
// scanner makes for a set of texts.
//
// 1. Record (untimed): a replay of scanText's loop, made of the same
//    exported functions the scanner calls (scanEmailAt, matchIbanAt and
//    matchLooseIbanAt, NumberRun.parse, matchLetteredIdAt, then
//    emitRunSpans' readings: isNationalIdReading, cardReadingEnd,
//    isSsnReading, phoneReadingEnd), logs every call with its arguments.
//    The replay must find exactly the spans findSensitiveSpans finds on
//    every text; where it does not (the scanner's structure changed), the
//    breakdown is marked inconsistent and says on how many texts, so a stale
//    replay never passes for a measurement. Update replayText then;
//    detector-cost.test.ts checks it on the bench's and the corpora's texts.
// 2. Time (each stage alone): every logged call of one stage, in a loop,
//    repeated until a run lasts 20 ms; the median of several runs. The
//    readings read the NumberRun the scanner reuses, as the scanner does
//    (a pool of parsed runs would time cache misses the scanner never has):
//    each logged call re-parses its run, then the parses alone are timed on
//    the same calls and taken off. `readings` is emitRunSpans as a whole,
//    whose parts are the card, SSN and phone readings plus its bookkeeping.
// Whole-pass times of maskText and of scanText alone frame the stages; the
// stages' sum falls short of the whole by the loop's own work (dispatch,
// the sink), and output building is maskText minus scanText, the two timed
// in turn. On a busy machine the figures move by tens of percent from run to
// run: compare shares of one run, not nanoseconds across runs.
//
// The prefilter's character class is a copy of scanner.ts's NEXT_TRIGGER
// (it is not exported); the self-check catches a change to it.
import { CODE_AT, isAsciiAlnum, isAsciiLetter, isDigit } from '../../engine/masking/char-class.js';
import { CARD_MIN_DIGITS } from '../../engine/masking/card.js';
import { cardReadingEnd, continuesBefore } from '../../engine/masking/card-reading.js';
import { addressStartAfter, scanEmailAt } from '../../engine/masking/email.js';
import {
  isAfterExtensionMark, isFraction, isGluedBefore, isMaskedLocalAt, isMaskedStarBefore,
} from '../../engine/masking/glue.js';
import { ibanMatchAux, matchIbanAt, matchLooseIbanAt } from '../../engine/masking/iban.js';
import { findSensitiveSpans, maskText } from '../../engine/masking/index.js';
import { letteredIdStart, matchLetteredIdAt, mayBeLetteredId } from '../../engine/masking/lettered-id.js';
import { alnumTailAux } from '../../engine/masking/mask-format.js';
import { isNationalIdReading } from '../../engine/masking/national-id.js';
import { emitRunSpans, isBarcode, isShortLead, isWholeRunCard } from '../../engine/masking/number-readings.js';
import { NumberRun, readingAux, spanAux } from '../../engine/masking/number-run.js';
import { PHONE_MIN_DIGITS, phoneReadingEnd, phoneReadingSpanEnd, phoneReadingStart } from '../../engine/masking/phone.js';
import { scanText } from '../../engine/masking/scanner.js';
import { KIND_CARD, KIND_IBAN, KIND_NAMES, KIND_PHONE, KIND_SSN, SpanSink } from '../../engine/masking/span-sink.js';
import { isSsnReading } from '../../engine/masking/ssn.js';
import { median } from './measure.js';

export interface StageCost {
  stage: string;
  /** The stage this one is a part of (card, ssn, phone are parts of readings). */
  partOf?: string;
  calls: number;
  /** Median cost of one call. */
  nsPerCall: number;
  /** Cost of all the stage's calls for one pass over the texts. */
  msPerPass: number;
  /** msPerPass over the whole maskText pass. */
  share: number;
}

export interface DetectorCostResult {
  texts: number;
  chars: number;
  runs: number;
  /** maskText over every text, one pass. */
  maskMsPerPass: number;
  /** scanText alone (spans found, nothing built). */
  scanMsPerPass: number;
  /** maskText less scanText, the two timed in turn: the masked strings built. */
  outputMsPerPass: number;
  stages: StageCost[];
  /** The replay found the scanner's spans on every text. */
  consistent: boolean;
  /** Texts where the replay and findSensitiveSpans disagree. */
  inconsistentTexts: number;
}

const NEXT_TRIGGER = /[0-9+(@]/g;
const SSN_DIGITS = 9;
/** Calls per parsed run when timing the readings (see measureDetectorCost). */
const REPEAT = 4;

/** Calls of one stage: text index and position (and, for readings parts, the run and a limit). */
class CallLog {
  a: number[] = [];
  b: number[] = [];
  c: number[] = [];
  push(a: number, b: number, c = 0): void {
    this.a.push(a);
    this.b.push(b);
    this.c.push(c);
  }
  get length(): number {
    return this.a.length;
  }
}

interface Logs {
  prefilter: CallLog; // text, from
  email: CallLog; // text, at
  iban: CallLog; // text, digit index
  parse: CallLog; // text, at
  letteredId: CallLog; // text, at (of the run)
  readings: CallLog; // text, at (of the run), packed firstGroup | groupLimit << 10 | cardsOnly << 20
  nationalId: CallLog; // readings index, g, limit
  card: CallLog; // readings index, g, limit
  ssn: CallLog;
  phone: CallLog; // readings index, g, limit | numberEnd << 10
}

function digitsIn(run: NumberRun, from: number, to: number): number {
  let d = 0;
  for (let k = from; k < to; k++) d += run.groupEnd[k] - run.groupStart[k];
  return d;
}

/** emitRunSpans, call for call (number-readings.ts), logging the readings it tries. */
function replayReadings(run: NumberRun, firstGroup: number, groupLimit: number, cardsOnly: boolean, sink: SpanSink, logs: Logs, r: number): void {
  let remaining = digitsIn(run, firstGroup, groupLimit);
  if (remaining < (cardsOnly ? CARD_MIN_DIGITS : PHONE_MIN_DIGITS)) return;
  if (!cardsOnly && firstGroup === 0 && groupLimit === run.groupCount && remaining >= 9 && remaining <= 15) {
    logs.nationalId.push(r, 0, groupLimit);
    if (isNationalIdReading(run, 0, groupLimit - 1) && !isWholeRunCard(run, remaining, groupLimit)) {
      const start = run.groupStart[0];
      sink.push(start, run.groupEnd[groupLimit - 1], KIND_SSN, readingAux(run, start, 0, groupLimit - 1));
      return;
    }
  }
  const pci: Array<[number, number, number]> = [];
  let g = firstGroup;
  let afterSpan = firstGroup;
  while (g < groupLimit && remaining >= (cardsOnly ? CARD_MIN_DIGITS : SSN_DIGITS)) {
    let h = -1;
    if (remaining >= CARD_MIN_DIGITS && !isFraction(run.text, run.groupStart[g])) {
      logs.card.push(r, g, groupLimit);
      h = cardReadingEnd(run, g, groupLimit, cardsOnly);
    }
    if (h >= 0 && g !== afterSpan && continuesBefore(run, g, h)) h = -1;
    if (h === g && run.groupLength(g) === 13 && isBarcode(run, g)) h = -1;
    if (h >= 0) {
      pci.push([g, h, KIND_CARD]);
      remaining -= digitsIn(run, g, h + 1);
      g = h + 1;
      afterSpan = g;
      continue;
    }
    if (!cardsOnly) {
      logs.ssn.push(r, g, groupLimit);
      if (isSsnReading(run, g, groupLimit)) {
        pci.push([g, g + 2, KIND_SSN]);
        remaining -= digitsIn(run, g, g + 3);
        g += 3;
        afterSpan = g;
        continue;
      }
    }
    remaining -= run.groupEnd[g] - run.groupStart[g];
    g++;
  }
  const phones = (from: number, to: number, numberEnd: number) => {
    let left = digitsIn(run, from, to);
    let k = from;
    while (k < to && left >= PHONE_MIN_DIGITS) {
      logs.phone.push(r, k, to | (numberEnd << 10));
      const h = phoneReadingEnd(run, k, to, numberEnd);
      if (h < 0) {
        if (!isShortLead(run, k, to)) return;
        left -= run.groupEnd[k] - run.groupStart[k];
        k++;
        continue;
      }
      const start = phoneReadingStart();
      const end = phoneReadingSpanEnd();
      sink.push(start, end, KIND_PHONE, end === run.groupEnd[h] ? readingAux(run, start, k, h) : spanAux(run.text, start, end));
      left -= digitsIn(run, k, h + 1);
      k = h + 1;
    }
  };
  let from = firstGroup;
  for (const [first, last, kind] of pci) {
    if (!cardsOnly) phones(from, first, first);
    const start = run.groupStart[first];
    sink.push(start, run.groupEnd[last], kind, readingAux(run, start, first, last));
    from = last + 1;
  }
  if (!cardsOnly) phones(from, groupLimit, groupLimit);
}

/** The scanner's IBAN step at a digit after two letters: the registry reading, else (or if longer) the loose solid one. */
function ibanStep(text: string, i: number): number {
  let end = matchIbanAt(text, i);
  if (end < 0 || (end < text.length && isAsciiAlnum(text.charCodeAt(end)))) {
    const loose = matchLooseIbanAt(text, i);
    if (loose > end) end = loose;
  }
  return end;
}

/** scanText, call for call (scanner.ts), logging each stage's calls. */
function replayText(text: string, t: number, sink: SpanSink, run: NumberRun, logs: Logs): void {
  sink.reset();
  const n = text.length;
  let i = 0;
  for (;;) {
    if (i >= n) return;
    logs.prefilter.push(t, i);
    NEXT_TRIGGER.lastIndex = i;
    i = NEXT_TRIGGER.test(text) ? NEXT_TRIGGER.lastIndex - 1 : n;
    if (i >= n) return;
    const c = text.charCodeAt(i);
    if (c === CODE_AT) {
      logs.email.push(t, i);
      i = scanEmailAt(text, i, sink);
      continue;
    }
    if (isDigit(c) && i >= 2 && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i - 2))) {
      logs.iban.push(t, i);
      const end = ibanStep(text, i);
      if (end >= 0) {
        sink.push(i - 2, end, KIND_IBAN, ibanMatchAux());
        i = end;
        continue;
      }
    }
    logs.parse.push(t, i);
    if (!run.parse(text, i)) {
      i++;
      continue;
    }
    const end = run.end;
    if (mayBeLetteredId(text, run)) {
      logs.letteredId.push(t, i);
      const idEnd = matchLetteredIdAt(text, run);
      const idStart = letteredIdStart();
      if (idEnd >= 0 && (sink.count === 0 || sink.ends[sink.count - 1] <= idStart)) {
        sink.push(idStart, idEnd, KIND_SSN, alnumTailAux(text, idStart, idEnd));
        i = idEnd;
        continue;
      }
    }
    if (run.digitCount < PHONE_MIN_DIGITS) {
      i = end;
      continue;
    }
    const firstGroup = isMaskedStarBefore(text, run.start) ||
      (sink.count > 0 && sink.ends[sink.count - 1] === run.start && isDigit(text.charCodeAt(run.start)) &&
        isAsciiAlnum(text.charCodeAt(run.start - 1))) ||
      (!run.leadPlus && isAfterExtensionMark(text, run.start)) ? 1 : 0;
    let groupLimit = run.groupCount;
    if (isMaskedLocalAt(text, end)) {
      groupLimit--;
    } else {
      const local = addressStartAfter(text, end);
      if (local >= 0) while (groupLimit > 0 && run.groupEnd[groupLimit - 1] > local) groupLimit--;
    }
    const glued = isGluedBefore(text, run.start);
    const r = logs.readings.length;
    logs.readings.push(t, i, firstGroup | (groupLimit << 10) | (glued ? 1 << 20 : 0));
    replayReadings(run, firstGroup, groupLimit, glued, sink, logs, r);
    i = sink.count > 0 && sink.ends[sink.count - 1] > end ? sink.ends[sink.count - 1] : end;
  }
}

/** Texts on which the replay finds other spans than the scanner (0: it is up to date). */
export function replayMismatches(texts: readonly string[]): number {
  const logs = newLogs();
  const sink = new SpanSink();
  const run = new NumberRun();
  let inconsistent = 0;
  texts.forEach((text, t) => {
    replayText(text, t, sink, run, logs);
    if (!sameSpans(sink, text)) inconsistent++;
  });
  return inconsistent;
}

function newLogs(): Logs {
  return {
    prefilter: new CallLog(), email: new CallLog(), iban: new CallLog(), parse: new CallLog(), letteredId: new CallLog(),
    readings: new CallLog(), nationalId: new CallLog(), card: new CallLog(), ssn: new CallLog(), phone: new CallLog(),
  };
}

function sameSpans(sink: SpanSink, text: string): boolean {
  const spans = findSensitiveSpans(text);
  if (spans.length !== sink.count) return false;
  return spans.every((s, k) => s.start === sink.starts[k] && s.end === sink.ends[k] && s.kind === KIND_NAMES[sink.kinds[k]]);
}

let keep = 0;

/** Median ns of one call to `pass` (which makes every call of a stage once). */
function timePass(pass: () => number, runs: number): number {
  pass(); // warm-up
  const t0 = process.hrtime.bigint();
  keep ^= pass();
  const once = Math.max(1, Number(process.hrtime.bigint() - t0));
  const repeats = Math.max(1, Math.ceil(20e6 / once));
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s0 = process.hrtime.bigint();
    for (let k = 0; k < repeats; k++) keep ^= pass();
    samples.push(Number(process.hrtime.bigint() - s0) / repeats);
  }
  return median(samples);
}

/** Median over runs of (time of `a` minus time of `b`), the two timed in turn in each run; never below 0. */
function timeDifference(a: () => number, b: () => number, runs: number): number {
  a();
  b();
  const t0 = process.hrtime.bigint();
  keep ^= a();
  const once = Math.max(1, Number(process.hrtime.bigint() - t0));
  const repeats = Math.max(1, Math.ceil(20e6 / once));
  const diffs: number[] = [];
  for (let r = 0; r < Math.max(runs, 3); r++) {
    const a0 = process.hrtime.bigint();
    for (let k = 0; k < repeats; k++) keep ^= a();
    const b0 = process.hrtime.bigint();
    for (let k = 0; k < repeats; k++) keep ^= b();
    const b1 = process.hrtime.bigint();
    diffs.push((Number(b0 - a0) - Number(b1 - b0)) / repeats);
  }
  return Math.max(0, median(diffs));
}

/** The breakdown of masking `texts`: see the header. `runs`: timed runs per stage (median). */
export function measureDetectorCost(texts: readonly string[], runs = 5): DetectorCostResult {
  const logs = newLogs();
  const sink = new SpanSink();
  const run = new NumberRun();
  let inconsistent = 0;
  let chars = 0;
  texts.forEach((text, t) => {
    chars += text.length;
    replayText(text, t, sink, run, logs);
    if (!sameSpans(sink, text)) inconsistent++;
  });

  const logged = logs.readings.length;
  const scratch = new SpanSink();

  // One pass per stage over its logged calls.
  const over = (log: CallLog, call: (text: string, pos: number) => number) => () => {
    let acc = 0;
    for (let k = 0; k < log.length; k++) acc += call(texts[log.a[k]], log.b[k]);
    return acc;
  };
  // The readings and their parts read the run the scanner just parsed, in the
  // one NumberRun it reuses. Each logged call re-parses its run, then makes
  // the call REPEAT times; the same loop with the parses alone is timed in
  // turn with it, run by run, and the median difference over REPEAT is the
  // cost of one call (repeating lifts it above the parse's noise).
  const R = logs.readings;
  const withRun = (log: CallLog, call: ((g: number, limit: number, packed: number) => number) | null) => () => {
    let acc = 0;
    for (let k = 0; k < log.length; k++) {
      const r = log.a[k];
      run.parse(texts[R.a[r]], R.b[r]);
      if (call) for (let q = 0; q < REPEAT; q++) acc += call(log.b[k], log.c[k], R.c[r]);
    }
    return acc;
  };
  const minusParse = (log: CallLog, call: (g: number, limit: number, packed: number) => number) =>
    timeDifference(withRun(log, call), withRun(log, null), runs) / REPEAT;
  const readingsLog = new CallLog();
  for (let r = 0; r < logged; r++) readingsLog.push(r, 0, 0);

  const maskNs = timePass(() => {
    let acc = 0;
    for (const text of texts) acc += maskText(text).length;
    return acc;
  }, runs);
  const scanPass = () => {
    let acc = 0;
    for (const text of texts) {
      scanText(text, scratch);
      acc += scratch.count;
    }
    return acc;
  };
  const scanNs = timePass(scanPass, runs);
  const outputNs = timeDifference(() => {
    let acc = 0;
    for (const text of texts) acc += maskText(text).length;
    return acc;
  }, scanPass, runs);

  const stages: StageCost[] = [];
  const add = (stage: string, calls: number, time: () => number, timedCalls: number, partOf?: string) => {
    const ns = calls === 0 ? 0 : time();
    const scaled = timedCalls === 0 ? 0 : (ns / timedCalls) * calls;
    stages.push({
      stage, ...(partOf ? { partOf } : {}), calls, nsPerCall: timedCalls === 0 ? 0 : ns / timedCalls,
      msPerPass: scaled / 1e6, share: maskNs === 0 ? 0 : scaled / maskNs,
    });
  };
  const NEXT = NEXT_TRIGGER;
  add('prefilter', logs.prefilter.length, () => timePass(over(logs.prefilter, (text, from) => {
    NEXT.lastIndex = from;
    return NEXT.test(text) ? NEXT.lastIndex : 0;
  }), runs), logs.prefilter.length);
  add('email', logs.email.length, () => timePass(over(logs.email, (text, at) => {
    scratch.reset();
    return scanEmailAt(text, at, scratch);
  }), runs), logs.email.length);
  add('iban', logs.iban.length, () => timePass(over(logs.iban, (text, at) => ibanStep(text, at)), runs), logs.iban.length);
  add('number run', logs.parse.length, () => timePass(over(logs.parse, (text, at) => (run.parse(text, at) ? 1 : 0)), runs), logs.parse.length);
  // With its run parsed first, less the parse alone (as the readings below).
  add('lettered id', logs.letteredId.length, () => timeDifference(over(logs.letteredId, (text, at) => {
    run.parse(text, at);
    return matchLetteredIdAt(text, run);
  }), over(logs.letteredId, (text, at) => (run.parse(text, at) ? 1 : 0)), runs), logs.letteredId.length);
  add('readings', logged, () => minusParse(readingsLog, (_g, _limit, packed) => {
    scratch.reset();
    emitRunSpans(run, packed & 0x3ff, (packed >> 10) & 0x3ff, (packed & (1 << 20)) !== 0, scratch);
    return scratch.count;
  }), logged);
  add('national id', logs.nationalId.length, () => minusParse(logs.nationalId, (g, limit) => (isNationalIdReading(run, g, limit - 1) ? 1 : 0)), logs.nationalId.length, 'readings');
  add('card', logs.card.length, () => minusParse(logs.card, (g, limit, packed) => cardReadingEnd(run, g, limit, (packed & (1 << 20)) !== 0)), logs.card.length, 'readings');
  add('ssn', logs.ssn.length, () => minusParse(logs.ssn, (g, limit) => (isSsnReading(run, g, limit) ? 1 : 0)), logs.ssn.length, 'readings');
  add('phone', logs.phone.length, () => minusParse(logs.phone, (g, packed) => phoneReadingEnd(run, g, packed & 0x3ff, packed >> 10)), logs.phone.length, 'readings');

  return {
    texts: texts.length, chars, runs, maskMsPerPass: maskNs / 1e6, scanMsPerPass: scanNs / 1e6, outputMsPerPass: outputNs / 1e6, stages,
    consistent: inconsistent === 0, inconsistentTexts: inconsistent,
  };
}

/** The value the timing loops kept alive. */
export function detectorCostChecksum(): number {
  return keep;
}

/** The breakdown as text lines. */
export function formatDetectorCost(r: DetectorCostResult, title: string): string[] {
  const lines: string[] = [];
  lines.push(`${title}: ${r.texts} texts, ${r.chars} chars; maskText ${r.maskMsPerPass.toFixed(2)} ms a pass, ` +
    `scanText ${r.scanMsPerPass.toFixed(2)} ms (median of ${r.runs} runs)`);
  if (!r.consistent) {
    lines.push(`  NOT CONSISTENT: the replay in microbench/masking/detector-cost.ts finds other spans than the scanner on ${r.inconsistentTexts} ` +
      'texts; the scanner changed: update replayText/replayReadings. Figures below are of the replay, not the scanner.');
  }
  const w = [28, 10, 9, 10, 7];
  const row = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(w[k]) : c.padStart(w[k]))).join('  ');
  lines.push(row(['stage', 'calls', 'ns/call', 'ms/pass', 'share']));
  for (const s of r.stages) {
    lines.push(row([s.partOf ? `  ${s.stage} (in ${s.partOf})` : s.stage, String(s.calls), s.nsPerCall.toFixed(1),
      s.msPerPass.toFixed(3), `${(s.share * 100).toFixed(1)}%`]));
  }
  const top = r.stages.filter((s) => !s.partOf).reduce((a, s) => a + s.msPerPass, 0);
  lines.push(row(['stages (top level)', '', '', top.toFixed(3), `${((top / r.maskMsPerPass) * 100).toFixed(1)}%`]));
  lines.push(row(['output building', '', '', r.outputMsPerPass.toFixed(3), `${((r.outputMsPerPass / r.maskMsPerPass) * 100).toFixed(1)}%`]));
  lines.push('  (each stage timed alone on the calls the scanner makes, as a share of the maskText pass; the scan loop and');
  lines.push('   the sink are the rest; readings and their parts: time with the run parsed first, less the parse alone)');
  return lines;
}
