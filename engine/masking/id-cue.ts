// Words before a number that say it is an identity number: `SSN`, `BSN`,
// `personnummer`, `codice fiscale`, `PESEL`, `NIF`... A number whose check
// digits hold is masked as one without them; a form with no check (a UK
// NINO outside the issued prefixes, a Danish CPR without the pre-2007 check,
// a codice fiscale with a wrong check letter, nine bare digits for a US SSN)
// only after one. An order word (`order`, `Kundennummer`, phone-cue.ts)
// nearer to the number says it is not one.
//
// Only read when a number already has an identity number's shape; the look
// back is bounded like the phone cues' (32 characters, 4 words, stopping at
// digits, `*`, `@` and line breaks).
import { CODE_AT, CODE_STAR, isDigit, isLetter } from './char-class.js';
import { CUE_NOT_PHONE, cueOfWordAt, lowerCode } from './phone-cue.js';

export const ID_CUE_NONE = 0;
export const ID_CUE_ID = 1;
export const ID_CUE_ORDER = 2;

const WINDOW = 32;
const WORDS = 4;
const CODE_NEWLINE = 10;

// `word` matches that word only; `word*` any word starting with it. Lower case.
const ID_WORDS = [
  // en (US, UK, Canada, Ireland)
  'ssn', 'ssns', 'social', 'security', 'nino', 'ni', 'insurance', 'sin', 'pps', 'ppsn', 'id', 'identity',
  'identification', 'personal',
  // de, at, ch
  'sozialversicherung*', 'sv', 'svnr', 'versicherungsnummer*', 'rentenversicherung*', 'steuer*', 'steuerid',
  'idnr', 'identifikationsnummer*', 'ausweis*', 'personalausweis*', 'ahv', 'avs',
  // nl, be
  'bsn', 'burgerservicenummer*', 'sofi*', 'rijksregister*', 'registre', 'national', 'nationaal',
  // sv, da, no
  'personnummer*', 'personnr', 'pnr', 'samordningsnummer*', 'cpr*', 'fødselsnummer*', 'fødselsnr', 'fnr',
  'personnumer',
  // fi
  'henkilötunnu*', 'hetu', 'sotu',
  // fr
  'sécu', 'secu', 'sécurité', 'securite', 'nir', 'insee', 'sociale',
  // es
  'dni', 'nie', 'seguridad', 'documento*',
  // it
  'fiscale', 'cf', 'tessera', 'sanitaria',
  // pl
  'pesel', 'dowodu', 'dowód', 'dowod',
  // pt
  'nif', 'contribuinte', 'cpf', 'cidadão', 'cidadao', 'identidade',
  // cs, sk
  'rodné', 'rodne', 'rč', 'rc', 'pojištěnce', 'pojistence', 'občanský', 'obcansky',
  // ro, ee, lt, hr
  'cnp', 'isikukood*', 'asmens', 'oib',
];

// Words that name an id only when no order word comes right before them:
// `ID no.`, `personal number`, but `order ID`, `Kunden-ID`, `customer id`.
const GENERIC = new Set(['id', 'identification', 'personal', 'national', 'identity']);

const EXACT = new Set<string>();
const PREFIXES: string[] = [];
for (const w of ID_WORDS) {
  if (w.endsWith('*')) PREFIXES.push(w.slice(0, -1));
  else EXACT.add(w);
}

/** A word (lower case) that names an identity number. */
export function isIdWord(word: string): boolean {
  if (EXACT.has(word)) return true;
  for (const p of PREFIXES) if (word.startsWith(p)) return true;
  return false;
}

// The first two letters of every id word, lower case, as one number: most
// words are ruled out by them without being copied.
const FIRST_TWO = new Set<number>();
for (const w of ID_WORDS) FIRST_TWO.add(w.charCodeAt(0) * 0x10000 + w.charCodeAt(1));

function isIdWordAt(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  if (!FIRST_TWO.has(lowerCode(text.charCodeAt(start)) * 0x10000 + lowerCode(text.charCodeAt(start + 1)))) return false;
  return isIdWord(text.slice(start, end).toLowerCase());
}

/**
 * Whether an id word may stand before `start`: a first look that reads only
 * the first two letters of each word. Most numbers have none near, and then
 * idCueBefore cannot say ID_CUE_ID.
 */
export function mayHaveIdWordBefore(text: string, start: number): boolean {
  const stop = Math.max(0, start - WINDOW);
  let p = start - 1;
  let words = 0;
  while (p >= stop && words < WORDS) {
    const c = text.charCodeAt(p);
    if (isDigit(c) || c === CODE_STAR || c === CODE_AT || c === CODE_NEWLINE) return false;
    if (!isLetter(c)) {
      p--;
      continue;
    }
    const end = p + 1;
    while (p >= stop && isLetter(text.charCodeAt(p))) p--;
    words++;
    if (end - (p + 1) >= 2 &&
      FIRST_TWO.has(lowerCode(text.charCodeAt(p + 1)) * 0x10000 + lowerCode(text.charCodeAt(p + 2)))) {
      return true;
    }
  }
  return false;
}

/**
 * What the words before `start` say: ID_CUE_ID, ID_CUE_ORDER or
 * ID_CUE_NONE. The nearest word that is either decides.
 */
export function idCueBefore(text: string, start: number): number {
  const stop = Math.max(0, start - WINDOW);
  let p = start - 1;
  let words = 0;
  let generic = false;
  while (p >= stop && words < WORDS) {
    const c = text.charCodeAt(p);
    if (isDigit(c) || c === CODE_STAR || c === CODE_AT || c === CODE_NEWLINE) break;
    if (!isLetter(c)) {
      p--;
      continue;
    }
    const end = p + 1;
    while (p >= stop && isLetter(text.charCodeAt(p))) p--;
    // A word cut by the window is not read.
    if (p >= 0 && p < stop && isLetter(text.charCodeAt(p))) break;
    words++;
    if (generic) return cueOfWordAt(text, p + 1, end) === CUE_NOT_PHONE ? ID_CUE_ORDER : ID_CUE_ID;
    if (isIdWordAt(text, p + 1, end)) {
      if (!GENERIC.has(text.slice(p + 1, end).toLowerCase())) return ID_CUE_ID;
      generic = true;
      continue;
    }
    if (cueOfWordAt(text, p + 1, end) === CUE_NOT_PHONE) return ID_CUE_ORDER;
  }
  return generic ? ID_CUE_ID : ID_CUE_NONE;
}
