import { Readable, Writable } from 'node:stream';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { EXIT_OK } from '../exit-codes.js';
import { maskCommand, runMask } from './mask.js';

async function mask(input: string | string[], json = false): Promise<string> {
  let out = '';
  const output = new Writable({ write(chunk, _enc, done) { out += String(chunk); done(); } });
  const status = await runMask(Readable.from([input].flat()), output, { json });
  expect(status).toBe(EXIT_OK);
  return out;
}

describe('cctwin mask', () => {
  it('masks line by line, the seed examples exactly', async () => {
    expect(await mask('+ 1 (123) 456 7890\n+447966197542\nmelissa@gmail.com\n'))
      .toBe('**********7890\n*********7542\nm******@gmail.com\n');
  });

  it('leaves lines without PII as they are, empty lines included', async () => {
    expect(await mask('hello\n\norder #12345 at 10:30\n')).toBe('hello\n\norder #12345 at 10:30\n');
  });

  it('treats CRLF as a line break and masks a last line without one', async () => {
    expect(await mask('card 4111 1111 1111 1111\r\nmail melissa@gmail.com'))
      .toBe('card ************1111\nmail m******@gmail.com\n');
  });

  it('joins lines split across input chunks', async () => {
    expect(await mask(['call +44 79', '66 197542 now\nbye\n'])).toBe('call *********7542 now\nbye\n');
  });

  it('--json prints one object per line with the spans in input offsets', async () => {
    const out = await mask('IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789\nnothing\n', true);
    const [first, second] = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(first).toEqual({
      text: 'IBAN ******************3000, SSN *******6789',
      spans: [{ start: 5, end: 32, kind: 'iban' }, { start: 38, end: 49, kind: 'ssn' }],
    });
    expect(second).toEqual({ text: 'nothing', spans: [] });
  });

  it('waits for a slow output instead of buffering everything', async () => {
    let out = '';
    let maxBuffered = 0;
    const output = new Writable({
      highWaterMark: 64,
      write(chunk, _enc, done) {
        maxBuffered = Math.max(maxBuffered, this.writableLength);
        out += String(chunk);
        setImmediate(done);
      },
    });
    const lines = Array.from({ length: 200 }, (_, k) => `line ${k} mail user${k}@example.com\n`).join('');
    await runMask(Readable.from([lines]), output, {});
    expect(out.split('\n')[199]).toBe('line 199 mail u******@example.com');
    expect(out.length).toBeGreaterThan(6000);
    expect(maxBuffered).toBeLessThan(200);
  });

  it('is a yargs command with a --json flag', async () => {
    const parsed = await yargs(['mask', '--json']).command({ ...maskCommand, handler: () => {} }).parseAsync();
    expect(parsed.json).toBe(true);
    expect(maskCommand.command).toBe('mask');
  });
});
