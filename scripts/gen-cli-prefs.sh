#!/usr/bin/env bash
# Regenerates the preference lists the CLI validates `-o NAME:VALUE` against, from Wireshark 4.6.9:
#   wireshark-4.6.9-prefs.tsv       NAME<TAB>DEFAULT from `tshark46 -G defaultprefs` (names and defaults only)
#   wireshark-4.6.9-port-prefs.txt  PROTO.tcp.port / PROTO.udp.port for protocols bound to a port (-G decodes)
# TLS is bound to tcp.port but takes no `tls.tcp.port` preference (tshark46 rejects it), so it is left out.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
tshark="${TSHARK46:-$shared/tools/tshark46}"
out="$repo/repl/src/main/resources/dev/dfq/cli"
"$tshark" -G defaultprefs | grep -E '^#?[A-Za-z0-9_.-]+:' | sed -E 's/^#//; s/: ?/\t/' | sort -u > "$out/wireshark-4.6.9-prefs.tsv"
zcat "$shared/reference/tshark-4.6.9-G-decodes.txt.gz" \
  | awk -F'\t' '($1=="tcp.port"||$1=="udp.port") && $3!="tls" {print $3"."$1}' | sort -u > "$out/wireshark-4.6.9-port-prefs.txt"
wc -l "$out"/wireshark-4.6.9-*
