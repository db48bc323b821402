import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from './index.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

function phones(text: string): string[] {
  return found(text).filter(([, k]) => k === 'phone').map(([t]) => t);
}

describe('phone numbers: forms that are read as phones', () => {
  it.each([
    ['international, spaced', '+44 7966 197542'],
    ['international, solid', '+447966197542'],
    ['international with area code in parentheses', '+1 (123) 456-7890'],
    ['the seed form with a space after the plus', '+ 1 (123) 456 7890'],
    ['international with 00', '0049 30 1234567'],
    ['international with dashes', '+49-635-1177985'],
    ['US national with parentheses', '(555) 123-4567'],
    ['German national with parentheses', '(04626) 5052426'],
    ['UK national', '07700 900 123'],
    ['Belgian national', '0490 75 40 81'],
    ['Swedish national', '070-123 45 67'],
    ['Dutch national', '06-12345678'],
    ['French national with dots', '06.12.34.56.78'],
    ['national solid', '0612345678'],
    ['US with dashes', '555-123-4567'],
    ['US with dots', '555.123.4567'],
    ['Czech national', '603 123 456'],
    ['US with country code', '1 (555) 123-4567'],
    ['US with country code and dashes', '1-555-123-4567'],
  ])('%s: %s', (_name, phone) => {
    expect(found(`call me on ${phone} today`)).toEqual([[phone, 'phone']]);
  });

  it('finds a phone at the very start and end of a text', () => {
    expect(phones('+447966197542')).toEqual(['+447966197542']);
    expect(phones('Ring 0701234567')).toEqual(['0701234567']);
  });

  it('leaves the parentheses around a number outside the span', () => {
    expect(found('(0612345678)')).toEqual([['0612345678', 'phone']]);
  });

  it('finds two phones in one run', () => {
    expect(phones('0612345678 0612345679')).toEqual(['0612345678', '0612345679']);
  });

  it('reads a run that goes on a glued identifier as cards only', () => {
    expect(found('AB12 555-123-4567')).toEqual([]);
    expect(found('DE88 3704 0044 0532 0130 00')).toEqual([]);
  });

  it('allows a phone after an abbreviation with a full stop', () => {
    expect(phones('Tel.0612345678')).toEqual(['0612345678']);
  });
});

describe('phone numbers: digit strings that are not phones', () => {
  it.each([
    ['a decimal', '0.250750683890174'],
    ['a decimal with a comma', '0,250750683890174'],
    ['a small decimal', '0.01806494'],
    ['an ISO timestamp', '2024-05-01T10:30:00Z'],
    ['a date and time with dots', '01.05.2024 10.30'],
    ['a date with dashes and a time', '01-05-2024 10:30'],
    ['an epoch timestamp in ms', '1714557600123'],
    ['an IP address', '192.168.100.200'],
    ['an amount with space thousands', '1 234 567 Kč'],
    ['an amount with dot thousands', '1.234.567 EUR'],
    ['an order number', 'order #12345678'],
    ['a bare ten-digit number', 'ref 5551234567'],
    ['too few digits', '+44 1234'],
    ['too many digits', '+1234567890123456789'],
    ['a part number glued to letters', 'X7-555-1234'],
    ['a part number with a letter prefix', 'ABC-555-123-4567'],
    ['a version', 'v1.2.3'],
    ['a time', '10:30'],
    ['a price', '€ 1299,00'],
  ])('%s: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('does not read digits glued to an underscore or letters as a phone', () => {
    expect(found('user_0612345678')).toEqual([]);
    expect(found('0612345678abc')).toEqual([]);
  });

  it('does not read the fraction of a decimal as a phone', () => {
    expect(found('3.0612345678')).toEqual([]);
    expect(found('3,0612345678')).toEqual([]);
  });

  it('does not read a phone in the middle of a longer number', () => {
    expect(found('reference 7610 0193 0953 8412')).toEqual([]);
    expect(found('order 12345 0612345678')).toEqual([]);
  });
});

describe('phone numbers as other generators and people write them', () => {
  it.each([
    ['with an x extension', '(351)798-5089x39498'],
    ['international with an x extension', '+1-903-140-4508x769'],
    ['with a spaced x extension', '880-351-9935 x158'],
    ['with ext', '555-123-4567 ext 12'],
    ['with ext.', '555-123-4567 ext. 12'],
    ['with Ext.', '(555) 123-4567 Ext. 1234'],
    ['with #', '555-123-4567 #12'],
    ['a bare national number', '9498777106'],
    ['a bare Portuguese mobile', '912207739'],
    ['a bare Chinese mobile', '13087980010'],
    ['the country code in parentheses with its plus', '(+358) 298711209'],
    ['the plus before the parentheses', '+(370) 61234567'],
    ['the trunk 0 in parentheses', '+49 (0)30 1234567'],
    ['a trunk 0 written apart', '0 2405 8879'],
    ['a slash after the area code', '04799/35270217'],
    ['a slash and spaces', '050/325 54 49'],
    ['a Hungarian area code in parentheses and a slash', '(06)99/292-5611'],
    ['dots in 4-3-3', '0481.709.747'],
    ['dots in 3-3-4 with an extension', '036.285.3259x94616'],
    ['European pairs', '11 00 20 78'],
    ['a Swedish area code and pairs', '08-73 17 06'],
    ['Norwegian 3-2-3', '446 57 564'],
    ['Ukrainian 3-2-2', '808-45-35'],
    ['Polish 2-3-2-2', '32 013 40 49'],
    ['Brazilian 2-4-4', '81 8479 9509'],
    ['Greek 4-6', '2130 177581'],
    ['Japanese 2-4-4', '36-6555-7723'],
    ['a French number without its trunk 0', '6 88 76 17 00'],
    ['a Russian trunk 8', '8 (918) 008-26-25'],
    ['NANP with an area code starting 1', '139-726-2393'],
    ['NANP with a country code and any area code', '1-031-024-8855'],
    ['00 and a country code', '00420 568 965 983'],
    ['00 and a country code, solid', '0036707560025'],
    ['a country code without its plus', '49 151 12345678'],
  ])('%s: %s', (_name, phone) => {
    expect(found(`here: ${phone} thanks`)).toEqual([[phone, 'phone']]);
  });

  it('takes the extension into the span and masks the number before it whole', () => {
    expect(maskText('(351)798-5089x39498')).toBe('***************9498');
    expect(maskText('call +1-903-140-4508x769')).toBe('call **************8x769');
    expect(maskText('ok 555-123-4567 ext. 12')).toBe('ok **********67ext.12');
  });

  it('leaves a parenthesis around an international number outside the span', () => {
    expect(found('(+44 7966 197542)')).toEqual([['+44 7966 197542', 'phone']]);
    expect(maskText('(+44 7966 197542)')).toBe('(*********7542)');
  });

  it('reads a number in chat markup (*bold*) and keeps the markup', () => {
    expect(found('*0612345678*')).toEqual([['0612345678', 'phone']]);
    expect(maskText('*0612345678*')).toBe('*******5678*');
    expect(maskText('*melissa@gmail.com*')).toBe('*m******@gmail.com*');
    for (const text of ['*0612345678*', '*melissa@gmail.com*', '*(366) 366-2304*']) {
      expect(maskText(maskText(text))).toBe(maskText(text));
    }
  });

  it('reads 13 to 15 digits as a country code and a national number of its length', () => {
    expect(phones('tel 447911123456')).toEqual(['447911123456']);
    expect(phones('here: 4930123456789 ok')).toEqual(['4930123456789']);
    // No country code 97x has 11 digits behind it, and an ms timestamp is none.
    expect(phones('ok 9785037087204')).toEqual([]);
    expect(phones('at 1714557600123')).toEqual([]);
  });
});

describe('short local numbers need a phone word before them', () => {
  it.each([
    ['en', 'call me on 467 3395'],
    ['en', 'my number is 53365728'],
    ['en', 'tel: 53365728'],
    ['en', 'tel:53365728'],
    ['de', 'Meine Nummer ist 53365728'],
    ['de', 'Handy: 467 3395'],
    ['de', 'bitte Rückruf auf 3907-6530'],
    ['nl', 'bel me op 467 3395'],
    ['nl', 'mijn nummer is 53365728'],
    ['sv', 'ring mig på 467 3395'],
    ['sv', 'nås på 53365728 efter fem'],
    ['cs', 'zavolejte mi na 467 3395'],
    ['cs', 'moje číslo je 53365728'],
    ['da', 'ring til mig på 53365728'],
    ['da', 'kan træffes på 4025 2374'],
    ['no', 'ring meg på 53365728'],
    ['no', 'treffes på 96587492 etter kl. 17'],
    ['fi', 'soita minulle 467 3395'],
    ['fi', 'soittakaa takaisin 91-487810'],
    ['fr', 'appelez-moi au 53365728'],
    ['fr', 'mon numéro est 467 3395'],
    ['es', 'llámame al 53365728'],
    ['es', 'mi número es 467 3395'],
    ['it', 'chiamami al 53365728'],
    ['it', 'il mio numero è 467 3395'],
    ['pl', 'zadzwoń do mnie pod 53365728'],
    ['pl', 'mój numer to 467 3395'],
    ['pt', 'ligue-me para 53365728'],
    ['pt', 'o meu número é 467 3395'],
  ])('%s: %s', (_lang, text) => {
    const number = /[0-9][0-9 -]*[0-9]/.exec(text.replace(/ etter kl\. 17| efter fem/, ''))![0];
    expect(phones(text)).toEqual([number]);
  });

  it('reads them as nothing without a phone word', () => {
    expect(found('467 3395')).toEqual([]);
    expect(found('ok 53365728')).toEqual([]);
    expect(found('it was 3907-6530')).toEqual([]);
  });

  it('reads them as nothing after an order word, even with a phone word further back', () => {
    expect(found('call me about order 53365728')).toEqual([]);
    expect(found('my order number is 53365728')).toEqual([]);
    expect(found('Bestell-Nr. 53365728')).toEqual([]);
    expect(found('número de pedido 53365728')).toEqual([]);
  });

  it('does not read a phone word across the end of a sentence', () => {
    expect(phones('Jag har en order. Nås på 0708848634 efter fem.')).toEqual(['0708848634']);
    expect(phones('Ring mig. 53365728')).toEqual(['53365728']);
  });
});

describe('bare national numbers are not read after an order word', () => {
  it.each([
    ['en', 'order 9498777106'],
    ['en', 'invoice 533 036 369 says $5,201.17'],
    ['en', 'ref 5551234567'],
    ['de', 'Rechnung 565 133 025 über €3.952,20'],
    ['de', 'Kundennummer 0612345678'],
    ['nl', 'factuur 575 370 285'],
    ['sv', 'faktura 269 165 420 på 5 395,83 kr'],
    ['cs', 'faktura 373 014 734 na 7 983,26 Kč'],
    ['da', 'hvor er ordre 0095908032?'],
    ['no', 'sporingsnummer 763862165741'],
    ['fi', 'seurantakoodi 911884218892'],
    ['fr', 'facture 017 595 467 de 6 487,79 €'],
    ['es', '¿dónde está el pedido 0037907450?'],
    ['it', 'fattura 004 655 361 di 7.578,01 €'],
    ['pl', 'faktura 170 862 028 na 4 737,98 zł'],
    ['pt', 'fatura 076 509 706 de €2.491,91'],
  ])('%s: %s', (_lang, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('PII-free figures stay untouched', () => {
  it.each([
    ['a date with slashes', 'delivered 12/05/2024 at 10:30'],
    ['a date with dots and a time', 'am 15.01.2024 um 10.30'],
    ['a Czech date', 'dne 1. 5. 2024'],
    ['a year span', 'from 2019-2024'],
    ['a ZIP+4 code', '04033-5908 Fort Jarred'],
    ['a postcode', '1234 AB Amsterdam'],
    ['an amount in thousands', 'total 12 345 678 kr'],
    ['an amount with dots', '200.000.000 EUR'],
    ['an IP address', 'server 51.80.68.135 is down'],
    ['a version', 'update 10.0.19045.1234 released'],
    ['an ISBN', 'ISBN 978-3-16-148410-0'],
    ['a barcode', 'barcode 4006381333931 on the box'],
    ['an order number with letters', 'order ORD-2024-123456'],
    ['a UPS tracking code', 'tracking 1Z999AA10123456784'],
    ['a USPS tracking number', 'tracking 9400 1000 0000 0000 0000 00'],
    ['an Amazon order number', 'order 796-6612345-0348454'],
    ['an SAP order number with its zeros', 'order 0087288372'],
    ['an epoch timestamp', 'at 1714557600'],
    ['a ten-digit number starting 00 without a country code', 'see 0079377142'],
  ])('%s: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
    expect(maskText(text)).toBe(text);
  });
});

describe('a phone right after a short number in the same digit run', () => {
  it('is read after one to three digits and a space, the short number left as it is', () => {
    expect(found('I have 2 0612345678')).toEqual([['0612345678', 'phone']]);
    expect(found('1. 0612345678')).toEqual([['0612345678', 'phone']]);
    expect(found('3 06 12 34 56 78')).toEqual([['06 12 34 56 78', 'phone']]);
    expect(found('ticket 4 (555) 123-4567')).toEqual([['(555) 123-4567', 'phone']]);
  });

  it('is not read inside amounts in thousands or longer numbers', () => {
    expect(found('1 234 567 890')).toEqual([]);
    expect(found('12 345 678')).toEqual([]);
    expect(found('7610 0193 0953 8412')).toEqual([]);
  });
});
