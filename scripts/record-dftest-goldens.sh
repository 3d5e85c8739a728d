#!/bin/bash
# Records Wireshark 4.6.9 dftest output for a list of filters into one golden file.
#   scripts/record-dftest-goldens.sh FILTER_LIST [OUT]
# FILTER_LIST: one filter per line (blank lines and lines starting with "##" are skipped).
# OUT (default engine/src/test/resources/goldens/dftest/dftest.golden): for each filter
#   "=== FILTER" / the filter / "--- RC n" / dftest's stdout verbatim.
# DFTEST46 (env) is the reference binary; default ../shared/tools/dftest46 relative to the repo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
list=${1:?usage: $0 FILTER_LIST [OUT]}
out=${2:-$here/engine/src/test/resources/goldens/dftest/dftest.golden}
dftest=${DFTEST46:-$here/../shared/tools/dftest46}
[ -x "$dftest" ] || dftest=/work/shared/tools/dftest46
tmp=$(mktemp)
while IFS= read -r f || [ -n "$f" ]; do
  [ -z "$f" ] && continue
  case "$f" in "##"*) continue;; esac
  set +e
  res=$("$dftest" "$f"; echo "~rc=$?")
  set -e
  rc=${res##*~rc=}
  body=${res%~rc=*}
  printf '=== FILTER\n%s\n--- RC %s\n%s' "$f" "$rc" "$body" >> "$tmp"
done < "$list"
mv "$tmp" "$out"
echo "wrote $(grep -c '^=== FILTER$' "$out") goldens to $out"
