// `--set path=value`: change the parsed YAML document before it is checked,
// so an override is validated exactly like the file (and a typo in its path
// is caught here, naming the override, rather than passing unnoticed).
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { didYouMean } from './did-you-mean.js';
import { parseDottedPath, type KeyPath } from './key-path.js';
import { scenarioSchema } from './schema-validate.js';

type SchemaNode = Record<string, any>;

export interface OverrideIssue {
  /** The override as given. */
  override: string;
  path: string;
  message: string;
}

export interface AppliedOverrides {
  /** Key paths set, in order, so later problems with their values can name the override. */
  applied: { override: string; path: KeyPath }[];
  issues: OverrideIssue[];
}

export function applySetOverrides(doc: Document, overrides: readonly string[]): AppliedOverrides {
  const result: AppliedOverrides = { applied: [], issues: [] };
  for (const override of overrides) {
    const issue = applyOne(doc, override);
    if (typeof issue === 'string') result.issues.push({ override, path: pathOf(override), message: issue });
    else result.applied.push({ override, path: issue });
  }
  return result;
}

function pathOf(override: string): string {
  const eq = override.indexOf('=');
  return eq < 0 ? override : override.slice(0, eq);
}

/** The path set, or what went wrong. */
function applyOne(doc: Document, override: string): KeyPath | string {
  const eq = override.indexOf('=');
  if (eq <= 0) return 'expected path=value, e.g. agents.0.count=70 or duration=2h';
  const path = parseDottedPath(override.slice(0, eq).trim());
  if (path.some((seg) => seg === '')) return 'the key path has an empty part';
  const schemaProblem = checkAgainstSchema(path);
  if (schemaProblem) return schemaProblem;

  const valueDoc = parseDocument(override.slice(eq + 1));
  if (valueDoc.errors.length > 0) return `the value is not valid YAML: ${valueDoc.errors[0].message.split('\n')[0]}`;
  const plain: unknown = valueDoc.toJS();
  const value = doc.createNode(plain);

  if (!isMap(doc.contents)) {
    if (doc.contents !== null) return 'the scenario file is not a mapping of keys';
    (doc as Document<Node>).contents = doc.createNode({});
  }
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    const here = path.slice(0, i).join('.') || 'the scenario';
    if (isMap(node)) {
      if (last) {
        // An empty value (or null, ~) removes the key, so a default or "absent" (patience: never abandons) applies.
        if (plain === null) node.delete(seg);
        else node.set(seg, value);
        return path;
      }
      let child = node.get(seg, true) as Node | undefined;
      if (child === undefined || child === null) {
        // Only a mapping is created on the way: a list entry that is not in the file has no sensible defaults.
        if (/^\d+$/.test(path[i + 1])) return `${path.slice(0, i + 1).join('.')} is not in the file, so it has no entry ${path[i + 1]}`;
        child = doc.createNode({});
        node.set(seg, child);
      }
      node = child;
    } else if (isSeq(node)) {
      const index = Number(seg);
      if (!Number.isInteger(index) || index >= node.items.length) {
        return `${here} has ${node.items.length} entr${node.items.length === 1 ? 'y' : 'ies'}; there is no entry ${seg}`;
      }
      if (last) {
        node.set(index, value);
        return path;
      }
      node = node.items[index];
    } else {
      return `${here} is not a mapping or a list in the file, so it has no key "${seg}"`;
    }
  }
  return path;
}

function checkAgainstSchema(path: readonly string[]): string | undefined {
  let schema: SchemaNode | undefined = scenarioSchema;
  for (let i = 0; i < path.length; i++) {
    schema = resolve(schema);
    const seg = path[i];
    const here = path.slice(0, i).join('.');
    // A key may take a list or a mapping (arrivals: pieces or a forecast): an entry number picks the list.
    if (schema?.items && (/^\d+$/.test(seg) || !schema.properties)) {
      if (!/^\d+$/.test(seg)) return `${here} is a list: expected an entry number, not "${seg}"`;
      schema = schema.items;
    } else if (schema?.properties) {
      const known = Object.keys(schema.properties);
      if (!(seg in schema.properties)) {
        return `no scenario key "${seg}"${here ? ` under ${here}` : ''}${didYouMean(seg, known)} (expected one of: ${known.join(', ')})`;
      }
      schema = schema.properties[seg];
    } else {
      return `${here} is a single value: it has no key "${seg}"`;
    }
  }
  return undefined;
}

function resolve(schema: SchemaNode | undefined): SchemaNode | undefined {
  const ref: unknown = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/definitions/', '');
  return resolve((scenarioSchema.definitions as Record<string, SchemaNode>)[name]);
}
