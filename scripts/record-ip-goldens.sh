#!/usr/bin/env bash
# Records tshark 4.6.9 on the generated IP-layer captures (samples/ipfrag: IPv4/IPv6 fragments, IPv6
# extension headers, ICMP, ICMPv6) into repl/src/test/resources/iplayers/, for IpLayersGoldenTest:
#   CAP.txt / CAP.2.txt                 the default one-line output (-n; and with -2)
#   CAP.fields.tsv / CAP.2.fields.tsv   -T fields -E header=y -E occurrence=a with every field of fields.txt
#   CAP.filters.tsv                     filter<TAB>exit status<TAB>matching frames, for each line of filters.txt
# Needs ../shared/tools/tshark46; tests never run tshark.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/repl/src/test/resources/iplayers"
mapfile -t fields < <(grep -v '^$' "$out/fields.txt")
eargs=()
for f in "${fields[@]}"; do eargs+=(-e "$f"); done
for cap in "$repo"/samples/ipfrag/*.pcap; do
  b=$(basename "$cap")
  "$tshark" -n -r "$cap" > "$out/$b.txt"
  "$tshark" -n -2 -r "$cap" > "$out/$b.2.txt"
  "$tshark" -n -r "$cap" -T fields -E header=y -E occurrence=a "${eargs[@]}" > "$out/$b.fields.tsv"
  "$tshark" -n -2 -r "$cap" -T fields -E header=y -E occurrence=a "${eargs[@]}" > "$out/$b.2.fields.tsv"
  : > "$out/$b.filters.tsv"
  while IFS= read -r flt; do
    [ -z "$flt" ] && continue
    set +e
    frames=$("$tshark" -n -r "$cap" -Y "$flt" -T fields -e frame.number 2>/dev/null | paste -sd, -)
    status=$?
    set -e
    printf '%s\t%s\t%s\n' "$flt" "$status" "$frames" >> "$out/$b.filters.tsv"
  done < "$out/filters.txt"
done
ls "$out" | wc -l
