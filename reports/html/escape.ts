// Text into HTML, and data into a <script> element, without letting either
// end the element or open markup.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON for `<script type="application/json">`: `<` is written as \u003c so
 * no string in the data can close the element (`</script>`) or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Script source inlined in a page: `</script` anywhere in it would end the
 * element early (written `<\/script`, the same inside a string, regex or
 * comment), and `<!--` would switch the HTML parser's script state, so a
 * source holding it is refused rather than rewritten.
 */
export function scriptForInline(source: string): string {
  if (source.includes('<!--')) throw new Error('cannot inline a script that holds "<!--"');
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
