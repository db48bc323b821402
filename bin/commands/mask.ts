// `cctwin mask`: masks stdin to stdout, line by line, as an agent would see
// it. `--json` prints one object per line: the masked text and the spans
// found, with start and end as UTF-16 offsets into the input line.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { findSensitiveSpans, maskText } from '../../engine/masking/index.js';
import { EXIT_OK } from '../exit-codes.js';
import type { MaskArgs } from './mask.command.js';

export type { MaskArgs } from './mask.command.js';
// The definition lives in mask.command.ts, so that the CLI loads this file only to run.
export { maskCommand } from './mask.command.js';

function maskLine(line: string, json: boolean): string {
  if (!json) return maskText(line);
  const spans = findSensitiveSpans(line).map(({ start, end, kind }) => ({ start, end, kind }));
  return JSON.stringify({ text: maskText(line), spans });
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

/**
 * Streams `input` to `output` line by line, waiting when the output is full.
 * A closed output (`cctwin mask | head`) ends the run quietly.
 */
export async function runMask(input: Readable, output: Writable, args: MaskArgs): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let closed = false;
  // Stays attached: writes still in flight when the reader went away fail later.
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
    lines.close();
  });
  for await (const line of lines) {
    if (closed) break;
    if (!output.write(`${maskLine(line, args.json === true)}\n`)) {
      await writable(output);
    }
  }
  return EXIT_OK;
}
