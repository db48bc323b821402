import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './load.js';
import { heldMs, loadAt, plannedOccupancy, pools, slotsAt } from './offered-load.js';

const TEXT = `name: pools
duration: 4h
queues: [{name: a}, {name: b}, {name: c}]
agents:
  - { group: ab, count: 10, queues: [a, b], capacity: 2, wrapUp: const(20s) }
  - { group: b, count: 5, queues: [b], wrapUp: const(40s) }
  - { group: c, shifts: [{start: 0h, end: 2h, count: 4}, {start: 1h, end: 4h, count: 6}], queues: [c] }
customers:
  - { channel: livechat, queue: a, arrivals: 36/h, handleTime: const(100s), transfer: 0.2, conference: 0.1, customerEnds: 0.4 }
  - { channel: sms, queue: b, arrivals: 360/h, handleTime: const(60s) }
  - { channel: sms, queue: c, arrivals: { interval: 1h, volumes: [360, 720] }, handleTime: const(30s) }
`;
const s = parseScenarioText(TEXT, 'pools.yaml');
const H = 3_600_000;

describe('offered load', () => {
  it('pools the groups that share a queue', () => {
    expect(pools(s).map((p) => [p.groups.map((g) => g.group).sort(), [...p.queues].sort()])).toEqual([
      [['ab', 'b'], ['a', 'b']],
      [['c'], ['c']],
    ]);
  });

  it('holds a slot for the handle time, stretched by transfers and conferences, shortened by customers ending, plus wrap-up', () => {
    const [ab] = pools(s);
    // 100 s x (1 + 0.1 + 0.1 - 0.2) + 20 s x (1 + 0.2 + 0.1); the wrap-up of the groups serving the queue.
    expect(heldMs(s.customers[0], ab.groups)).toBeCloseTo(126_000, 6);
    expect(heldMs(s.customers[1], ab.groups)).toBeCloseTo(60_000 + 30_000, 6);
  });

  it('loads a pool with rate x held of its queues, on the slots its shifts put on', () => {
    const [ab, c] = pools(s);
    expect(loadAt(s, ab, 0)).toBeCloseTo(0.01 * 126 + 0.1 * 90, 6);
    expect(slotsAt(ab, 0)).toBe(25);
    expect([loadAt(s, c, 0), loadAt(s, c, H), loadAt(s, c, 2 * H)]).toEqual([3, 6, 0]);
    expect([slotsAt(c, 0), slotsAt(c, H), slotsAt(c, 2 * H)]).toEqual([4, 10, 6]);
    const planned = plannedOccupancy(s, c);
    expect(planned.peak).toBeCloseTo(0.75, 9);
    expect(planned.average).toBeCloseTo((3 * 60 + 6 * 60) / (4 * 60 + 10 * 60 + 6 * 120), 9);
  });
});
