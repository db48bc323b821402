import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('token bucket', () => {
  it('takes a burst, then refuses until it refills at the steady rate', () => {
    const b = new TokenBucket({ perSecond: 10, burst: 5, closeAfterRefused: 100 }, 0);
    for (let i = 0; i < 5; i++) expect(b.take(0)).toBe('ok');
    expect(b.take(0)).toBe('refuse');
    expect(b.take(99)).toBe('refuse');
    expect(b.take(100)).toBe('ok'); // one token per 100 ms
    expect(b.take(100)).toBe('refuse');
    expect(b.take(10_000)).toBe('ok'); // never more than the burst after a quiet spell
    for (let i = 0; i < 4; i++) expect(b.take(10_000)).toBe('ok');
    expect(b.take(10_000)).toBe('refuse');
  });

  it('says close once refusals within a second pass the limit, and forgives a new second', () => {
    const b = new TokenBucket({ perSecond: 1, burst: 1, closeAfterRefused: 3 }, 0);
    expect(b.take(0)).toBe('ok');
    expect([b.take(1), b.take(2), b.take(3)]).toEqual(['refuse', 'refuse', 'refuse']);
    expect(b.take(4)).toBe('close');
    const c = new TokenBucket({ perSecond: 1, burst: 1, closeAfterRefused: 3 }, 0);
    c.take(0);
    c.take(1);
    c.take(2);
    c.take(3);
    expect(c.take(1200)).toBe('ok'); // refilled
    expect(c.take(1201)).toBe('refuse'); // a new window: counts from 1 again
    expect(c.take(1202)).toBe('refuse');
  });
});
