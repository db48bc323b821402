// Every error code is part of the outward contract: each one in the
// catalogue must be documented in the README's table, and the table must not
// list codes that do not exist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../engine/errors.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const documented = new Set([...readme.matchAll(/^\| `(E_[A-Z_]+)` \|/gm)].map((m) => m[1]));

describe('error catalogue', () => {
  it('documents every code in the README', () => {
    const missing = Object.keys(ERRORS).filter((code) => !documented.has(code));
    expect(missing).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    const unknown = [...documented].filter((code) => !(code! in ERRORS));
    expect(unknown).toEqual([]);
  });
});
