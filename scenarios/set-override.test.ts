import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './load.js';
import { lineOf, scenarioErrorOf } from './test-helpers.js';

const TEXT = `name: base
duration: 8h
queues:
  - name: support
  - name: sales
agents:
  - group: tier1
    count: 62
    queues: [support]
customers:
  - channel: whatsapp
    queue: support
    arrivals: 0.5/s
    patience: exp(5m)
    handleTime: exp(2m)
  - channel: livechat
    queue: sales
    arrivals: [{from: 0h, rate: 900/h}]
    handleTime: exp(2m)
`;

const load = (...sets: string[]) => parseScenarioText(TEXT, 'base.yaml', sets);

describe('--set overrides', () => {
  it('replace values anywhere, parsed as YAML', () => {
    const s = load('agents.0.count=70', 'duration=2h', 'customers.1.arrivals=0.8/s', 'agents.0.queues=[support, sales]', 'seed=99');
    expect(s.agents[0].count).toBe(70);
    expect(s.agents[0].queues).toEqual(['support', 'sales']);
    expect(s.durationMs).toBe(7_200_000);
    expect(s.customers[1].arrivals).toEqual([{ fromMs: 0, perSecond: 0.8 }]);
    expect(s.seed).toBe(99);
  });

  it('create the mappings on the way to a key the schema knows', () => {
    const s = load('tenant.maskSensitiveData=false', 'channels.whatsapp.ronaTimeout=45s');
    expect(s.tenant.maskSensitiveData).toBe(false);
    expect(s.tenant.agentsCanEndSessions).toBe(true);
    expect(s.channels.whatsapp.ronaTimeoutMs).toBe(45_000);
  });

  it('add a key the file left out, and remove one with an empty value', () => {
    const s = load('customers.1.patience=exp(1m)', 'customers.0.patience=');
    expect(s.customers[1].patience).toEqual({ kind: 'exp', mean: 60_000 });
    expect(s.customers[0].patience).toBeNull();
  });

  it('apply in order: the last one wins', () => {
    expect(load('agents.0.count=1', 'agents.0.count=2').agents[0].count).toBe(2);
  });

  it('leave the other keys on their lines, so errors still point into the file', () => {
    const e = scenarioErrorOf(() => load('agents.0.count=70', 'customers.0.queue=nope'));
    expect(e.issues).toEqual([{ file: '--set customers.0.queue=nope', line: 0, column: 0, path: 'customers.0.queue', message: 'unknown queue "nope" (queues: support, sales)' }]);
  });
});

describe('bad --set overrides', () => {
  it.each([
    ['agents.0.cout=70', 'agents.0.cout', /no scenario key "cout" under agents.0; did you mean "count"\?/],
    ['agents.5.count=70', 'agents.5.count', /agents has 1 entry; there is no entry 5/],
    ['agents.x.count=70', 'agents.x.count', /agents is a list: expected an entry number, not "x"/],
    ['name.first=x', 'name.first', /name is a single value: it has no key "first"/],
    ['durration=2h', 'durration', /no scenario key "durration"; did you mean "duration"\?/],
    ['budgets.0=x', 'budgets.0', /budgets is not in the file, so it has no entry 0/],
    ['duration', 'duration', /expected path=value/],
    ['=5', '', /expected path=value/],
    ['agents..count=1', 'agents..count', /empty part/],
    ['name=[unclosed', 'name', /the value is not valid YAML/],
  ] as const)('%s is an E_SCENARIO_SET error naming it', (override, path, message) => {
    const e = scenarioErrorOf(() => load(override));
    expect(e.code).toBe('E_SCENARIO_SET');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ file: `--set ${override}`, path, line: 0 });
    expect(e.issues[0].message).toMatch(message);
    expect(e.message).toContain(`--set ${override}`);
  });

  it('a well-formed override with a bad value is reported against the override', () => {
    const e = scenarioErrorOf(() => load('duration=soon', 'agents.0.count=-1'));
    expect(e.code).toBe('E_SCENARIO_SCHEMA');
    expect(e.issues.map((i) => [i.file, i.path])).toEqual([
      ['--set duration=soon', 'duration'],
      ['--set agents.0.count=-1', 'agents.0.count'],
    ]);
  });

  it('come with the file\'s own errors, all at once', () => {
    const text = TEXT.replace('count: 62', 'count: lots');
    const e = scenarioErrorOf(() => parseScenarioText(text, 'base.yaml', ['agents.0.nope=1']));
    expect(e.code).toBe('E_SCENARIO_SET');
    expect(e.issues.map((i) => [i.file, i.line, i.path])).toEqual([
      ['--set agents.0.nope=1', 0, 'agents.0.nope'],
      ['base.yaml', lineOf(text, 'count: lots'), 'agents.0.count'],
    ]);
  });
});
