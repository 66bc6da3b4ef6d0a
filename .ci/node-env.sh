# Source this file to put the project's pinned Node (.node-version) first on PATH, installing it
# from the npm registry (the `node` package ships the binary) into .toolchain/ the first time.
_valise_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_valise_node=$(cat "$_valise_root/.node-version")
_valise_bin="$_valise_root/.toolchain/node_modules/.bin"
if [ "$("$_valise_bin/node" --version 2>/dev/null)" != "v$_valise_node" ]; then
  echo "== installing Node $_valise_node into .toolchain/"
  npm install --prefix "$_valise_root/.toolchain" --no-save --no-package-lock --no-fund --no-audit "node@$_valise_node" >/dev/null
fi
export PATH="$_valise_bin:$PATH"
echo "== node $(node --version), npm $(npm --version)"
unset _valise_root _valise_node _valise_bin
