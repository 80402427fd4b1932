#!/usr/bin/env bash
# Measures cloudist:test against Surefire on a generated suite of ~24 s of test time.
#
#   benchmarks/run.sh [--mode cpu|sleep] [--workers N]
#
# Generates the suite into target/bench/project, compiles it once, then times (wall clock, one run each):
#   mvn -o -q surefire:test -DforkCount=1
#   mvn -o -q surefire:test -DforkCount=2
#   mvn -o -q cloudist:test -Dcloudist.workers=N     (N defaults to 2)
# and prints a table with each time's ratio to Surefire's forkCount=2. cloudist:test needs cloudist installed in
# the local repository first (mvn -B install -DskipTests at the repository root). Extra Maven arguments can be
# passed in BENCH_MAVEN_ARGS, e.g. BENCH_MAVEN_ARGS=-Dmaven.repo.local=/some/repo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
project="$out/project"
mode=cpu
workers=2

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

# The project's own version: the first <version> of the root POM, which has no parent.
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
read -r -a extra_args <<< "${BENCH_MAVEN_ARGS:-}"
mvn_bench() {
  mvn -B -o -q -f "$project/pom.xml" "${extra_args[@]}" "$@"
}

rm -rf "$project"
mkdir -p "$out"
java "$root/benchmarks/Generate.java" --out "$project" --mode "$mode" --cloudist-version "$version"
echo "Compiling the suite once..."
mvn_bench test-compile > "$out/compile.log" 2>&1 || { echo "test-compile failed: see $out/compile.log" >&2; exit 1; }

labels=()
seconds=()
statuses=()

# measure LABEL LOG ARGS... : runs mvn with ARGS, records its wall time and whether it succeeded.
measure() {
  local label="$1" log="$2"
  shift 2
  rm -rf "$project/target/surefire-reports"
  echo "Running: mvn $* ..."
  local start end status=ok
  start=$(date +%s%N)
  mvn_bench "$@" > "$out/$log" 2>&1 || status="failed (see target/bench/$log)"
  end=$(date +%s%N)
  labels+=("$label")
  seconds+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')")
  statuses+=("$status")
}

measure "surefire forkCount=1" surefire-fork1.log surefire:test -DforkCount=1
measure "surefire forkCount=2" surefire-fork2.log surefire:test -DforkCount=2
measure "cloudist workers=$workers" cloudist.log cloudist:test -Dcloudist.workers="$workers"

baseline="${seconds[1]}"
{
  echo
  echo "Suite: 40 classes, ~23.5 s of test time ($mode mode), $(nproc) cores"
  printf '%-24s %10s %16s  %s\n' "run" "wall (s)" "vs forkCount=2" "status"
  for i in "${!labels[@]}"; do
    ratio=n/a
    if [[ "${statuses[$i]}" == ok && "${statuses[1]}" == ok ]]; then
      ratio=$(awk -v t="${seconds[$i]}" -v b="$baseline" 'BEGIN { printf "%.2fx", t / b }')
    fi
    printf '%-24s %10s %16s  %s\n' "${labels[$i]}" "${seconds[$i]}" "$ratio" "${statuses[$i]}"
  done
} | tee "$out/results.txt"
