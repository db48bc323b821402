// Words before a number that tell whether it is a phone number: `call me on`,
// `Meine Nummer ist`, `ring mig på`, `tel:` make a short local number
// (`467 3395`, `53365728`) a phone; `order`, `Rechnung`, `pedido` make a bare
// digit string an order, invoice or reference number. Only the bare and short
// forms ask (docs/masking.md); a number written as a phone is one whatever
// stands before it.
//
// The look back is bounded: at most CUE_WORDS words within CUE_WINDOW
// characters, and it stops at a digit, a `*`, an `@` (another number, a
// masked span, an address) and a line break, so a cue is read the same way
// before and after masking and the scan stays linear.
import { CODE_AT, CODE_DOT, CODE_STAR, isDigit, isLetter, isWhitespace } from './char-class.js';

const CODE_BANG = 33;
const CODE_NEWLINE = 10;
const CODE_QUESTION = 63;

export const CUE_NONE = 0;
export const CUE_PHONE = 1;
export const CUE_NOT_PHONE = 2;
/** A word for "number" (`number`, `Nummer`, `číslo`, `numéro`, `nr`): a phone unless an order word comes before it. */
export const CUE_NUMBER = 3;

const CUE_WINDOW = 32;
const CUE_WORDS = 4;

// `word` matches that word only; `word*` any word starting with it.
const PHONE_WORDS = [
  // en
  'phone*', 'tel', 'tel*', 'mobile*', 'mob', 'cell*', 'call*', 'ring*', 'text', 'texting', 'sms', 'whatsapp*',
  'fax*', 'reach', 'reached', 'reachable', 'dial*', 'landline*', 'contact*',
  // de
  'telefon*', 'handy*', 'mobil*', 'ruf*', 'anruf*', 'rückruf*', 'ruckruf*', 'erreichbar*', 'festnetz*',
  'durchwahl*', 'fon', 'zurückrufen', 'whats*',
  // nl
  'telefoon*', 'mobiel*', 'bel', 'bellen', 'belt', 'gsm*', 'bereikbaar*', 'terugbellen', 'terugbel*',
  // sv, da, no
  'ringa', 'ringer', 'tlf*', 'mobilnummer*', 'telefonnummer*', 'mobiltelefon*', 'nås', 'træffes', 'treffes',
  'träffas', 'nåes', 'ringe', 'opkald*', 'oppringing*',
  // cs
  'volejte', 'zavolejte', 'zavolej', 'volat', 'zavolat', 'volej', 'telefonní', 'mobilní', 'volání', 'zpětné',
  'dovoláte', 'zastižení', 'zastihnete',
  // fi
  'puhelin*', 'puh', 'soita*', 'soitt*', 'matkapuhelin*', 'kännykkä*', 'tavoit*', 'numerosta', 'numeroon',
  // fr
  'téléphone*', 'telephone*', 'tél', 'portable*', 'appel*', 'rappel*', 'joindre', 'joignable*', 'fixe',
  // es
  'teléfono*', 'telefono*', 'móvil*', 'movil*', 'celular*', 'llam*', 'llám*', 'fijo', 'localizable',
  // it
  'cellulare*', 'chiam*', 'richiam*', 'recapito*', 'raggiungibile*', 'reperibile*',
  // pl
  'komórk*', 'komork*', 'zadzwoń*', 'zadzwon*', 'dzwoń*', 'dzwon*', 'kom', 'oddzwo*', 'numerem',
  // pt
  'telemóvel*', 'telemovel*', 'liga', 'ligue', 'ligar', 'contacto*', 'contato*', 'contactável', 'contatável',
  'ligação', 'ligações',
];

const NUMBER_WORDS = [
  'number', 'numbers', 'nr', 'num', 'nummer', 'nummeret', 'nummern', 'numer', 'numeru', 'numero*',
  'número', 'numéro', 'číslo', 'čísle', 'cislo',
];

const NOT_PHONE_WORDS = [
  // en
  'order*', 'ord', 'invoice*', 'inv', 'ref', 'refs', 'reference*', 'tracking*', 'track', 'parcel*', 'shipment*',
  'package*', 'ticket*', 'case', 'account*', 'acct', 'customer*', 'booking*', 'reservation*', 'confirmation*',
  'transaction*', 'txn', 'serial*', 'sku', 'item*', 'article*', 'model*', 'policy', 'contract*', 'iban', 'bic',
  'pin', 'code*', 'postcode*', 'zip', 'ean', 'gtin', 'isbn', 'upc', 'imei', 'serial', 'batch', 'lot', 'amount*', 'total*', 'price*', 'sum', 'id', 'receipt*', 'voucher*', 'coupon*',
  'member*', 'membership*', 'loyalty', 'barcode*', 'sscc', 'waybill*', 'awb',
  // de
  'bestell*', 'auftrag*', 'auftrags*', 'rechnung*', 'kunden*', 'sendung*', 'paket*', 'vertrag*', 'vertrags*',
  'konto*', 'referenz*', 'vorgang*', 'vorgangs*', 'artikel*', 'buchung*', 'beleg*', 'betrag*', 'summe*',
  'preis*', 'plz', 'postleitzahl*', 'kd', 're', 'aktenzeichen*', 'az', 'zeichen', 'strichcode*', 'barcode', 'lieferschein*', 'mitglied*',
  // nl
  'bestel*', 'factuur*', 'klant*', 'pakket*', 'zending*', 'referentie*', 'rekening*', 'boeking*', 'bedrag*',
  'prijs*', 'postcode', 'lid*', 'kenmerk*', 'zaak*', 'dossiernummer*', 'streepjescode*', 'volg*',
  // sv, da, no
  'ordre*', 'faktura*', 'kund*', 'kunde*', 'paket', 'pakke*', 'försändelse*', 'forsendelse*', 'referens*',
  'ärende*', 'sag', 'sags*', 'sak', 'saks*', 'bokning*', 'belopp*', 'beløb*', 'beløp*', 'pris*', 'postnummer*', 'kvitto*',
  'kvittering*', 'medlem*', 'sporing*', 'spårning*', 'spår*', 'streckkod*', 'stregkode*', 'strekkode*',
  'försändelse', 'leverans*',
  // cs
  'objednávk*', 'objednavk*', 'objednávce', 'faktur*', 'zákazn*', 'zakazn*', 'zásilk*', 'zasilk*', 'balík*',
  'balik*', 'smlouv*', 'účt*', 'účet', 'ucet', 'uctu', 'částk*', 'castk*', 'cena', 'ceny', 'psč', 'psc',
  'doklad*', 'variabilní', 'symbol', 'čárový', 'čárového', 'carovy', 'sledování', 'sledovaci*', 'sledovací*',
  // fi
  'tilaus*', 'lasku*', 'asiakas*', 'paketti*', 'lähetys*', 'viite*', 'tili*', 'summa*', 'hinta*', 'postinumero*',
  'varaus*', 'kuitti*', 'seuranta*', 'viivakoodi*', 'lähetystunnus*',
  // fr
  'commande*', 'facture*', 'client*', 'colis', 'suivi*', 'référence*', 'reference', 'compte*', 'dossier*',
  'réservation*', 'montant*', 'prix', 'postal', 'ticket', 'reçu', 'contrat*', 'adhérent*', 'barres',
  'expédition*', 'envoi*',
  // es
  'pedido*', 'factura*', 'cliente*', 'paquete*', 'envío*', 'envio*', 'seguimiento*', 'referencia*', 'cuenta*',
  'reserva*', 'importe*', 'precio*', 'expediente*', 'contrato*', 'recibo*', 'socio*', 'barras', 'código', 'codigo',
  // it
  'ordine*', 'fattura*', 'pacco*', 'spedizione*', 'riferimento*', 'conto*', 'prenotazione*', 'pratica*',
  'importo*', 'prezzo*', 'cap', 'codice*', 'ricevuta*', 'contratto*', 'tracciamento*', 'barre',
  // pl
  'zamówien*', 'zamowien*', 'klient*', 'paczk*', 'przesyłk*', 'przesylk*', 'konto', 'rezerwacj*',
  'kwot*', 'umow*', 'umów*', 'rachun*', 'paragon*', 'pocztowy', 'kreskow*', 'śledzeni*', 'sledzeni*',
  'nadani*',
  // pt
  'encomenda*', 'fatura*', 'rastreio*', 'rastreamento*', 'referência*', 'conta', 'nif', 'valor*', 'preço*',
  'cpf', 'cnpj', 'nota',
  // currencies
  'eur', 'euro*', 'usd', 'gbp', 'chf', 'kr', 'kč', 'kc', 'czk', 'sek', 'nok', 'dkk', 'pln', 'zł', 'zl',
];

// Every cue word and prefix, bucketed by its first two letters (lower case)
// as one number: a word whose first two letters start none of them is ruled
// out without being copied or lower-cased.
interface CueEntry {
  word: string;
  prefix: boolean;
  cue: number;
}

const BY_FIRST_TWO = new Map<number, CueEntry[]>();

// Lower case of the Latin letters, tabled; beyond them, the engine's.
const LOWER = new Uint16Array(0x250);
for (let c = 0; c < LOWER.length; c++) LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);

export function lowerCode(c: number): number {
  return c < 0x250 ? LOWER[c] : String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

function firstTwoKey(c0: number, c1: number): number {
  return lowerCode(c0) * 0x10000 + lowerCode(c1);
}

function add(words: readonly string[], cue: number): void {
  for (const w of words) {
    const prefix = w.endsWith('*');
    const word = prefix ? w.slice(0, -1) : w;
    const key = firstTwoKey(word.charCodeAt(0), word.charCodeAt(1));
    let bucket = BY_FIRST_TWO.get(key);
    if (bucket === undefined) BY_FIRST_TWO.set(key, (bucket = []));
    // The first entry for a word wins: a word for "number", then order words, then phone words.
    if (!bucket.some((e) => e.word === word && e.prefix === prefix)) bucket.push({ word, prefix, cue });
  }
}
add(NUMBER_WORDS, CUE_NUMBER);
add(NOT_PHONE_WORDS, CUE_NOT_PHONE);
add(PHONE_WORDS, CUE_PHONE);
// Exact words first, then the longest prefix: `telefonnummer` before `telefon`.
for (const bucket of BY_FIRST_TWO.values()) {
  bucket.sort((a, b) => (a.prefix === b.prefix ? b.word.length - a.word.length : a.prefix ? 1 : -1));
}

function cueOfEntries(bucket: readonly CueEntry[], word: string): number {
  for (const e of bucket) {
    if (e.prefix ? word.startsWith(e.word) : word === e.word) return e.cue;
  }
  return CUE_NONE;
}

/** What one word (lower case) says: CUE_PHONE, CUE_NOT_PHONE, CUE_NONE, or CUE_NUMBER for a word for "number". */
export function cueOfWord(word: string): number {
  if (word.length < 2) return CUE_NONE;
  const bucket = BY_FIRST_TWO.get(firstTwoKey(word.charCodeAt(0), word.charCodeAt(1)));
  return bucket === undefined ? CUE_NONE : cueOfEntries(bucket, word);
}

/** text[start, end) in lower case starts with `word` (its first two letters known to match). */
function startsWithAt(text: string, start: number, end: number, word: string): boolean {
  if (end - start < word.length) return false;
  for (let k = 2; k < word.length; k++) if (lowerCode(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** cueOfWord of text[start, end), read in place. */
export function cueOfWordAt(text: string, start: number, end: number): number {
  if (end - start < 2) return CUE_NONE;
  const bucket = BY_FIRST_TWO.get(firstTwoKey(text.charCodeAt(start), text.charCodeAt(start + 1)));
  if (bucket === undefined) return CUE_NONE;
  for (const e of bucket) {
    if ((e.prefix || end - start === e.word.length) && startsWithAt(text, start, end, e.word)) return e.cue;
  }
  return CUE_NONE;
}

/**
 * What the words before `start` say about the number there: CUE_PHONE,
 * CUE_NOT_PHONE or CUE_NONE. The nearest cue word decides; a word for
 * "number" is a phone cue unless the cue word before it is an order word
 * (`order number`, `Bestell-Nr.`).
 */
export function cueBefore(text: string, start: number): number {
  const stop = Math.max(0, start - CUE_WINDOW);
  let p = start - 1;
  let words = 0;
  let pendingNumber = false;
  while (p >= stop && words < CUE_WORDS + (pendingNumber ? 1 : 0)) {
    const c = text.charCodeAt(p);
    // Digits, `*` and `@` are what masking rewrites (numbers, masked values,
    // addresses): the look back never reads across them, so it reads the
    // same before and after masking. A line break ends it too.
    if (isDigit(c) || c === CODE_STAR || c === CODE_AT || c === CODE_NEWLINE) break;
    if (!isLetter(c)) {
      // A sentence ends between a word already read and the one before it.
      if (words > 0 && (c === CODE_DOT || c === CODE_BANG || c === CODE_QUESTION) &&
        p + 1 < text.length && isWhitespace(text.charCodeAt(p + 1))) {
        break;
      }
      p--;
      continue;
    }
    const end = p + 1;
    while (p >= stop && isLetter(text.charCodeAt(p))) p--;
    if (p >= stop || p < 0 || !isLetter(text.charCodeAt(p))) {
      // A word cut by the window is not read.
      const cue = cueOfWordAt(text, p + 1, end);
      words++;
      if (cue === CUE_NUMBER) {
        if (pendingNumber) return CUE_PHONE;
        pendingNumber = true;
      } else if (cue !== CUE_NONE) {
        return cue;
      }
    }
  }
  return pendingNumber ? CUE_PHONE : CUE_NONE;
}
