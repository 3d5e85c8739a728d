#!/usr/bin/env bash
# Regenerates the name-resolution tables bundled with dfq (fields/src/main/resources/dev/dfq/fields/resolve/):
#   manuf.tsv.gz     MAC vendor prefixes: MA-L (24-bit OUI), MA-M (/28) and MA-S (/36), from `tshark -G manuf`
#   wka.tsv          Wireshark's well-known MAC addresses and ranges (its data file "wka")
#   services.tsv.gz  port names, `tshark -G services` as it prints it (name, port, protocol, description)
# The wka file sits in tshark's "Global configuration" folder (`tshark -G folders`); give it as WKA=FILE
# when that folder is not where this script can read it (a chroot: WS_ORACLE_ROOT=DIR prefixes it).
# Usage: scripts/gen-names.sh        (TSHARK46=... overrides the reference tshark)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tshark="${TSHARK46:-$repo/../shared/tools/tshark46}"
out="$repo/fields/src/main/resources/dev/dfq/fields/resolve"
mkdir -p "$out"
if [ -z "${WKA:-}" ]; then
  global="$("$tshark" -G folders | awk -F'\t' '/^Global configuration:/ {print $2}')"
  WKA="${WS_ORACLE_ROOT:-}$global/wka"
fi
[ -f "$WKA" ] || { echo "gen-names: no wka file at $WKA (set WKA=FILE, or WS_ORACLE_ROOT=DIR when tshark runs in a chroot)" >&2; exit 2; }

# manuf: "00:1B:C5:00:10/36<TAB>short (padded to 12)<TAB>long" -> "001BC5001<TAB>36<TAB>short<TAB>long"
"$tshark" -G manuf | python3 -c '
import sys
for line in sys.stdin:
    block, short, long = line.rstrip("\n").split("\t")
    block = block.strip()
    bits = 24
    if "/" in block:
        block, bits = block.split("/")
        bits = int(bits)
    digits = block.replace(":", "")[: bits // 4]
    print("%s\t%d\t%s\t%s" % (digits, bits, short.rstrip(" "), long))
' | gzip -9n > "$out/manuf.tsv.gz"

# wka: as Wireshark reads it (addr_resolv.c parse_ether_line): an address of 3 to 6 bytes separated by
# ":", "-" or ".", an optional "/bits", a name, and after a tab an optional long name. Six bytes without
# bits are one address (48), three bytes without bits a vendor prefix (0).
python3 - "$WKA" > "$out/wka.tsv" <<'PY'
import re, sys
for raw in open(sys.argv[1], encoding="utf-8"):
    line = raw.split("#", 1)[0].strip()
    if not line:
        continue
    m = re.match(r"([0-9A-Fa-f]{2}(?:[-:.][0-9A-Fa-f]{2})*)(?:/(\d+))?[ \t]+(\S+)(?:[ \t]\t*([^\t]*))?", line)
    if not m:
        continue
    octets = re.split(r"[-:.]", m.group(1))
    bits = int(m.group(2)) if m.group(2) else (48 if len(octets) == 6 else 0)
    if m.group(2) is None and len(octets) not in (3, 6):
        continue
    name = m.group(3)
    longname = (m.group(4) or "").strip() or name
    print("%s\t%d\t%s\t%s" % ("".join(octets + ["00"] * (6 - len(octets))).upper(), bits, name, longname))
PY

# services: kept whole ("name<TAB>port<TAB>proto<TAB>description", ascending ports), for -G services too
"$tshark" -G services | gzip -9n > "$out/services.tsv.gz"
wc -l "$out/wka.tsv"; ls -l "$out"
