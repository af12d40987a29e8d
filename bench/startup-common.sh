# Sourced by the start-up benchmarks (execute-bench.sh, compare-startup.sh): the JDKs they run on,
# the bare JVM they compare against, and the container plugin's flags for a task on local files.

# OpenJDK 17 (the default java, or BENCH_JDK17) and Temurin 25 (BENCH_JDK25).
jdk17="${BENCH_JDK17:-$(dirname "$(dirname "$(readlink -f "$(type -P java)")")")}"
jdk25="${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jdk_home() { if [ "$1" = 25 ]; then echo "$jdk25"; else echo "$jdk17"; fi; }

# The bare JVM runs with the same JVM flags bin/preflyte-execute passes (bin/preflyte-jvm.sh), minus
# its start-up archive and its system properties, which a hello world never reads.
hello_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:-UsePerfData)

# What Flyte's container plugin passes besides the inputs, output prefix, template and task name.
execute_flags=(--raw-output-data-prefix '{{.rawOutputDataPrefix}}' --checkpoint-path '{{.checkpointOutputPrefix}}'
  --prev-checkpoint '""' --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver)
