// Erlang B in log space. The textbook recursion B(n) = A·B(n-1) / (n + A·B(n-1))
// never overflows, but B underflows to 0 for many agents and light load, and
// Erlang A needs log(1/B) exactly there. So the recursion runs on L = log(1/B):
// 1/B(n) = 1 + (n/A)·(1/B(n-1)), i.e. L(n) = softplus(log(n/A) + L(n-1)).

/** log(1 / B(c, A)) for c servers and offered load A (Erlangs). */
export function logInverseErlangB(c: number, offeredLoad: number): number {
  let l = 0;
  const logLoad = Math.log(offeredLoad);
  for (let n = 1; n <= c; n++) l = softplus(Math.log(n) - logLoad + l);
  return l;
}

/** Blocking probability of M/M/c/c; 0 when it is below the smallest double. */
export function erlangB(c: number, offeredLoad: number): number {
  return Math.exp(-logInverseErlangB(c, offeredLoad));
}

/** log(1 + e^x) without overflow or loss for large |x|. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
