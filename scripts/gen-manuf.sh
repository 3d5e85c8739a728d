#!/bin/sh
# Regenerates fields/src/main/resources/dev/dfq/fields/manuf.tsv.gz, the 24-bit OUIs and their
# manufacturers' long names that Wireshark 4.6.9 shows as eth.*.oui_resolved even under -n.
# The source is tshark's own table (`tshark -G manuf`); MA-M and MA-S blocks (/28, /36) are left
# out because eth.*.oui_resolved names the 24-bit OUI only.
# Usage: scripts/gen-manuf.sh [TSHARK]   (default: ../shared/tools/tshark46 relative to the repo)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
tshark=${1:-$repo/../shared/tools/tshark46}
"$tshark" -G manuf | awk -F'\t' '$1 !~ /\// {
    oui = $1; gsub(/[: ]/, "", oui); print toupper(oui) "\t" $3 }' \
    | gzip -9n > "$repo/fields/src/main/resources/dev/dfq/fields/manuf.tsv.gz"
