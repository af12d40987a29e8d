#!/usr/bin/env bash
# The whole path of a pre-built task type, on this machine: builds Preflyte, makes a music-store
# SQLite database, packages the sample tasks for `flytectl register files`, runs the SQLite3 query
# task through preflyte-execute exactly as Flyte's container plugin starts it (local storage), and
# prints the first rows of its Parquet result. Everything it makes stays under target/demo/.
set -euo pipefail
cd "$(dirname "$0")"
demo=target/demo
module=samples/sql

echo "== the build: mvn -B -DskipTests package -pl samples,samples/sql,cli -am"
started=$(date +%s)
# The modules the demo runs, and what they need. Maven 3.8 prints colour reset codes even in batch
# mode: strip them (pipefail keeps its exit status).
mvn -B -q -Dstyle.color=never -DskipTests package -pl samples,samples/sql,cli -am 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
echo "built in $(( $(date +%s) - started )) s"

rm -rf "$demo"
mkdir -p "$demo"

echo
echo "== the archive: preflyte package"
version=0.1.0-SNAPSHOT
export PREFLYTE_CLASSPATH="samples/target/preflyte-samples-$version.jar:$module/target/preflyte-samples-sql-$version.jar"
bin/preflyte package --output "$demo/tasks.tgz"
tar -tzf "$demo/tasks.tgz" | sed 's/^/entry     /'
echo "archive   $demo/tasks.tgz  (flytectl register files --archive $demo/tasks.tgz --version v1)"

echo
echo "== the image recipes: preflyte image"
# The SQL tasks spend seconds copying rows: their image gets the optimizing compiler as well.
# Inputs for the image build's training run, which then runs that task for real, so its own code
# is in the start-up archive too; given as JSON, as `preflyte run --inputs` takes them. A file input
# names its data in a folder beside them, relative to that folder.
mkdir -p "$demo/training-inputs/data"
echo '{"text": "The cat saw the other cat, and the cat ran."}' > "$demo/training-inputs/samples.case_sensitive_words.json"
printf 'city,visits\nOslo,3\nLima,NA\n' > "$demo/training-inputs/data/visits.csv"
echo '{"csv": "data/visits.csv"}' > "$demo/training-inputs/samples.csv_stats.json"
PREFLYTE_CLASSPATH="samples/target/preflyte-samples-$version.jar" bin/preflyte image --output "$demo/image" \
  --training-inputs "$demo/training-inputs"
# Its drivers (target/task-lib/) go into the image's dependency layer.
sql_classpath="$module/target/preflyte-samples-sql-$version.jar"
for jar in "$module"/target/task-lib/*.jar; do sql_classpath="$sql_classpath:$jar"; done
PREFLYTE_CLASSPATH="$sql_classpath" bin/preflyte image --jit optimizing --output "$demo/image-sql"
for dockerfile in "$demo"/image/*/Dockerfile "$demo"/image-sql/*/Dockerfile; do
  echo "recipe    $dockerfile  (docker build -t <image> $(dirname "$dockerfile"))"
done
unset PREFLYTE_CLASSPATH

java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/demo-classpath.txt")" \
  dev.preflyte.samples.sql.demo.SqlDemo "$module" "$demo"
echo
echo "files     $demo/ (database, archive, the container's node folder under run/)"
