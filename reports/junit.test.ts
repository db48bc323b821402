import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderJunit } from './junit.js';
import type { BudgetResult } from './report.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

/**
 * A strict reader for the XML subset JUnit files use (declaration, elements,
 * attributes, whitespace between elements). It throws on anything not well
 * formed: unbalanced tags, unquoted or duplicate attributes, a raw `<` or a
 * stray `&` in a value, text outside the root.
 */
function readXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('raw < in attribute');
    return raw.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);|&/gi, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail('stray &');
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      return named[ref] ?? fail(`unknown entity &${ref};`);
    });
  };
  const NAME = /[A-Za-z_][\w.-]*/y;
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml) ?? fail('expected a name');
    i = NAME.lastIndex;
    return m[0];
  };
  const readElement = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: readName(), attributes: {}, children: [] };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      if (attr in el.attributes) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (xml[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('unquoted attribute');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute');
      el.attributes[attr] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      skipSpace();
      if (xml.startsWith('</', i)) {
        i += 2;
        if (readName() !== el.name) fail(`mismatched close of ${el.name}`);
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      el.children.push(readElement());
    }
  };
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) fail('no XML declaration');
  i = xml.indexOf('?>') + 2;
  skipSpace();
  const root = readElement();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

const results: BudgetResult[] = [
  { budget: 'serviceLevel >= 0.8', value: 0.83, pass: true },
  { budget: 'answerTime.p90 <= 60s', value: 71_000, pass: false, unit: 'ms' },
  { budget: 'engine.route.p99 < 200us', value: 150, pass: true, unit: 'us' },
];

describe('renderJunit', () => {
  it('writes one testcase per budget and a failure for each failed one', () => {
    const root = readXml(renderJunit(results, 'retail-peak'));
    expect(root.name).toBe('testsuites');
    const [suite] = root.children;
    expect(suite.attributes).toMatchObject({ name: 'retail-peak', tests: '3', failures: '1' });
    expect(suite.children.map((c) => c.attributes.name)).toEqual(results.map((r) => r.budget));
    const failed = suite.children.filter((c) => c.children.some((f) => f.name === 'failure'));
    expect(failed.map((c) => c.attributes.name)).toEqual(['answerTime.p90 <= 60s']);
    expect(failed[0].children[0].attributes.message).toContain('71000 ms');
  });

  it('writes an empty but well-formed suite when there are no budgets', () => {
    const root = readXml(renderJunit([], 'none'));
    expect(root.children[0]).toMatchObject({ attributes: { tests: '0', failures: '0' }, children: [] });
  });

  it('stays well formed and keeps every name for any budget text and suite name', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ budget: text, value: fc.double(), pass: fc.boolean() }), { maxLength: 5 }), text, (rs, suiteName) => {
        const root = readXml(renderJunit(rs, suiteName));
        const suite = root.children[0];
        // Characters XML cannot carry at all come back as U+FFFD; all else exactly.
        const carried = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
        expect(suite.attributes.name).toBe(carried(suiteName));
        expect(suite.children.map((c) => c.attributes.name)).toEqual(rs.map((r) => carried(r.budget)));
        expect(Number(suite.attributes.failures)).toBe(rs.filter((r) => !r.pass).length);
      }),
      { numRuns: 200 },
    );
  });

  it('escapes the characters that would break the XML', () => {
    const xml = renderJunit([{ budget: `a<b & "c" 'd' >`, value: 1, pass: false }], 's&<>');
    expect(xml).not.toMatch(/name="[^"]*[<&](?!amp;|lt;|gt;|quot;|apos;)/);
    expect(readXml(xml).children[0].children[0].attributes.name).toBe(`a<b & "c" 'd' >`);
  });
});
