#!/usr/bin/env bash
# Measures what the @PrebuiltTask processor adds to javac.
#
# Generates N annotated task classes, then times, interleaved, RUNS times each:
#   with-processor: javac on the N sources with the processor on the processor path;
#   proc-none:      javac -proc:none on the same N sources plus the 2N files the processor generated.
#   copy floor:     javac on the N sources with bench/CopyProcessor, which writes the same files
#                   without any analysis: the cost of generating sources at all.
# As a peer, in the same rounds, Google AutoValue on N @AutoValue classes with builders and a
# comparable mix of property types (its own source dir):
#   AutoValue:      javac with auto-value on the processor path, auto-value-annotations on the class path;
#   its -proc:none: javac -proc:none on the same N sources plus the N files AutoValue generated.
# Prints each run, the medians, their ratios, the generated lines per annotated class of both, and
# whether Preflyte's overhead is at most AutoValue's. Needs the modules compiled first:
#   mvn -B -q -pl processor -am package -DskipTests
# and AutoValue 1.11.1 in the local Maven repository (the script says how to fetch it).
# The processor runs from its shaded jar, as in a user's build; the runtime classes come from
# api/ and conventions/target/classes.
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
AUTO_VALUE=1.11.1
AV_PROCESSOR="$M2/com/google/auto/value/auto-value/$AUTO_VALUE/auto-value-$AUTO_VALUE.jar"
AV_ANNOTATIONS="$M2/com/google/auto/value/auto-value-annotations/$AUTO_VALUE/auto-value-annotations-$AUTO_VALUE.jar"
RUNTIME_CP="$ROOT/api/target/classes:$ROOT/conventions/target/classes"
# The processor jar as users get it, JavaPoet shaded inside.
PROCESSOR_JAR=$(ls "$ROOT"/processor/target/preflyte-processor-*.jar 2>/dev/null | grep -v -e original- -e sources | head -1)
BUILD="run 'mvn -B -q -pl processor -am package -DskipTests' first"
for f in "$PROTOBUF" "$SLF4J" "$PROCESSOR_JAR" "$ROOT/api/target/classes/dev/preflyte/runtime/custom/CustomStruct.class"; do
  [[ -n $f && -e $f ]] || { echo "missing ${f:-the processor jar}: $BUILD" >&2; exit 1; }
done
for artifact in auto-value auto-value-annotations; do
  f="$M2/com/google/auto/value/$artifact/$AUTO_VALUE/$artifact-$AUTO_VALUE.jar"
  [[ -e $f ]] || { echo "missing $f: run" \
    "'mvn -B -q dependency:get -Dartifact=com.google.auto.value:$artifact:$AUTO_VALUE'" >&2; exit 1; }
done
CP="$ROOT/annotations/target/classes:$RUNTIME_CP:$PROTOBUF:$SLF4J"
PP="$PROCESSOR_JAR"

WORK=${BENCH_WORK:-$(mktemp -d)}
[[ -n ${BENCH_WORK:-} ]] || trap 'rm -rf "$WORK"' EXIT
SRC="$WORK/src/bench/tasks"
AV_SRC="$WORK/av-src/bench/values"
mkdir -p "$SRC" "$AV_SRC"

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

# The AutoValue peer: N @AutoValue classes with an @AutoValue.Builder, the same kinds of properties
# as the tasks above (scalars, String, List<String>, Map<String, Long>, Optional<String>, Duration, a
# nested record value) and a method of their own each.
for ((i = 0; i < N; i++)); do
  case $((i % 3)) in
    0) cat > "$AV_SRC/Value$i.java" <<JAVA
package bench.values;

import com.google.auto.value.AutoValue;
import java.util.List;

@AutoValue
public abstract class Value$i {
  public record Limits(int max, double ratio) {}

  public abstract long offset();
  public abstract String label();
  public abstract List<String> tags();
  public abstract Limits limits();

  public long execute(long a, long b, List<String> names) {
    return a + b + offset() + names.size();
  }

  public static Builder builder() {
    return new AutoValue_Value$i.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder offset(long offset);
    public abstract Builder label(String label);
    public abstract Builder tags(List<String> tags);
    public abstract Builder limits(Limits limits);
    public abstract Value$i build();
  }
}
JAVA
    ;;
    1) cat > "$AV_SRC/Value$i.java" <<JAVA
package bench.values;

import com.google.auto.value.AutoValue;
import java.time.Duration;

@AutoValue
public abstract class Value$i {
  public abstract String greeting();
  public abstract int repeat();
  public abstract Duration timeoutAfter();

  public String execute(String name, boolean loud) {
    String line = greeting() + ", " + name;
    return loud ? line.toUpperCase(java.util.Locale.ROOT) : line.repeat(repeat());
  }

  public static Builder builder() {
    return new AutoValue_Value$i.Builder().greeting("Hello").repeat(1).timeoutAfter(Duration.ofSeconds(5));
  }

  public abstract Builder toBuilder();

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder greeting(String greeting);
    public abstract Builder repeat(int repeat);
    public abstract Builder timeoutAfter(Duration timeoutAfter);
    public abstract Value$i build();
  }
}
JAVA
    ;;
    2) cat > "$AV_SRC/Value$i.java" <<JAVA
package bench.values;

import com.google.auto.value.AutoValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@AutoValue
public abstract class Value$i {
  public record Result(long count, double mean, List<String> keys) {}

  public abstract Map<String, Long> weights();
  public abstract Optional<String> prefix();

  public Result execute(List<Long> values) {
    double mean = values.stream().mapToLong(Long::longValue).average().orElse(0);
    return new Result(values.size(), mean, List.copyOf(weights().keySet()));
  }

  public static Builder builder() {
    return new AutoValue_Value$i.Builder();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder weights(Map<String, Long> weights);
    public abstract Builder prefix(String prefix);
    public abstract Value$i build();
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

autovalue() {
  rm -rf "$WORK/v" "$WORK/v-gen" && mkdir -p "$WORK/v" "$WORK/v-gen"
  timed "$JAVAC" -d "$WORK/v" -s "$WORK/v-gen" -cp "$AV_ANNOTATIONS" -processorpath "$AV_PROCESSOR" \
    -Xlint:all,-processing "$AV_SRC"/*.java
}

autovalue_proc_none() {
  rm -rf "$WORK/w" && mkdir -p "$WORK/w"
  timed "$JAVAC" -proc:none -d "$WORK/w" -cp "$AV_ANNOTATIONS" -Xlint:all,-processing "$AV_SRC"/*.java \
    "$WORK"/v-gen/bench/values/*.java
}

# Lines of the .java files under a directory per annotated class (one per hand-written source).
lines_per_class() { find "$1" -name '*.java' -exec cat {} + | wc -l | awk -v n="$N" '{printf "%.1f", $1 / n}'; }

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

mkdir -p "$WORK/copy" && "$JAVAC" -d "$WORK/copy" "$ROOT/bench/CopyProcessor.java"
if [[ $MODE == warm ]]; then
  mkdir -p "$WORK/harness" && "$JAVAC" -d "$WORK/harness" "$ROOT/bench/WarmCompileBench.java"
  "$JAVA" ${BENCH_JVM_OPTS:-} -cp "$WORK/harness" bench.WarmCompileBench --sources "$SRC" --classpath "$CP" \
    --processorpath "$PP" --copy-processorpath "$WORK/copy" --peer-name AutoValue --peer-sources "$AV_SRC" \
    --peer-classpath "$AV_ANNOTATIONS" --peer-processorpath "$AV_PROCESSOR" --warmup "$WARMUP" --runs "$RUNS"
  exit
elif [[ $MODE != cold ]]; then
  echo "MODE must be cold or warm, not $MODE" >&2
  exit 2
fi

echo "javac: $("$JAVAC" -version 2>&1); classes: $N each; runs: $RUNS each, interleaved; cores: $(nproc)"
with_processor > /dev/null   # warm the file cache and produce the generated sources
autovalue > /dev/null
echo "Preflyte: $(ls "$WORK"/a-gen/bench/tasks/*.java | wc -l) generated sources," \
  "$(lines_per_class "$WORK/a-gen") generated lines per annotated class"
echo "AutoValue $AUTO_VALUE: $(ls "$WORK"/v-gen/bench/values/*.java | wc -l) generated sources," \
  "$(lines_per_class "$WORK/v-gen") generated lines per annotated class"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each variant's samples go to $WORK/samples-<variant>, one "<wall ms> <cpu ms>" line per run.
measure() { # measure <variant> <function>: runs it, records and prints its sample
  local sample
  sample=$("$2")
  echo "$sample" >> "$WORK/samples-$1"
  echo "$1 ${sample% *} ms wall / ${sample#* } ms cpu"
}
rm -f "$WORK"/samples-*
for ((r = 1; r <= RUNS; r++)); do
  line="run $r:"
  for v in preflyte:with_processor preflyte-none:proc_none copy-floor:copy_floor \
      autovalue:autovalue autovalue-none:autovalue_proc_none; do
    line+=" $(measure "${v%%:*}" "${v#*:}");"
  done
  echo "$line"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { cut -d' ' -f"$2" "$WORK/samples-$1" | median; } # med <variant> <1 = wall, 2 = cpu>
report() { # report <metric name> <column>
  awk -v n="$1" -v a="$(med preflyte "$2")" -v b="$(med preflyte-none "$2")" -v c="$(med copy-floor "$2")" \
      -v v="$(med autovalue "$2")" -v w="$(med autovalue-none "$2")" 'BEGIN {
    printf "%-4s median: Preflyte %d ms, -proc:none %d ms, copy floor %d ms; AutoValue %d ms, -proc:none %d ms\n",
      n, a, b, c, v, w
    printf "     Preflyte overhead %+.1f%% (ratio %.3f), floor overhead %+.1f%%, processor over floor %+.1f points;",
      (a / b - 1) * 100, a / b, (c / b - 1) * 100, (a - c) / b * 100
    printf " AutoValue overhead %+.1f%% (ratio %.3f)\n", (v / w - 1) * 100, v / w
    if (n == "cpu")
      printf "comparison (cpu): Preflyte overhead %+.1f%% vs AutoValue overhead %+.1f%%; Preflyte <= AutoValue: %s\n",
        (a / b - 1) * 100, (v / w - 1) * 100, (a / b <= v / w) ? "yes" : "no" }'
}
report wall 1
report cpu 2
