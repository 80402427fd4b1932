#!/usr/bin/env bash
# Measures cloudist:test against Surefire on a generated suite.
#
#   benchmarks/run.sh [--mode cpu|sleep|sleep-short] [--workers N] [--rounds R] [--local-workers thread,process]
#                     [--baseline-repo DIR] [--discovery-miss] [--no-surefire]
#   benchmarks/run.sh --all [--rounds R]     (the full benchmark: java benchmarks/Bench.java, see there)
#   benchmarks/run.sh --reactor [--mode sleep|cpu] [--workers N] [--rounds R]
#                                            (a 12-module reactor: benchmarks/reactor.sh, see its --help)
#   benchmarks/run.sh --coordinator-cpu [--workers 16,32] [--rounds R] [--config NAME=MAVEN_ARGS ...] [--surefire]
#                                            (the Maven JVM's own CPU during a local run's tests:
#                                             java benchmarks/CoordinatorCpu.java, see there)
#
# Generates the suite (Generate.java: cpu, 33 s; sleep, 358 s; sleep-short, 38 s with an 8 s class) into
# target/bench/project, compiles it once (each cloudist configuration gets a copy of its own, with its own timing
# history and discovery cache), then times (wall clock), R rounds (default 3) of, interleaved:
#   mvn -o test -DforkCount=1 and -DforkCount=2      (N <= 2), or mvn -o test -DforkCount=N (N > 2)
#   mvn -o cloudist:test -Dcloudist.workers=N        (N defaults to 2), once per --local-workers mode (default: thread)
#   the same with -Dmaven.repo.local=DIR             (--baseline-repo: another build of cloudist, e.g. an earlier one)
# and prints medians with their ratio to Surefire's forkCount=2 (N <= 2) or forkCount=N; cloudist's first round has
# no timing history. Each run's CPU time is printed too: Maven's JVM and every process it started and reaped (test
# JVMs, forks), user and system, from the shell's children's times; on a machine the suite keeps busy, the wall time
# cannot be below that CPU time divided by the cores. For each cloudist run it also prints, from
# benchmarks/Startup.java, where the start went: the agents' start to their first test JVM, that JVM's start to its
# first test, when the longest task's first test came, discovery and makespan. --discovery-miss deletes the discovery
# cache before every cloudist run (the timing history stays); --no-surefire times cloudist alone.
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
local_workers=thread
baseline_repo=""
discovery_miss=false
surefire=true

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
    --local-workers) local_workers="$2"; shift 2 ;;
    --baseline-repo) baseline_repo="$2"; shift 2 ;;
    --discovery-miss) discovery_miss=true; shift ;;
    --no-surefire) surefire=false; shift ;;
    -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
names=()
commands=()
cloudist=()
if $surefire; then
  forks=(1 2)
  if (( workers > 2 )); then forks=("$workers"); fi
  for f in "${forks[@]}"; do
    names+=("surefire forkCount=$f"); commands+=("test -DforkCount=$f"); cloudist+=(false)
  done
fi
baseline_index=0
IFS=',' read -r -a modes <<< "$local_workers"
for m in "${modes[@]}"; do
  names+=("cloudist workers=$workers $m")
  commands+=("cloudist:test -Dcloudist.workers=$workers -Dcloudist.localWorkers=$m")
  cloudist+=(true)
done
if [[ -n "$baseline_repo" ]]; then
  names+=("cloudist workers=$workers baseline")
  commands+=("cloudist:test -Dcloudist.workers=$workers -Dmaven.repo.local=$baseline_repo")
  cloudist+=(true)
fi
if $surefire && (( workers <= 2 )); then baseline_index=1; fi
count=${#names[@]}

# Each cloudist configuration runs in a copy of its own, which keeps its own timing history and discovery cache.
dir_of() { if ${cloudist[$1]}; then echo "$out/project-$1"; else echo "$project"; fi; }
for i in $(seq 0 $((count - 1))); do
  if ${cloudist[$i]}; then rm -rf "$(dir_of "$i")"; cp -r "$project" "$(dir_of "$i")"; fi
done
declare -A times
declare -A cpus
declare -A figures
# The CPU seconds, user and system, of this shell's children that have ended: mvn, and what it started and reaped.
children_cpu() {
  # fields 16 and 17 of /proc/<pid>/stat, counted after the command name, which may hold spaces; n/a without /proc
  if [[ -r "/proc/$$/stat" ]]; then
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($14 + $15) / hz }' "/proc/$$/stat"
  else
    printf 'n/a'
  fi
}
for round in $(seq 1 "$rounds"); do
  for i in $(seq 0 $((count - 1))); do
    dir="$(dir_of "$i")"
    rm -rf "$dir/target/surefire-reports"
    if ${cloudist[$i]} && (( round == 1 )); then
      rm -rf "$dir/target/cloudist"   # each cloudist configuration's first round runs without a timing history
    elif ${cloudist[$i]} && $discovery_miss; then
      rm -rf "$dir/target/cloudist/discovery"
    fi
    log="run-$round-$i.log"
    echo "Round $round: mvn ${commands[$i]} ..."
    cpu_before=$(children_cpu)
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    if ! mvn -B -o -f "$dir/pom.xml" "${extra_args[@]}" ${commands[$i]} > "$out/$log" 2>&1; then
      echo "${names[$i]} failed: see target/bench/$log" >&2
      exit 1
    fi
    end=$(date +%s%N)
    times[$round,$i]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
    cpus[$round,$i]=$(awk -v b="$cpu_before" -v a="$(children_cpu)" 'BEGIN { if (b == "n/a") print "n/a"; else printf "%.2f", a - b }')
    if ${cloudist[$i]}; then
      figures[$round,$i]=$(java "$root/benchmarks/Startup.java" "$dir" "$out/$log" || echo "")
      echo "  ${times[$round,$i]} s, CPU ${cpus[$round,$i]} s; ${figures[$round,$i]}"
    else
      echo "  ${times[$round,$i]} s, CPU ${cpus[$round,$i]} s"
    fi
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { for r in $(seq "$2" "$rounds"); do echo "${times[$r,$1]}"; done | median; }
cpu_med() { for r in $(seq "$2" "$rounds"); do echo "${cpus[$r,$1]}"; done | { grep -v n/a || true; } | median; }
# The median over rounds $2.. of one figure (key $3) of configuration $1.
fig() { for r in $(seq "$2" "$rounds"); do echo "${figures[$r,$1]:-}" | tr ' ' '\n' | sed -n "s/^$3=//p" | grep -v n/a || true; done | median; }
first_with_history=2
if (( rounds < 2 )); then first_with_history=1; fi
if ${cloudist[$baseline_index]}; then
  baseline=$(med "$baseline_index" "$first_with_history")   # without Surefire: the first cloudist configuration, with history
else
  baseline=$(med "$baseline_index" 1)
fi
{
  echo
  echo "Suite: $mode, $(nproc) cores, $rounds rounds, $workers workers$($discovery_miss && echo ', discovery cache deleted before each cloudist run')"
  printf '%-46s %10s %14s %9s %13s\n' "run" "wall (s)" "vs ${names[$baseline_index]#surefire }" "CPU (s)" "CPU/$(nproc) (s)"
  row() {
    printf '%-46s %10s %14s %9s %13s\n' "$1" "$2" "$(awk -v t="$2" -v b="$baseline" 'BEGIN { printf "%.2fx", t / b }')" \
      "$3" "$(awk -v c="$3" -v n="$(nproc)" 'BEGIN { if (c == "n/a") print "n/a"; else printf "%.2f", c / n }')"
  }
  for i in $(seq 0 $((count - 1))); do
    if ${cloudist[$i]}; then
      row "${names[$i]}, no history (round 1)" "${times[1,$i]}" "${cpus[1,$i]}"
      if (( rounds > 1 )); then row "${names[$i]}, with history (median)" "$(med "$i" 2)" "$(cpu_med "$i" 2)"; fi
    else
      row "${names[$i]} (median)" "$(med "$i" 1)" "$(cpu_med "$i" 1)"
    fi
  done
  echo
  echo "Where cloudist's start went, medians of rounds $first_with_history-$rounds (ms unless s):"
  fmt='%-34s %7s %7s %7s %7s %9s %9s %12s %9s %9s\n'
  printf "$fmt" "run" "agent" "agent" "slot" "slot" "JVM start" "JVM start" "longest task" "discovery" "makespan"
  printf "$fmt" "" "median" "max" "wait" "wait" "to test" "to test" "first test" "(s)" "(s)"
  printf "$fmt" "" "" "" "median" "max" "median" "max" "" "" ""
  for i in $(seq 0 $((count - 1))); do
    if ${cloudist[$i]}; then
      f=$first_with_history
      printf "$fmt" "${names[$i]}" "$(fig "$i" $f agentMedianMs)" "$(fig "$i" $f agentMaxMs)" \
        "$(fig "$i" $f slotWaitMedianMs)" "$(fig "$i" $f slotWaitMaxMs)" "$(fig "$i" $f firstTestMedianMs)" \
        "$(fig "$i" $f firstTestMaxMs)" "$(fig "$i" $f longestFirstTestMs)" "$(fig "$i" $f discoveryS)" \
        "$(fig "$i" $f makespanS)"
    fi
  done
} | tee "$out/results.txt"
