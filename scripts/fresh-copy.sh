#!/usr/bin/env bash
# Makes a fresh copy of this checkout, as `git clone` then `npm ci` would leave it:
# the tracked files and the new, unignored ones (so uncommitted work is tested too),
# with no build, no .next and no generated assets. node_modules and the bundled
# sample are hard-linked from here rather than installed and generated again: they
# are the same bytes, and CI runs `npm ci` and the generator on the checkout itself.
#
#   scripts/fresh-copy.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:?usage: scripts/fresh-copy.sh DIR}"
rm -rf "$dest"
mkdir -p "$dest"
# --ignore-failed-read: a tracked file deleted in the work tree is simply not copied.
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$dest"
cp -al node_modules "$dest/node_modules"
if [ -f data/sample/sample.json ]; then
  mkdir -p "$dest/data"
  cp -al data/sample "$dest/data/sample"
fi
echo "fresh copy in $dest"
