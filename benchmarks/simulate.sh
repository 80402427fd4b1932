#!/usr/bin/env bash
# Simulates one cloudist run at scale: the real planner and coordinator, simulated workers, an in-memory store
# with S3's latency per request. Prints planning time, the coordinator's CPU per task, heap, makespan against its
# lower bound, the test JVM starts of a reactor's run, and the S3 requests of the run with their cost (see
# docs/performance.md, "Scale simulation").
#
#   benchmarks/simulate.sh [--workers 1000] [--tests 100000] [--classes 10000] [--modules 1]
#                          [--tasks-per-worker 4] [--time-factor 0.1] [--jvm-start-seconds 1.5] [--seed 1]
#
# --modules spreads the classes over a reactor's modules of skewed sizes; a worker keeps 2 modules' test JVMs warm
# and a task of another module waits --jvm-start-seconds first. --time-factor is real time per simulated time: 0.1
# runs the simulated run ten times as fast (and makes the coordinator's CPU count ten times; use 1 on a busy
# machine). Needs no cloudist in the local repository: it compiles cloudist-core's test sources and runs
# io.cloudist.core.simulation.ScaleSimulation on their classpath. Extra Maven arguments can be passed in
# BENCH_MAVEN_ARGS; JVM options in SIM_JAVA_OPTS.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "${1:-}" in -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

cd "$root"
classpath="$root/cloudist-core/target/simulation.classpath"
# shellcheck disable=SC2086
mvn -B -q -pl cloudist-core ${BENCH_MAVEN_ARGS:-} test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec java ${SIM_JAVA_OPTS:--Xmx2g} \
  -cp "$root/cloudist-core/target/test-classes:$root/cloudist-core/target/classes:$(cat "$classpath")" \
  io.cloudist.core.simulation.ScaleSimulation "$@"
