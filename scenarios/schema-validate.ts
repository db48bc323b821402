// Checks a parsed scenario against scenario.schema.json and says, for each
// mismatch, what was expected in the scenario's own terms (not ajv's).
import { Ajv, type ErrorObject } from 'ajv';
import schema from './scenario.schema.json' with { type: 'json' };
import { didYouMean } from './did-you-mean.js';
import { fromJsonPointer, type PathIssue } from './key-path.js';
import {
  EXPECTED_DISTRIBUTION, EXPECTED_DURATION, EXPECTED_RATE,
  parseDistribution, parseDurationMs, parseRatePerSecond, type Parsed,
} from './units.js';

export const scenarioSchema: Record<string, unknown> = schema;

const FORMATS: Readonly<Record<string, (s: unknown) => Parsed<unknown>>> = {
  duration: parseDurationMs,
  rate: parseRatePerSecond,
  distribution: parseDistribution,
};

const EXPECTED_BY_DEFINITION: Readonly<Record<string, string>> = {
  duration: EXPECTED_DURATION,
  rate: EXPECTED_RATE,
  distribution: EXPECTED_DISTRIBUTION,
  probability: 'expected a probability between 0 and 1',
};

// Schema parts are told apart by identity: ajv's schemaPath is relative to
// whichever definition it compiled on its own, so the same path can mean two keys.
type SchemaNode = { properties?: Record<string, SchemaNode> };
const definitions = scenarioSchema.definitions as Record<string, SchemaNode>;
const agentGroupSchema = definitions.agentGroup;

/** Keys that take several forms: a value of none of them is told every form. */
const EXPECTED_FORMS = new Map<unknown, string>([
  [definitions.customerStream.properties!.arrivals, `${EXPECTED_RATE}, a list of pieces like [{from: 0h, rate: 900/h}, {from: 2h, rate: 1800/h}], or a forecast like {interval: 30m, volumes: [120, 180, 240]}`],
  [agentGroupSchema.properties!.count, 'expected a whole number of agents, or a list of pieces like [{from: 0h, count: 40}, {from: 4h, count: 60}]'],
]);

/**
 * Rules on which keys go together, which ajv words in terms of its branches:
 * said here once, at the key the user should look at (a missing key is placed
 * at its parent's line, as `required` is).
 */
function keyRule(error: ErrorObject, path: string[]): PathIssue | undefined {
  if (error.parentSchema !== agentGroupSchema) return undefined;
  if (error.keyword === 'anyOf') return { path: [...path, 'count'], message: 'missing required key: count (a number of agents, or a list of pieces) or shifts' };
  if (error.keyword === 'not') return { path: [...path, 'count'], message: 'count and shifts exclude each other: give one of them' };
  return undefined;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping of keys',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'nothing',
};

// strictRequired would refuse the anyOf/not rules on count and shifts, which name keys of the enclosing schema.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, verbose: true, strict: true, strictRequired: false });
for (const [name, parse] of Object.entries(FORMATS)) {
  ajv.addFormat(name, { type: 'string', validate: (s: string) => parse(s).ok });
}
const validate = ajv.compile(scenarioSchema);

export function schemaIssues(data: unknown): PathIssue[] {
  if (validate(data)) return [];
  // A failed anyOf also reports why each branch failed: noise once KEY_RULES has said what to do.
  return (validate.errors ?? []).filter((e) => !e.schemaPath.includes('/anyOf/')).map(toPathIssue);
}

function toPathIssue(error: ErrorObject): PathIssue {
  const path = fromJsonPointer(error.instancePath);
  const rule = keyRule(error, path);
  if (rule !== undefined) return rule;
  switch (error.keyword) {
    case 'required':
      return { path: [...path, error.params.missingProperty], message: 'missing required key' };
    case 'additionalProperties': {
      const key: string = error.params.additionalProperty;
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        path: [...path, key],
        message: `unknown key "${key}"${didYouMean(key, known)} (expected one of: ${known.join(', ')})`,
      };
    }
    default:
      return { path, message: expectation(error) };
  }
}

function expectation(error: ErrorObject): string {
  if (error.keyword === 'format') {
    const result = FORMATS[error.params.format]?.(error.data);
    if (result && !result.ok) return result.message;
  }
  const got = ` (got ${describe(error.data)})`;
  const definition = /^#\/definitions\/(\w+)\//.exec(error.schemaPath)?.[1];
  if (definition !== undefined && definition in EXPECTED_BY_DEFINITION) return EXPECTED_BY_DEFINITION[definition] + got;
  const forms = error.keyword === 'type' ? EXPECTED_FORMS.get(error.parentSchema) : undefined;
  if (forms !== undefined) return forms + got;
  switch (error.keyword) {
    case 'type': {
      const types: string[] = [error.params.type].flat();
      return `expected ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}${got}`;
    }
    case 'enum': {
      const allowed: string[] = error.params.allowedValues.map(String);
      return `expected one of: ${allowed.join(', ')}${got.slice(0, -1)}${didYouMean(String(error.data), allowed)})`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `expected a number ${error.params.comparison} ${error.params.limit}${got}`;
    case 'minItems':
      return `expected a list of at least ${error.params.limit} item${error.params.limit === 1 ? '' : 's'}${got}`;
    case 'minLength':
      return 'expected a non-empty string';
    default:
      return `${error.message ?? 'does not match the schema'}${got}`;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
