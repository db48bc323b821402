#!/usr/bin/env bash
# The npm generators' corpus on stdout: installs chance, @ngneat/falso and
# casual (pinned) into a scratch folder that is removed afterwards — never
# into the project's dependencies — and composes their values. The first
# stderr line is the versions as JSON, the last the compose counts.
#   bash bench/masking/corpora/make-npm.sh > bench/masking/corpora/npm.jsonl
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
PACKAGES=(chance@1.1.13 @ngneat/falso@8.0.2 casual@1.6.2)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts --silent "${PACKAGES[@]}" >/dev/null)
node -e '
  const { createRequire } = require("module");
  const r = createRequire(process.argv[1] + "/package.json");
  const v = (p) => r(p + "/package.json").version;
  console.error(JSON.stringify({ chance: v("chance"), "@ngneat/falso": v("@ngneat/falso"), casual: v("casual"), node: process.version }));
' "$scratch"
TZ=UTC node "$here/make-npm.mjs" "$scratch" | node "$here/compose.mjs"
