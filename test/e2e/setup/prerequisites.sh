#!/usr/bin/env bash
# Installs the Debian packages the end-to-end suites need, when they are missing:
#   chromium     the browser playwright drives (the VS Code web workbench runs in it)
#   neovim       the second LSP client (0.7 or later: vim.lsp.start_client, vim.diagnostic)
#   libkrb5-dev  code-server's native kerberos module is compiled at install time
#   fonts-wqy-microhei  a CJK font, so the screenshots show the drafts rather than empty boxes
# A prerequisite that cannot be installed fails the run with its name: a skipped suite must
# never read as green.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)

if [ ${#need[@]} -gt 0 ]; then
  echo "e2e prerequisites: installing ${need[*]} with apt-get"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "e2e prerequisites: apt-get is not available; install ${need[*]} by hand" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || { echo "e2e prerequisites: apt-get update failed (needed for ${need[*]})" >&2; exit 1; }
  for package in "${need[@]}"; do
    apt-get install -y -qq "$package" >/dev/null \
      || { echo "e2e prerequisites: could not install Debian package '$package'" >&2; exit 1; }
  done
fi

command -v chromium >/dev/null 2>&1 || { echo "e2e prerequisites: chromium is missing after install" >&2; exit 1; }
command -v nvim >/dev/null 2>&1 || { echo "e2e prerequisites: neovim (nvim) is missing after install" >&2; exit 1; }

# Neovim 0.7 is the oldest client the documented configuration supports (nvim_create_autocmd).
nvim_version=$(nvim --version | head -1 | sed -E 's/^NVIM v([0-9]+\.[0-9]+).*/\1/')
if ! printf '%s\n' "0.7" "$nvim_version" | sort -V -C; then
  echo "e2e prerequisites: neovim $nvim_version is too old (need 0.7 or later)" >&2
  exit 1
fi
echo "e2e prerequisites: $(chromium --version 2>/dev/null | head -1), NVIM v$nvim_version"
