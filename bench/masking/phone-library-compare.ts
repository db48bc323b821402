// The masking core's phone and card detectors against well-kept libraries,
// on the labelled corpora of bench/masking/corpora/: recall on the phone
// values, PII-free lines touched, and speed; and the card IIN table against
// credit-card-type's on the card values.
//
//   npx tsc -p tsconfig.json
//   (cd /tmp/libs && npm i libphonenumber-js@1.13.16 credit-card-type@10.3.0)
//   node dist/bench/masking/phone-library-compare.js [--lib-dir /tmp/libs/node_modules] [corpus.jsonl ...]
//
// The libraries are not dependencies of cctwin (docs/masking.md says why);
// they are loaded by name at run time, and the script says how to install
// them when they are missing.
//
// libphonenumber-js finds numbers in text for one country at a time: a
// number without `+` or `00` is read as national to the country given. A
// message does not say its sender's country, so it is run three ways:
//   - no country: international numbers only;
//   - the line's own locale (an oracle the masker never has);
//   - every locale of the corpora in turn, a span found by any of them.
// A value counts as found when the spans found cover all its digits, as
// the corpus oracle would have it masked (at most four visible is not
// modelled: a library span covers a value whole or not at all).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSensitiveSpans, isValidCardNumber, type SensitiveSpan } from '../../engine/masking/index.js';
import { readCorpusFiles, type CorpusLine } from '../../microbench/masking/corpus-score.js';

interface Span {
  start: number;
  end: number;
}

type Finder = (text: string, locale: string) => Span[];

interface Row {
  name: string;
  found: number;
  phones: number;
  altered: number;
  free: number;
  mcharsPerSecond: number;
}

const DEFAULT_CORPORA = ['php-faker', 'python-faker', 'ruby-faker', 'npm'].map((n) => `bench/masking/corpora/${n}.jsonl`);

/** A package by name: from `libDir` (a node_modules folder) when given, else as the project resolves it. */
async function load(name: string, libDir: string | undefined): Promise<any> {
  try {
    if (libDir === undefined) return await import(name);
    const path = createRequire(join(libDir, 'noop.js')).resolve(name);
    return await import(pathToFileURL(path).href);
  } catch {
    return undefined;
  }
}

function countryOf(locale: string): string {
  const country = locale.split('_')[1] ?? 'US';
  return country === 'UK' ? 'GB' : country;
}

function coversDigits(text: string, start: number, end: number, spans: readonly Span[]): boolean {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c < 48 || c > 57) continue;
    if (!spans.some((s) => s.start <= p && p < s.end)) return false;
  }
  return true;
}

function score(name: string, lines: readonly CorpusLine[], find: Finder): Row {
  let phones = 0;
  let found = 0;
  let free = 0;
  let altered = 0;
  for (const line of lines) {
    const spans = find(line.text, line.locale);
    if (line.spans.length === 0) {
      free++;
      if (spans.length > 0) altered++;
      continue;
    }
    line.spans.forEach((s, k) => {
      if (s.type !== 'phone') return;
      phones++;
      const start = line.starts[k];
      if (coversDigits(line.text, start, start + s.value.length, spans)) found++;
    });
  }
  // Speed: every line once, best of five passes.
  let chars = 0;
  for (const line of lines) chars += line.text.length;
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (const line of lines) find(line.text, line.locale);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  return { name, found, phones, altered, free, mcharsPerSecond: (chars / best) * 1000 };
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--lib-dir');
  const libDir = at >= 0 ? args[at + 1] : undefined;
  const files = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const lines = readCorpusFiles(files.length > 0 ? files : DEFAULT_CORPORA);
  const locales = [...new Set(lines.map((l) => l.locale))];

  const ours: Finder = (text) => findSensitiveSpans(text).filter((s: SensitiveSpan) => s.kind === 'phone');
  const rows: Row[] = [score('cctwin phone detector', lines, ours)];

  const lib = await load('libphonenumber-js', libDir);
  if (lib === undefined) {
    process.stdout.write('libphonenumber-js not found: install it in a scratch folder and pass --lib-dir FOLDER/node_modules\n');
  } else {
    const find = (text: string, country?: string): Span[] =>
      (lib.findPhoneNumbersInText(text, country === undefined ? undefined : { defaultCountry: country }) as Array<{ startsAt: number; endsAt: number }>)
        .map((m) => ({ start: m.startsAt, end: m.endsAt }));
    rows.push(score('libphonenumber-js, no country', lines, (text) => find(text)));
    rows.push(score('libphonenumber-js, the line\'s country', lines, (text, locale) => find(text, countryOf(locale))));
    const countries = [...new Set(locales.map(countryOf))];
    rows.push(score(`libphonenumber-js, any of ${countries.length} countries`, lines,
      (text) => countries.flatMap((c) => find(text, c))));
  }

  process.stdout.write(`phones in ${lines.length} lines of ${files.length > 0 ? files.join(', ') : DEFAULT_CORPORA.join(', ')}\n\n`);
  process.stdout.write(`${'finder'.padEnd(44)}${'recall'.padStart(16)}${'PII-free touched'.padStart(22)}${'Mchars/s'.padStart(10)}\n`);
  for (const r of rows) {
    process.stdout.write(`${r.name.padEnd(44)}${`${pct(r.found, r.phones)} ${r.found}/${r.phones}`.padStart(16)}` +
      `${`${pct(r.altered, r.free)} ${r.altered}/${r.free}`.padStart(22)}${r.mcharsPerSecond.toFixed(1).padStart(10)}\n`);
  }

  // Cards: the IIN table alone, on the labelled card values (digits only).
  const cct = await load('credit-card-type', libDir);
  const cards = lines.flatMap((l) => l.spans.filter((s) => s.type === 'card').map((s) => s.value.replace(/\D/g, '')));
  let oursCards = 0;
  for (const d of cards) if (isValidCardNumber(d)) oursCards++;
  process.stdout.write(`\ncard values: ${cards.length}; brand, length and Luhn by engine/masking/card.ts: ${pct(oursCards, cards.length)}\n`);
  if (cct === undefined) {
    process.stdout.write('credit-card-type not found: install it in a scratch folder and pass --lib-dir FOLDER/node_modules\n');
  } else {
    const typeOf = (cct.default ?? cct) as (n: string) => Array<{ lengths: number[] }>;
    let theirs = 0;
    for (const d of cards) if (typeOf(d).some((t) => t.lengths.includes(d.length))) theirs++;
    process.stdout.write(`brand and length by credit-card-type: ${pct(theirs, cards.length)}\n`);
  }
}

await main();
