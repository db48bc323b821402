// The skeleton every cctwin page shares (run report, load report, live
// dashboard): one self-contained document, its CSP, its style, Chart.js
// inlined, the page's own data and script. Each page brings only its body.
import { chartLibrarySource } from './chart-library.js';
import { escapeHtml, jsonForScript, scriptForInline } from './escape.js';

export interface PageParts {
  title: string;
  /** The Content-Security-Policy: a report page fetches nothing, the dashboard talks to its own server. */
  csp: string;
  style: string;
  /** The line under the title, already HTML. */
  sub: string;
  /** Everything between the title and the scripts, already HTML. */
  body: string;
  /** Embedded as `<script type="application/json" id="cctwin-data">` for the page's script to read. */
  data?: unknown;
  /** The page's own script, run after Chart.js. */
  script: string;
}

export function renderPage(p: PageParts): string {
  const data = p.data === undefined ? '' : `<script type="application/json" id="cctwin-data">${jsonForScript(p.data)}</script>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${p.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>${p.style}</style>
</head>
<body>
<h1>${escapeHtml(p.title)}</h1>
<p class="sub">${p.sub}</p>
${p.body}
${data}<script>${scriptForInline(chartLibrarySource())}</script>
<script>${scriptForInline(p.script)}</script>
</body>
</html>
`;
}
