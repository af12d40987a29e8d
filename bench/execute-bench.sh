#!/usr/bin/env bash
# Start-up benchmark of bin/preflyte-execute on local files, JVM start to exit, for two trivial
# typed tasks: Sum (a + b on INTEGER literals, a hand-written executor) and the WordStats sample (a
# processor-generated executor: configuration decoded from custom, typed codecs, an @Outputs record);
# next to a bare hello-world JVM with the same JVM flags; on each JDK, in one run, interleaved:
# OpenJDK 17 (the default java, or BENCH_JDK17) with the class-data-sharing archive and Temurin 25
# (BENCH_JDK25, default /usr/lib/jvm/temurin-25-jdk-amd64, left out if absent) with the AOT cache,
# each archive written by bin/preflyte-train for the two tasks' jars.
#
#   bench/execute-bench.sh [runs]        (default 20 runs of each; needs everything packaged:
#                                         mvn -B package -DskipTests)
#
# BENCH_BIN=DIR benchmarks the preflyte-execute in DIR instead of this repository's bin/ (to compare
# with another version of the launcher in the same run; it must take PREFLYTE_HOME).
#
# Prints the median wall time, CPU time (user + system) and peak RSS of each, and their ratios to the
# bare JVM of the same JDK. On a loaded machine wall time swings with the load; CPU time much less so.
set -euo pipefail

runs="${1:-20}"
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${BENCH_BIN:-$root/bin}"
out="$root/bench/out"
dist="$root/launcher/target/preflyte"
test_classes="$root/launcher/target/test-classes"
sample_jar="$(ls "$root"/samples/target/preflyte-samples-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak RSS measurement" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
if [ ! -d "$dist/lib" ] || [ ! -d "$test_classes/dev/preflyte/runtime/entrypoint/tasks" ] || [ -z "$sample_jar" ]; then
  echo "execute-bench: build first: mvn -B package -DskipTests" >&2
  exit 2
fi

jdk17="${BENCH_JDK17:-$(dirname "$(dirname "$(readlink -f "$(type -P java)")")")}"
jdk25="${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jdks=(17)
if [ -x "$jdk25/bin/java" ]; then
  jdks+=(25)
else
  echo "execute-bench: no JDK 25 at $jdk25 (set BENCH_JDK25): JDK 17 only" >&2
fi
jdk_home() { if [ "$1" = 25 ]; then echo "$jdk25"; else echo "$jdk17"; fi; }

rm -rf "$out" && mkdir -p "$out/fixture" "$out/sample" "$out/hello" "$out/tasks" "$out/home"
# The distribution as an image holds it: lib/ copied, the archives trained for the tasks' jars.
cp -r "$dist/lib" "$out/home/lib"
"$jdk17/bin/java" -cp "$dist/lib/*:$test_classes" dev.preflyte.runtime.entrypoint.tasks.WriteSumFixture "$out/fixture"
"$jdk17/bin/java" -cp "$dist/lib/*:$sample_jar" dev.preflyte.samples.demo.WordStatsDemo prepare "$out/sample" >/dev/null
# Sum's executor and registration alone, as a jar (the JVM archives classes from jars only).
(cd "$test_classes" && "$jdk17/bin/jar" --create --file "$out/tasks/sum.jar" \
  dev/preflyte/runtime/entrypoint/tasks/SumExecutor.class dev/preflyte/runtime/entrypoint/tasks/Literals.class \
  META-INF/preflyte/executors/dev.preflyte.runtime.entrypoint.tasks.Sum)
cp "$sample_jar" "$out/tasks/samples.jar"
cat > "$out/hello/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
"$jdk17/bin/javac" --release 17 -d "$out/hello" "$out/hello/Hello.java"

export PREFLYTE_HOME="$out/home"
export PREFLYTE_CLASSPATH="$out/tasks/sum.jar:$out/tasks/samples.jar"
for jdk in "${jdks[@]}"; do
  JAVA_HOME="$(jdk_home "$jdk")" "$root/bin/preflyte-train" >/dev/null
done
ls "$out/home" >&2

flags=(--raw-output-data-prefix '{{.rawOutputDataPrefix}}' --checkpoint-path '{{.checkpointOutputPrefix}}'
  --prev-checkpoint '""' --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver)
execute=("$bin/preflyte-execute" --inputs "$out/fixture/inputs.pb" --output-prefix "$out/run" "${flags[@]}"
  -- "$out/fixture/task.pb" dev.preflyte.runtime.entrypoint.tasks.Sum)
sample=("$bin/preflyte-execute" --inputs "$out/sample/inputs.pb" --output-prefix "$out/run" "${flags[@]}"
  -- "$out/sample/task.pb" dev.preflyte.samples.typed.WordStats)
# The same flags bin/preflyte-execute passes (bin/preflyte-jvm.sh), minus its start-up archive.
hello_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)

# One measurement: wall ms (bash clock), peak RSS in KB and CPU ms (GNU time), appended to $1.
measure() {
  local file="$1"; shift
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$out/rss" "$@" >/dev/null 2>"$out/stderr" || {
    echo "execute-bench: command failed: $*" >&2; cat "$out/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  if [ -s "$out/stderr" ]; then # a task's log should be empty here: kept for the report
    head -1 "$out/stderr" >> "$out/stderr-seen"
  fi
  tail -1 "$out/rss" | awk -v s="$start" -v e="$end" \
    '{ printf "%.1f %d %.0f\n", (e - s) * 1000, $1, ($2 + $3) * 1000 }' >> "$file"
}

# One round of every variant on one JDK.
round() {
  local jdk="$1" home
  home="$(jdk_home "$jdk")"
  JAVA_HOME="$home" measure "$out/results-$jdk-execute" "${execute[@]}"
  rm -rf "$out/run"
  JAVA_HOME="$home" PREFLYTE_CDS=off measure "$out/results-$jdk-execute-noarchive" "${execute[@]}"
  rm -rf "$out/run"
  JAVA_HOME="$home" measure "$out/results-$jdk-sample" "${sample[@]}"
  rm -rf "$out/run"
  measure "$out/results-$jdk-hello" "$home/bin/java" "${hello_flags[@]}" -cp "$out/hello" Hello
}

# Warm the page cache once, then interleave the variants and JDKs so load changes hit all alike.
for jdk in "${jdks[@]}"; do
  round "$jdk"
  rm -f "$out"/results-"$jdk"-*
done
for _ in $(seq "$runs"); do
  for jdk in "${jdks[@]}"; do
    round "$jdk"
  done
done
for jdk in "${jdks[@]}"; do
  for command in execute sample; do
    rm -rf "$out/run"
    declare -n run="$command"
    JAVA_HOME="$(jdk_home "$jdk")" "${run[@]}" && test -f "$out/run/outputs.pb" \
      || { echo "execute-bench: $command on JDK $jdk wrote no outputs.pb" >&2; exit 1; }
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() {
  local name="$1" file="$2"
  local wall rss max cpu
  wall=$(cut -d' ' -f1 "$file" | median)
  rss=$(cut -d' ' -f2 "$file" | median)
  max=$(cut -d' ' -f2 "$file" | sort -n | tail -1)
  cpu=$(cut -d' ' -f3 "$file" | median)
  printf '%-40s wall %6.1f ms  cpu %5.0f ms  peak RSS %5.1f MB (max %5.1f MB)\n' "$name" "$wall" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$max" 'BEGIN { print k / 1024 }')"
  echo "$wall $rss $cpu" > "$file.median"
}
ratio() {
  local name="$1" file="$2" bare="$3"
  read -r w r c < "$file.median"
  read -r hw hr hc < "$bare.median"
  awk -v n="$name" -v w="$w" -v hw="$hw" -v r="$r" -v hr="$hr" -v c="$c" -v hc="$hc" \
    'BEGIN { printf "  %-38s %.2fx wall, %.2fx cpu, %.2fx peak RSS of the bare JVM\n", n, w / hw, c / hc, r / hr }'
}

echo "runs: $runs each; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg); launcher: $bin"
for jdk in "${jdks[@]}"; do
  archive=$([ "$jdk" -ge 25 ] && echo "AOT cache" || echo "CDS archive")
  echo "JDK $jdk: $("$(jdk_home "$jdk")/bin/java" -version 2>&1 | head -1)"
  report "preflyte-execute (Sum), $archive" "$out/results-$jdk-execute"
  report "preflyte-execute (Sum), no archive" "$out/results-$jdk-execute-noarchive"
  report "preflyte-execute (WordStats), $archive" "$out/results-$jdk-sample"
  report "bare JVM (hello world)" "$out/results-$jdk-hello"
  ratio "Sum, $archive:" "$out/results-$jdk-execute" "$out/results-$jdk-hello"
  ratio "Sum, no archive:" "$out/results-$jdk-execute-noarchive" "$out/results-$jdk-hello"
  ratio "WordStats, $archive:" "$out/results-$jdk-sample" "$out/results-$jdk-hello"
done
echo "(medians of $runs runs; CPU time has GNU time's 10 ms resolution)"
if [ -s "$out/stderr-seen" ]; then
  echo "printed on stderr (first lines):"; sort "$out/stderr-seen" | uniq -c
fi
