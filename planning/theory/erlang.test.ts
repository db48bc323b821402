import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB, logInverseErlangB } from './erlang-b.js';
import { queueFigures, type QueueFigures, type QueueInputs } from './erlang.js';
import { createRng } from '../../sim/random/prng.js';

function factorialErlangB(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= c; n++) {
    term *= a / n;
    sum += term;
  }
  return term / sum;
}

describe('Erlang B', () => {
  it('equals the factorial definition for small c', () => {
    for (const c of [1, 2, 5, 10, 20, 40]) for (const a of [0.5, 3, 10, 25, 60]) {
      expect(erlangB(c, a)).toBeCloseTo(factorialErlangB(c, a), 13);
    }
  });

  it('stays finite in log space where B itself underflows', () => {
    const l = logInverseErlangB(5000, 10);
    expect(Number.isFinite(l)).toBe(true);
    expect(l).toBeGreaterThan(745); // e^-745 is below the smallest double
    expect(erlangB(5000, 10)).toBe(0);
  });
});

describe('Erlang C', () => {
  const base = { arrivalRatePerSecond: 100 / 1800, handleTimeSeconds: 180, serviceLevelThresholdSeconds: 20 };

  it('matches the published example: 100 calls per 30 min, 180 s handle time, 20 s threshold', () => {
    // The worked example in call-centre staffing guides (e.g. callcentrehelper.com's
    // "Erlang C formula made simple"): 10 Erlangs; 11 agents wait 68.21%, 39.0% in 20 s;
    // 14 agents wait 17.41%, 88.8% in 20 s.
    const eleven = queueFigures({ ...base, agents: 11 });
    expect(eleven.waitProbability).toBeCloseTo(0.6821, 4);
    expect(eleven.serviceLevel).toBeCloseTo(0.3896, 4);
    const fourteen = queueFigures({ ...base, agents: 14 });
    expect(fourteen.waitProbability).toBeCloseTo(0.1741, 4);
    expect(fourteen.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(fourteen.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('equals the factorial definition of the wait probability for small c', () => {
    for (const c of [2, 5, 12, 30]) for (const load of [0.5, 1.7, c * 0.9]) {
      let sum = 0;
      let term = 1;
      for (let n = 0; n < c; n++) {
        sum += term;
        term *= load / (n + 1);
      }
      const top = (term * c) / (c - load);
      const f = queueFigures({ arrivalRatePerSecond: load / 100, handleTimeSeconds: 100, agents: c, serviceLevelThresholdSeconds: 0 });
      expect(f.waitProbability).toBeCloseTo(top / (sum + top), 12);
      expect(f.serviceLevel).toBeCloseTo(1 - f.waitProbability, 12);
      expect(f.averageSpeedOfAnswerSeconds).toBeCloseTo((f.waitProbability * 100) / (c - load), 9);
    }
  });

  it('calls a load at or above the agents unstable', () => {
    const f = queueFigures({ ...base, agents: 10 });
    expect(f).toMatchObject({ stable: false, waitProbability: 1, serviceLevel: 0, averageSpeedOfAnswerSeconds: Infinity });
  });
});

/** A plain truncated birth-death solve, no logs, for small centers. */
function directBirthDeath(i: Required<QueueInputs>, states = i.agents + 80): { pi: number[]; lambda: number; mu: number; theta: number } {
  const lambda = i.arrivalRatePerSecond;
  const mu = 1 / i.handleTimeSeconds;
  const theta = 1 / i.patienceSeconds;
  const pi = [1];
  for (let n = 1; n < states; n++) {
    const death = n <= i.agents ? n * mu : i.agents * mu + (n - i.agents) * theta;
    pi.push((pi[n - 1] * lambda) / death);
  }
  const total = pi.reduce((s, p) => s + p, 0);
  return { pi: pi.map((p) => p / total), lambda, mu, theta };
}

/**
 * Service level and speed of answer from the queue ahead of an arriving
 * customer, integrated over time with RK4: k ahead move up at cμ + kθ, the
 * customer itself gives up at θ.
 */
function integrateTaggedCustomer(i: Required<QueueInputs>): { serviceLevel: number; asa: number } {
  const { pi, mu, theta } = directBirthDeath(i);
  const c = i.agents;
  const ahead = pi.slice(c); // ahead[k]: found c + k
  const answeredAtOnce = pi.slice(0, c).reduce((s, p) => s + p, 0);
  const rateUp = (k: number) => c * mu + k * theta;
  const derivative = (p: number[]) =>
    p.map((pk, k) => -(rateUp(k) + theta) * pk + (k + 1 < p.length ? rateUp(k + 1) * p[k + 1] : 0));
  let p = ahead;
  let answered = 0;
  let weightedWait = 0;
  let answeredInTime = Number.NaN;
  // Every waiting state empties at >= θ, so after 40 patience times e^-40 is left.
  const dt = 0.05;
  for (let step = 0, t = 0; t < 40 * i.patienceSeconds; step++, t = step * dt) {
    if (Math.abs(t - i.serviceLevelThresholdSeconds) < dt / 2) answeredInTime = answeredAtOnce + answered;
    const k1 = derivative(p);
    const k2 = derivative(p.map((x, j) => x + (dt / 2) * k1[j]));
    const k3 = derivative(p.map((x, j) => x + (dt / 2) * k2[j]));
    const k4 = derivative(p.map((x, j) => x + dt * k3[j]));
    const next = p.map((x, j) => x + (dt / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]));
    // Answered flow: the head (k = 0) moves into service at cμ; trapezoid in time.
    const flow = (rateUp(0) * (p[0] + next[0]) * dt) / 2;
    answered += flow;
    weightedWait += flow * (t + dt / 2);
    p = next;
  }
  return { serviceLevel: answeredInTime, asa: weightedWait / (answeredAtOnce + answered) };
}

describe('Erlang A', () => {
  const small: Required<QueueInputs> = {
    arrivalRatePerSecond: 0.08, handleTimeSeconds: 60, agents: 4, patienceSeconds: 30, serviceLevelThresholdSeconds: 20,
  };

  it('agrees with a direct birth-death solve: wait probability, abandon rate, occupancy', () => {
    for (const inputs of [small, { ...small, arrivalRatePerSecond: 0.04 }, { ...small, agents: 9, patienceSeconds: 200 }]) {
      const { pi, lambda, theta } = directBirthDeath(inputs);
      const c = inputs.agents;
      const queued = pi.reduce((s, p, n) => s + Math.max(0, n - c) * p, 0);
      const busy = pi.reduce((s, p, n) => s + Math.min(n, c) * p, 0);
      const f = queueFigures(inputs);
      expect(f.waitProbability).toBeCloseTo(pi.slice(c).reduce((s, p) => s + p, 0), 12);
      expect(f.abandonRate).toBeCloseTo((theta * queued) / lambda, 12); // abandonments per second / arrivals per second
      expect(f.occupancy).toBeCloseTo(busy / c, 12);
    }
  });

  it('agrees with integrating the queue ahead of each arrival: service level and speed of answer', () => {
    for (const inputs of [small, { ...small, serviceLevelThresholdSeconds: 5 }, { ...small, agents: 6, patienceSeconds: 90 }]) {
      const f = queueFigures(inputs);
      const integrated = integrateTaggedCustomer(inputs);
      expect(f.serviceLevel).toBeCloseTo(integrated.serviceLevel, 5);
      expect(f.averageSpeedOfAnswerSeconds).toBeCloseTo(integrated.asa, 3);
    }
  });

  it('agrees with a seeded simulation of the FCFS queue', () => {
    const f = queueFigures(small);
    const sim = simulateQueue(small, 400_000, 17);
    expect(Math.abs(f.waitProbability - sim.waitProbability)).toBeLessThan(0.01);
    expect(Math.abs(f.abandonRate - sim.abandonRate)).toBeLessThan(0.01);
    expect(Math.abs(f.serviceLevel - sim.serviceLevel)).toBeLessThan(0.01);
    expect(Math.abs(f.averageSpeedOfAnswerSeconds - sim.asa) / f.averageSpeedOfAnswerSeconds).toBeLessThan(0.03);
  });

  it('tends to Erlang C as patience grows', () => {
    const inputs = { arrivalRatePerSecond: 0.5, handleTimeSeconds: 180, agents: 100, serviceLevelThresholdSeconds: 60 };
    const c = queueFigures(inputs);
    const a = queueFigures({ ...inputs, patienceSeconds: 1e7 });
    for (const key of ['waitProbability', 'serviceLevel', 'occupancy'] as const) expect(a[key]).toBeCloseTo(c[key], 4);
    expect(a.averageSpeedOfAnswerSeconds).toBeCloseTo(c.averageSpeedOfAnswerSeconds, 1);
    expect(a.abandonRate).toBeLessThan(1e-4);
  });

  it('sheds exactly the overload by abandonment when far overloaded', () => {
    // 6000 Erlangs on 5000 agents: in the long run a sixth must give up.
    const f = queueFigures({ arrivalRatePerSecond: 6000 / 180, handleTimeSeconds: 180, agents: 5000, patienceSeconds: 300, serviceLevelThresholdSeconds: 20 });
    expect(f.abandonRate).toBeCloseTo(1 / 6, 3);
    expect(f.occupancy).toBeCloseTo(1, 6);
  });
});

describe('every model, any size', () => {
  const inputs = fc.record({
    arrivalRatePerSecond: fc.double({ min: 1e-3, max: 60, noNaN: true }),
    handleTimeSeconds: fc.double({ min: 1, max: 1800, noNaN: true }),
    agents: fc.integer({ min: 1, max: 5000 }),
    patienceSeconds: fc.option(fc.double({ min: 1, max: 3600, noNaN: true }), { nil: undefined }),
    serviceLevelThresholdSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
  });

  it('gives finite shares within [0, 1], up to 5000 agents', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const f: QueueFigures = queueFigures(i);
        for (const key of ['waitProbability', 'serviceLevel', 'abandonRate', 'occupancy'] as const) {
          expect(Number.isFinite(f[key])).toBe(true);
          expect(f[key]).toBeGreaterThanOrEqual(0);
          expect(f[key]).toBeLessThanOrEqual(1);
        }
        if (f.stable) expect(Number.isFinite(f.averageSpeedOfAnswerSeconds)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('computes 5000 agents without NaN or Infinity in both models', () => {
    for (const patienceSeconds of [undefined, 60, 300]) {
      const f = queueFigures({ arrivalRatePerSecond: 4900 / 180, handleTimeSeconds: 180, agents: 5000, patienceSeconds, serviceLevelThresholdSeconds: 20 });
      for (const v of Object.values(f)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      expect(f.serviceLevel).toBeGreaterThan(0.99);
    }
  });

  it('refuses inputs that mean nothing', () => {
    const ok = { arrivalRatePerSecond: 1, handleTimeSeconds: 60, agents: 80, serviceLevelThresholdSeconds: 20 };
    expect(() => queueFigures({ ...ok, agents: 2.5 })).toThrow(/agents/);
    expect(() => queueFigures({ ...ok, agents: 0 })).toThrow(/agents/);
    expect(() => queueFigures({ ...ok, arrivalRatePerSecond: 0 })).toThrow(/arrival rate/);
    expect(() => queueFigures({ ...ok, handleTimeSeconds: Number.NaN })).toThrow(/handle time/);
    expect(() => queueFigures({ ...ok, patienceSeconds: -1 })).toThrow(/patience/);
    expect(() => queueFigures({ ...ok, serviceLevelThresholdSeconds: -1 })).toThrow(/threshold/);
  });
});

/**
 * M/M/c+M, first come first served. Exponential patience is memoryless, so an
 * abandonment picks a uniformly random waiting customer.
 */
function simulateQueue(i: Required<QueueInputs>, arrivals: number, seed: number) {
  const rng = createRng(seed);
  const exp = (rate: number) => -Math.log(1 - rng.next()) / rate;
  const mu = 1 / i.handleTimeSeconds;
  const theta = 1 / i.patienceSeconds;
  const queue: number[] = [];
  let now = 0;
  let busy = 0;
  let arrived = 0;
  let waited = 0;
  let answered = 0;
  let answeredInTime = 0;
  let abandoned = 0;
  let waitTotal = 0;
  const warmup = 5000;
  while (arrived < arrivals + warmup) {
    const rates = [i.arrivalRatePerSecond, busy * mu, queue.length * theta];
    const total = rates[0] + rates[1] + rates[2];
    now += exp(total);
    const u = rng.next() * total;
    if (u < rates[0]) {
      arrived++;
      if (busy < i.agents) {
        busy++;
        if (arrived > warmup) {
          answered++;
          answeredInTime++;
        }
      } else {
        queue.push(arrived > warmup ? now : -1);
        if (arrived > warmup) waited++;
      }
    } else if (u < rates[0] + rates[1]) {
      if (queue.length === 0) {
        busy--;
      } else {
        const since = queue.shift()!;
        if (since >= 0) {
          answered++;
          waitTotal += now - since;
          if (now - since <= i.serviceLevelThresholdSeconds) answeredInTime++;
        }
      }
    } else {
      const [since] = queue.splice(rng.int(queue.length), 1);
      if (since >= 0) abandoned++;
    }
  }
  const decided = answered + abandoned;
  return { waitProbability: waited / arrivals, abandonRate: abandoned / decided, serviceLevel: answeredInTime / decided, asa: waitTotal / answered };
}
