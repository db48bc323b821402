// Strict frame validation shared by the agent and customer decoders: a frame
// is a JSON object with a known `type`, every required field of the right
// kind, no field the type does not name, and an optional `ref`.
import type { DecodedFrame, FrameRef } from './frames.js';

export type FieldKind = 'string' | 'nonEmptyString' | 'id' | 'boolean';

export interface FrameShape {
  required: Readonly<Record<string, FieldKind>>;
  optional?: Readonly<Record<string, FieldKind>>;
}

const MAX_REF_LENGTH = 128;

type Fields = Record<string, unknown>;
type Failure = Extract<DecodedFrame<never>, { ok: false }>;

/** Parses the text and checks `type` and `ref`; the caller picks the shape by type. */
export function parseFrame(text: string): { ok: true; type: string; fields: Fields; ref: FrameRef | undefined } | Failure {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('E_MALFORMED', 'the frame is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('E_MALFORMED', 'a frame is a JSON object');
  const fields = data as Fields;
  const ref = fields.ref;
  const goodRef = ref === undefined || (typeof ref === 'string' && ref.length <= MAX_REF_LENGTH) || (typeof ref === 'number' && Number.isFinite(ref));
  if (!goodRef) return fail('E_MALFORMED', `ref must be a string of at most ${MAX_REF_LENGTH} characters or a number`);
  const safeRef = ref as FrameRef | undefined;
  if (typeof fields.type !== 'string') return fail('E_MALFORMED', 'the frame has no string `type`', safeRef);
  return { ok: true, type: fields.type, fields, ref: safeRef };
}

/** Null when the fields fit the shape exactly (besides `type` and `ref`), else why not. */
export function shapeProblem(type: string, fields: Fields, shape: FrameShape): string | null {
  for (const [name, kind] of Object.entries(shape.required)) {
    if (!Object.hasOwn(fields, name)) return `${type} needs \`${name}\``;
    const problem = kindProblem(name, fields[name], kind);
    if (problem) return problem;
  }
  for (const name of Object.keys(fields)) {
    if (name === 'type' || name === 'ref' || Object.hasOwn(shape.required, name)) continue;
    const kind = shape.optional !== undefined && Object.hasOwn(shape.optional, name) ? shape.optional[name] : undefined;
    if (kind === undefined) return `${type} has no field \`${name}\``;
    if (fields[name] === undefined) continue;
    const problem = kindProblem(name, fields[name], kind);
    if (problem) return problem;
  }
  return null;
}

function kindProblem(name: string, value: unknown, kind: FieldKind): string | null {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? null : `\`${name}\` must be a string`;
    case 'nonEmptyString':
      return typeof value === 'string' && value.length > 0 ? null : `\`${name}\` must be a non-empty string`;
    case 'id':
      return Number.isSafeInteger(value) && (value as number) > 0 ? null : `\`${name}\` must be a positive whole number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `\`${name}\` must be true or false`;
  }
}

/** The `ref` of a frame refused before decoding (rate limit, shutdown), so the client can still match the answer. */
export function refOf(text: string): FrameRef | undefined {
  return parseFrame(text).ref;
}

export function fail(code: Failure['code'], message: string, ref?: FrameRef): Failure {
  return { ok: false, code, message, ref };
}
