#!/usr/bin/env bash
# Records tshark 4.6.9's output under the lower-layer preferences dfq honours, for PrefsGoldenTest:
#   scripts/record-pref-goldens.sh        (needs ../shared/tools/tshark46)
# For each capture and each preference set, writes into repl/src/test/resources/prefs/:
#   <capture>.<set>.txt   tshark -n -r CAP <prefs>                     (the default text output)
#   <capture>.<set>.tsv   tshark -n -r CAP <prefs> -T fields -E header=y -e <fields below>
# The captures in samples/prefs come from scripts/make-tcpip-corners.py.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/repl/src/test/resources/prefs"
mkdir -p "$out"
declare -A sets=(
  [default]=""
  [checksums]="-o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE"
  [absolute]="-o tcp.relative_sequence_numbers:FALSE"
  [nodesegment]="-o tcp.desegment_tcp_streams:FALSE"
)
fields=(frame.number frame.protocols tcp.stream tcp.len ip.checksum ip.checksum_calculated ip.checksum.status ip.checksum_bad.expert
  tcp.seq tcp.ack tcp.nxtseq tcp.seq_raw tcp.ack_raw tcp.checksum tcp.checksum_calculated tcp.checksum.status
  tcp.checksum_bad.expert udp.checksum udp.checksum_calculated udp.checksum.status udp.checksum.zero udp.checksum.bad
  data.len smtp.req.command smtp.req.parameter smtp.command_line smtp.response smtp.response.code smtp.data.fragment smtp.data.reassembled.length
  imf.subject)
eargs=()
for f in "${fields[@]}"; do eargs+=(-e "$f"); done
printf '%s\n' "${fields[@]}" > "$out/fields.txt"
for cap in "$repo"/samples/prefs/*.pcap "$repo"/samples/corner/{s8_ooo,s13_longline,s14_splitlines,s16_escapes}.pcap \
    "$repo"/samples/smtp-lab.pcap; do
  base="$(basename "$cap")"
  for set in "${!sets[@]}"; do
    # shellcheck disable=SC2086
    "$tshark" -n -r "$cap" ${sets[$set]} > "$out/$base.$set.txt"
    # shellcheck disable=SC2086
    "$tshark" -n -r "$cap" ${sets[$set]} -T fields -E header=y "${eargs[@]}" > "$out/$base.$set.tsv"
  done
  echo "recorded $base"
done
