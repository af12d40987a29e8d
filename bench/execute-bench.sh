#!/usr/bin/env bash
# Start-up benchmark of bin/preflyte-execute on local files, JVM start to exit, for two trivial
# typed tasks: Sum (a + b on INTEGER literals, a hand-written executor) and the WordStats sample (a
# processor-generated executor: configuration decoded from custom, typed codecs, an @Outputs record);
# next to a bare hello-world JVM with the same JVM flags; on each JDK, in one run, interleaved:
# OpenJDK 17 (the default java, or BENCH_JDK17) with the class-data-sharing archive and Temurin 25
# (BENCH_JDK25, default /usr/lib/jvm/temurin-25-jdk-amd64, left out if absent) with the AOT cache,
# each archive written by bin/preflyte-train for the two tasks' jars; WordStats also with an archive
# trained on its inputs (preflyte-train --inputs), which archives the task's own code too.
#
#   bench/execute-bench.sh [runs] [changes]   (default 20 runs of each; needs everything packaged:
#                                              mvn -B package -DskipTests)
#
# With "changes", the same rounds also run what each start-up change bought, on both JDKs:
# - before: the launcher script and archive as they were at 739f7ae (the build's CDS archive,
#   trained on the runtime alone with -cp 'lib/*'; on JDK 25 no archive fits);
# - runtime-only archive: preflyte-train without the tasks' jars on PREFLYTE_CLASSPATH;
# - the usual JIT thresholds (JAVA_OPTS=-XX:CompileThresholdScaling=1), for Sum and WordStats;
# - the JVM's tiered compilation, C2 included (PREFLYTE_JIT=optimizing), for Sum.
#
# Prints the median wall time, CPU time (user + system) and peak RSS of each, and their ratios to the
# bare JVM of the same JDK. On a loaded machine wall time swings with the load; CPU time much less so.
set -euo pipefail

runs="${1:-20}"
changes="${2:-}"
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
dist="$root/launcher/target/preflyte"
test_classes="$root/launcher/target/test-classes"
sample_jar="$(ls "$root"/samples/target/preflyte-samples-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)"
before_commit=739f7ae

if [ ! -d "$dist/lib" ] || [ ! -d "$test_classes/dev/preflyte/runtime/entrypoint/tasks" ] || [ -z "$sample_jar" ]; then
  echo "execute-bench: build first: mvn -B package -DskipTests" >&2
  exit 2
fi

# shellcheck source=startup-common.sh
. "$root/bench/startup-common.sh"
jdks=(17)
if [ -x "$jdk25/bin/java" ]; then
  jdks+=(25)
else
  echo "execute-bench: no JDK 25 at $jdk25 (set BENCH_JDK25): JDK 17 only" >&2
fi
# shellcheck source=measure.sh
. "$root/bench/measure.sh"
rm -rf "$out" && mkdir -p "$out/fixture" "$out/sample" "$out/hello" "$out/tasks"
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
tasks="$out/tasks/sum.jar:$out/tasks/samples.jar"
export PREFLYTE_CLASSPATH="$tasks"

# A distribution as an image holds it: lib/ copied, archives trained by preflyte-train for every JDK
# with PREFLYTE_CLASSPATH=$2 (the tasks' jars, or nothing), and $3 as its --inputs when given.
make_home() {
  local home="$1" training="$2" inputs="${3:-}" jdk
  mkdir -p "$home" && cp -r "$dist/lib" "$home/lib"
  for jdk in "${jdks[@]}"; do
    PREFLYTE_HOME="$home" PREFLYTE_CLASSPATH="$training" JAVA_HOME="$(jdk_home "$jdk")" "$root/bin/preflyte-train" \
      ${inputs:+--inputs "$inputs"} >/dev/null
  done
}
make_home "$out/home" "$tasks"
# The same, trained on WordStats' inputs as those of a declared WordStats task: its own code archived too.
mkdir -p "$out/training-inputs" && cp "$out/sample/inputs.pb" "$out/training-inputs/samples.case_sensitive_words.pb"
make_home "$out/home-trained" "$tasks" "$out/training-inputs"
variants=(archive noarchive sample sample-trained)
if [ "$changes" = changes ]; then
  variants+=(before before-sample runtime-only jit jit-sample optimizing)
  mkdir -p "$out/before/bin" "$out/before/home"
  git -C "$root" show "$before_commit:bin/preflyte-execute" > "$out/before/bin/preflyte-execute"
  chmod +x "$out/before/bin/preflyte-execute"
  cp -r "$dist/lib" "$out/before/home/lib"
  "$jdk17/bin/java" "-XX:ArchiveClassesAtExit=$out/before/home/preflyte.jsa" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$out/before/home/lib/*" dev.preflyte.runtime.entrypoint.StartupTraining >/dev/null
  make_home "$out/runtime-only" ""
fi

sum=(--inputs "$out/fixture/inputs.pb" --output-prefix "$out/run" "${execute_flags[@]}"
  -- "$out/fixture/task.pb" dev.preflyte.runtime.entrypoint.tasks.Sum)
sample=(--inputs "$out/sample/inputs.pb" --output-prefix "$out/run" "${execute_flags[@]}"
  -- "$out/sample/task.pb" dev.preflyte.samples.typed.WordStats)

# Runs variant $2 on JDK $1 once; with $3 = measure, measured into results-<jdk>-<variant>.
run_variant() {
  local jdk="$1" variant="$2" how="${3:-}" java_home
  java_home="$(jdk_home "$jdk")"
  local bin="$root/bin" home="$out/home" cds=on jit="" mode=quick task=("${sum[@]}")
  case "$variant" in
    noarchive) cds=off ;;
    sample) task=("${sample[@]}") ;;
    sample-trained) home="$out/home-trained" task=("${sample[@]}") ;;
    before) bin="$out/before/bin" home="$out/before/home" ;;
    before-sample) bin="$out/before/bin" home="$out/before/home" task=("${sample[@]}") ;;
    runtime-only) home="$out/runtime-only" ;;
    jit) jit=-XX:CompileThresholdScaling=1 ;;
    jit-sample) jit=-XX:CompileThresholdScaling=1 task=("${sample[@]}") ;;
    optimizing) mode=optimizing ;;
  esac
  rm -rf "$out/run"
  if [ "$how" = measure ]; then
    JAVA_HOME="$java_home" PREFLYTE_HOME="$home" PREFLYTE_CDS="$cds" JAVA_OPTS="$jit" PREFLYTE_JIT="$mode" \
      measure "$out/results-$jdk-$variant" "$bin/preflyte-execute" "${task[@]}"
  else
    JAVA_HOME="$java_home" PREFLYTE_HOME="$home" PREFLYTE_CDS="$cds" JAVA_OPTS="$jit" PREFLYTE_JIT="$mode" "$bin/preflyte-execute" "${task[@]}" >/dev/null 2>&1 \
      && test -f "$out/run/outputs.pb" \
      || { echo "execute-bench: $variant on JDK $jdk wrote no outputs.pb" >&2; exit 1; }
  fi
}

# One round of every variant on one JDK, then its bare JVM.
round() {
  local jdk="$1" variant
  for variant in "${variants[@]}"; do
    run_variant "$jdk" "$variant" measure
  done
  measure "$out/results-$jdk-hello" "$(jdk_home "$jdk")/bin/java" "${hello_flags[@]}" -cp "$out/hello" Hello
}

# Check every variant once, warm the page cache, then interleave variants and JDKs so that load
# changes hit all of them alike.
for jdk in "${jdks[@]}"; do
  for variant in "${variants[@]}"; do
    run_variant "$jdk" "$variant"
  done
  round "$jdk"
  rm -f "$out"/results-"$jdk"-* "$out/stderr-seen"
done
for _ in $(seq "$runs"); do
  for jdk in "${jdks[@]}"; do
    round "$jdk"
  done
done

declare -A names=(
  [archive]="Sum, start-up archive" [noarchive]="Sum, no archive" [sample]="WordStats, start-up archive"
  [sample-trained]="WordStats, archive trained on its inputs"
  [before]="Sum, before ($before_commit)" [before-sample]="WordStats, before ($before_commit)"
  [runtime-only]="Sum, archive of the runtime only"
  [jit]="Sum, usual JIT thresholds" [jit-sample]="WordStats, usual JIT thresholds"
  [optimizing]="Sum, PREFLYTE_JIT=optimizing")
echo "runs: $runs each; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "${jdks[@]}"; do
  echo "JDK $jdk: $("$(jdk_home "$jdk")/bin/java" -version 2>&1 | head -1) ($([ "$jdk" -ge 25 ] && echo "AOT cache" || echo "CDS archive"))"
  for variant in "${variants[@]}"; do
    report "${names[$variant]}" "$out/results-$jdk-$variant"
  done
  report "bare JVM (hello world)" "$out/results-$jdk-hello"
  for variant in "${variants[@]}"; do
    ratio "${names[$variant]}:" "$out/results-$jdk-$variant" "$out/results-$jdk-hello"
  done
done
echo "(medians of $runs runs; CPU time has GNU time's 10 ms resolution)"
report_stderr
