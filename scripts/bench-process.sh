#!/usr/bin/env bash
# Whole-process benchmark: dfq against tshark 4.6.9 on a large generated capture.
#   scripts/bench-process.sh [SIZE_MB] [FILTER]
# Makes big-SIZE.pcap (git-ignored) from the bundled lab capture with ../shared/tools/scale_pcap.py,
# warms the page cache, then runs each command 3 times under /usr/bin/time -v and prints the median
# wall time and peak RSS of each, as a Markdown table row for docs/benchmarks.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
size="${1:-1024}"
filter="${2:-tcp.port == 25 && tcp.len > 1000}"
tshark="${TSHARK46:-$shared/tools/tshark46}"
big="$repo/big-$size.pcap"
[ -f "$big" ] || python3 "$shared/tools/scale_pcap.py" "$repo/samples/smtp-lab.pcap" "$big" "$size" >&2
cat "$big" > /dev/null
"$repo/dfq" --version >/dev/null   # build outside the measurement

measure() { # label, command...
  local label="$1"; shift
  local walls=() rss=()
  for i in 1 2 3; do
    /usr/bin/time -v "$@" > /tmp/bench-out.$$ 2> /tmp/bench-time.$$ || true
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' /tmp/bench-time.$$ | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')")
    rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/bench-time.$$)")
  done
  local out; out="$(head -c 200 /tmp/bench-out.$$ | tr '\n' ' ')"
  local w; w="$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 2p)"
  local r; r="$(printf '%s\n' "${rss[@]}" | sort -g | sed -n 2p)"
  printf '| %s | %s s | %d MB | %s |\n' "$label" "$w" "$((r / 1024))" "$out"
  rm -f /tmp/bench-out.$$ /tmp/bench-time.$$
}
echo "capture: $(basename "$big"), $(du -mL "$big" | cut -f1) MB; filter: \`$filter\`"
echo "| command | median wall | median peak RSS | output |"
echo "|---|---|---|---|"
measure "dfq --count" "$repo/dfq" -r "$big" -Y "$filter" --count
measure "tshark 4.6.9" bash -c "\"$tshark\" -n -r \"$big\" -Y \"$filter\" | wc -l"
