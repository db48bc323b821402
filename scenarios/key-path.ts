// Key paths into a scenario: the schema speaks JSON pointers, users and
// `--set` speak dots; problems travel as a path and a message until placed.

export type KeyPath = readonly (string | number)[];

/** A problem at a key path, before it is placed at a line. */
export interface PathIssue {
  path: KeyPath;
  message: string;
}

export function formatKeyPath(path: KeyPath): string {
  return path.join('.');
}

export function fromJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function parseDottedPath(text: string): string[] {
  return text.split('.');
}

export function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));
}
