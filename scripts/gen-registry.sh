#!/bin/sh
# Regenerates the bundled field registry (fields/src/main/resources/dev/dfq/fields/{fields,names,values}.bin)
# from tshark 4.6.9's registry dumps (tshark-4.6.9-G-{fields,values}.txt.gz).
# Usage: scripts/gen-registry.sh [REFERENCE_DIR]   (default: ../shared/reference relative to the repo)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-$repo/../shared/reference}
[ -f "$ref/tshark-4.6.9-G-fields.txt.gz" ] || { echo "gen-registry: no tshark-4.6.9-G-fields.txt.gz in $ref" >&2; exit 2; }
cd "$repo"
mvn -q -B -o -pl fields test-compile
java -Xmx2g -cp fields/target/test-classes:fields/target/classes dev.dfq.fields.RegistryGenerator \
    "$ref" fields/src/main/resources/dev/dfq/fields scripts/registry
