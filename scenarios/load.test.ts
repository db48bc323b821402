import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_RULES } from '../engine/model/channel.js';
import { DEFAULT_TENANT } from '../engine/model/tenant.js';
import { loadScenario, parseScenarioText } from './load.js';
import { DEFAULT_ORG_ID } from './scenario.js';
import { lineOf, scenarioErrorOf } from './test-helpers.js';

const MINIMAL = `
name: minimal
duration: 2h
queues:
  - name: support
agents:
  - group: tier1
    count: 10
    queues: [support]
customers:
  - channel: sms
    queue: support
    arrivals: 30/min
    handleTime: exp(3m)
`;

const FULL = `
name: retail-peak
seed: 7
duration: 8h
warmup: 30m
serviceLevelThreshold: 45s
interval: 15m
tenant:
  maskSensitiveData: false
  csatOnSessionEnd: true
channels:
  whatsapp: { ronaTimeout: 20s, replyLimit: 2000 }
queues:
  - name: support
    routing: round-robin
  - name: billing
agents:
  - group: tier1
    count: 62
    queues: [support, billing]
    capacity: 3
    acceptDelay: lognormal(6s, 3s)
    noAnswer: 0.03
    ronaRecovery: exp(90s)
    wrapUp: uniform(10s, 30s)
customers:
  - channel: livechat
    queue: support
    arrivals: [{from: 0h, rate: 900/h}, {from: 2h, rate: 1800/h}]
    patience: exp(300s)
    handleTime: gamma(2m, 1m)
    transfer: 0.05
    conference: 0.02
    customerEnds: 0.3
    sessionEnd: 0.1
    returnAfterSessionEnd: 0.4
    proactive: 0.2
budgets:
  - serviceLevel >= 0.8
  - answerTime.p90 <= 60s
`;

describe('parseScenarioText', () => {
  it('fills in every default of a minimal scenario', () => {
    const s = parseScenarioText(MINIMAL, 'minimal.yaml');
    expect(s).toEqual({
      name: 'minimal',
      seed: 1,
      durationMs: 7_200_000,
      warmupMs: 0,
      serviceLevelThresholdMs: 60_000,
      intervalMs: 1_800_000,
      intervalSet: false,
      tenant: DEFAULT_TENANT,
      orgId: DEFAULT_ORG_ID,
      channels: DEFAULT_CHANNEL_RULES,
      queues: [{ name: 'support', routing: 'longest-available' }],
      agents: [{
        group: 'tier1', count: 10, staffing: [{ fromMs: 0, count: 10 }], queues: ['support'], capacity: 1,
        acceptDelay: { kind: 'lognormal', mean: 5000, sd: 2000 },
        noAnswer: 0,
        ronaRecovery: { kind: 'exp', mean: 60_000 },
        wrapUp: { kind: 'const', value: 0 },
      }],
      customers: [{
        channel: 'sms', queue: 'support',
        arrivals: [{ fromMs: 0, perSecond: 0.5 }],
        patience: null,
        handleTime: { kind: 'exp', mean: 180_000 },
        transfer: 0, conference: 0, customerEnds: 0, sessionEnd: 0, returnAfterSessionEnd: 0, proactive: 0,
      }],
      messages: null,
      budgets: [],
      file: 'minimal.yaml',
    });
  });

  it('converts every key a full scenario gives', () => {
    const s = parseScenarioText(FULL, 'full.yaml');
    expect(s.seed).toBe(7);
    expect([s.durationMs, s.warmupMs, s.serviceLevelThresholdMs, s.intervalMs]).toEqual([28_800_000, 1_800_000, 45_000, 900_000]);
    expect(s.tenant).toEqual({ ...DEFAULT_TENANT, maskSensitiveData: false, csatOnSessionEnd: true });
    expect(s.channels.whatsapp).toEqual({ ...DEFAULT_CHANNEL_RULES.whatsapp, ronaTimeoutMs: 20_000, replyLimit: 2000 });
    expect(s.channels.livechat).toEqual(DEFAULT_CHANNEL_RULES.livechat);
    expect(s.queues).toEqual([{ name: 'support', routing: 'round-robin' }, { name: 'billing', routing: 'longest-available' }]);
    expect(s.agents[0]).toEqual({
      group: 'tier1', count: 62, staffing: [{ fromMs: 0, count: 62 }], queues: ['support', 'billing'], capacity: 3,
      acceptDelay: { kind: 'lognormal', mean: 6000, sd: 3000 },
      noAnswer: 0.03,
      ronaRecovery: { kind: 'exp', mean: 90_000 },
      wrapUp: { kind: 'uniform', min: 10_000, max: 30_000 },
    });
    expect(s.customers[0]).toEqual({
      channel: 'livechat', queue: 'support',
      arrivals: [{ fromMs: 0, perSecond: 0.25 }, { fromMs: 7_200_000, perSecond: 0.5 }],
      patience: { kind: 'exp', mean: 300_000 },
      handleTime: { kind: 'gamma', mean: 120_000, sd: 60_000 },
      transfer: 0.05, conference: 0.02, customerEnds: 0.3, sessionEnd: 0.1, returnAfterSessionEnd: 0.4, proactive: 0.2,
    });
  });

  it('keeps each budget as written, with its line', () => {
    const s = parseScenarioText(FULL, 'full.yaml');
    expect(s.budgets).toEqual([
      { expression: 'serviceLevel >= 0.8', line: lineOf(FULL, 'serviceLevel >= 0.8') },
      { expression: 'answerTime.p90 <= 60s', line: lineOf(FULL, 'answerTime.p90') },
    ]);
  });

  it('follows YAML anchors and aliases', () => {
    const text = MINIMAL.replace('handleTime: exp(3m)', 'handleTime: &ht exp(3m)\n    patience: *ht');
    expect(parseScenarioText(text, 'a.yaml').customers[0].patience).toEqual({ kind: 'exp', mean: 180_000 });
  });

  it('reports YAML syntax errors with their lines', () => {
    const text = `${MINIMAL}\nname: again\nbad: [unclosed\n`;
    const err = scenarioErrorOf(() => parseScenarioText(text, 'syntax.yaml'));
    expect(err.code).toBe('E_SCENARIO_SYNTAX');
    expect(err.issues.map((i) => i.line)).toContain(lineOf(text, 'name: again'));
    expect(err.message).toMatch(/^syntax\.yaml:\d+:\d+ {2}.*unique/m);
  });

  it('refuses a file that is not a mapping', () => {
    const err = scenarioErrorOf(() => parseScenarioText('- a\n- b\n', 'list.yaml'));
    expect(err.code).toBe('E_SCENARIO_SCHEMA');
    expect(err.issues).toEqual([{ file: 'list.yaml', line: 1, column: 1, path: '', message: 'expected a mapping of keys (got a list)' }]);
  });
});

describe('loadScenario', () => {
  it('reads a file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cctwin-scenario-'));
    const file = join(dir, 'minimal.yaml');
    writeFileSync(file, MINIMAL);
    expect(loadScenario(file).file).toBe(file);
    expect(loadScenario(file, ['agents.0.count=70']).agents[0].count).toBe(70);
  });

  it('says when the file cannot be read', () => {
    const err = scenarioErrorOf(() => loadScenario('/nonexistent/nope.yaml'));
    expect(err.code).toBe('E_SCENARIO_READ');
    expect(err.message).toBe('/nonexistent/nope.yaml  cannot read the file (ENOENT)');
  });
});
