import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from './index.js';

function found(text: string): Array<[string, string]> {
  return findSensitiveSpans(text).map((s) => [text.slice(s.start, s.end), s.kind]);
}

describe('email addresses', () => {
  it.each([
    'melissa@gmail.com',
    'Jano.Mathies44@yahoo.com',
    'Timon_Kruschinski@hotmail.com',
    "o'brien+tag@example.co.uk",
    'a.b-c!#$%&/=?^_{|}~@sub-domain.example.org',
    'jürgen.müller@web.de',
    'info@müller.de',
  ])('finds %s', (email) => {
    expect(found(`write to ${email} please`)).toEqual([[email, 'email']]);
  });

  it('does not take the full stop that ends a sentence', () => {
    expect(found('write to melissa@gmail.com.')).toEqual([['melissa@gmail.com', 'email']]);
  });

  it('does not take leading dots of the local part', () => {
    expect(found('...melissa@gmail.com')).toEqual([['melissa@gmail.com', 'email']]);
  });

  it('needs a domain with a dot and a top-level label of letters', () => {
    expect(found('melissa@localhost')).toEqual([]);
    expect(found('melissa@host.c')).toEqual([]);
    expect(found('price@2.50')).toEqual([]);
    expect(found('@handle')).toEqual([]);
    expect(found('meet @ 5pm')).toEqual([]);
  });

  it('stops at characters that are not allowed', () => {
    expect(found('(melissa@gmail.com)')).toEqual([['melissa@gmail.com', 'email']]);
    expect(found('<melissa@gmail.com>')).toEqual([['melissa@gmail.com', 'email']]);
    expect(found('mail:melissa@gmail.com')).toEqual([['melissa@gmail.com', 'email']]);
  });

  it('has nothing to hide in a one-character local part', () => {
    expect(found('a@example.com')).toEqual([]);
  });

  it('wins over a number glued inside its local part', () => {
    expect(found('0612345678@gmail.com')).toEqual([['0612345678@gmail.com', 'email']]);
    expect(found('john4111111111111111@x.com')).toEqual([['john4111111111111111@x.com', 'email']]);
  });

  it('keeps an address followed by a masked number masked once', () => {
    const text = 'melissa@4111111111111111x.gmail.com.(555)-07700';
    const once = maskText(text);
    expect(findSensitiveSpans(once)).toEqual([]);
    expect(maskText(once)).toBe(once);
  });

  it('does not read a masked address as a new one', () => {
    expect(found('m******@gmail.com')).toEqual([]);
    expect(maskText('m******@gmail.com')).toBe('m******@gmail.com');
  });
});
