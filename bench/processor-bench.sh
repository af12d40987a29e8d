#!/usr/bin/env bash
# Measures what the @PrebuiltTask processor adds to javac.
#
# Generates N annotated task classes, then times, interleaved, RUNS times each:
#   with-processor: javac on the N sources with the processor on the processor path;
#   proc-none:      javac -proc:none on the same N sources plus the 2N files the processor generated.
#   copy floor:     javac on the N sources with bench/CopyProcessor, which writes the same files
#                   without any analysis: the cost of generating sources at all.
# Prints each run, the medians and their ratios. Needs the modules compiled first:
#   mvn -B -q -pl processor -am compile
# The runtime classes come from api/ and conventions/target/classes when both exist, else from
# runtime/target/classes.
#
# MODE cold (the default): one fresh javac process per compile, timed with /usr/bin/time.
# MODE warm: bench/WarmCompileBench compiles in-process through javax.tools in one JVM kept warm
#   across compiles, as Maven's compiler plugin and Gradle's daemon do: WARMUP rounds first, then
#   RUNS measured rounds, then a per-phase breakdown from a javac task listener.
# The JDK is the one of $JAVAC (default: javac on the PATH). BENCH_WORK=<dir> puts the sources and
# the cold mode's outputs there (kept afterwards); BENCH_JVM_OPTS adds options to the warm mode's JVM,
# e.g. -Djava.io.tmpdir=/dev/shm for its output directories, or -XX:StartFlightRecording=... .
# Usage: bench/processor-bench.sh [N=500] [RUNS=7] [MODE=cold|warm] [WARMUP=5]
set -euo pipefail

N=${1:-500}
RUNS=${2:-7}
MODE=${3:-cold}
WARMUP=${4:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVAC=${JAVAC:-javac}
JAVA=$(dirname "$(readlink -f "$(command -v "$JAVAC")")")/java

version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }
M2=${MAVEN_REPO:-$HOME/.m2/repository}
PROTOBUF="$M2/com/google/protobuf/protobuf-java/$(version protobuf.version)/protobuf-java-$(version protobuf.version).jar"
SLF4J="$M2/org/slf4j/slf4j-api/$(version slf4j.version)/slf4j-api-$(version slf4j.version).jar"
JAVAPOET="$M2/com/palantir/javapoet/javapoet/$(version javapoet.version)/javapoet-$(version javapoet.version).jar"
# The runtime's classes: split into api/ and conventions/, or the single runtime/ module.
if [[ -d $ROOT/api/target/classes && -d $ROOT/conventions/target/classes ]]; then
  RUNTIME_CP="$ROOT/api/target/classes:$ROOT/conventions/target/classes"
else
  RUNTIME_CP="$ROOT/runtime/target/classes"
fi
on_path() { # on_path <relative file> <path>: whether one of the path's directories holds the file
  local dir dirs
  IFS=: read -ra dirs <<< "$2"
  for dir in "${dirs[@]}"; do [[ -e $dir/$1 ]] && return 0; done
  return 1
}
BUILD="run 'mvn -B -q -pl processor -am compile' first"
for f in "$PROTOBUF" "$SLF4J" "$JAVAPOET" "$ROOT/processor/target/classes/dev/preflyte/processor/PrebuiltTaskProcessor.class"; do
  [[ -e $f ]] || { echo "missing $f: $BUILD" >&2; exit 1; }
done
on_path dev/preflyte/runtime/custom/CustomValues.class "$RUNTIME_CP" ||
  { echo "missing dev/preflyte/runtime/custom/CustomValues.class in $RUNTIME_CP: $BUILD" >&2; exit 1; }
CP="$ROOT/annotations/target/classes:$RUNTIME_CP:$PROTOBUF:$SLF4J"
PP="$ROOT/processor/target/classes:$JAVAPOET"

WORK=${BENCH_WORK:-$(mktemp -d)}
[[ -n ${BENCH_WORK:-} ]] || trap 'rm -rf "$WORK"' EXIT
SRC="$WORK/src/bench/tasks"
mkdir -p "$SRC"

# A mix of shapes: records with scalar, list and nested-record configuration; classes with bean
# properties; @Outputs records.
for ((i = 0; i < N; i++)); do
  case $((i % 3)) in
    0) cat > "$SRC/Task$i.java" <<JAVA
package bench.tasks;

import dev.preflyte.annotations.PrebuiltTask;
import java.util.List;

@PrebuiltTask(image = "ghcr.io/bench/task$i:1.0.0", taskType = "bench-$i")
public record Task$i(long offset, String label, List<String> tags, Limits limits) {
  public record Limits(int max, double ratio) {}

  public long execute(long a, long b, List<String> names) {
    return a + b + offset + names.size();
  }
}
JAVA
    ;;
    1) cat > "$SRC/Task$i.java" <<JAVA
package bench.tasks;

import dev.preflyte.annotations.PrebuiltTask;
import java.time.Duration;

@PrebuiltTask(image = "ghcr.io/bench/task$i:1.0.0", taskType = "bench-$i")
public class Task$i {
  public String greeting = "Hello";
  private int repeat = 1;
  public Duration timeoutAfter = Duration.ofSeconds(5);

  public int getRepeat() { return repeat; }
  public void setRepeat(int repeat) { this.repeat = repeat; }

  public String execute(String name, boolean loud) {
    String line = greeting + ", " + name;
    return loud ? line.toUpperCase(java.util.Locale.ROOT) : line.repeat(repeat);
  }
}
JAVA
    ;;
    2) cat > "$SRC/Task$i.java" <<JAVA
package bench.tasks;

import dev.preflyte.annotations.Outputs;
import dev.preflyte.annotations.PrebuiltTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@PrebuiltTask(image = "ghcr.io/bench/task$i:1.0.0", taskType = "bench-$i")
public record Task$i(Map<String, Long> weights, Optional<String> prefix) {
  @Outputs
  public record Result(long count, double mean, List<String> keys) {}

  public Result execute(List<Long> values) {
    double mean = values.stream().mapToLong(Long::longValue).average().orElse(0);
    return new Result(values.size(), mean, List.copyOf(weights.keySet()));
  }
}
JAVA
    ;;
  esac
done

# Prints "<wall ms> <cpu ms>" of one command. CPU time (user + system, all javac threads) is the
# figure to compare on a shared machine, where wall time mostly measures the neighbours.
timed() {
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@"
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/time"
}

with_processor() {
  rm -rf "$WORK/a" "$WORK/a-gen" && mkdir -p "$WORK/a" "$WORK/a-gen"
  timed "$JAVAC" -d "$WORK/a" -s "$WORK/a-gen" -cp "$CP" -processorpath "$PP" -Xlint:all,-processing "$SRC"/*.java
}

copy_floor() {
  rm -rf "$WORK/c" "$WORK/c-gen" && mkdir -p "$WORK/c" "$WORK/c-gen"
  timed "$JAVAC" -processor bench.CopyProcessor -processorpath "$WORK/copy" -Adir="$WORK/a-gen/bench/tasks" \
    -d "$WORK/c" -s "$WORK/c-gen" -cp "$CP" -Xlint:all,-processing "$SRC"/*.java
}

proc_none() {
  rm -rf "$WORK/b" && mkdir -p "$WORK/b"
  timed "$JAVAC" -proc:none -d "$WORK/b" -cp "$CP" -Xlint:all,-processing "$SRC"/*.java "$WORK"/a-gen/bench/tasks/*.java
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

mkdir -p "$WORK/copy" && "$JAVAC" -d "$WORK/copy" "$ROOT/bench/CopyProcessor.java"
if [[ $MODE == warm ]]; then
  mkdir -p "$WORK/harness" && "$JAVAC" -d "$WORK/harness" "$ROOT/bench/WarmCompileBench.java"
  "$JAVA" ${BENCH_JVM_OPTS:-} -cp "$WORK/harness" bench.WarmCompileBench --sources "$SRC" --classpath "$CP" \
    --processorpath "$PP" --copy-processorpath "$WORK/copy" --warmup "$WARMUP" --runs "$RUNS"
  exit
elif [[ $MODE != cold ]]; then
  echo "MODE must be cold or warm, not $MODE" >&2
  exit 2
fi

echo "javac: $("$JAVAC" -version 2>&1); tasks: $N; runs: $RUNS each, interleaved; cores: $(nproc)"
with_processor > /dev/null   # warm the file cache and produce the generated sources
generated=$(ls "$WORK"/a-gen/bench/tasks/*.java | wc -l)
echo "generated sources: $generated"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
AW=(); AC=(); BW=(); BC=(); CW=(); CC=()
for ((r = 1; r <= RUNS; r++)); do
  read -r aw ac < <(with_processor)
  read -r bw bc < <(proc_none)
  read -r cw cc < <(copy_floor)
  AW+=("$aw"); AC+=("$ac"); BW+=("$bw"); BC+=("$bc"); CW+=("$cw"); CC+=("$cc")
  echo "run $r: with processor ${aw} ms wall / ${ac} ms cpu; -proc:none + generated ${bw} ms / ${bc} ms;" \
    "copy floor ${cw} ms / ${cc} ms"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
report() {
  local name=$1 a b c
  a=$(printf '%s\n' "${@:2:RUNS}" | median)
  b=$(printf '%s\n' "${@:RUNS+2:RUNS}" | median)
  c=$(printf '%s\n' "${@:2*RUNS+2:RUNS}" | median)
  awk -v n="$name" -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
    printf "%-4s median: with processor %d ms, -proc:none %d ms, copy floor %d ms\n", n, a, b, c
    printf "     processor overhead %+.1f%% (ratio %.3f); floor overhead %+.1f%%; processor over floor %+.1f%%\n",
      (a / b - 1) * 100, a / b, (c / b - 1) * 100, (a / c - 1) * 100 }'
}
report cpu "${AC[@]}" "${BC[@]}" "${CC[@]}"
report wall "${AW[@]}" "${BW[@]}" "${CW[@]}"
