#!/usr/bin/env bash
# JMH benchmarks of the engine: filter evaluation per frame (with allocation, -prof gc) and compile time,
# plus the per-filter median compile latency over the suite's and the mail examples' filters.
#   scripts/bench-jmh.sh            (builds the bench module; takes a few minutes)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
mvn -q -B -DskipTests -pl bench -am package
jar=bench/target/dfq-benchmarks.jar
java -jar "$jar" EvalBenchmark -f 2 -wi 5 -i 10 -prof gc -rf text -rff /tmp/dfq-eval.txt | tail -40
java -jar "$jar" CompileBenchmark -f 1 -wi 5 -i 10 -rf text -rff /tmp/dfq-compile.txt | tail -20
# every suite filter (one per line) and the mail examples
python3 - "$repo" <<'PY' > /tmp/dfq-filters.txt
import json, sys, os
repo = sys.argv[1]
for l in open(os.path.join(repo, 'engine/src/test/resources/suite_dfilter/cases.jsonl')):
    r = json.loads(l)
    if '\n' not in r['filter'] and '\t' not in r['filter'] and '\r' not in r['filter']:
        print(r['filter'])
for l in open(os.path.join(repo, 'engine/src/test/resources/goldens/mail/filters.txt')):
    print(l.rstrip('\n'))
PY
java -cp "$jar" dev.dfq.bench.CompileLatency /tmp/dfq-filters.txt
