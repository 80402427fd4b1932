#!/usr/bin/env bash
# Measures cloudist's per-task overhead against an S3 server: local workers, the store on s3proxy (in memory, on
# 127.0.0.1), the sleeping suite.
#
#   benchmarks/s3-overhead.sh [--workers N]      (default 8)
#
# Needs cloudist installed in the local repository first (mvn -B install -DskipTests at the repository root; extra
# Maven arguments, e.g. -Dmaven.repo.local=/some/repo, come from BENCH_MAVEN_ARGS). It starts s3proxy with
# benchmarks/S3ProxyServer.java on cloudist-aws's test classpath, runs `mvn cloudist:test` twice with
# -Dcloudist.store=s3://cloudist-bench/overhead (the first run uploads the classpath and has no timing history),
# and prints each run's per-task overhead from target/cloudist/run.json: for consecutive tasks on one worker, the
# next task's first test start minus the previous task's end (writing the result, reading the queued assignment,
# the test JVM starting the next request).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
project="$out/s3-overhead"
workers=8
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
read -r -a extra_args <<< "${BENCH_MAVEN_ARGS:-}"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
mkdir -p "$out"

echo "Resolving s3proxy's classpath (cloudist-aws's test scope)..."
mvn -B -o -q "${extra_args[@]}" -f "$root/cloudist-aws/pom.xml" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/s3proxy.classpath" > "$out/s3proxy-classpath.log" 2>&1 \
  || { echo "cannot resolve the classpath: see $out/s3proxy-classpath.log" >&2; exit 1; }

key=cloudist-bench-key
secret=cloudist-bench-secret
java -cp "$(cat "$out/s3proxy.classpath")" "$root/benchmarks/S3ProxyServer.java" cloudist-bench "$key" "$secret" \
  > "$out/s3proxy.log" 2>&1 &
proxy=$!
trap 'kill "$proxy" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$out/s3proxy.log")"
  [[ -n "$port" ]] && break
  kill -0 "$proxy" 2>/dev/null || { echo "s3proxy did not start: see $out/s3proxy.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "s3proxy did not start within 60 s: see $out/s3proxy.log" >&2; exit 1; }
echo "s3proxy on 127.0.0.1:$port"

rm -rf "$project"
java "$root/benchmarks/Generate.java" --out "$project" --suite sleep --cloudist-version "$version" > /dev/null
mvn -B -o "${extra_args[@]}" -f "$project/pom.xml" test-compile > "$out/s3-overhead-compile.log" 2>&1

for run in 1 2; do
  echo "Run $run: mvn cloudist:test -Dcloudist.workers=$workers -Dcloudist.store=s3://cloudist-bench/overhead ..."
  AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_REGION=us-east-1 \
    AWS_ENDPOINT_URL_S3="http://127.0.0.1:$port" \
    mvn -B -o "${extra_args[@]}" -f "$project/pom.xml" cloudist:test -Dcloudist.workers="$workers" \
    -Dcloudist.store=s3://cloudist-bench/overhead > "$out/s3-overhead-run-$run.log" 2>&1 \
    || { echo "run $run failed: see $out/s3-overhead-run-$run.log" >&2; exit 1; }
  grep -a "store traffic\|time spent" "$out/s3-overhead-run-$run.log" | sed 's/^\[INFO\] /  /'
  # run.json is one line per field; the overhead object holds samples, medianMillis and p90Millis.
  tr -d ' \n' < "$project/target/cloudist/run.json" | grep -o '"overhead":{[^}]*}' | sed 's/^/  /'
done
