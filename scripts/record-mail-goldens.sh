#!/usr/bin/env bash
# Records tshark 4.6.9 field goldens for the mail dissector tests (fields module).
#
# For each capture in fields/src/test/resources/captures/mail/ it writes, into
# fields/src/test/resources/goldens/mail/:
#   NAME.fields.tsv      -T fields, every smtp.*, imf.*, mime_multipart.*, tls.record.* field, one pass
#   NAME.fields-2.tsv    the same with -2 (two-pass)
#   NAME.fields-dec.tsv  the same with -o smtp.decryption:TRUE
#   NAME.fields-nodata.tsv  the same with -o smtp.desegment_data:FALSE (corner and lab captures)
#   NAME.cols.tsv        frame.protocols, protocol and info columns (one pass)
# TSHARK46 names the tshark 4.6.9 binary; default ../shared/tools/tshark46 relative to the repo.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
caps="$repo/fields/src/test/resources/captures/mail"
out="$repo/fields/src/test/resources/goldens/mail"
mkdir -p "$out"

# Field list: every registered field of the mail protocols, in registry order.
"$tshark" -G fields 2>/dev/null \
  | awk -F'\t' '$1=="F" && $3 ~ /^(smtp|imf|mime_multipart|tls\.record)\./ {print $3}' \
  | awk '!seen[$0]++' > "$out/fields.list"

args=(-T fields -E header=y -E occurrence=a -e frame.number)
while read -r f; do args+=(-e "$f"); done < "$out/fields.list"

ls "$caps" | sed -n 's/\.pcap$//p' > "$out/captures.list"
for cap in "$caps"/*.pcap; do
  name="$(basename "$cap" .pcap)"
  "$tshark" -n -r "$cap" "${args[@]}" > "$out/$name.fields.tsv"
  "$tshark" -n -r "$cap" -2 "${args[@]}" > "$out/$name.fields-2.tsv"
  "$tshark" -n -r "$cap" -o smtp.decryption:TRUE "${args[@]}" > "$out/$name.fields-dec.tsv"
  case "$name" in s[0-9]*|soc|smtp-lab)
    "$tshark" -n -r "$cap" -o smtp.desegment_data:FALSE "${args[@]}" > "$out/$name.fields-nodata.tsv";;
  esac
  "$tshark" -n -r "$cap" -T fields -E header=y -e frame.number -e frame.protocols \
      -e _ws.col.protocol -e _ws.col.info > "$out/$name.cols.tsv"
done
echo "recorded $(ls "$caps"/*.pcap | wc -l) captures into $out"
