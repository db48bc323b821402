import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, Writable } from 'node:stream';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { findSensitiveSpans, maskText } from '../../engine/masking/index.js';
import { main } from '../cli.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes.js';
import { maskCommand } from './mask.command.js';
import { LineMasker, runMask } from './mask.js';

const CLI = join(process.cwd(), 'dist', 'bin', 'cctwin.js');

/** runMask on these chunks (strings, or bytes as UTF-8), its output as text. */
async function maskChunks(chunks: readonly (string | Buffer)[], json = false): Promise<string> {
  let out = '';
  const output = new Writable({ write(chunk, _enc, done) { out += String(chunk); done(); } });
  const status = await runMask(Readable.from(chunks, { objectMode: true }), output, { json });
  expect(status).toBe(EXIT_OK);
  return out;
}

const mask = (input: string | string[], json = false): Promise<string> => maskChunks([input].flat(), json);

interface Engine {
  maskText: typeof maskText;
  findSensitiveSpans: typeof findSensitiveSpans;
}

/** What `cctwin mask` printed when it went through readline, one line at a time: the reference (with `engine`, the one the built CLI has, for the built CLI). */
async function lineByLine(input: string, json = false, engine: Engine = { maskText, findSensitiveSpans }): Promise<string> {
  let out = '';
  for await (const line of createInterface({ input: Readable.from([input]), crlfDelay: Infinity })) {
    out += json
      ? `${JSON.stringify({ text: engine.maskText(line), spans: engine.findSensitiveSpans(line).map(({ start, end, kind }) => ({ start, end, kind })) })}\n`
      : `${engine.maskText(line)}\n`;
  }
  return out;
}

// Line breaks of every kind (\n, \r\n, a lone \r, \r then \n in the next chunk), empty lines,
// characters of two and four UTF-8 bytes and of two UTF-16 units, PII at the edges of lines.
const SAMPLE = 'card 4111 1111 1111 1111\r\nmail melissa@gmail.com\n\n'
  + 'Grüße, ruf +49 30 901820 an 👍\rIBAN DE89 3704 0044 0532 0130 00\r\n'
  + '\r\nSSN 123-45-6789 é\n+447966197542';

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

  it('prints what it printed line by line, with the input cut into two chunks at every position', async () => {
    for (const json of [false, true]) {
      const expected = await lineByLine(SAMPLE, json);
      expect(expected.split('\n')).toHaveLength(9);
      for (let k = 0; k <= SAMPLE.length; k++) {
        expect(await maskChunks([SAMPLE.slice(0, k), SAMPLE.slice(k)], json), `cut at ${k}, json ${json}`).toBe(expected);
      }
    }
  });

  it('masks a chunk of whole lines as one text exactly as line by line, on every corpus line', async () => {
    // The fast path (no \r in a chunk) hands maskText many lines at once: no detector may read across a line break.
    const dir = join(process.cwd(), 'bench', 'masking', 'corpora');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { text: string }).text));
    expect(texts.length).toBeGreaterThan(10_000);
    const input = `${texts.join('\n')}\n`;
    expect(await maskChunks([input])).toBe(texts.map((t) => `${maskText(t)}\n`).join(''));
  });

  it('and into three chunks at every pair of positions', async () => {
    const expected = await lineByLine(SAMPLE);
    for (let i = 0; i <= SAMPLE.length; i++) {
      for (let j = i; j <= SAMPLE.length; j++) {
        const out = await maskChunks([SAMPLE.slice(0, i), SAMPLE.slice(i, j), SAMPLE.slice(j)]);
        if (out !== expected) expect(out, `cut at ${i} and ${j}`).toBe(expected);
      }
    }
  });

  it('and as bytes cut at every byte, multi-byte characters split included', async () => {
    const bytes = Buffer.from(SAMPLE);
    for (const json of [false, true]) {
      const expected = await lineByLine(SAMPLE, json);
      for (let k = 0; k <= bytes.length; k++) {
        expect(await maskChunks([bytes.subarray(0, k), bytes.subarray(k)], json), `cut at byte ${k}`).toBe(expected);
      }
    }
    // One byte at a time.
    expect(await maskChunks([...bytes].map((b) => Buffer.from([b])))).toBe(await lineByLine(SAMPLE));
  });

  it('keeps a byte-order mark and replaces bytes that are not UTF-8, as readline did', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a 4111 1111 1111 1111 '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\nb\n')]);
    const expected = await lineByLine(bytes.toString('utf8'));
    expect(expected.startsWith('\ufeff')).toBe(true);
    for (let k = 0; k <= bytes.length; k++) expect(await maskChunks([bytes.subarray(0, k), bytes.subarray(k)])).toBe(expected);
  });

  it('masks a line of megabytes that comes in many chunks, PII at its start, middle and end', async () => {
    const filler = 'lorem ipsum dolor sit amet 12:30 '.repeat(100_000);
    const line = `4111 1111 1111 1111 ${filler}mail melissa@gmail.com ${filler} +447966197542`;
    const chunks: string[] = [];
    for (let k = 0; k < line.length; k += 65_536) chunks.push(line.slice(k, k + 65_536));
    chunks.push('\nshort 123-45-6789\n');
    const started = performance.now();
    const out = await maskChunks(chunks);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(out).toBe(`${maskText(line)}\n${maskText('short 123-45-6789')}\n`);
    expect(out.startsWith('************1111 lorem')).toBe(true);
    expect(out).toContain('mail m******@gmail.com');
    expect(out.endsWith(' *********7542\nshort *******6789\n')).toBe(true);
  });

  it('gives a last line without a line break one, also after a lone \\r', async () => {
    expect(await mask('a\nb')).toBe('a\nb\n');
    expect(await mask(['a\r', 'b'])).toBe('a\nb\n');
    expect(await mask(['a\r'])).toBe('a\n');
    expect(await mask(['a\r', '\n'])).toBe('a\n');
    expect(await mask(['a\r', '', '\nb'])).toBe('a\nb\n');
  });

  it('prints nothing for empty input', async () => {
    expect(await maskChunks([])).toBe('');
    expect(await maskChunks(['', ''])).toBe('');
    expect(await maskChunks([Buffer.alloc(0)], true)).toBe('');
    expect(await mask('\n')).toBe('\n');
    const lines = new LineMasker(false);
    expect(lines.push('')).toBe('');
    expect(lines.end()).toBe('');
  });

  it('writes one output chunk per input chunk, and waits for a slow output between them', async () => {
    const writes: string[] = [];
    let maxBuffered = 0;
    const output = new Writable({
      highWaterMark: 64,
      write(chunk, _enc, done) {
        maxBuffered = Math.max(maxBuffered, this.writableLength);
        setImmediate(() => {
          writes.push(String(chunk));
          done();
        });
      },
    });
    const chunks = Array.from({ length: 50 }, (_, c) => Array.from({ length: 20 }, (_, k) => `line ${c * 20 + k} mail user${k}@example.com\n`).join(''));
    chunks.push('the end, without a line break');
    await runMask(Readable.from(chunks), output, {});
    // Everything written once runMask resolves, the last line included.
    const out = writes.join('');
    expect(out.split('\n')[999]).toBe('line 999 mail u*****@example.com');
    expect(out.endsWith('\nthe end, without a line break\n')).toBe(true);
    expect(writes).toHaveLength(51);
    // At most one chunk's output waits in the stream: it paused for every full buffer.
    expect(maxBuffered).toBeLessThanOrEqual(Math.max(...writes.map((w) => Buffer.byteLength(w))));
  });

  it('is a yargs command with a --json flag', async () => {
    const parsed = await yargs(['mask', '--json']).command({ ...maskCommand, handler: () => {} }).parseAsync();
    expect(parsed.json).toBe(true);
    expect(maskCommand.command).toBe('mask');
  });

  it('runs `mask` and `mask --json` without yargs, with the arguments yargs would give; any other command line goes through yargs', async () => {
    const seen: Record<string, unknown>[] = [];
    const capture = { ...maskCommand, handler: (argv: Record<string, unknown>) => { seen.push(argv); } };
    const quiet = { stdout: () => {}, stderr: () => {} };
    for (const args of [['mask'], ['mask', '--json'], ['mask', '--no-json'], ['mask', '--json=false']]) {
      seen.length = 0;
      expect(await main(args, [capture], quiet)).toBe(EXIT_OK);
      const viaMain = seen[0]!;
      const viaYargs = await yargs(args).command({ ...capture, handler: () => {} }).parseAsync();
      expect({ _: viaMain._, json: viaMain.json }, args.join(' ')).toEqual({ _: viaYargs._, json: viaYargs.json });
    }
    let stderr = '';
    expect(await main(['mask', '--bogus'], [capture], { stdout: () => {}, stderr: (t) => { stderr += t; } })).toBe(EXIT_BAD_INPUT);
    expect(stderr).toContain('cctwin mask: Unknown argument: bogus');
    process.exitCode = undefined;
  });
});

describe('cctwin mask, the built command', () => {
  it('reads a file given as stdin in chunks, and prints what it printed line by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-mask-'));
    const file = join(dir, 'in.txt');
    // Over 64 KiB, so lines cross the reads; the last line without a line break.
    const text = `${Array.from({ length: 3000 }, (_, k) => (k % 7 === 0 ? `Grüße ${k}: card 4111 1111 1111 1111, 👍\r\n` : `line ${k}, call +44 7966 197542\n`)).join('')}end 123-45-6789`;
    writeFileSync(file, text);
    // The masking engine of the build the CLI runs (the sources may be ahead of it).
    const built = (await import(join(process.cwd(), 'dist', 'engine', 'masking', 'index.js'))) as Engine;
    for (const json of [false, true]) {
      const fd = openSync(file, 'r');
      const r = spawnSync(process.execPath, [CLI, 'mask', ...(json ? ['--json'] : [])], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
      closeSync(fd);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(EXIT_OK);
      expect(r.stdout === (await lineByLine(text, json, built))).toBe(true);
    }
  });

  it('ends quietly with status 0 when the reader goes away (cctwin mask | head)', async () => {
    const child = spawn(process.execPath, [CLI, 'mask'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.stdin.on('error', () => {});
    child.stdout.once('data', () => child.stdout.destroy());
    const status = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const block = 'mail melissa@gmail.com and 4111 1111 1111 1111\n'.repeat(20_000);
    for (let k = 0; k < 20 && child.stdin.writable; k++) {
      if (!child.stdin.write(block)) await new Promise((resolve) => { child.stdin.once('drain', resolve); child.once('close', resolve); });
    }
    child.stdin.end();
    expect(await status).toBe(EXIT_OK);
    expect(stderr).toBe('');
  });
});
