import { describe, expect, it } from 'vitest';
import { MAX_INTERVALS } from './cross-checks.js';
import { parseScenarioText } from './load.js';
import { lineOf, scenarioErrorOf } from './test-helpers.js';

const H = 3_600_000;
const M = 60_000;

// Workforce-style input: a reporting interval, a forecast of volumes, and
// staffing given all three ways.
const TEXT = `name: workforce
duration: 12h
interval: 15m
queues:
  - name: support
agents:
  - group: constant
    count: 10
    queues: [support]
  - group: pieces
    count:
      - { from: 0h, count: 40 }
      - { from: 4h, count: 60 }
      - { from: 9h, count: 20 }
    queues: [support]
  - group: shifts
    shifts:
      - { start: 0h, end: 8h, count: 30 }
      - { start: 4h, end: 12h, count: 25 }
    queues: [support]
customers:
  - channel: whatsapp
    queue: support
    arrivals: { interval: 15m, volumes: [120, 180, 240, 200] }
    handleTime: exp(2m)
  - channel: sms
    queue: support
    arrivals: 0.5/s
    handleTime: exp(2m)
`;

const load = (...sets: string[]) => parseScenarioText(TEXT, 'w.yaml', sets);

describe('interval', () => {
  it('is normalized to ms, 30m when absent', () => {
    expect(load().intervalMs).toBe(15 * M);
    expect(parseScenarioText(TEXT.replace('interval: 15m\n', ''), 'w.yaml').intervalMs).toBe(30 * M);
    expect(load('interval=1h').intervalMs).toBe(H);
  });

  it('remembers whether the file or a --set gave it (the text report prints its interval table only then)', () => {
    const without = TEXT.replace('interval: 15m\n', '');
    expect(load().intervalSet).toBe(true);
    expect(parseScenarioText(without, 'w.yaml').intervalSet).toBe(false);
    expect(parseScenarioText(without, 'w.yaml', ['interval=30m']).intervalSet).toBe(true);
  });

  it.each([
    ['0s', /expected a duration above 0 \(got "0s"\)/],
    ['soon', /expected a duration like 45s/],
    ['100ms', new RegExp(`expected at most ${MAX_INTERVALS} intervals in the duration \\(12h / 100ms makes 432000\\)`)],
  ])('refuses interval: %s at its line', (value, message) => {
    const text = TEXT.replace('interval: 15m', `interval: ${value}`);
    const e = scenarioErrorOf(() => parseScenarioText(text, 'w.yaml'));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: 'interval', line: lineOf(text, 'interval:'), column: 1 });
    expect(e.issues[0].message).toMatch(message);
  });
});

describe('arrivals as a forecast of volumes per interval', () => {
  it('become one rate piece per interval (volume / interval seconds), then 0', () => {
    expect(load().customers[0].arrivals).toEqual([
      { fromMs: 0, perSecond: 120 / 900 },
      { fromMs: 15 * M, perSecond: 180 / 900 },
      { fromMs: 30 * M, perSecond: 240 / 900 },
      { fromMs: 45 * M, perSecond: 200 / 900 },
      { fromMs: H, perSecond: 0 },
    ]);
  });

  it('leave the other forms as they were', () => {
    expect(load().customers[1].arrivals).toEqual([{ fromMs: 0, perSecond: 0.5 }]);
  });

  it('take --set on the interval and on one volume', () => {
    const s = load('customers.0.arrivals.interval=30m', 'customers.0.arrivals.volumes.2=360');
    expect(s.customers[0].arrivals.map((p) => [p.fromMs / M, p.perSecond * 1800])).toEqual([[0, 120], [30, 180], [60, 360], [90, 200], [120, 0]]);
  });

  it.each([
    ['{ interval: 0m, volumes: [1] }', 'customers.0.arrivals.interval', /expected a duration above 0 \(got "0m"\)/],
    ['{ interval: 15x, volumes: [1] }', 'customers.0.arrivals.interval', /expected a duration like 45s.*\(got "15x"\)/],
    ['{ interval: 15m, volumes: [10, -5] }', 'customers.0.arrivals.volumes.1', /expected a number >= 0 \(got -5\)/],
    ['{ interval: 15m, volumes: [10, many] }', 'customers.0.arrivals.volumes.1', /expected a number \(got "many"\)/],
    ['{ interval: 15m, volumes: [] }', 'customers.0.arrivals.volumes', /expected a list of at least 1 item/],
    ['{ interval: 15m }', 'customers.0.arrivals.volumes', /missing required key/],
    ['{ intervl: 15m, volumes: [1] }', 'customers.0.arrivals.intervl', /unknown key "intervl"; did you mean "interval"\? \(expected one of: interval, volumes\)/],
  ])('refuse arrivals: %s, at the arrivals line', (value, path, message) => {
    const text = TEXT.replace('{ interval: 15m, volumes: [120, 180, 240, 200] }', value);
    const e = scenarioErrorOf(() => parseScenarioText(text, 'w.yaml'));
    const issues = e.issues.filter((i) => i.path === path);
    expect(issues).toHaveLength(1);
    expect(e.issues).toHaveLength(path.endsWith('intervl') ? 2 : 1); // a misspelt key also leaves `interval` missing
    expect(issues[0].line).toBe(lineOf(text, 'arrivals: {'));
    expect(issues[0].message).toMatch(message);
  });
});

describe('staffing', () => {
  it('a constant count is one piece from 0', () => {
    const [g] = load().agents;
    expect([g.count, g.staffing]).toEqual([10, [{ fromMs: 0, count: 10 }]]);
  });

  it('pieces of count are kept, and count is their peak', () => {
    const g = load().agents[1];
    expect(g.staffing).toEqual([{ fromMs: 0, count: 40 }, { fromMs: 4 * H, count: 60 }, { fromMs: 9 * H, count: 20 }]);
    expect(g.count).toBe(60);
  });

  it('shifts are summed where they overlap, and count is the peak', () => {
    const g = load().agents[2];
    expect(g.staffing).toEqual([
      { fromMs: 0, count: 30 },
      { fromMs: 4 * H, count: 55 },
      { fromMs: 8 * H, count: 25 },
      { fromMs: 12 * H, count: 0 },
    ]);
    expect(g.count).toBe(55);
  });

  it('--set agents.N.count=X still sets a constant count, also over pieces', () => {
    expect(load('agents.0.count=70').agents[0]).toMatchObject({ count: 70, staffing: [{ fromMs: 0, count: 70 }] });
    expect(load('agents.1.count=35').agents[1]).toMatchObject({ count: 35, staffing: [{ fromMs: 0, count: 35 }] });
  });

  it('--set reaches into one piece or one shift', () => {
    expect(load('agents.1.count.1.count=80').agents[1].count).toBe(80);
    expect(load('agents.2.shifts.1.count=45').agents[2].staffing[1]).toEqual({ fromMs: 4 * H, count: 75 });
  });

  it('--set replacing shifts with a count is refused, against the override', () => {
    const e = scenarioErrorOf(() => load('agents.2.count=50'));
    expect(e.issues).toEqual([{ file: '--set agents.2.count=50', line: 0, column: 0, path: 'agents.2.count', message: 'count and shifts exclude each other: give one of them' }]);
    expect(load('agents.2.shifts=', 'agents.2.count=50').agents[2].staffing).toEqual([{ fromMs: 0, count: 50 }]);
  });
});

describe('staffing mistakes, each at its line and key path', () => {
  const BAD = `name: bad-staffing
duration: 8h
queues: [{name: q}]
agents:
  - group: both
    count: 5
    shifts: [{ start: 0h, end: 8h, count: 5 }]
    queues: [q]
  - group: neither
    queues: [q]
  - group: late-start
    count:
      - { from: 1h, count: 4 }
      - { from: 3h, count: 6 }
      - { from: 2h, count: 8 }
    queues: [q]
  - group: backwards
    shifts:
      - { start: 8h, end: 4h, count: 3 }
      - { start: 2h, end: 2h, count: 3 }
      - { start: 2h, end: 6h, count: -1, extra: 1 }
    queues: [q]
  - group: wrong-type
    count: lots
    queues: [q]
  - group: bad-piece
    count: [{ from: 0h }]
    queues: [q]
customers: []
`;
  const e = scenarioErrorOf(() => parseScenarioText(BAD, 'bad.yaml'));

  it.each([
    ['agents.0.count', 'count: 5', /^count and shifts exclude each other: give one of them$/],
    ['agents.1.count', '- group: neither', /^missing required key: count \(a number of agents, or a list of pieces\) or shifts$/],
    ['agents.2.count.0.from', 'from: 1h', /the first piece must start at 0 \(got "1h"\)/],
    ['agents.2.count.2.from', 'from: 2h', /pieces must be in increasing order of from \(got "2h" after agents.2.count.1\)/],
    ['agents.3.shifts.0.end', 'end: 4h', /a shift must end after it starts \(start "8h", end "4h"\)/],
    ['agents.3.shifts.1.end', 'end: 2h', /a shift must end after it starts/],
    ['agents.3.shifts.2.count', 'count: -1', /expected a number >= 0 \(got -1\)/],
    ['agents.3.shifts.2.extra', 'extra: 1', /unknown key "extra" \(expected one of: start, end, count\)/],
    ['agents.4.count', 'count: lots', /expected a whole number of agents, or a list of pieces like .* \(got "lots"\)/],
    ['agents.5.count.0.count', 'count: [{ from: 0h }]', /missing required key/],
  ])('%s at the line of "%s"', (path, snippet, message) => {
    const issues = e.issues.filter((i) => i.path === path);
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(lineOf(BAD, snippet));
    expect(issues[0].message).toMatch(message);
  });

  it('says nothing else: no noise from the schema\'s alternatives', () => {
    expect(e.code).toBe('E_SCENARIO_SCHEMA');
    expect(e.issues).toHaveLength(10);
  });
});
