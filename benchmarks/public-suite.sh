#!/usr/bin/env bash
# Runs a real project's unit tests under Surefire and under cloudist, and compares their wall time, reports and
# console output. The projects:
#   collections   Apache Commons Collections 4.4 (171 classes; JUnit 4 and 3, with EasyMock), the default
#   codec         Apache Commons Codec 1.17.1 (JUnit 5: parameterized tests, and tests that read their resources
#                 by file path under src/test/resources)
#   lang          Apache Commons Lang 3.14.0 (JUnit 5 with JUnit Pioneer, generated display names, an argLine from
#                 a profile the JDK activates, JMH benchmarks among the test sources)
#
#   benchmarks/public-suite.sh [--project collections|codec|lang] [--rounds R] [--workers W] [--offline] [--keep]
#
# Downloads the project's -sources.jar and -test-sources.jar from Maven Central once (cached in
# target/bench/public/download), each checked against the .sha1 file Central publishes next to it, and builds the
# project in target/bench/public/<artifact> from them and benchmarks/public/<artifact>/pom.xml (the real build
# without its parent; that POM lists every deviation). It compiles the project once, then times
# (wall clock), R rounds (default 3) of, interleaved:
#   mvn -B test                                       Surefire, as the project configures it (one fork)
#   mvn -B cloudist:test -Dcloudist.workers=W         cloudist, W local workers (default 2)
# After each round it compares cloudist's run with Surefire's of the same round (benchmarks/compare_reports.py):
# the (class, test, outcome) of every testcase in the TEST-*.xml reports, and the "Tests run:" console lines of
# each class and of the Results: block without their "Time elapsed". Each run's console log (mvn.log) and reports
# go to target/bench/public/runs/<surefire|cloudist>-<round>, each round's comparison to runs/compare-<round>.txt.
# At the end it prints each configuration's median wall time, its ratio to Surefire's, and whether the comparisons
# matched; cloudist's first round runs without a timing history (target/cloudist is deleted first) and is reported
# apart. Exits 1 if any comparison differed.
#
#   --offline   Maven runs with -o, and the jars must be in the download cache already
#   --keep      reuses the project tree (and its compiled classes) of the previous run instead of building it again
#
# cloudist:test needs cloudist installed in the local repository first (mvn -B install -DskipTests at the
# repository root). Extra Maven arguments can be passed in BENCH_MAVEN_ARGS, e.g.
# BENCH_MAVEN_ARGS=-Dmaven.repo.local=/some/repo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench/public"
download="$out/download"
runs="$out/runs"
central="https://repo.maven.apache.org/maven2"
which=collections
rounds=3
workers=2
offline=false
keep=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    --project) which="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --offline) offline=true; shift ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,32p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$workers" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] \
  || { echo "--workers and --rounds take a positive number" >&2; exit 2; }
# The project: its Maven Central directory, its artifactId and version, and its name.
case "$which" in
  collections)
    group_path=org/apache/commons; artifact=commons-collections4; release=4.4; title="Commons Collections 4.4" ;;
  codec) group_path=commons-codec; artifact=commons-codec; release=1.17.1; title="Commons Codec 1.17.1" ;;
  lang) group_path=org/apache/commons; artifact=commons-lang3; release=3.14.0; title="Commons Lang 3.14.0" ;;
  *) echo "unknown --project: $which (collections, codec or lang)" >&2; exit 2 ;;
esac
project="$out/$artifact"
artifact_url="$central/$group_path/$artifact/$release"
for tool in curl unzip sha1sum python3 mvn; do
  command -v "$tool" > /dev/null || { echo "$tool is needed and not on the PATH" >&2; exit 1; }
done

# cloudist's version and BENCH_MAVEN_ARGS; stops unless that version is installed.
source "$root/benchmarks/installed.sh"
maven_args=(-B -f "$project/pom.xml")
if $offline; then maven_args+=(-o); fi
maven_args+=("${extra_args[@]}")

# --- a. The published jars, downloaded once and checked every time against the .sha1 published with them.
sha1_of() { sha1sum "$1" | cut -d ' ' -f 1; }
fetch() {
  local name="$1" file="$download/$1" expected
  if [[ -f "$file" && -f "$file.sha1" && "$(sha1_of "$file")" == "$(cat "$file.sha1")" ]]; then
    return
  fi
  if $offline; then
    echo "$name is not in $download (or does not match its .sha1), and --offline was given" >&2
    exit 1
  fi
  mkdir -p "$download"
  echo "Downloading $artifact_url/$name ..."
  curl -fsSL --retry 3 -o "$file.part" "$artifact_url/$name" \
    || { echo "could not download $artifact_url/$name" >&2; exit 1; }
  # The .sha1 file holds the hash, sometimes followed by the file's name.
  expected="$(curl -fsSL --retry 3 "$artifact_url/$name.sha1" | awk 'NR == 1 { print tolower($1) }')" \
    || { echo "could not download $artifact_url/$name.sha1" >&2; exit 1; }
  [[ "$expected" =~ ^[0-9a-f]{40}$ ]] || { echo "$artifact_url/$name.sha1 holds no SHA-1: '$expected'" >&2; exit 1; }
  if [[ "$(sha1_of "$file.part")" != "$expected" ]]; then
    echo "SHA-1 MISMATCH for $name: downloaded $(sha1_of "$file.part"), Maven Central publishes $expected" >&2
    rm -f "$file.part"
    exit 1
  fi
  mv "$file.part" "$file"
  echo "$expected" > "$file.sha1"
  echo "  SHA-1 $expected matches $name.sha1"
}
fetch "$artifact-$release-sources.jar"
fetch "$artifact-$release-test-sources.jar"

# --- b. The project tree, laid out as in the real repository at that release.
# unpack JAR MAIN_OR_TEST: the package tree org/'s .java files (and the javadoc's .html, which the real
# repositories keep next to the sources) go to src/<main|test>/java; its other files (Commons Codec's Beider-Morse
# rules, its tests' .bin and .tar files) and everything else outside META-INF (Commons Collections' test data/ and
# properties/), which the tests read both by file path under src/test/resources and from the class path, to
# src/<main|test>/resources. Of META-INF, MANIFEST.MF and maven/ (the jar's own metadata) are dropped; LICENSE.txt
# and NOTICE.txt, which commons-parent's <resources> copies from the project root into META-INF and which are the
# same in both jars, go back to the project root.
unpack() {
  local jar="$1" scope="$2" stage="$out/unpack-$2" entry
  rm -rf "$stage"
  mkdir -p "$stage"
  unzip -q "$jar" -d "$stage"
  mv "$stage/META-INF/LICENSE.txt" "$stage/META-INF/NOTICE.txt" "$project/"
  rm -rf "$stage/META-INF/MANIFEST.MF" "$stage/META-INF/maven"
  rmdir "$stage/META-INF" || { echo "unexpected files in $jar's META-INF: see $stage/META-INF" >&2; exit 1; }
  for entry in "$stage"/*; do
    if [[ "$(basename "$entry")" == org ]]; then
      mkdir -p "$project/src/$scope/java"
      mv "$entry" "$project/src/$scope/java/"
      (cd "$project/src/$scope/java" && find org -type f ! -name '*.java' ! -name '*.html') | while read -r file; do
        mkdir -p "$project/src/$scope/resources/$(dirname "$file")"
        mv "$project/src/$scope/java/$file" "$project/src/$scope/resources/$file"
      done
    else
      mkdir -p "$project/src/$scope/resources"
      mv "$entry" "$project/src/$scope/resources/"
    fi
  done
  rmdir "$stage"
}
if $keep && [[ -d "$project/src" ]]; then
  echo "Reusing $project (--keep)"
else
  rm -rf "$project"
  mkdir -p "$project"
  unpack "$download/$artifact-$release-sources.jar" main
  unpack "$download/$artifact-$release-test-sources.jar" test
  # Commons Lang's test-sources jar also holds what JMH's annotation processor generated from its benchmarks, which
  # the real repository does not have and its build generates again.
  rm -rf "$project/src/test/java/org/apache/commons/lang3/jmh_generated"
fi
# The POM's copy runs the repository's own cloudist. It cannot come from -Dcloudist.version on the command line:
# cloudist rejects -Dcloudist.* properties that are not its parameters.
sed "s:<cloudist.version>[^<]*</cloudist.version>:<cloudist.version>$version</cloudist.version>:" \
  "$root/benchmarks/public/$artifact/pom.xml" > "$project/pom.xml"
grep -q "<cloudist.version>$version</cloudist.version>" "$project/pom.xml" \
  || { echo "could not set cloudist.version in $project/pom.xml" >&2; exit 1; }

# --- c. Compile once, then time the two configurations, interleaved, so that load on a shared machine hits them
# alike. Surefire runs as `mvn test` (what users type), cloudist as `mvn cloudist:test`, so both pay the same Maven
# start and lifecycle up to test-compile.
echo "Compiling the project once..."
mvn "${maven_args[@]}" -q test-compile > "$out/compile.log" 2>&1 \
  || { echo "test-compile failed: see target/bench/public/compile.log" >&2; exit 1; }
rm -rf "$runs"
names=(surefire cloudist)
declare -A commands=([surefire]="test" [cloudist]="cloudist:test -Dcloudist.workers=$workers")
declare -A times
declare -A exits
declare -A matched
for round in $(seq 1 "$rounds"); do
  for name in "${names[@]}"; do
    run="$runs/$name-$round"
    mkdir -p "$run"
    rm -rf "$project/target/surefire-reports"
    if [[ "$name" == cloudist ]] && (( round == 1 )); then
      rm -rf "$project/target/cloudist"   # the first round runs without a timing history
    fi
    echo "Round $round: mvn ${commands[$name]} ..."
    start=$(date +%s%N)
    status=0
    # shellcheck disable=SC2086
    mvn "${maven_args[@]}" ${commands[$name]} > "$run/mvn.log" 2>&1 || status=$?
    end=$(date +%s%N)
    times[$round,$name]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
    exits[$round,$name]=$status
    if [[ -d "$project/target/surefire-reports" ]]; then cp -r "$project/target/surefire-reports" "$run/"; fi
    # A failing test fails the build under both; that is still worth comparing. A run without reports is not.
    if ! compgen -G "$run/surefire-reports/TEST-*.xml" > /dev/null; then
      echo "$name failed without writing reports: see ${run#"$root/"}/mvn.log" >&2
      exit 1
    fi
    echo "  ${times[$round,$name]} s$( (( status == 0 )) || echo ", mvn exited with $status")"
  done
  # --- d. cloudist's reports and console lines against Surefire's of the same round.
  if python3 "$root/benchmarks/compare_reports.py" "$runs/surefire-$round" "$runs/cloudist-$round" \
      > "$runs/compare-$round.txt" 2>&1; then
    matched[$round]=yes
  else
    matched[$round]=no
  fi
  sed 's/^/  /' "$runs/compare-$round.txt"
done

# --- e. The table.
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { for r in $(seq "$2" "$3"); do echo "${times[$r,$1]}"; done | median; }
# Whether the comparisons of rounds $1..$2 all matched, else which rounds differed.
agreed() {
  local r differed=()
  for r in $(seq "$1" "$2"); do [[ "${matched[$r]}" == yes ]] || differed+=("$r"); done
  if (( ${#differed[@]} == 0 )); then echo "yes"; else echo "no (round $(IFS=,; echo "${differed[*]}"))"; fi
}
# Whether any run of configuration $1 in rounds $2..$3 exited non-zero (failing tests).
failed() { local r; for r in $(seq "$2" "$3"); do (( ${exits[$r,$1]} == 0 )) || { echo " (build failed)"; return; }; done; }
baseline=$(med surefire 1 "$rounds")
totals="$(grep -h -A 2 'Results:' "$runs/surefire-1/mvn.log" | sed -n 's/.*\(Tests run: [0-9]*\).*/\1/p' | head -n 1)"
{
  echo
  echo "$title (${totals:-tests run: n/a}): $(nproc) cores, $rounds round$( (( rounds == 1 )) || echo s), $workers workers;" \
    "$(java -version 2>&1 | head -n 1), $(mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([^ \x1b]*\).*/Maven \1/p')"
  fmt='%-46s %10s %13s %26s\n'
  printf "$fmt" "run" "wall (s)" "vs surefire" "reports and console match"
  printf "$fmt" "surefire (median)$(failed surefire 1 "$rounds")" "$baseline" "1.00x" "(reference)"
  row() { printf "$fmt" "$1" "$2" "$(awk -v t="$2" -v b="$baseline" 'BEGIN { printf "%.2fx", t / b }')" "$3"; }
  row "cloudist workers=$workers, no history (round 1)$(failed cloudist 1 1)" "${times[1,cloudist]}" "$(agreed 1 1)"
  if (( rounds > 1 )); then
    row "cloudist workers=$workers, with history (median)$(failed cloudist 2 "$rounds")" "$(med cloudist 2 "$rounds")" \
      "$(agreed 2 "$rounds")"
  fi
  echo
  echo "Logs, reports and comparisons: target/bench/public/runs"
} | tee "$out/results-$which.txt"
for r in $(seq 1 "$rounds"); do [[ "${matched[$r]}" == yes ]] || exit 1; done
