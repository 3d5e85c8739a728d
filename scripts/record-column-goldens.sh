#!/usr/bin/env bash
# Records tshark 4.6.9's column fields (_ws.col.*) for ColumnFieldsGoldenTest:
#   scripts/record-column-goldens.sh        (needs ../shared/tools/tshark46)
# Into repl/src/test/resources/columns/, for each capture:
#   <capture>.tsv     -n -T fields -E header=y -e <every _ws.col field>       (one pass)
#   <capture>.2.tsv   the same with -2
#   <capture>.filters.tsv   for each filter in filters.txt: filter<TAB>matching frame numbers
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/repl/src/test/resources/columns"
cols=(-e _ws.col.number -e _ws.col.cls_time -e _ws.col.def_src -e _ws.col.def_dst -e _ws.col.protocol
  -e _ws.col.packet_length -e _ws.col.info)
for cap in "$repo"/samples/smtp-lab.pcap "$repo"/samples/corner/{s1_baseline,s4_pipelining,s5_starttls,s11_null,s11_sll,soc}.pcap \
    "$repo"/samples/prefs/udp_checksums.pcap; do
  base="$(basename "$cap")"
  "$tshark" -n -r "$cap" -T fields -E header=y "${cols[@]}" > "$out/$base.tsv"
  "$tshark" -n -2 -r "$cap" -T fields -E header=y "${cols[@]}" > "$out/$base.2.tsv"
  : > "$out/$base.filters.tsv"
  while IFS= read -r f; do
    [ -z "$f" ] && continue
    frames="$("$tshark" -n -r "$cap" -Y "$f" -T fields -e frame.number | paste -sd, -)"
    printf '%s\t%s\n' "$f" "$frames" >> "$out/$base.filters.tsv"
  done < "$out/filters.txt"
  echo "recorded $base"
done
