#!/usr/bin/env bash
# Start-up of the Sum task through bin/preflyte-execute in this checkout and in another one (an
# earlier commit, built), interleaved run by run with a bare hello-world JVM, on OpenJDK 17 (CDS
# archive) and Temurin 25 (AOT cache), so a change is measured against its baseline under the same
# load. Each checkout runs with its own launcher, lib/ and start-up archive, as bench/execute-bench.sh
# lays them out in its bench/out (run that first in both).
#
#   git worktree add ../before <commit> && (cd ../before && mvn -B -q package -DskipTests \
#     && bench/execute-bench.sh 1)
#   bench/execute-bench.sh 1 && bench/compare-startup.sh ../before [runs]   (default 20 runs)
#
# Prints the medians of wall time, CPU time and peak RSS, and each one's ratio to the bare JVM.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "compare-startup: give the other checkout: bench/compare-startup.sh DIR [runs]" >&2
  exit 2
fi
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
other="$(cd -P "$1" && pwd)"
runs="${2:-20}"
for tree in "$root" "$other"; do
  if [ ! -d "$tree/bench/out/home/lib" ] || [ ! -f "$tree/bench/out/tasks/sum.jar" ]; then
    echo "compare-startup: $tree has no bench/out: build it and run bench/execute-bench.sh 1 there first" >&2
    exit 2
  fi
done
# shellcheck source=startup-common.sh
. "$root/bench/startup-common.sh"

out="$root/bench/out/compare"
rm -rf "$out" && mkdir -p "$out"
# shellcheck source=measure.sh
. "$root/bench/measure.sh"

# Sum on JDK $1 in checkout $2, measured into results-<jdk>-<$3>.
sum() {
  local tree="$2" work="$2/bench/out"
  rm -rf "$work/run"
  JAVA_HOME="$(jdk_home "$1")" PREFLYTE_HOME="$work/home" PREFLYTE_CLASSPATH="$work/tasks/sum.jar:$work/tasks/samples.jar" \
    measure "$out/results-$1-$3" "$tree/bin/preflyte-execute" --inputs "$work/fixture/inputs.pb" \
    --output-prefix "$work/run" "${execute_flags[@]}" -- "$work/fixture/task.pb" dev.preflyte.runtime.entrypoint.tasks.Sum
}

# Two warm-up rounds, not counted, then the measured ones.
for round in $(seq $((runs + 2))); do
  for jdk in 17 25; do
    sum "$jdk" "$other" other
    sum "$jdk" "$root" this
    measure "$out/results-$jdk-hello" "$(jdk_home "$jdk")/bin/java" "${hello_flags[@]}" -cp "$root/bench/out/hello" Hello
  done
  if [ "$round" = 2 ]; then rm -f "$out"/results-*; fi
done

echo "runs: $runs each, interleaved; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "this: $root ($(git -C "$root" rev-parse --short HEAD)); other: $other ($(git -C "$other" rev-parse --short HEAD))"
for jdk in 17 25; do
  report "JDK $jdk Sum, other checkout" "$out/results-$jdk-other"
  report "JDK $jdk Sum, this checkout" "$out/results-$jdk-this"
  report "JDK $jdk bare JVM (hello world)" "$out/results-$jdk-hello"
  ratio "Sum, other checkout:" "$out/results-$jdk-other" "$out/results-$jdk-hello"
  ratio "Sum, this checkout:" "$out/results-$jdk-this" "$out/results-$jdk-hello"
done
report_stderr
