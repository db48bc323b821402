// Who may connect: agent tokens derived from one server secret, and the
// admin token. A token names its agent in clear and proves it with an HMAC,
// so the server needs no token table, and a load generator holding the
// secret derives every agent's token itself:
//
//   token = agentId + "." + base64url(HMAC-SHA256(secret, "cctwin-agent:" + agentId))
//
// Comparisons run in constant time; neither secrets nor tokens are logged.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_CONTEXT = 'cctwin-agent:';

export function agentToken(secret: string, agentId: string): string {
  return `${agentId}.${proofOf(secret, agentId)}`;
}

/** The agent a token names, or null when the proof does not hold. */
export function agentIdOfToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const agentId = token.slice(0, dot);
  return constantTimeEqual(token.slice(dot + 1), proofOf(secret, agentId)) ? agentId : null;
}

/**
 * Equal strings, in time independent of where they differ. Both sides are
 * hashed first so that timingSafeEqual gets equal lengths and the length of
 * the expected value does not leak either.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

function proofOf(secret: string, agentId: string): string {
  return createHmac('sha256', secret).update(TOKEN_CONTEXT + agentId).digest('base64url');
}
