# Source this file to put the project's pinned Node first on PATH. The version is pinned in
# .ci/toolchain/package.json (the `node` package from the npm registry ships the binary) and is
# installed into .ci/toolchain/node_modules the first time.
_valise_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/toolchain
_valise_want=$(sed -n 's/.*"node": "\([0-9.]*\)".*/\1/p' "$_valise_dir/package.json")
if [ "$("$_valise_dir/node_modules/.bin/node" --version 2>/dev/null)" != "v$_valise_want" ]; then
  echo "== installing Node $_valise_want into .ci/toolchain/"
  (cd "$_valise_dir" && npm install --no-save --no-package-lock --no-fund --no-audit >/dev/null)
fi
export PATH="$_valise_dir/node_modules/.bin:$PATH"
echo "== node $(node --version), npm $(npm --version)"
unset _valise_dir _valise_want
