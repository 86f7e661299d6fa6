#!/usr/bin/env bash
# Proves the package build is reproducible: `make pkg` run on a copy of this tree in another directory, with its own
# cargo target directory, gives a pkg/ byte-identical to ours (every file: the .wasm, the JavaScript, the types, the
# SBOM), and the .wasm holds no path of this machine. Run after `make pkg`; see SECURITY.md "Verifying a package".
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/package.json ] || { echo "no pkg/: run make pkg first" >&2; exit 1; }
export CENTILE_GIT_COMMIT=${CENTILE_GIT_COMMIT:-$(git rev-parse HEAD)}

copy=$(mktemp -d "${TMPDIR:-/tmp}/centile-rebuild.XXXXXX")
trap 'rm -rf "$copy"' EXIT
git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - | tar -xf - -C "$copy"
ln -s "$PWD/node_modules" "$copy/node_modules"
make --no-print-directory -C "$copy" pkg >"$copy/build.log" 2>&1 || { cat "$copy/build.log" >&2; exit 1; }

if ! diff -r pkg "$copy/pkg" >&2; then
  echo "NOT reproducible: the package built in $copy differs from pkg/ (above)" >&2
  exit 1
fi
for dir in "$HOME" "$PWD" "$copy" "${CARGO_HOME:-$HOME/.cargo}"; do
  if grep -rqF --include='*.wasm' "$dir" pkg; then
    echo "the .wasm embeds the build machine's path $dir" >&2
    exit 1
  fi
done
echo "reproducible: $(find pkg -type f | wc -l) files identical when rebuilt in another directory;" \
  "web/centile_bg.wasm sha256 $(sha256sum pkg/web/centile_bg.wasm | cut -d' ' -f1)"
