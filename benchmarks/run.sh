#!/usr/bin/env bash
# Measures cloudist:test against Surefire on a generated suite of ~33 s of test time.
#
#   benchmarks/run.sh [--mode cpu|sleep] [--workers N] [--rounds R]
#   benchmarks/run.sh --all [--rounds R]     (the full benchmark: java benchmarks/Bench.java, see there)
#   benchmarks/run.sh --reactor [--mode sleep|cpu] [--workers N] [--rounds R]
#                                            (a 12-module reactor: benchmarks/reactor.sh, see its --help)
#   benchmarks/run.sh --coordinator-cpu [--workers 16,32] [--rounds R] [--config NAME=MAVEN_ARGS ...]
#                                            (the Maven JVM's own CPU during a local run's tests:
#                                             java benchmarks/CoordinatorCpu.java, see there)
#
# Generates the suite into target/bench/project, compiles it once, then times (wall clock), R rounds (default 3)
# of, interleaved:
#   mvn -o test -DforkCount=1
#   mvn -o test -DforkCount=2
#   mvn -o cloudist:test -Dcloudist.workers=N     (N defaults to 2)
# and prints medians with their ratio to Surefire's forkCount=2; cloudist's first round has no timing history.
# cloudist:test needs cloudist installed in the local repository first (mvn -B install -DskipTests at the
# repository root). Extra Maven arguments can be passed in BENCH_MAVEN_ARGS, e.g.
# BENCH_MAVEN_ARGS=-Dmaven.repo.local=/some/repo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
project="$out/project"
mode=cpu
workers=2
rounds=3

if [[ "${1:-}" == "--all" ]]; then
  shift
  cd "$root"
  exec java benchmarks/Bench.java "$@"
fi
if [[ "${1:-}" == "--coordinator-cpu" ]]; then
  shift
  cd "$root"
  exec java benchmarks/CoordinatorCpu.java "$@"
fi
if [[ "${1:-}" == "--reactor" ]]; then
  shift
  exec "$root/benchmarks/reactor.sh" "$@"
fi

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

# The project's own version: the first <version> of the root POM, which has no parent.
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
read -r -a extra_args <<< "${BENCH_MAVEN_ARGS:-}"
mvn_bench() {
  mvn -B -o -f "$project/pom.xml" "${extra_args[@]}" "$@"
}

rm -rf "$project"
mkdir -p "$out"
java "$root/benchmarks/Generate.java" --out "$project" --suite "$mode" --cloudist-version "$version"
echo "Compiling the suite once..."
mvn_bench test-compile > "$out/compile.log" 2>&1 || { echo "test-compile failed: see $out/compile.log" >&2; exit 1; }

# Each configuration runs once per round, interleaved, so that load on a shared machine hits them alike.
# Surefire runs as `mvn test` (what users type), so both sides pay the same lifecycle up to test-compile.
configs=("surefire forkCount=1" "surefire forkCount=2" "cloudist workers=$workers")
args_of() {
  case "$1" in
    0) echo "test -DforkCount=1" ;;
    1) echo "test -DforkCount=2" ;;
    2) echo "cloudist:test -Dcloudist.workers=$workers" ;;
  esac
}
declare -A times
rm -rf "$project/target/cloudist"   # round 1 of cloudist runs without a timing history
for round in $(seq 1 "$rounds"); do
  for i in 0 1 2; do
    rm -rf "$project/target/surefire-reports"
    log="run-$round-$i.log"
    echo "Round $round: mvn $(args_of "$i") ..."
    start=$(date +%s%N)
    # shellcheck disable=SC2046
    if ! mvn_bench $(args_of "$i") > "$out/$log" 2>&1; then
      echo "${configs[$i]} failed: see target/bench/$log" >&2
      exit 1
    fi
    end=$(date +%s%N)
    times[$round,$i]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { for r in $(seq "$2" "$rounds"); do echo "${times[$r,$1]}"; done | median; }
baseline=$(med 1 1)
{
  echo
  echo "Suite: 40 classes, ~33 s of test time ($mode mode), $(nproc) cores, $rounds rounds"
  printf '%-36s %10s %16s\n' "run" "wall (s)" "vs forkCount=2"
  row() { printf '%-36s %10s %16s\n' "$1" "$2" "$(awk -v t="$2" -v b="$baseline" 'BEGIN { printf "%.2fx", t / b }')"; }
  row "surefire forkCount=1 (median)" "$(med 0 1)"
  row "surefire forkCount=2 (median)" "$baseline"
  row "cloudist workers=$workers, no history (round 1)" "${times[1,2]}"
  if (( rounds > 1 )); then
    row "cloudist workers=$workers, with history (median)" "$(med 2 2)"
  fi
  echo
  echo "Where cloudist's time went in the last round (from its log):"
  grep -ao 'cloudist: time spent: .*' "$out/run-$rounds-2.log" | sed 's/^/  /'
} | tee "$out/results.txt"
