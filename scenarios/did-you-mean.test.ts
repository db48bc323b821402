import { describe, expect, it } from 'vitest';
import { closest } from './did-you-mean.js';

describe('closest', () => {
  it.each([
    ['capacty', ['count', 'capacity', 'queues'], 'capacity'],
    ['Support', ['support', 'sales'], 'support'],
    ['durration', ['duration', 'warmup'], 'duration'],
    ['z', ['a'], undefined],
    ['billing', ['support'], undefined],
    ['x', [], undefined],
  ] as const)('%s among %j is %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
