# Sourced (not run) by bin/preflyte, bin/preflyte-execute and bin/preflyte-train: the one home of
# the JVM they start, its flags, the class path of lib/ and the start-up archive that goes with them.
# An archive only helps when training and runs agree on all of these, so nothing here is repeated
# elsewhere. preflyte_home sets $home (the distribution, a physical path), which the rest expects. Forks no process unless JAVA_HOME is
# unset (each fork costs about a millisecond of every task's start).

# Sets and exports home (PREFLYTE_HOME, which the runtime reads to find backends/): PREFLYTE_HOME,
# else the unpacked distribution the script sits in (bin/ beside lib/), else, in the repository, the
# tree the build lays out. Expects bin_dir (the script's own folder, symlinks followed, possibly
# relative) and $1, the script's name for the error.
preflyte_home() {
  if [ -n "${PREFLYTE_HOME:-}" ]; then
    home="$PREFLYTE_HOME"
  elif [ -d "$bin_dir/../lib" ]; then
    home="$bin_dir/.."
  else
    home="$bin_dir/../launcher/target/preflyte"
  fi
  if [ ! -d "$home/lib" ]; then
    echo "$1: no runtime libraries in $home/lib: run the bin/ of an unpacked Preflyte distribution, build them with 'mvn -B -DskipTests package' in the Preflyte repository, or set PREFLYTE_HOME" >&2
    exit 2
  fi
  # An absolute PREFLYTE_HOME (what an image sets) is taken as given, so training and runs name the
  # same paths without a fork; anything else becomes the physical path.
  if [[ -n "${PREFLYTE_HOME:-}" && "$home" == /* ]]; then
    while [[ "$home" == */ && "$home" != / ]]; do home="${home%/}"; done
  else
    home="$(cd -P "$home" && pwd)"
  fi
  export PREFLYTE_HOME="$home"
}

# Sets java (the executable) and java_feature (its major version, 0 if unknown) from JAVA_HOME, else
# from the java on PATH, by reading the JDK's release file.
preflyte_java() {
  local java_home=
  if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"
    java_home="$JAVA_HOME"
  else
    java=java
    local found
    found="$(type -P java || true)"
    if [ -n "$found" ]; then
      found="$(readlink -f "$found")"
      java_home="${found%/bin/java}"
    fi
  fi
  java_feature=0
  local line version
  if [ -n "$java_home" ] && [ -r "$java_home/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*)
          version="${line#JAVA_VERSION=}"
          version="${version//\"/}"
          version="${version#1.}" # 1.8.0 is 8
          version="${version%%[!0-9]*}"
          java_feature="${version:-0}"
          break
          ;;
      esac
    done < "$java_home/release"
  fi
}

# Sets lib_jars and lib_class_path: lib/'s jars in C-locale order, spelled out. The JVM's own "lib/*"
# expands in directory order, which a copy of the tree may change; a start-up archive records the
# exact path.
preflyte_lib_class_path() {
  local LC_ALL=C
  lib_jars=("$home"/lib/*.jar)
  local IFS=:
  lib_class_path="${lib_jars[*]}"
}

# Succeeds if a jar of lib/ or PREFLYTE_CLASSPATH changed after the archive $1 was written. JDK 25's
# JVM (before 25.0.4, JDK-8377932) does not check the jars an AOT cache was made from, and would
# serve the old classes; shell tests only, no fork.
preflyte_jars_newer_than() {
  local jar entries
  for jar in "${lib_jars[@]}"; do
    if [ "$jar" -nt "$1" ]; then return 0; fi
  done
  IFS=: read -r -a entries <<< "${PREFLYTE_CLASSPATH:-}"
  for jar in "${entries[@]}"; do
    if [ -f "$jar" ] && [ "$jar" -nt "$1" ]; then return 0; fi
  done
  return 1
}

# Sets jvm_flags: the serial collector (one task, one thread of work), no perf file, and on JDK 24
# and later no warning for protobuf's use of sun.misc.Unsafe, which would land in every task's log;
# then the compilers PREFLYTE_JIT asks for:
# - quick (the default): the client compiler only, compiling a method after ten times the usual
#   number of calls. A short run compiles far fewer methods: measured 1-6 MB less peak RSS and less
#   CPU; a long task's hot code still compiles within milliseconds, but only to C1's code. From JDK
#   18 on, core reflection also calls through the JVM's native accessors: the default generates
#   method-handle classes for each new kind of reflective call, which protobuf's first parse and
#   the JDK's own Enum.valueOf make on every start (about 1-3 ms; a reflective call then costs a
#   JNI transition, which only reflection-heavy hot loops notice: they want optimizing anyway).
# - optimizing: the JVM's own tiered compilation, C2 included, for task types whose runs spend
#   seconds in hot loops (the SQL samples' row copy runs a third faster); about 3 MB more peak RSS
#   and up to 6 ms more for a trivial task. Images set it with `preflyte image --jit optimizing`.
# Anything else is refused ($1: the script's name for the error). Training and runs use the same.
preflyte_jvm_flags() {
  jvm_flags=(-XX:+UseSerialGC -XX:-UsePerfData)
  case "${PREFLYTE_JIT:-quick}" in
    quick)
      jvm_flags+=(-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10)
      if [ "$java_feature" -ge 18 ]; then
        jvm_flags+=(-Djdk.reflect.useNativeAccessorOnly=true)
      fi
      ;;
    optimizing) ;;
    *)
      echo "$1: PREFLYTE_JIT is '${PREFLYTE_JIT}', not one of quick (the default: the client compiler, for short tasks) or optimizing (C2 as well, for tasks that run seconds of hot code): set it to one of them or unset it" >&2
      exit 2
      ;;
  esac
  if [ "$java_feature" -ge 24 ]; then
    jvm_flags+=(--sun-misc-unsafe-memory-access=allow)
  fi
}

# Sets archive_file: the start-up archive for this JVM, the AOT cache (JEP 483/514) from JDK 25 on,
# else the class-data-sharing archive.
preflyte_archive_file() {
  if [ "$java_feature" -ge 25 ]; then
    archive_file="$home/preflyte.aot"
  else
    archive_file="$home/preflyte.jsa"
  fi
}

# Sets archive_flags: the flags that use the start-up archive, if there is one for this JVM. A JVM
# that cannot use it (another JDK, other jars, another class path) runs without it and says nothing.
# Left out with PREFLYTE_CDS=off, when JAVA_OPTS names an archive of its own, and on JDK 25 when
# JAVA_OPTS gives -Xshare (the JVM refuses AOTCache with it; -XX:AOTMode=on is its -Xshare:on).
preflyte_archive_flags() {
  archive_flags=()
  if [ "${PREFLYTE_CDS:-on}" = off ]; then
    return 0
  fi
  case " ${JAVA_OPTS:-} " in
    *" -XX:SharedArchiveFile="* | *" -XX:AOTCache="*) return 0 ;;
    *" -Xshare:"*) if [ "$java_feature" -ge 25 ]; then return 0; fi ;;
  esac
  preflyte_archive_file
  if [ ! -f "$archive_file" ]; then
    return 0
  fi
  if [ "$java_feature" -ge 25 ]; then
    if preflyte_jars_newer_than "$archive_file"; then
      return 0
    fi
    archive_flags=("-XX:AOTCache=$archive_file" -Xlog:aot=off -Xlog:cds=off)
  else
    archive_flags=(-Xshare:auto "-XX:SharedArchiveFile=$archive_file" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}

# Sets training_flags: the flags that make this JVM write its start-up archive to $1 at exit.
preflyte_training_flags() {
  if [ "$java_feature" -ge 25 ]; then
    training_flags=("-XX:AOTCacheOutput=$1")
  else
    training_flags=(-Xshare:auto "-XX:ArchiveClassesAtExit=$1")
  fi
}

# The JVM, its flags and lib/'s class path, as every launcher needs them ($1: the script's name).
preflyte_jvm() {
  preflyte_java
  preflyte_lib_class_path
  preflyte_jvm_flags "$1"
}
