import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './load.js';
import { scenarioSchema } from './schema-validate.js';

type SchemaNode = { description?: string; default?: unknown; properties?: Record<string, SchemaNode>; [k: string]: unknown };

const definitions = scenarioSchema.definitions as Record<string, SchemaNode>;
const root = scenarioSchema as SchemaNode;

const MINIMAL = `name: m
duration: 1h
queues: [{name: q}]
agents: [{group: g, count: 1, queues: [q]}]
customers: [{channel: livechat, queue: q, arrivals: 1/s, handleTime: exp(1m)}]
`;

/** Every key of the YAML form, as a --set path prefix and its schema. */
const KEY_SETS: [string, Record<string, SchemaNode>][] = [
  ['', root.properties!],
  ['tenant.', root.properties!.tenant.properties!],
  ['channels.sms.', definitions.channelOverride.properties!],
  ['queues.0.', definitions.queue.properties!],
  ['agents.0.', definitions.agentGroup.properties!],
  ['customers.0.', definitions.customerStream.properties!],
  ['customers.0.arrivals.0.', definitions.ratePiece.properties!],
  ['customers.0.arrivals.', definitions.customerStream.properties!.arrivals.properties!],
  ['agents.0.count.0.', definitions.staffingPiece.properties!],
  ['agents.0.shifts.0.', definitions.shift.properties!],
];

const allKeys = KEY_SETS.flatMap(([prefix, props]) => Object.entries(props).map(([key, schema]) => [prefix + key, schema] as const));
const withDefaults = allKeys.filter(([, schema]) => schema.default !== undefined);

describe('scenario.schema.json', () => {
  it.each(allKeys)('%s has a description', (_, schema) => {
    expect(schema.description?.length).toBeGreaterThan(10);
  });

  it('documents defaults for the optional keys', () => {
    expect(withDefaults.length).toBeGreaterThanOrEqual(19);
  });

  it.each(withDefaults)('the default of %s is what the loader fills in, and its description says it', (path, schema) => {
    expect(schema.description).toMatch(new RegExp(`Default ${String(schema.default).replace(/[()]/g, '\\$&')}[.;]`));
    // Only `intervalSet` may tell them apart: it records that `interval:` was written, default or not.
    const { intervalSet: _explicitSet, ...explicit } = parseScenarioText(MINIMAL, 'm.yaml', [`${path}=${String(schema.default)}`]);
    const { intervalSet: _defaultSet, ...defaulted } = parseScenarioText(MINIMAL, 'm.yaml');
    expect(explicit).toEqual(defaulted);
  });
});
