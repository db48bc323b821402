import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './load.js';
import { formatIssue } from './scenario-error.js';
import { lineOf, scenarioErrorOf } from './test-helpers.js';

// One file, many mistakes: each must be reported, at its own line and path.
const BAD = `name: broken
duration: 8x
warmup: 30m
queues:
  - name: support
    routing: fastest
  - name: support
agents:
  - group: tier1
    count: many
    queues: [suport]
    capacty: 2
    noAnswer: 1.5
customers:
  - channel: whatsapp
    queue: billing
    arrivals: [{from: 1h, rate: 900/h}, {from: 0h, rate: 9/x}]
    handleTime: uniform(5s)
    customerEnds: 0.3
  - channel: fb
    arrivals: 5
    handleTime: exp(2m)
budgets: [12]
`;

const err = scenarioErrorOf(() => parseScenarioText(BAD, 'bad.yaml'));
const at = (path: string) => err.issues.filter((i) => i.path === path);

describe('a scenario with many mistakes', () => {
  it('is a schema error', () => {
    expect(err.code).toBe('E_SCENARIO_SCHEMA');
  });

  it.each([
    ['duration', 'duration: 8x', /expected a duration like 45s, 5m, 1.5h, 250ms, 800us or a number of seconds \(got "8x"\)/],
    ['queues.0.routing', 'routing: fastest', /expected one of: longest-available, least-busy, round-robin \(got "fastest"\)/],
    ['queues.1.name', '- name: support', /duplicate queue name "support" \(also queues.0.name\)/, 2],
    ['agents.0.count', 'count: many', /expected a whole number of agents, or a list of pieces like \[\{from: 0h, count: 40\}.*\(got "many"\)/],
    ['agents.0.queues.0', 'suport]', /unknown queue "suport"; did you mean "support"\?/],
    ['agents.0.capacty', 'capacty: 2', /unknown key "capacty"; did you mean "capacity"\?/],
    ['agents.0.noAnswer', 'noAnswer: 1.5', /expected a probability between 0 and 1 \(got 1.5\)/],
    ['customers.0.queue', 'queue: billing', /unknown queue "billing" \(queues: support\)/],
    ['customers.0.arrivals.0.from', 'from: 1h', /the first piece must start at 0/],
    ['customers.0.arrivals.1.from', 'from: 0h', /increasing order/],
    ['customers.0.arrivals.1.rate', 'rate: 9/x', /expected a rate like 0.5\/s, 30\/min, 1800\/h \(got "9\/x"\)/],
    ['customers.0.handleTime', 'handleTime: uniform', /uniform\(\) takes 2 duration arguments, got 1/],
    ['customers.0.customerEnds', 'customerEnds', /livechat only/],
    ['customers.1.channel', 'channel: fb', /expected one of: facebook, sms, whatsapp, livechat/],
    // A missing key is placed at its parent: the list entry that lacks it.
    ['customers.1.queue', 'channel: fb', /missing required key/],
    ['customers.1.arrivals', 'arrivals: 5', /a list of pieces like .*, or a forecast like \{interval: 30m, volumes: \[120, 180, 240\]\} \(got 5\)/],
    ['budgets.0', 'budgets: [12]', /expected a string \(got 12\)/],
  ] as [string, string, RegExp, number?][])('%s at the line of "%s"', (path, snippet, message, occurrence = 1) => {
    const issues = at(path);
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(lineOf(BAD, snippet, occurrence));
    expect(issues[0].message).toMatch(message);
  });

  it('places the column at the key', () => {
    const [issue] = at('agents.0.capacty');
    expect(issue.column).toBe(BAD.split('\n')[issue.line - 1].indexOf('capacty') + 1);
  });

  it('reports nothing twice and nothing else', () => {
    expect(err.issues).toHaveLength(17);
  });

  it('prints every issue on its own line, in file order', () => {
    const lines = err.message.split('\n');
    expect(lines).toEqual(err.issues.map(formatIssue));
    expect(lines).toContain(`bad.yaml:${lineOf(BAD, 'capacty')}:5  agents.0.capacty  ${at('agents.0.capacty')[0].message}`);
    const order = err.issues.map((i) => i.line * 1000 + i.column);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('cross-field checks', () => {
  const base = (extra: string) => `name: x\nduration: 1h\nqueues: [{name: q}]\nagents: []\ncustomers: []\n${extra}`;

  it('wants the warmup shorter than the duration', () => {
    const e = scenarioErrorOf(() => parseScenarioText(base('warmup: 1h\n'), 'w.yaml'));
    expect(e.issues).toEqual([{ file: 'w.yaml', line: 6, column: 1, path: 'warmup', message: 'expected a warmup shorter than the duration (1h)' }]);
  });

  it('wants a duration above 0', () => {
    const e = scenarioErrorOf(() => parseScenarioText(base('').replace('1h', '0s'), 'd.yaml'));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([['duration', 'expected a duration above 0']]);
  });

  it('refuses duplicate group names and proactive chats off livechat', () => {
    const text = base('').replace('agents: []', 'agents:\n  - {group: g, count: 1, queues: [q]}\n  - {group: g, count: 2, queues: [q]}')
      .replace('customers: []', 'customers:\n  - {channel: sms, queue: q, arrivals: 1/s, handleTime: exp(1m), proactive: 0.1}');
    const e = scenarioErrorOf(() => parseScenarioText(text, 'g.yaml'));
    expect(e.issues.map((i) => [i.path, i.line])).toEqual([
      ['agents.1.group', lineOf(text, 'count: 2')],
      ['customers.0.proactive', lineOf(text, 'proactive')],
    ]);
  });

  it('accepts the livechat-only keys at 0 on other channels', () => {
    const text = base('').replace('customers: []', 'customers:\n  - {channel: sms, queue: q, arrivals: 1/s, handleTime: exp(1m), proactive: 0, customerEnds: 0}');
    expect(parseScenarioText(text, 'ok.yaml').customers[0].proactive).toBe(0);
  });
});
