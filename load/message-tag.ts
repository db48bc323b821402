// A chat message carries its load-test id at its end, as ` [msg abc]`, so
// the receiving side can find when it was scheduled and sent. Letters only:
// a tag never adds a digit a masking detector could join to a number.
const TAG = / \[msg ([a-z]+)\]$/;

export function tagText(text: string, id: number): string {
  return `${text} [msg ${lettersOf(id)}]`;
}

/** The id a tagged text carries, or -1. Survives masking: masks never touch letters-only tails. */
export function idOfText(text: string): number {
  const m = TAG.exec(text);
  return m === null ? -1 : numberOf(m[1]!);
}

/** Base 26 in letters: 0 -> a, 25 -> z, 26 -> ba ... */
function lettersOf(id: number): string {
  if (!(Number.isInteger(id) && id >= 0)) throw new RangeError(`message id must be a whole number >= 0, got ${id}`);
  let s = '';
  let n = id;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

function numberOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 97);
  return n;
}
