// Erlang A (M/M/c+M): exact, from the birth-death chain, in log space.
//
// Rates: arrivals λ, service μ = 1/handle time, patience θ = 1/mean patience,
// c agents. Write z = cμ/θ and y = λ/θ. With n in the system the chain dies at
// nμ (n <= c) or cμ + (n-c)θ (n > c), so relative to state c:
//   Σ_{n<c} π_n / π_c = 1/B(c, A) - 1                        (Erlang B)
//   w_k = π_{c+k} / π_c = Π_{j=1..k} λ/(cμ + jθ) = Π_{j=1..k} y/(z+j)
// An arrival that finds c+k (k waiting ahead of it) moves up at rate
// cμ + iθ with i ahead, and gives up at rate θ. Competing exponentials give:
//   P(answered | k) = Π_{i=0..k} (z+i)/(z+i+1) = z / (z+k+1)   (telescopes)
// and, given answered, its wait is a sum of independent exponentials with
// rates cμ + iθ, i = 1..k+1. For such a sum V, e^{-θV} ~ Beta(z+1, k+1)
// (the moments match: E[e^{-sθV}] = Π (z+i)/(z+i+s)), hence
//   P(V <= t) = 1 - I_x(z+1, k+1) = P(J > k),  x = e^{-θt},
// with J negative binomial (z+1 successes, success chance x): the incomplete
// beta becomes a running sum of J's probabilities, one term per k.
// The sum over k stops once w_k, past its peak, is e^-50 below the largest
// weight: what is left cannot move any figure by more than ~1e-18.
import { logInverseErlangB } from './erlang-b.js';
import type { QueueFigures, QueueInputs } from './erlang.js';

const NEGLIGIBLE_LOG = -50;
// y = λ x patience bounds the queue's bulk; this caps memory at ~80 MB of weights.
const MAX_QUEUE_TERMS = 10_000_000;

export function erlangAFigures(i: QueueInputs): QueueFigures {
  const c = i.agents;
  const load = i.arrivalRatePerSecond * i.handleTimeSeconds;
  const patience = i.patienceSeconds!;
  const z = (c * patience) / i.handleTimeSeconds;
  const y = i.arrivalRatePerSecond * patience;
  const theta = 1 / patience;
  const serviceRate = c / i.handleTimeSeconds;

  const logInvB = logInverseErlangB(c, load);
  const logBelow = logInvB + Math.log(-Math.expm1(-logInvB)); // log(1/B - 1)
  const logW = queueWeights(y, z, logBelow);
  const logNorm = logSumExp(logW, logBelow);

  const piBelow = Math.exp(logBelow - logNorm);
  const x = Math.exp(-theta * i.serviceLevelThresholdSeconds);
  const log1mx = Math.log(-Math.expm1(-theta * i.serviceLevelThresholdSeconds));
  let logPmf = (z + 1) * Math.log(x); // log P(J = 0)
  let cdf = 0; // P(J <= k)
  let meanWaitSum = 0; // Σ_{i=1..k+1} 1/(cμ + iθ)
  let waiting = 0;
  let answered = piBelow;
  let answeredInTime = piBelow;
  let answeredWaitTotal = 0;
  let abandoned = 0;
  for (let k = 0; k < logW.length; k++) {
    if (k > 0) logPmf += Math.log((z + k) / k) + log1mx;
    cdf += Math.exp(logPmf);
    meanWaitSum += 1 / (serviceRate + (k + 1) * theta);
    const p = Math.exp(logW[k] - logNorm);
    const answeredShare = z / (z + k + 1);
    waiting += p;
    answered += p * answeredShare;
    answeredInTime += p * answeredShare * Math.max(0, 1 - cdf);
    answeredWaitTotal += p * answeredShare * meanWaitSum;
    abandoned += p * (k + 1) / (z + k + 1);
  }
  const decided = answered + abandoned; // 1 up to rounding
  return {
    model: 'erlang-a',
    offeredLoadErlangs: load,
    stable: true,
    waitProbability: share(waiting / decided),
    serviceLevel: share(answeredInTime / decided),
    averageSpeedOfAnswerSeconds: answeredWaitTotal / answered,
    abandonRate: share(abandoned / decided),
    occupancy: share((load * answered) / decided / c),
  };
}

/** log w_k for k = 0, 1, ... until the terms past the peak are negligible. */
function queueWeights(y: number, z: number, logBelow: number): Float64Array {
  let capacity = 1024;
  let logW = new Float64Array(capacity);
  let largest = Math.max(0, logBelow);
  let lw = 0;
  let k = 0;
  for (;;) {
    if (k === capacity) {
      if (capacity >= MAX_QUEUE_TERMS) {
        throw new RangeError(`Erlang A: the queue is too long to sum (arrival rate x patience = ${y}); shorten the patience`);
      }
      const grown = new Float64Array(Math.min(capacity * 2, MAX_QUEUE_TERMS));
      grown.set(logW);
      logW = grown;
      capacity = grown.length;
    }
    logW[k] = lw;
    if (lw > largest) largest = lw;
    k++;
    const step = Math.log(y / (z + k));
    if (step < 0 && lw + step < largest + NEGLIGIBLE_LOG) break;
    lw += step;
  }
  return logW.subarray(0, k);
}

/** Sums of many terms can land an ulp outside [0, 1]. */
function share(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function logSumExp(logs: Float64Array, extra: number): number {
  let m = extra;
  for (const l of logs) if (l > m) m = l;
  let s = Math.exp(extra - m);
  for (const l of logs) s += Math.exp(l - m);
  return m + Math.log(s);
}
