import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from './index.js';
import {
  hetuCheckChar, isAustrianSvnr, isBalticPersonalCode, isBelgianNationalNumber, isBsn, isCanadianSin, isCpf,
  isCzechBirthNumber, isDanishCpr, isFrenchNir, isNorwegianFodselsnummer, isOib, isPesel, isPortugueseNif,
  isRomanianCnp, isSteuerId, isSwedishPersonnummer, isSwissAhv,
} from './national-id-checks.js';

const digits = (s: string) => Array.from(s.replace(/\D/g, ''), Number);

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

describe('national id checks on published sample numbers', () => {
  const samples: Array<[string, (d: number[]) => boolean, string]> = [
    ['nl BSN', isBsn, '111222333'],
    ['pt NIF', isPortugueseNif, '501964843'],
    ['ca SIN', isCanadianSin, '130 692 544'],
    ['se personnummer', (d) => isSwedishPersonnummer(d, 0), '811218-9876'],
    ['dk CPR', isDanishCpr, '070761-4285'],
    ['no fødselsnummer', isNorwegianFodselsnummer, '01010750160'],
    ['pl PESEL', isPesel, '44051401359'],
    ['br CPF', isCpf, '111.444.777-35'],
    ['fr NIR', isFrenchNir, '2 55 08 14 168 025 38'],
    ['de Steuer-ID', isSteuerId, '86095742719'],
    ['ch AHV', isSwissAhv, '756.9217.0769.85'],
    ['ro CNP', isRomanianCnp, '1800101221144'],
    ['cz rodné číslo', (d) => isCzechBirthNumber(d, 10), '710319/2745'],
    ['be national number', isBelgianNationalNumber, '93.05.18-223.61'],
    ['at SVNR', isAustrianSvnr, '1237 010180'],
    ['ee isikukood', isBalticPersonalCode, '37605030299'],
    ['hr OIB', isOib, '69435151530'],
  ];
  for (const [name, check, sample] of samples) {
    it(`${name} ${sample} holds, and fails with its last digit changed`, () => {
      const d = digits(sample);
      expect(check(d)).toBe(true);
      d[d.length - 1] = (d[d.length - 1] + 1) % 10;
      expect(check(d)).toBe(false);
    });
  }

  it('Finnish HETU 131052-308T has check character T', () => {
    expect(String.fromCharCode(hetuCheckChar(digits('131052308')))).toBe('T');
  });
});

describe('national ids in text', () => {
  it('finds the written forms that carry their own check, with or without an id word', () => {
    for (const id of ['811218-9876', '070761-4285', '710319/2745', '111.444.777-35', '2 55 08 14 168 025 38',
      '255081416802538', '86 095 742 719', '756.9217.0769.85', '93.05.18-223.61', '1237 010180', '010107 50160',
      '19811218-9876', '131052-308T', '130719A268K', '12345678Z', '12345678-Z', 'X1234567L', 'RSSMRA85T10A562S',
      'AB123456C', 'AB 12 34 56 C', '1234567T', '1234567FA']) {
      expect(found(`hi ${id} thanks`), id).toEqual([[id, 'ssn']]);
      expect(found(`my id: ${id}`), id).toEqual([[id, 'ssn']]);
    }
  });

  it('reads nine to thirteen solid digits as an id only after an id word', () => {
    for (const [cue, id] of [['BSN', '111222333'], ['NIF', '501964843'], ['PESEL', '44051401359'], ['CPF', '11144477735'],
      ['Steuer-ID', '86095742719'], ['CNP', '1800101221144'], ['fødselsnummer', '01010750160']]) {
      expect(found(`${cue} ${id}`), id).toEqual([[id, 'ssn']]);
      expect(found(`ok ${id}`).map(([, k]) => k), id).not.toContain('ssn');
    }
  });

  it('reads forms without a check only after an id word', () => {
    // HMRC's ZZ prefix and a T suffix are never issued; a CPR after 2007 may fail mod 11; a codice fiscale with a wrong check letter.
    for (const [cue, id] of [['NI number', 'ZZ 755783 T'], ['CPR', '240763-5505'], ['codice fiscale', 'IFLGZT84V20P271Z'],
      ['RČ', '485908/684']]) {
      expect(found(`${cue} ${id}`), id).toEqual([[id, 'ssn']]);
      expect(found(`ok ${id}`), id).toEqual([]);
    }
  });

  it('an order word before the number wins over its check', () => {
    expect(found('order 811218-9876')).toEqual([]);
    expect(found('Bestellung 12345678Z')).toEqual([]);
    expect(found('order id 501964843')).toEqual([]);
    expect(found('Kunden-ID 86095742719')).toEqual([]);
    expect(found('codice fiscale RSSMRA85T10A562S')).toEqual([['RSSMRA85T10A562S', 'ssn']]);
  });

  it('leaves dates, order numbers and codes that fail the checks alone', () => {
    for (const text of ['born 19850312', 'delivered 12.03.1985', 'order 85031212345', 'ref 811218-9877',
      'Artikel 12345678A', 'code AB123456E', 'SKU DF123456A', 'lot 2024-0312', 'invoice 070761-4286',
      'tracking RSSMRA85T10A562X', 'part 131052-308A', 'PO X1234567A']) {
      expect(maskText(text), text).toBe(text);
    }
  });

  it('does not read an id glued to other letters or digits', () => {
    for (const text of ['xAB123456C', 'AB123456Cx', '912345678Z', '12345678Z9', 'ref-12345678Z', 'a131052-308T']) {
      expect(found(text).map(([, k]) => k), text).not.toContain('ssn');
    }
  });

  it('masks an id with letters to its last four letters or digits', () => {
    expect(maskText('NINO AB123456C')).toBe('NINO *****456C');
    expect(maskText('NI ZZ 12 34 56 T')).toBe('NI *****456T');
    expect(maskText('DNI 12345678-Z')).toBe('DNI *****678-Z');
    expect(maskText('CF RSSMRA85T10A562S')).toBe('CF ************562S');
    expect(maskText('personnummer 811218-9876')).toBe('personnummer *******9876');
  });
});
