import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentIdOfToken, agentToken, constantTimeEqual } from './agent-tokens.js';

describe('agent tokens', () => {
  it('name their agent and prove it with the secret', () => {
    const token = agentToken('s3cret', 'desk-1');
    expect(token.startsWith('desk-1.')).toBe(true);
    expect(agentIdOfToken('s3cret', token)).toBe('desk-1');
    expect(agentIdOfToken('other', token)).toBeNull();
  });

  it('refuse a proof moved to another agent, a truncated proof, and tokens without one', () => {
    const proof = agentToken('s3cret', 'desk-1').split('.')[1]!;
    for (const token of [`desk-2.${proof}`, `desk-1.${proof.slice(1)}`, `desk-1.${proof}x`, 'desk-1', '.x', `.${proof}`, '']) {
      expect(agentIdOfToken('s3cret', token), token).toBeNull();
    }
  });

  it('round-trip for any agent id, dots included', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (secret, id) => {
      expect(agentIdOfToken(secret, agentToken(secret, id))).toBe(id);
    }));
  });

  it('constantTimeEqual is string equality', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      expect(constantTimeEqual(a, b)).toBe(a === b);
      expect(constantTimeEqual(a, a)).toBe(true);
    }));
  });
});
