#!/usr/bin/env node
// Turns the values a generator made into labelled chat lines.
//
//   <generator script> | node bench/masking/corpora/compose.mjs > corpus.jsonl
//
// Input, one JSON object a line, from a generator script (make-*.py, make-*.php,
// make-*.rb, make-npm.mjs):
//   {"generator": "python-faker", "locale": "de_DE", "type": "phone", "value": "+49(0)1417 776317", "form": "phone_number"}
//   {"generator": "python-faker", "locale": "de_DE", "free": "postcode", "value": "99962"}
// `type` is card | iban | ssn | email | phone; `free` is a PII-free token kind
// (postcode, date, time, amount, ean, ip, uuid, plate); `form` says which
// generator call made the value (kept on the span, for the misses table).
//
// Output: the corpus lines of bench/masking/corpora/README.md, in the
// locale's language (templates.json), each value written as people write it
// (a card solid or in groups, an IBAN solid or in groups of four; phones,
// emails and SSNs as the generator wrote them; a phone's extension, `x890`,
// stays in the text but not in the span), with a cue word or bare; and
// PII-free lines made of risky-looking tokens. Values that are not what their
// label says are dropped, never labelled: a card that fails Luhn or a
// brand-less length, an IBAN with a wrong length, mod-97 or check digits
// (generators that fill an IBAN with random characters), a value in the US
// SSN layout that the SSA never issues, a value with a line break. The
// counts of what was kept and dropped go to stderr as one JSON line.
//
// Deterministic: the same input gives the same output (a seeded PRNG per
// generator and locale).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TEMPLATES = JSON.parse(readFileSync(join(here, 'templates.json'), 'utf8'));
const PII_TYPES = ['card', 'iban', 'ssn', 'email', 'phone'];

const LANGUAGE = {
  en_US: 'en', en_GB: 'en', de_DE: 'de', nl_NL: 'nl', sv_SE: 'sv', cs_CZ: 'cs', da_DK: 'da', nb_NO: 'nb',
  fi_FI: 'fi', fr_FR: 'fr', es_ES: 'es', it_IT: 'it', pl_PL: 'pl', pt_PT: 'pt', pt_BR: 'pt',
};

// ---- seeded PRNG (mulberry32) from an FNV-1a hash of a string ----
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
function prng(seedText) {
  let a = hash(seedText);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

// ---- what a value must be to keep its label (the standards, not the masker) ----
function luhn(digits) {
  let sum = 0;
  for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
// Issued prefixes and lengths (ISO/IEC 7812 ranges the brands publish).
function cardBrand(d) {
  const n = d.length;
  const p = (k) => Number(d.slice(0, k));
  if (d[0] === '4' && [13, 16, 19].includes(n)) return 'visa';
  if (((p(2) >= 51 && p(2) <= 55) || (p(4) >= 2221 && p(4) <= 2720)) && n === 16) return 'mastercard';
  if ((p(2) === 34 || p(2) === 37) && n === 15) return 'amex';
  if ((p(4) === 6011 || (p(3) >= 644 && p(3) <= 649) || p(2) === 65) && n >= 16 && n <= 19) return 'discover';
  if (p(4) >= 3528 && p(4) <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if ((p(3) >= 300 && p(3) <= 305 || p(2) === 36 || p(2) === 38 || p(2) === 39 || p(4) === 3095) && n >= 14 && n <= 19) return 'diners';
  if (p(2) === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((p(2) === 50 || (p(2) >= 56 && p(2) <= 69)) && n >= 12 && n <= 19) return 'maestro';
  if (p(4) >= 2200 && p(4) <= 2204 && n >= 16 && n <= 19) return 'mir';
  if (p(4) === 5019 && n === 16) return 'dankort';
  if (d[0] === '1' && n === 15) return 'uatp';
  return null;
}
// SWIFT IBAN registry lengths.
const IBAN_LENGTH = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};
function ibanProblem(raw) {
  const s = raw.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return 'iban: not letters+digits';
  const len = IBAN_LENGTH[s.slice(0, 2)];
  if (!len) return 'iban: country not in the registry';
  if (s.length !== len) return 'iban: wrong length for its country';
  const check = Number(s.slice(2, 4));
  if (check < 2 || check > 98) return 'iban: check digits 00, 01 or 99 (ISO 13616 issues 02 to 98)';
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1 ? null : 'iban: mod-97 check fails';
}
function problemOf(type, value, locale) {
  if (!value || /[\r\n\t]/.test(value) || value !== value.trim()) return `${type}: empty or has line breaks/edge spaces`;
  if (type === 'card') {
    const d = value.replace(/[ -]/g, '');
    if (!/^\d{12,19}$/.test(d)) return 'card: not 12-19 digits';
    if (!cardBrand(d)) return 'card: no brand issues this prefix at this length';
    if (!luhn(d)) return 'card: Luhn fails';
  }
  if (type === 'iban') return ibanProblem(value);
  // A value in the US SSN layout must be one the SSA issues (no area 000, 666
  // or 900-999, which are ITINs or never issued; no group 00, no serial 0000).
  // (Nine bare digits are the US layout only in en_US: elsewhere they are, say, a Dutch BSN.)
  const us = type === 'ssn' ? /^(\d{3})([- .]?)(\d{2})\2(\d{4})$/.exec(value) : null;
  if (us && us[2] === '' && locale !== 'en_US') return null;
  if (us && (us[1] === '000' || us[1] === '666' || us[1] >= '900' || us[3] === '00' || us[4] === '0000')) {
    return 'ssn: US layout but never issued (area 000/666/9xx, group 00 or serial 0000)';
  }
  if (type === 'email' && !/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(value)) return 'email: not local@domain.tld';
  if ((type === 'phone' || type === 'ssn') && (value.match(/\d/g) ?? []).length < 5) return `${type}: fewer than 5 digits`;
  return null;
}

// ---- how people write them ----
function groups(s, sizes, sep) {
  const out = [];
  let at = 0;
  for (const n of sizes) { if (at >= s.length) break; out.push(s.slice(at, at + n)); at += n; }
  if (at < s.length) out.push(s.slice(at));
  return out.join(sep);
}
function writeCard(value, rng) {
  const d = value.replace(/[ -]/g, '');
  const r = rng.next();
  if (r < 0.4) return { value, layout: value === d ? 'solid' : 'as generated' };
  const sep = r < 0.8 ? ' ' : '-';
  const sizes = d.length === 15 ? [4, 6, 5] : d.length === 14 ? [4, 6, 4] : [4, 4, 4, 4, 4];
  return { value: groups(d, sizes, sep), layout: sep === ' ' ? 'spaced' : 'dashed' };
}
function writeIban(value, rng) {
  const s = value.replace(/ /g, '');
  if (rng.chance(0.5)) return { value: s, layout: 'solid' };
  return { value: groups(s, Array(9).fill(4), ' '), layout: 'grouped' };
}

// ---- risky PII-free tokens the composer makes itself ----
function digits(rng, n) { let s = ''; for (let i = 0; i < n; i++) s += rng.int(10); return s; }
function letters(rng, n) { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(65 + rng.int(26)); return s; }
function alnum(rng, n) { let s = ''; for (let i = 0; i < n; i++) s += rng.chance(0.3) ? letters(rng, 1) : digits(rng, 1); return s; }
const MADE = {
  order: (r) => r.pick([
    () => digits(r, 7), () => `45${digits(r, 8)}`, () => `00${digits(r, 8)}`, () => `ORD-${digits(r, 6)}`,
    () => `${digits(r, 3)}-${digits(r, 7)}-${digits(r, 7)}`, () => `${digits(r, 5)}-${digits(r, 2)}`, () => `${letters(r, 2)}${digits(r, 8)}`,
  ])(),
  invoice: (r) => r.pick([
    () => `INV-${2020 + r.int(6)}-${digits(r, 5)}`, () => `RE${digits(r, 4)}/${digits(r, 2)}`, () => `${2020 + r.int(6)}-${digits(r, 6)}`,
    () => `F-${digits(r, 4)}-${digits(r, 5)}`, () => `${digits(r, 3)} ${digits(r, 3)} ${digits(r, 3)}`,
  ])(),
  tracking: (r) => r.pick([
    () => `1Z${alnum(r, 6)}${digits(r, 10)}`, () => `00340434${digits(r, 12)}`, () => `JJD${digits(r, 18)}`,
    () => groups(`9400${digits(r, 18)}`, [4, 4, 4, 4, 4], ' '), () => `${letters(r, 2)}${digits(r, 9)}${letters(r, 2)}`, () => digits(r, 12),
  ])(),
  id: (r) => r.pick([
    () => `KD-${digits(r, 6)}`, () => digits(r, 9), () => `CASE-${digits(r, 8)}`, () => `C${digits(r, 7)}`, () => `#${digits(r, 6)}`,
    () => `${digits(r, 4)}-${digits(r, 4)}`,
  ])(),
  version: (r) => r.pick([
    () => `${r.int(20)}.${r.int(20)}.${r.int(50)}`, () => `v${r.int(30)}.${r.int(10)}.${r.int(10)}`, () => `${1 + r.int(9)}.${r.int(99)}.${digits(r, 4)}`,
    () => `${2020 + r.int(6)}.${1 + r.int(12)}.${r.int(10)}`, () => `10.0.${19000 + r.int(1000)}.${r.int(4000)}`,
  ])(),
};

// Dates and amounts as each locale writes them, from the generator's ISO date and number.
function formatDate(iso, locale, rng) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const styles = {
    en_US: [`${mo}/${d}/${y}`, `${Number(mo)}/${Number(d)}/${y.slice(2)}`], en_GB: [`${d}/${mo}/${y}`],
    de_DE: [`${d}.${mo}.${y}`, `${Number(d)}.${Number(mo)}.`], nl_NL: [`${d}-${mo}-${y}`], sv_SE: [`${y}-${mo}-${d}`],
    cs_CZ: [`${Number(d)}. ${Number(mo)}. ${y}`, `${d}.${mo}.${y}`], da_DK: [`${d}.${mo}.${y}`, `${d}-${mo}-${y}`],
    nb_NO: [`${d}.${mo}.${y}`], fi_FI: [`${Number(d)}.${Number(mo)}.${y}`], fr_FR: [`${d}/${mo}/${y}`],
    es_ES: [`${d}/${mo}/${y}`], it_IT: [`${d}/${mo}/${y}`], pl_PL: [`${d}.${mo}.${y}`], pt_PT: [`${d}/${mo}/${y}`],
    pt_BR: [`${d}/${mo}/${y}`],
  }[locale] ?? [`${y}-${mo}-${d}`];
  return rng.chance(0.15) ? `${y}-${mo}-${d}` : rng.pick(styles);
}
function formatAmount(n, locale, rng) {
  const [int, frac] = Number(n).toFixed(2).split('.');
  const thousands = (sep) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (locale) {
    case 'en_US': return `$${thousands(',')}.${frac}`;
    case 'en_GB': return `£${thousands(',')}.${frac}`;
    case 'sv_SE': return `${thousands(' ')},${frac} kr`;
    case 'da_DK': return `${thousands('.')},${frac} kr.`;
    case 'nb_NO': return `kr ${thousands(' ')},${frac}`;
    case 'cs_CZ': return `${thousands(' ')},${frac} Kč`;
    case 'pl_PL': return `${thousands(' ')},${frac} zł`;
    case 'pt_BR': return `R$ ${thousands('.')},${frac}`;
    case 'fr_FR': case 'fi_FI': return `${thousands(' ')},${frac} €`;
    default: return rng.chance(0.5) ? `${thousands('.')},${frac} €` : `€${thousands('.')},${frac}`;
  }
}

// ---- composition ----
function fill(template, values) {
  let text = template;
  const spans = [];
  // Replace placeholders left to right so spans come out in text order.
  for (;;) {
    const m = /\{(\w+)\}/.exec(text);
    if (!m) break;
    const v = values[m[1]];
    if (v === undefined) return null;
    text = text.slice(0, m.index) + v.text + text.slice(m.index + m[0].length);
    if (v.span) spans.push(v.span);
    // Placeholders never appear in values, so the next search is safe.
  }
  return { text, spans };
}

function composeGroup(generator, locale, records, stats) {
  const lang = LANGUAGE[locale];
  if (!lang) throw new Error(`no language for locale ${locale}`);
  const t = TEMPLATES[lang];
  const rng = prng(`${generator}|${locale}`);
  const byType = Object.fromEntries(PII_TYPES.map((k) => [k, []]));
  const free = {};
  for (const r of records) {
    if (r.free) {
      (free[r.free] ??= []).push(r.value);
      continue;
    }
    const problem = problemOf(r.type, r.value, locale);
    if (problem) {
      stats.dropped[problem] = (stats.dropped[problem] ?? 0) + 1;
      continue;
    }
    byType[r.type].push(r);
  }
  const piiValue = (rec) => {
    let value = rec.value;
    let form = rec.form ?? rec.type;
    if (rec.type === 'card') { const w = writeCard(value, rng); value = w.value; form = `${form} ${w.layout}`; }
    if (rec.type === 'iban') { const w = writeIban(value, rng); value = w.value; form = `${form} ${w.layout}`; }
    // An extension (`555-123-4567x890`) stays in the text; the span is the number before it.
    const ext = rec.type === 'phone' ? /^(.*\d)(\s*(?:x|ext\.?)\s*\d{1,6})$/i.exec(value) : null;
    if (ext) return { text: value, span: { type: rec.type, value: ext[1], form: `${form} +extension` } };
    return { text: value, span: { type: rec.type, value, form } };
  };
  const lines = [];
  // Each value once; one line in seven carries a second value of another kind.
  const queue = [];
  for (const type of PII_TYPES) for (const rec of byType[type]) queue.push(rec);
  for (let i = queue.length - 1; i > 0; i--) { const j = rng.int(i + 1); [queue[i], queue[j]] = [queue[j], queue[i]]; }
  while (queue.length > 0) {
    const rec = queue.pop();
    const partnerAt = rng.chance(1 / 7) ? queue.findIndex((q) => q.type !== rec.type) : -1;
    let filled = null;
    if (partnerAt >= 0) {
      const partner = queue[partnerAt];
      const fits = t.pair.filter((p) => p.includes(`{${rec.type}}`) && p.includes(`{${partner.type}}`));
      if (fits.length > 0) {
        queue.splice(partnerAt, 1);
        filled = fill(rng.pick(fits), { [rec.type]: piiValue(rec), [partner.type]: piiValue(partner) });
      }
    }
    if (!filled) {
      const template = rng.chance(0.25) ? rng.pick(TEMPLATES.bare) : rng.pick(t[rec.type]);
      filled = fill(template, { v: piiValue(rec) });
    }
    lines.push(filled);
  }
  // PII-free lines: about one for every two PII lines, each template whose tokens this generator can fill.
  const token = (kind) => {
    if (MADE[kind]) return MADE[kind](rng);
    const pool = free[kind];
    if (!pool || pool.length === 0) return undefined;
    const raw = rng.pick(pool);
    if (kind === 'date') return formatDate(raw, locale, rng);
    if (kind === 'amount') return formatAmount(raw, locale, rng);
    return raw;
  };
  const freeCount = Math.ceil(lines.length / 2);
  for (let k = 0; k < freeCount; k++) {
    const template = t.free[k % t.free.length];
    const values = {};
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      const v = token(m[1]);
      if (v !== undefined) values[m[1]] = { text: v };
    }
    const filled = fill(template, values);
    if (filled) lines.push(filled);
  }
  for (let i = lines.length - 1; i > 0; i--) { const j = rng.int(i + 1); [lines[i], lines[j]] = [lines[j], lines[i]]; }
  stats.lines += lines.length;
  stats.piiFree += lines.filter((l) => l.spans.length === 0).length;
  for (const l of lines) for (const s of l.spans) stats.values[s.type] = (stats.values[s.type] ?? 0) + 1;
  return lines.map((l) => JSON.stringify({ text: l.text, spans: l.spans, generator, locale }));
}

const input = readFileSync(0, 'utf8');
const groupsByKey = new Map();
for (const [n, line] of input.split('\n').entries()) {
  if (line.trim() === '') continue;
  let r;
  try { r = JSON.parse(line); } catch { throw new Error(`input line ${n + 1}: not JSON: ${line.slice(0, 80)}`); }
  const key = `${r.generator}\u0000${r.locale}`;
  if (!groupsByKey.has(key)) groupsByKey.set(key, []);
  groupsByKey.get(key).push(r);
}
const stats = { lines: 0, piiFree: 0, values: {}, dropped: {} };
const out = [];
for (const [key, records] of groupsByKey) {
  const [generator, locale] = key.split('\u0000');
  out.push(...composeGroup(generator, locale, records, stats));
}
process.stdout.write(`${out.join('\n')}\n`);
process.stderr.write(`${JSON.stringify(stats)}\n`);
