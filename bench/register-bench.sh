#!/usr/bin/env bash
# Benchmark of `preflyte package` and `preflyte register` for 200 declared tasks, next to a bare
# `preflyte --version` (the same launcher, JVM and class path, no work) in the same run.
#
#   bench/register-bench.sh [runs]       (default 7 runs of each; needs everything packaged:
#                                         mvn -B package -DskipTests, which also builds the
#                                         register module's test classes the stand-in needs)
#
# It compiles one class declaring 200 WordStats tasks (the samples' task type, each with its own
# configuration) with the annotation processor, starts the FlyteAdmin stand-in of the register
# module's tests on loopback, then runs, interleaved:
#   bin/preflyte --version
#   bin/preflyte package --output tasks.tgz --project bench --domain development --version vN
#   bin/preflyte register --endpoint 127.0.0.1:PORT --insecure --project bench --domain development --version vN
# (a new version per run, so every run registers 200 new tasks). Prints the medians of wall time
# (bash clock), CPU time and peak RSS (GNU time) and the ratios to --version.
set -euo pipefail

runs="${1:-7}"
tasks=200
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/register"
dist="$root/launcher/target/preflyte"
sample_classes="$root/samples/target/classes"
register_tests="$root/register/target/test-classes"
processor_jar="$(ls "$root"/processor/target/preflyte-processor-*.jar 2>/dev/null | head -1 || true)"
annotations_jar="$(ls "$root"/annotations/target/preflyte-annotations-*.jar 2>/dev/null | head -1 || true)"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak RSS measurement" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
if [ ! -d "$dist/cli" ] || [ ! -d "$sample_classes" ] || [ ! -f "$register_tests/dev/preflyte/register/AdminStandIn.class" ] \
    || [ -z "$processor_jar" ] || [ -z "$annotations_jar" ]; then
  echo "register-bench: build first: mvn -B package -DskipTests" >&2
  exit 2
fi

rm -rf "$out" && mkdir -p "$out/src/bench" "$out/classes"
{
  echo "package bench;"
  echo "import dev.preflyte.annotations.DeclaredTask;"
  echo "import dev.preflyte.samples.typed.WordStats;"
  echo "import dev.preflyte.samples.typed.WordStatsTask;"
  echo "import java.util.List;"
  echo "public final class ManyTasks {"
  for i in $(seq 0 $((tasks - 1))); do
    echo "  @DeclaredTask public static final WordStatsTask T$i = WordStatsTask.of(new WordStats(List.of(\"w$i\"), $((i % 10 + 1)), $((i % 2)) == 1));"
  done
  echo "  private ManyTasks() {}"
  echo "}"
} > "$out/src/bench/ManyTasks.java"
javac -d "$out/classes" -cp "$dist/lib/*:$annotations_jar:$sample_classes" -processorpath "$processor_jar" \
  "$out/src/bench/ManyTasks.java" > "$out/javac.log" 2>&1 || {
  echo "register-bench: the $tasks declared tasks did not compile:" >&2; head -20 "$out/javac.log" >&2; exit 1; }
export PREFLYTE_CLASSPATH="$out/classes:$sample_classes"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

# The stand-in serves until this script's end closes its standard input.
coproc ADMIN { exec java -cp "$register_tests:$dist/lib/*:$dist/cli/*" "$root/bench/AdminStandInServer.java"; }
trap 'exec {ADMIN[1]}>&- 2>/dev/null || true; wait 2>/dev/null || true' EXIT
read -r word port <&"${ADMIN[0]}"
[ "$word" = port ] || { echo "register-bench: the stand-in did not start" >&2; exit 1; }

preflyte="$root/bin/preflyte"
# One measurement: wall ms (bash clock), peak RSS in KB and CPU ms (GNU time), appended to $1.
measure() {
  local file="$1"; shift
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$out/rss" "$@" >"$out/stdout" 2>"$out/stderr" || {
    echo "register-bench: command failed: $*" >&2; cat "$out/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  tail -1 "$out/rss" | awk -v s="$start" -v e="$end" \
    '{ printf "%.1f %d %.0f\n", (e - s) * 1000, $1, ($2 + $3) * 1000 }' >> "$file"
}

ids=(--project bench --domain development)
measure "$out/warmup" "$preflyte" --version
measure "$out/warmup" "$preflyte" package --output "$out/tasks.tgz" "${ids[@]}" --version warmup
for run in $(seq "$runs"); do
  measure "$out/results-version" "$preflyte" --version
  measure "$out/results-package" "$preflyte" package --output "$out/tasks.tgz" "${ids[@]}" --version "v$run"
  measure "$out/results-register" "$preflyte" register --endpoint "127.0.0.1:$port" --insecure "${ids[@]}" \
    --version "v$run"
  grep -q "$((tasks + 2)) tasks: $((tasks + 2)) registered, 0 unchanged, 0 failed" "$out/stdout" "$out/stderr" || {
    echo "register-bench: run $run did not register every task:" >&2; cat "$out/stdout" "$out/stderr" >&2; exit 1; }
done
entries=$(tar -tzf "$out/tasks.tgz" | wc -l)
[ "$entries" -eq $((tasks + 2)) ] || { echo "register-bench: the archive holds $entries tasks" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() {
  local name="$1" file="$2"
  local wall rss cpu
  wall=$(cut -d' ' -f1 "$file" | median)
  rss=$(cut -d' ' -f2 "$file" | median)
  cpu=$(cut -d' ' -f3 "$file" | median)
  printf '%-44s wall %7.1f ms  cpu %6.0f ms  peak RSS %6.1f MB\n' "$name" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  echo "$wall $rss $cpu" > "$file.median"
}

echo "runs: $runs each; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
report "preflyte --version (baseline)" "$out/results-version"
report "preflyte package, $((tasks + 2)) tasks" "$out/results-package"
report "preflyte register, $((tasks + 2)) tasks (loopback)" "$out/results-register"
read -r vw vr vc < "$out/results-version.median"
for command in package register; do
  read -r w r c < "$out/results-$command.median"
  awk -v n="$command" -v w="$w" -v vw="$vw" -v r="$r" -v vr="$vr" -v c="$c" -v vc="$vc" \
    'BEGIN { printf "%s / --version: %.1fx wall, %.1fx cpu, %.2fx peak RSS\n", n, w / vw, c / vc, r / vr }'
done
