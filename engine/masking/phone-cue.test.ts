import { describe, expect, it } from 'vitest';
import { CUE_NONE, CUE_NOT_PHONE, CUE_NUMBER, CUE_PHONE, cueBefore, cueOfWord } from './phone-cue.js';

function cueOf(textBeforeNumber: string): number {
  const text = `${textBeforeNumber}53365728`;
  return cueBefore(text, textBeforeNumber.length);
}

describe('phone words, per language', () => {
  it.each([
    ['en', ['call me on ', 'my phone: ', 'tel: ', 'Tel.', 'mobile ', 'cell: ', 'text me at ', 'reach me at ', 'WhatsApp ']],
    ['de', ['Meine Nummer ist ', 'Telefon: ', 'Handy ', 'ruf mich an unter ', 'Rückruf auf ', 'erreichbar unter ', 'Tel.-Nr. ']],
    ['nl', ['bel me op ', 'mijn nummer is ', 'telefoon ', 'mobiel: ', 'bereikbaar op ']],
    ['sv', ['ring mig på ', 'mitt nummer är ', 'telefon ', 'mobil: ', 'nås på ']],
    ['cs', ['zavolejte mi na ', 'moje číslo je ', 'telefon: ', 'mobil ', 'volejte ']],
    ['da', ['ring til mig på ', 'mit nummer er ', 'tlf. ', 'kan træffes på ']],
    ['no', ['ring meg på ', 'nummeret mitt er ', 'tlf: ', 'treffes på ', 'mobil ']],
    ['fi', ['soita minulle ', 'numeroni on ', 'puh. ', 'puhelin: ', 'soittakaa ', 'tavoitat numerosta ']],
    ['fr', ['appelez-moi au ', 'mon numéro est ', 'tél : ', 'portable : ', 'joignable au ']],
    ['es', ['llámame al ', 'mi número es ', 'teléfono: ', 'móvil: ', 'celular ']],
    ['it', ['chiamami al ', 'il mio numero è ', 'tel. ', 'cellulare: ', 'richiamatemi al ']],
    ['pl', ['zadzwoń do mnie pod ', 'mój numer to ', 'tel. ', 'komórka: ', 'oddzwonić na ']],
    ['pt', ['ligue-me para ', 'o meu número é ', 'telemóvel: ', 'meu celular é ', 'contactável no ']],
  ])('%s', (_lang, befores) => {
    for (const before of befores) expect(cueOf(before), before).toBe(CUE_PHONE);
  });
});

describe('order words, per language', () => {
  it.each([
    ['en', ['order ', 'invoice #', 'ref ', 'tracking number ', 'my order number is ', 'barcode ', 'customer id ']],
    ['de', ['Bestellung ', 'Bestell-Nr. ', 'Rechnung ', 'Kundennummer ', 'Sendungsnummer ', 'Aktenzeichen ']],
    ['nl', ['bestelling ', 'factuur ', 'klantnummer ', 'kenmerk ']],
    ['sv', ['order ', 'faktura ', 'kundnummer ', 'streckkod ']],
    ['cs', ['objednávka ', 'faktura ', 'číslo objednávky ', 'zásilka ']],
    ['da', ['ordre ', 'faktura ', 'stregkode ']],
    ['no', ['ordre ', 'sporingsnummer ', 'strekkode ']],
    ['fi', ['tilaus ', 'lasku ', 'seurantakoodi ', 'viivakoodi ']],
    ['fr', ['commande ', 'facture ', 'numéro de suivi ', 'numéro client ']],
    ['es', ['pedido ', 'factura ', 'número de pedido ', 'código de barras ']],
    ['it', ['ordine ', 'fattura ', 'codice di tracciamento ', 'codice a barre ']],
    ['pl', ['zamówienie ', 'faktura ', 'numer zamówienia ', 'kod kreskowy ']],
    ['pt', ['encomenda ', 'fatura ', 'código de rastreio ']],
  ])('%s', (_lang, befores) => {
    for (const before of befores) expect(cueOf(before), before).toBe(CUE_NOT_PHONE);
  });
});

describe('the look back', () => {
  it('the nearest cue word decides', () => {
    expect(cueOf('about my order, call me on ')).toBe(CUE_PHONE);
    expect(cueOf('call me about order ')).toBe(CUE_NOT_PHONE);
  });

  it('a word for number takes the cue of the word before it', () => {
    expect(cueOfWord('nummer')).toBe(CUE_NUMBER);
    expect(cueOf('phone number ')).toBe(CUE_PHONE);
    expect(cueOf('order number ')).toBe(CUE_NOT_PHONE);
    expect(cueOf('my number: ')).toBe(CUE_PHONE);
  });

  it('matches whole words and compounds by their start, any case', () => {
    expect(cueOfWord('telefonnummer')).toBe(CUE_PHONE);
    expect(cueOfWord('bestellnummer')).toBe(CUE_NOT_PHONE);
    expect(cueOf('TELEFON ')).toBe(CUE_PHONE);
    expect(cueOf('ČÍSLO OBJEDNÁVKY ')).toBe(CUE_NOT_PHONE);
    expect(cueOfWord('hotel')).toBe(CUE_NONE);
  });

  it('stops at a digit, a masked value, the end of a sentence, and after a few words', () => {
    expect(cueOf('call 12 ')).toBe(CUE_NONE);
    expect(cueOf('call ****5678 and ')).toBe(CUE_NONE);
    expect(cueOf('I placed an order. Reach me on ')).toBe(CUE_PHONE);
    expect(cueOf('I placed an order. It is ')).toBe(CUE_NONE);
    expect(cueOf('call me if you like or not and then ')).toBe(CUE_NONE);
    expect(cueOf('')).toBe(CUE_NONE);
  });
});
