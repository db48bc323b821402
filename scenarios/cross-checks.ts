// Checks that span several keys, which the schema cannot express. They run on
// the raw data even when the schema found problems, checking only the parts
// that are well formed, so one run reports every mistake.
import { didYouMean } from './did-you-mean.js';
import type { KeyPath, PathIssue } from './key-path.js';
import { parseDurationMs } from './units.js';

type Raw = Record<string, unknown>;

const LIVECHAT_ONLY = ['customerEnds', 'proactive'] as const;

/** The report holds a row per interval: a typo like `interval: 30ms` should not make millions. */
export const MAX_INTERVALS = 100_000;

export function crossCheckIssues(data: unknown): PathIssue[] {
  if (!isRecord(data)) return [];
  const issues: PathIssue[] = [];
  const queueNames = uniqueNames(data.queues, 'queues', 'name', 'queue', issues);
  uniqueNames(data.agents, 'agents', 'group', 'agent group', issues);
  const known = new Set(queueNames);

  const checkQueue = (name: unknown, path: KeyPath): void => {
    if (typeof name === 'string' && !known.has(name)) {
      issues.push({ path, message: `unknown queue "${name}"${didYouMean(name, known)} (queues: ${[...known].join(', ')})` });
    }
  };
  entries(data.agents).forEach(([group, i]) => {
    if (Array.isArray(group.queues)) group.queues.forEach((name, j) => checkQueue(name, ['agents', i, 'queues', j]));
    checkPieceOrder(group.count, ['agents', i, 'count'], issues);
    checkShifts(group.shifts, ['agents', i, 'shifts'], issues);
  });
  entries(data.customers).forEach(([stream, i]) => {
    checkQueue(stream.queue, ['customers', i, 'queue']);
    checkLivechatOnly(stream, i, issues);
    checkPieceOrder(stream.arrivals, ['customers', i, 'arrivals'], issues);
    if (isRecord(stream.arrivals)) checkPositive(stream.arrivals.interval, ['customers', i, 'arrivals', 'interval'], issues);
  });
  checkTimes(data, issues);
  return issues;
}

function uniqueNames(list: unknown, key: string, field: string, what: string, issues: PathIssue[]): string[] {
  const firstIndex = new Map<string, number>();
  entries(list).forEach(([item, i]) => {
    const name = item[field];
    if (typeof name !== 'string') return;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, i);
    else issues.push({ path: [key, i, field], message: `duplicate ${what} name "${name}" (also ${key}.${first}.${field})` });
  });
  return [...firstIndex.keys()];
}

function checkLivechatOnly(stream: Raw, i: number, issues: PathIssue[]): void {
  if (typeof stream.channel !== 'string' || stream.channel === 'livechat') return;
  for (const key of LIVECHAT_ONLY) {
    const value = stream[key];
    if (typeof value === 'number' && value > 0) {
      issues.push({ path: ['customers', i, key], message: `livechat only: expected 0 (or no key) on channel ${stream.channel}, got ${value}` });
    }
  }
}

/** Pieces of a rate or of staffing: the first from 0, then in increasing order. */
function checkPieceOrder(pieces: unknown, path: KeyPath, issues: PathIssue[]): void {
  let previousMs = -Infinity;
  entries(pieces).forEach(([piece, j]) => {
    const from = parseDurationMs(piece.from);
    if (!from.ok) return;
    if (j === 0 && from.value !== 0) {
      issues.push({ path: [...path, 0, 'from'], message: `the first piece must start at 0 (got ${JSON.stringify(piece.from)})` });
    } else if (from.value <= previousMs) {
      issues.push({ path: [...path, j, 'from'], message: `pieces must be in increasing order of from (got ${JSON.stringify(piece.from)} after ${path.join('.')}.${j - 1})` });
    }
    previousMs = from.value;
  });
}

function checkShifts(shifts: unknown, path: KeyPath, issues: PathIssue[]): void {
  entries(shifts).forEach(([shift, j]) => {
    const start = parseDurationMs(shift.start);
    const end = parseDurationMs(shift.end);
    if (start.ok && end.ok && end.value <= start.value) {
      issues.push({ path: [...path, j, 'end'], message: `a shift must end after it starts (start ${JSON.stringify(shift.start)}, end ${JSON.stringify(shift.end)})` });
    }
  });
}

/** A well-formed duration of 0 is refused where only a positive one makes sense. */
function checkPositive(value: unknown, path: KeyPath, issues: PathIssue[]): void {
  const parsed = parseDurationMs(value);
  if (parsed.ok && parsed.value <= 0) issues.push({ path, message: `expected a duration above 0 (got ${JSON.stringify(value)})` });
}

function checkTimes(data: Raw, issues: PathIssue[]): void {
  if (data.interval !== undefined) checkPositive(data.interval, ['interval'], issues);
  const duration = parseDurationMs(data.duration);
  if (!duration.ok) return;
  if (duration.value <= 0) {
    issues.push({ path: ['duration'], message: 'expected a duration above 0' });
    return;
  }
  const interval = parseDurationMs(data.interval ?? '30m');
  if (interval.ok && interval.value > 0 && duration.value / interval.value > MAX_INTERVALS) {
    issues.push({ path: ['interval'], message: `expected at most ${MAX_INTERVALS} intervals in the duration (${String(data.duration)} / ${String(data.interval ?? '30m')} makes ${Math.ceil(duration.value / interval.value)})` });
  }
  const warmup = data.warmup === undefined ? { ok: true as const, value: 0 } : parseDurationMs(data.warmup);
  if (warmup.ok && warmup.value >= duration.value) {
    issues.push({ path: ['warmup'], message: `expected a warmup shorter than the duration (${String(data.duration)})` });
  }
}

/** The mapping entries of a list, with their indexes; nothing when it is not a list. */
function entries(list: unknown): [Raw, number][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [Raw, number][] => (isRecord(item) ? [[item, i]] : []));
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
