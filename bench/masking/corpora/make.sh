#!/usr/bin/env bash
# Rebuilds the scoring corpora from generators other than @faker-js/faker.
#   bash bench/masking/corpora/make.sh [python-faker|php-faker|ruby-faker|npm ...]   (default: all four)
# Needs Debian's packages (as root: apt-get update && apt-get install -y
# python3-fake-factory php-cli php-faker ruby ruby-faker) and the npm
# registry (make-npm.sh installs its generators into a scratch folder).
# Writes <name>.jsonl beside this script and records versions and counts in
# MANIFEST.json. Never run by npm test.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(python-faker php-faker ruby-faker npm)

need_deb() {
  for p in "$@"; do
    if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      echo "make.sh: Debian package $p is missing: apt-get update && apt-get install -y $*" >&2
      exit 1
    fi
  done
}
deb_version() { dpkg-query -W -f '${Version}' "$1"; }

record() { # name, versions JSON, compose stats file
  node -e '
    const fs = require("fs");
    const [file, name, versions, statsFile] = process.argv.slice(1);
    const manifest = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    manifest[name] = { versions: JSON.parse(versions), ...JSON.parse(fs.readFileSync(statsFile, "utf8").trim().split("\n").pop()) };
    const sorted = Object.fromEntries(Object.keys(manifest).sort().map((k) => [k, manifest[k]]));
    fs.writeFileSync(file, JSON.stringify(sorted, null, 2) + "\n");
  ' "$here/MANIFEST.json" "$1" "$2" "$3"
}

stats="$(mktemp)"
trap 'rm -f "$stats"' EXIT
for t in "${targets[@]}"; do
  echo "make.sh: $t" >&2
  case "$t" in
    python-faker)
      need_deb python3-fake-factory
      /usr/bin/python3 "$here/make-python-faker.py" 2>/dev/null | node "$here/compose.mjs" > "$here/python-faker.jsonl" 2> "$stats"
      record python-faker "{\"python3-fake-factory (Debian)\": \"$(deb_version python3-fake-factory)\", \"python3\": \"$(/usr/bin/python3 -c 'import platform; print(platform.python_version())')\"}" "$stats"
      ;;
    php-faker)
      need_deb php-cli php-faker
      php "$here/make-php-faker.php" 2>/dev/null | node "$here/compose.mjs" > "$here/php-faker.jsonl" 2> "$stats"
      record php-faker "{\"php-faker (Debian)\": \"$(deb_version php-faker)\", \"php\": \"$(php -r 'echo PHP_VERSION;')\"}" "$stats"
      ;;
    ruby-faker)
      need_deb ruby ruby-faker
      ruby "$here/make-ruby-faker.rb" | node "$here/compose.mjs" > "$here/ruby-faker.jsonl" 2> "$stats"
      record ruby-faker "{\"ruby-faker (Debian)\": \"$(deb_version ruby-faker)\", \"ruby\": \"$(ruby -e 'print RUBY_VERSION')\"}" "$stats"
      ;;
    npm)
      bash "$here/make-npm.sh" > "$here/npm.jsonl" 2> "$stats"
      record npm "$(head -n 1 "$stats")" "$stats"
      ;;
    *) echo "make.sh: unknown generator $t (python-faker, php-faker, ruby-faker, npm)" >&2; exit 2 ;;
  esac
done
wc -lc "$here"/*.jsonl >&2
