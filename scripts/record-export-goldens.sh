#!/usr/bin/env bash
# Records what `tshark46 --export-objects imf,DIR` writes for the bundled mail captures: file names and
# SHA-256 of their bytes, into repl/src/test/resources/export-objects.tsv (capture<TAB>name<TAB>sha256).
# ExportObjectsTest runs dfq's export and compares. Needs ../shared/tools/tshark46 (or $TSHARK46).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/repl/src/test/resources/export-objects.tsv"
: > "$out"
for cap in smtp-lab.pcap corner/soc.pcap corner/s1_baseline.pcap corner/s15_two_msgs.pcap corner/s6_bdat.pcap; do
  dir="$(mktemp -d)"
  "$tshark" -r "$repo/samples/$cap" --export-objects "imf,$dir" -q >/dev/null
  (cd "$dir" && for f in *; do [ -f "$f" ] && printf '%s\t%s\t%s\n' "$cap" "$f" "$(sha256sum "$f" | cut -d' ' -f1)"; done) >> "$out"
  rm -rf "$dir"
done
wc -l "$out"
