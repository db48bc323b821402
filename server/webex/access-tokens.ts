// The agent SDK's access tokens: JWTs (HS256) signed with the server's
// secret, `sub` the agent id (as the directory lists it), `realm` the
// tenant's org id. The SDK reads the org id from `realm` and never checks the
// token; the server checks the signature, `exp` when present, and the realm.
// jose does the JOSE work: algorithm pinning, claim checks and constant-time
// signature comparison are the parts hand-rolled JWT code gets wrong.
import { errors, jwtVerify, SignJWT } from 'jose';
import type { CctwinError } from '../../engine/errors.js';

const ALGORITHM = 'HS256';

export interface TokenClaims {
  agentId: string;
  orgId: string;
}

/** An access token for `agentId` in `orgId`; `expiresInS` sets `exp` that many seconds from now. */
export async function mintAccessToken(secret: string, agentId: string, orgId: string, expiresInS?: number): Promise<string> {
  const jwt = new SignJWT({ realm: orgId }).setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' }).setSubject(agentId).setIssuedAt();
  if (expiresInS !== undefined) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresInS);
  return jwt.sign(keyOf(secret));
}

/** The agent a token speaks for, or why it is refused (E_UNAUTHORIZED, E_TOKEN_EXPIRED). */
export async function verifyAccessToken(secret: string, orgId: string, agents: { has(agentId: string): boolean }, token: string): Promise<TokenClaims | CctwinError> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: [ALGORITHM] }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { code: 'E_TOKEN_EXPIRED', message: 'the access token has expired' };
    return { code: 'E_UNAUTHORIZED', message: 'the access token is not a JWT signed with this server\'s secret' };
  }
  if (payload.realm !== orgId) return { code: 'E_UNAUTHORIZED', message: `the access token's realm is not this tenant's org id (${orgId})` };
  if (typeof payload.sub !== 'string' || !agents.has(payload.sub)) return { code: 'E_UNAUTHORIZED', message: 'the access token names no agent of this scenario' };
  return { agentId: payload.sub, orgId };
}

export function isRefusal(v: TokenClaims | CctwinError): v is CctwinError {
  return 'code' in v;
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
