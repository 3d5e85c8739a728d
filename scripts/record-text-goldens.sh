#!/usr/bin/env bash
# Records tshark 4.6.9's default one-line output (-n) for the bundled captures, and the -t time formats on
# the lab capture, into repl/src/test/resources/text/ (read by TextOutputTest). Needs ../shared/tools/tshark46.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/repl/src/test/resources/text"
mkdir -p "$out"
for cap in "$repo"/samples/smtp-lab.pcap "$repo"/samples/corner/*.pcap "$repo"/samples/vlan/*.pcap; do
  "$tshark" -n -r "$cap" > "$out/$(basename "$cap").txt"
done
for t in a ad adoy d dd e r u ud udoy; do
  "$tshark" -n -t "$t" -r "$repo/samples/smtp-lab.pcap" -c 60 -Y 'frame.number != 2' > "$out/smtp-lab.pcap.t-$t.txt"
done
ls "$out" | wc -l
