#!/usr/bin/env bash
# Builds everything, then runs the WordStats sample the way a Flyte cluster would: its registered
# template and inputs are written as the files Flyte hands a container, and bin/preflyte-execute
# runs it from them with the container's own arguments, leaving outputs.pb behind.
set -euo pipefail
cd "$(dirname "$0")"

# Maven 3.8 prints colour reset codes even in batch mode: strip them (pipefail keeps its exit status).
mvn -B -q -Dstyle.color=never -DskipTests package 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
class_path="launcher/target/preflyte/lib/*:samples/target/classes"

echo "== the task, as registered"
java -cp "$class_path" dev.preflyte.samples.demo.WordStatsDemo prepare "$work"

echo "== the container: preflyte-execute with Flyte's placeholders rendered"
PREFLYTE_CLASSPATH=samples/target/classes bin/preflyte-execute \
  --inputs "$work/inputs.pb" \
  --output-prefix "$work/outputs" \
  --raw-output-data-prefix "$work/raw" \
  --checkpoint-path "$work/raw/_flytecheckpoints" \
  --prev-checkpoint '""' \
  --resolver dev.preflyte.runtime.entrypoint.TemplateFileResolver \
  -- "$work/task.pb" dev.preflyte.samples.typed.WordStats

echo "== what the container left behind"
java -cp "$class_path" dev.preflyte.samples.demo.WordStatsDemo show "$work"
