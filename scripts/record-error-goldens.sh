#!/usr/bin/env bash
# Records tshark 4.6.9's verdict on every filter of
#   engine/src/test/resources/goldens/errors/filters.txt
# into
#   engine/src/test/resources/goldens/errors/errors.tsv
# (read by dev.dfq.engine.suite.ErrorGoldensTest).
#
# For each filter: tshark -n -r <bundled http.pcap> -Y FILTER, with TZ=UTC, LC_ALL=C.UTF-8 and a
# fresh HOME whose dmacros is the suite's test_dmacros (so macro filters behave as in the tests).
# Output columns (tab-separated, header row):
#   filter   the filter, verbatim (filters.txt lines contain no tab)
#   exit     tshark's exit status (0 valid, 4 invalid filter)
#   stderr   tshark's stderr lines, "tshark: " removed from the start of each line, joined
#            with "\n"; backslashes are doubled first, so "\\" is one backslash and "\n" a newline
#
# Usage: scripts/record-error-goldens.sh            (from anywhere inside the repository)
#        TSHARK46=/path/to/tshark scripts/record-error-goldens.sh
# If tshark runs in a chroot that sees the host's files under a prefix (the shared tshark46
# wrapper does: /host), HOME must carry that prefix: set TSHARK46_HOST_PREFIX (default: /host
# when $TSHARK46 is a script that chroots, empty otherwise). The script checks that the macros
# were loaded (the test_dmacros-only macro "nfs" must expand).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
TSHARK46=${TSHARK46:-../shared/tools/tshark46}
dir=engine/src/test/resources/goldens/errors
capture=engine/src/test/resources/suite_dfilter/captures/http.pcap
macros=engine/src/test/resources/suite_dfilter/test_dmacros

[ -x "$TSHARK46" ] || { echo "tshark not found or not executable: $TSHARK46 (set TSHARK46)" >&2; exit 2; }
version=$("$TSHARK46" -v | head -1)

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.config/wireshark"
cp "$macros" "$home/.config/wireshark/dmacros"
if [ -z "${TSHARK46_HOST_PREFIX+x}" ]; then
    if [ "$(head -c 2 "$TSHARK46")" = '#!' ] && grep -q chroot "$TSHARK46"; then
        TSHARK46_HOST_PREFIX=/host
    else
        TSHARK46_HOST_PREFIX=
    fi
fi
tshark_home=$TSHARK46_HOST_PREFIX$home
if ! HOME=$tshark_home "$TSHARK46" -n -r "$capture" -Y '${nfs} or not ${nfs}' >/dev/null 2>&1; then
    echo "tshark did not load $macros from HOME=$tshark_home (set TSHARK46_HOST_PREFIX)" >&2
    exit 2
fi

escape() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//$'\t'/\\t}
    s=${s//$'\r'/\\r}
    s=${s//$'\n'/\\n}
    printf '%s' "$s"
}

out=$dir/errors.tsv
tmp=$(mktemp)
{
    printf '# Recorded by scripts/record-error-goldens.sh with %s on %s\n' "$version" "$(basename "$capture")"
    printf 'filter\texit\tstderr\n'
    n=0
    while IFS= read -r filter || [ -n "$filter" ]; do
        case $filter in ''|'#'*) continue ;; esac
        set +e
        err=$(HOME=$tshark_home TZ=UTC LC_ALL=C.UTF-8 "$TSHARK46" -n -r "$capture" -Y "$filter" 2>&1 >/dev/null)
        rc=$?
        set -e
        # Drop the "tshark: " prefix of each line.
        err=$(printf '%s' "$err" | sed 's/^tshark: //')
        printf '%s\t%s\t%s\n' "$filter" "$rc" "$(escape "$err")"
        n=$((n + 1))
    done < "$dir/filters.txt"
    echo "recorded $n filters" >&2
} > "$tmp"
mv "$tmp" "$out"
chmod 644 "$out"
echo "wrote $out" >&2
