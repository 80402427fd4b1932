#!/usr/bin/env bash
# Measures how long cloudist's test JVMs take from their spawn to their first test, against a baseline.
#
#   benchmarks/jvm-start.sh [--mode sleep|cpu|trivial] [--workers N] [--rounds R] [--baseline "MAVEN ARGS"]
#
# Generates the suite (Generate.java) once per configuration, into target/bench/jvm-start/<configuration>, and runs,
# interleaved, one warm-up round that is not counted (it writes each copy's timing history, discovery cache and
# class data archives, as a developer's earlier runs would have) and then R rounds (default 3) of:
#   cloudist   mvn -o cloudist:test -Dcloudist.workers=N                     (N defaults to 8)
#   baseline   the same with the --baseline Maven arguments added, e.g. another local repository that holds
#              another build of cloudist: --baseline "-Dmaven.repo.local=/tmp/repo-of-the-older-build"
# After each run it takes, from target/cloudist/run.json and the workers' directories (Startup.java), each worker's
# time from the spawn of its first test JVM to its first test; at the end it prints their medians per configuration,
# with each configuration's median wall time, makespan and test time (the sum of the tests' own times, which a flag
# that slowed the tests down would raise). Without --baseline only cloudist runs. Extra Maven arguments for every run
# go in BENCH_MAVEN_ARGS, e.g. BENCH_MAVEN_ARGS=-Dmaven.repo.local=/some/repo. Needs cloudist installed first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench/jvm-start"
mode=sleep
workers=8
rounds=3
baseline=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
read -r -a extra_args <<< "${BENCH_MAVEN_ARGS:-}"
configs=(cloudist)
if [[ -n "$baseline" ]]; then
  configs+=(baseline)
fi
args_of() {
  if [[ "$1" == baseline ]]; then
    echo "$baseline"
  fi
}

rm -rf "$out"
mkdir -p "$out"
samples="$out/samples.txt"
runs="$out/runs.txt"
for config in "${configs[@]}"; do
  java "$root/benchmarks/Generate.java" --out "$out/$config" --suite "$mode" --cloudist-version "$version" > /dev/null
  # shellcheck disable=SC2046
  mvn -B -o -f "$out/$config/pom.xml" "${extra_args[@]}" $(args_of "$config") test-compile > "$out/compile-$config.log" 2>&1 ||
    { echo "test-compile failed: see $out/compile-$config.log" >&2; exit 1; }
done

for round in $(seq 0 "$rounds"); do
  for config in "${configs[@]}"; do
    project="$out/$config"
    log="$out/run-$round-$config.log"
    if (( round == 0 )); then echo "Warm-up round (not counted): $config ..."; else echo "Round $round: $config ..."; fi
    start=$(date +%s%N)
    # shellcheck disable=SC2046
    if ! mvn -B -o -f "$project/pom.xml" "${extra_args[@]}" $(args_of "$config") cloudist:test \
        -Dcloudist.workers="$workers" > "$log" 2>&1; then
      echo "$config failed: see $log" >&2
      exit 1
    fi
    end=$(date +%s%N)
    if (( round > 0 )); then
      java "$root/benchmarks/Startup.java" sample "$config" "$project" "$samples" > /dev/null
      wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
      echo "$config $wall $(java "$root/benchmarks/Startup.java" totals "$project")" >> "$runs"
    fi
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
{
  echo
  echo "Suite: $mode, $workers local workers, $(nproc) cores, $rounds rounds after a warm-up round"
  echo "Spawn of each worker's first test JVM to its first test:"
  java "$root/benchmarks/Startup.java" summary "$samples"
  echo
  printf '%-28s %16s %16s %16s\n' "run" "wall (s)" "makespan (s)" "test time (s)"
  for config in "${configs[@]}"; do
    printf '%-28s %16s %16s %16s\n' "$config (median)" \
      "$(awk -v c="$config" '$1 == c { print $2 }' "$runs" | median)" \
      "$(awk -v c="$config" '$1 == c { print $3 }' "$runs" | median)" \
      "$(awk -v c="$config" '$1 == c { print $4 }' "$runs" | median)"
  done
} | tee "$out/results.txt"
