// `cctwin mask`: masks stdin to stdout, line by line, as an agent would see
// it. `--json` prints one object per line: the masked text and the spans
// found, with start and end as UTF-16 offsets into the input line.
//
// Input is read and output written a chunk at a time (what one read gives:
// 64 KiB from a file or a pipe): the chunk is decoded once, cut into lines,
// each line masked on its own, and the chunk's output encoded into one buffer
// and written at once. A run of lines that masking leaves as they are is
// copied as one slice. A line cut by a chunk's end waits for the rest of it,
// however long. Line breaks are those of readline: \n, \r\n (also when a
// chunk ends between the two) and a lone \r; each is written as \n, and a
// last line without one gets one.
import { closeSync, fstatSync, readSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { findSensitiveSpans, maskText } from '../../engine/masking/index.js';
import { EXIT_OK } from '../exit-codes.js';
import type { MaskArgs } from './mask.command.js';

export type { MaskArgs } from './mask.command.js';
// The definition lives in mask.command.ts, so that the CLI loads this file only to run.
export { maskCommand } from './mask.command.js';

/** Bytes per read from a file. */
const READ_SIZE = 64 * 1024;

const LF = 10;
const CR = 13;

function maskJsonLine(line: string): string {
  const spans = findSensitiveSpans(line).map(({ start, end, kind }) => ({ start, end, kind }));
  return JSON.stringify({ text: maskText(line), spans });
}

/**
 * Cuts text, given a piece at a time, into lines and masks each: `push`
 * returns the output of the lines a piece completes, `end` that of a last
 * line without a line break.
 */
export class LineMasker {
  /** Pieces of a line that no piece has ended yet. */
  private carry: string[] = [];
  /** The last piece ended with \r: a \n at the start of the next belongs to it. */
  private afterCr = false;
  private readonly maskLine: (line: string) => string;
  /** Output lines equal to their input (the plain masked text, not --json), so unchanged lines may be copied as they are. */
  private readonly sameWhenClean: boolean;

  constructor(json: boolean) {
    this.maskLine = json ? maskJsonLine : maskText;
    this.sameWhenClean = !json;
  }

  push(text: string): string {
    const n = text.length;
    if (n === 0) return '';
    let pos = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    let out = '';
    // Whole lines ended by \n only (no \r anywhere): masked as one text, as
    // the detectors never read across a line break (docs/masking.md), with no
    // work per line. A line that a carried piece starts goes first, alone.
    if (this.sameWhenClean && text.indexOf('\r', pos) === -1) {
      if (this.carry.length > 0) {
        const lf = text.indexOf('\n', pos);
        if (lf === -1) {
          this.carry.push(pos === 0 ? text : text.slice(pos));
          return '';
        }
        this.carry.push(text.slice(pos, lf));
        const line = this.carry.join('');
        this.carry = [];
        out = `${maskText(line)}\n`;
        pos = lf + 1;
      }
      const last = text.lastIndexOf('\n');
      if (last >= pos) {
        out += maskText(pos === 0 && last === n - 1 ? text : text.slice(pos, last + 1));
        pos = last + 1;
      }
      if (pos < n) this.carry.push(pos === 0 ? text : text.slice(pos));
      return out;
    }
    // Start of lines copied as they are: unchanged, whole in this piece, ended by \n.
    let copyFrom = pos;
    let lf = text.indexOf('\n', pos);
    let cr = text.indexOf('\r', pos);
    while (lf !== -1 || cr !== -1) {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      let next = end + 1;
      if (end === cr) {
        if (next === n) this.afterCr = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      let line = text.slice(pos, end);
      const joined = this.carry.length > 0;
      if (joined) {
        this.carry.push(line);
        line = this.carry.join('');
        this.carry = [];
      }
      const masked = this.maskLine(line);
      if (!(this.sameWhenClean && masked === line && !joined && text.charCodeAt(end) === LF)) {
        out += `${text.slice(copyFrom, pos)}${masked}\n`;
        copyFrom = next;
      }
      pos = next;
      if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    }
    if (copyFrom < pos) out += text.slice(copyFrom, pos);
    if (pos < n) this.carry.push(pos === 0 ? text : text.slice(pos));
    return out;
  }

  end(): string {
    if (this.carry.length === 0) return '';
    const line = this.carry.join('');
    this.carry = [];
    return `${this.maskLine(line)}\n`;
  }
}

/** Resolves when a full output can take more, or is gone (closed, failed). */
function writable(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    output.on('drain', done).on('close', done).on('error', done);
  });
}

/** Longest text encoded here into a buffer of its own; longer ones are left to the stream. */
const ENCODE_MAX = 1 << 20;

/**
 * `text` as UTF-8 bytes: one pass into a buffer of the largest size it can
 * take (Buffer.from measures first, then encodes: two passes).
 */
function utf8(text: string): Buffer | string {
  if (text.length > ENCODE_MAX) return text;
  const bytes = Buffer.allocUnsafe(text.length * 3);
  return bytes.subarray(0, bytes.write(text));
}

/**
 * Chunks of stdin: read synchronously from a regular file (no thread-pool
 * round trip per chunk), else process.stdin as it comes (a pipe, a terminal).
 */
export function stdinChunks(): AsyncIterable<Buffer | string> {
  let file = false;
  try {
    file = fstatSync(0).isFile();
  } catch {
    // No stdin to look at: let process.stdin say what it is.
  }
  return file ? fileChunks(0) : process.stdin;
}

async function* fileChunks(fd: number): AsyncGenerator<Buffer> {
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(READ_SIZE);
      const n = readSync(fd, chunk, 0, READ_SIZE, null);
      if (n === 0) return;
      yield n === READ_SIZE ? chunk : chunk.subarray(0, n);
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * Streams `input` (UTF-8 bytes, or strings) to `output` a chunk at a time,
 * waiting when the output is full, and resolves once the output has taken
 * everything. A closed output (`cctwin mask | head`) ends the run quietly.
 */
export async function runMask(input: AsyncIterable<Buffer | string>, output: Writable, args: MaskArgs): Promise<number> {
  const lines = new LineMasker(args.json === true);
  // ignoreBOM: a byte-order mark stays in the first line, as readline kept it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let closed = false;
  // Stays attached: writes still in flight when the reader went away fail later.
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (closed) return;
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  let inFlight = 0;
  let allWritten: (() => void) | null = null;
  const written = (): void => {
    inFlight--;
    if (inFlight === 0) allWritten?.();
  };
  /** Writes `text`; false when the output wants a pause. */
  const send = (text: string): boolean => {
    inFlight++;
    return output.write(utf8(text), written);
  };
  for await (const chunk of input) {
    if (closed) break;
    const out = lines.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (out !== '' && !send(out)) await writable(output);
    if (closed) break;
  }
  if (!closed) {
    const last = lines.push(decoder.decode()) + lines.end();
    if (last !== '') send(last);
    if (inFlight > 0 && !closed) await new Promise<void>((resolve) => { allWritten = resolve; });
  }
  return EXIT_OK;
}
