#!/usr/bin/env bash
# Measures cloudist:test against Surefire on a generated reactor of 12 modules (about 43 s of test time, skewed:
# ten short modules, two with one long class each of 9 s and 8 s).
#
#   benchmarks/run.sh --reactor [--mode sleep|cpu] [--workers N] [--rounds R]
#
# Generates the reactor with GenerateReactor.java into target/bench/reactor (sleeping tests by default), and the
# same into target/bench/reactor-cloudist-{by-module,reactor} so that each cloudist configuration keeps its own
# timing history and discovery cache, compiles each once, then times (wall clock), R rounds (default 3) of,
# interleaved:
#   mvn -o test                                                         Surefire, module after module
#   mvn -o -T N test                                                    Surefire, N modules at a time
#   mvn -o test -DforkCount=N                                           Surefire, N forks in each module
#   mvn -o cloudist:test -Dcloudist.workers=N -Dcloudist.reactor=false  cloudist, module by module
#   mvn -o cloudist:test -Dcloudist.workers=N                           cloudist, one run for the reactor
# (N defaults to 2) and prints medians with their ratio to the best Surefire median; cloudist's first round has no
# timing history and is reported apart. It also prints the lower bound of the test phase with N workers,
# max(longest class, test time / N), from the generated times, and the reactor-wide run's makespan from the
# reactor root's target/cloudist/run.json (n/a while that run still goes module by module).
#
# The first build is online (it compiles and resolves what Surefire and cloudist need at test time); the timed
# runs are offline. cloudist must be installed in the local repository first (mvn -B install -DskipTests at the
# repository root). Extra Maven arguments come from BENCH_MAVEN_ARGS, e.g. -Dmaven.repo.local=/some/repo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
mode=sleep
workers=2
rounds=3

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$mode" == sleep || "$mode" == cpu ]] || { echo "--mode is sleep or cpu" >&2; exit 2; }
[[ "$workers" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] \
  || { echo "--workers and --rounds take a positive number" >&2; exit 2; }

# cloudist's version and BENCH_MAVEN_ARGS; stops unless that version is installed.
source "$root/benchmarks/installed.sh"

# Surefire's configurations share target/bench/reactor; each cloudist configuration has its own copy.
surefire_dir="$out/reactor"
by_module_dir="$out/reactor-cloudist-by-module"
reactor_dir="$out/reactor-cloudist-reactor"
configs=("surefire" "surefire -T $workers" "surefire forkCount=$workers"
  "cloudist by module, workers=$workers" "cloudist reactor-wide, workers=$workers")
args_of() {
  case "$1" in
    0) echo "test" ;;
    1) echo "-T $workers test" ;;
    2) echo "test -DforkCount=$workers" ;;
    3) echo "cloudist:test -Dcloudist.workers=$workers -Dcloudist.reactor=false" ;;
    4) echo "cloudist:test -Dcloudist.workers=$workers" ;;
  esac
}
dir_of() {
  case "$1" in
    0|1|2) echo "$surefire_dir" ;;
    3) echo "$by_module_dir" ;;
    4) echo "$reactor_dir" ;;
  esac
}
mvn_online() {
  local dir="$1"; shift
  mvn -B -f "$dir/pom.xml" "${extra_args[@]}" "$@"
}
mvn_bench() {
  local dir="$1"; shift
  mvn -B -o -f "$dir/pom.xml" "${extra_args[@]}" "$@"
}

mkdir -p "$out"
rm -f "$out"/reactor-*.log
for dir in "$surefire_dir" "$by_module_dir" "$reactor_dir"; do
  rm -rf "$dir"
  java "$root/benchmarks/GenerateReactor.java" --out "$dir" --mode "$mode" --cloudist-version "$version" \
    >> "$out/reactor-generate.log"
done
head -n 1 "$out/reactor-generate.log"

# Online once: compile, and resolve what Surefire and cloudist resolve only when they run tests (Surefire's JUnit
# Platform provider, cloudist's launcher and worker), on one class of one module. Then the copies, offline: the
# compiler keeps each tree's absolute paths, so a copied tree would recompile in its first timed run.
echo "Compiling the reactor once (online), and one test class with Surefire and with cloudist..."
{
  mvn_online "$surefire_dir" test-compile \
    && mvn_online "$surefire_dir" -pl common test -Dtest=Check01Test \
    && mvn_online "$surefire_dir" -pl common cloudist:test -Dtest=Check01Test -Dcloudist.workers=1 \
    && mvn_bench "$by_module_dir" test-compile \
    && mvn_bench "$reactor_dir" test-compile
} > "$out/reactor-compile.log" 2>&1 || { echo "the first build failed: see $out/reactor-compile.log" >&2; exit 1; }
find "$surefire_dir" -path '*/target/cloudist' -prune -exec rm -rf {} +

# Each configuration runs once per round, interleaved, so that load on a shared machine hits them alike. Surefire
# runs as `mvn test` (what users type), so every configuration pays the same lifecycle up to test-compile.
declare -A times makespans bounds
for round in $(seq 1 "$rounds"); do
  for i in 0 1 2 3 4; do
    dir="$(dir_of "$i")"
    find "$dir" -path '*/target/surefire-reports' -prune -exec rm -rf {} +
    rm -f "$dir/target/cloudist/run.json"
    log="reactor-run-$round-$i.log"
    echo "Round $round: mvn $(args_of "$i") ..."
    start=$(date +%s%N)
    # shellcheck disable=SC2046
    if ! mvn_bench "$dir" $(args_of "$i") > "$out/$log" 2>&1; then
      echo "${configs[$i]} failed: see target/bench/$log" >&2
      exit 1
    fi
    end=$(date +%s%N)
    times[$round,$i]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
    # run.json is one line per field; its totals object holds makespanSeconds and lowerBoundSeconds.
    totals=""
    if [[ -f "$dir/target/cloudist/run.json" ]]; then
      totals="$(tr -d ' \n' < "$dir/target/cloudist/run.json" | grep -o '"totals":{[^}]*}' || true)"
    fi
    makespans[$round,$i]="$(sed -n 's/.*"makespanSeconds":\([0-9.Ee+-]*\).*/\1/p' <<< "$totals")"
    bounds[$round,$i]="$(sed -n 's/.*"lowerBoundSeconds":\([0-9.Ee+-]*\).*/\1/p' <<< "$totals")"
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# med CONFIG FIRST_ROUND [ARRAY]: the median of rounds FIRST_ROUND..R, skipping rounds with no value.
med() {
  local -n values="${3:-times}"
  for r in $(seq "$2" "$rounds"); do
    if [[ -n "${values[$r,$1]:-}" ]]; then echo "${values[$r,$1]}"; fi
  done | median
}
best=$(for i in 0 1 2; do med "$i" 1; done | sort -n | head -n 1)
for i in 0 1 2; do [[ "$(med "$i" 1)" == "$best" ]] && best_name="${configs[$i]}" && break; done
total=$(awk '{ s += $3 } END { printf "%.2f", s }' "$surefire_dir/test-times.tsv")
longest=$(awk '$3 > m { m = $3 } END { printf "%.2f", m }' "$surefire_dir/test-times.tsv")
classes=$(wc -l < "$surefire_dir/test-times.tsv")
bound=$(awk -v t="$total" -v l="$longest" -v w="$workers" 'BEGIN { b = t / w; if (l > b) b = l; printf "%.2f", b }')
{
  echo
  echo "Reactor: 12 modules, $classes classes, $total s of test time ($mode mode), longest class $longest s;" \
    "$(nproc) cores, $rounds round(s)"
  printf '%-58s %10s %18s\n' "run" "wall (s)" "vs best Surefire"
  row() { printf '%-58s %10s %18s\n' "$1" "$2" "$(awk -v t="$2" -v b="$best" 'BEGIN { printf "%.2fx", t / b }')"; }
  for i in 0 1 2; do row "${configs[$i]} (median)" "$(med "$i" 1)"; done
  for i in 3 4; do
    row "${configs[$i]}, no history (round 1)" "${times[1,$i]}"
    if (( rounds > 1 )); then
      row "${configs[$i]}, with history (median)" "$(med "$i" 2)"
    fi
  done
  echo "(best Surefire: $best_name)"
  echo
  echo "Lower bound of the test phase with $workers workers: max(longest class $longest s, $total s / $workers)" \
    "= $bound s"
  echo "Reactor-wide cloudist's makespan (target/cloudist/run.json at the reactor root: first task assigned to last" \
    "task finished):"
  makespan_row() {
    if [[ -z "$2" ]]; then
      printf '  %-36s      n/a (no run.json at the reactor root: the run went module by module)\n' "$1"
    else
      awk -v label="$1" -v m="$2" -v b="$bound" -v own="$3" \
        'BEGIN { printf "  %-36s %8.2f s, %.2f of the lower bound (%.2f s by run.json itself)\n", label, m, m / b, own }'
    fi
  }
  makespan_row "no history (round 1)" "${makespans[1,4]:-}" "${bounds[1,4]:-}"
  if (( rounds > 1 )); then
    makespan_row "with history (median)" "$(med 4 2 makespans)" "$(med 4 2 bounds)"
  fi
} | tee "$out/reactor-results.txt"
