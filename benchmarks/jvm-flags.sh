#!/usr/bin/env bash
# Measures JVM options for cloudist's test JVMs: what they do to a test JVM's start and to a long CPU-bound test.
#
#   benchmarks/jvm-flags.sh [--rounds R] [LABEL=OPTIONS ...]
#
# Generates the trivial suite into target/bench/jvm-flags, compiles it, and runs cloudist:test on it with one worker
# twice: the first run writes the test JVMs' class data archive, the second maps it. Then JvmFlags.java starts that
# second run's test JVM again (its argument file, as the worker did) with each option set, R times (default 15),
# interleaved, and sends it a request for one test; and runs a fixed amount of CPU-bound work in a JVM with each
# option set. It prints, per option set, the medians of the spawn-to-first-test time, the start's CPU and the work's
# CPU, with their ratio to the first set's. Default option sets:
#   default=                                  the test JVM as cloudist starts it
#   no-archive=-Xshare:auto                   without cloudist's class data archive
#   c1=-XX:TieredStopAtLevel=1                C1 only
#   serial=-XX:+UseSerialGC
#   no-perf-data=-XX:-UsePerfData
# Extra Maven arguments go in BENCH_MAVEN_ARGS. Needs cloudist installed first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench/jvm-flags"
rounds=15
sets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *=*) sets+=("$1"); shift ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
if [[ ${#sets[@]} -eq 0 ]]; then
  sets=("default=" "no-archive=-Xshare:auto" "c1=-XX:TieredStopAtLevel=1" "serial=-XX:+UseSerialGC"
        "no-perf-data=-XX:-UsePerfData")
fi

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
read -r -a extra_args <<< "${BENCH_MAVEN_ARGS:-}"
rm -rf "$out"
mkdir -p "$out"
java "$root/benchmarks/Generate.java" --out "$out/project" --suite trivial --cloudist-version "$version" > /dev/null
for run in 1 2; do
  mvn -B -o -f "$out/project/pom.xml" "${extra_args[@]}" cloudist:test -Dcloudist.workers=1 > "$out/run-$run.log" 2>&1 ||
    { echo "cloudist:test failed: see $out/run-$run.log" >&2; exit 1; }
done
args_file="$(ls "$out"/project/target/cloudist/workers/w0/run-*/jvm/jvm-1.args)"
cp "$args_file" "$out/jvm.args"
echo "uniqueId [engine:junit-jupiter]/[class:io.cloudist.bench.Noop001Test]/[method:task1()]" > "$out/request.txt"
grep -q SharedArchiveFile "$out/jvm.args" || echo "warning: the test JVM did not map a class data archive" >&2

cd "$root"
java benchmarks/JvmFlags.java "$out/jvm.args" "$out/request.txt" "$rounds" "${sets[@]}" | tee "$out/results.txt"
