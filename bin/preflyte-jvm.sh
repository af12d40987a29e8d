# Sourced (not run) by bin/preflyte, bin/preflyte-execute and bin/preflyte-train: the one home of
# the JVM they start, its flags, the class path of lib/ and the start-up archive that goes with them.
# An archive only helps when training and runs agree on all of these, so nothing here is repeated
# elsewhere. preflyte_home sets $home (the distribution, a physical path), which the rest expects.
#
# POSIX sh, so an image needs no bash (busybox's ash and dash run it) and a task starts sooner:
# dash starts and runs this in about half bash's time. Without arrays, a value that may hold a
# space (a path) is one quoted variable; lists of fixed flags are words, expanded unquoted. Forks no
# process unless JAVA_HOME is unset or PREFLYTE_HOME relative (each fork costs about a millisecond
# of every task's start).

# Sets and exports home (PREFLYTE_HOME, which the runtime reads to find backends/): PREFLYTE_HOME,
# else the unpacked distribution the script sits in (bin/ beside lib/), else, in the repository, the
# tree the build lays out. Expects bin_dir (the script's own folder, symlinks followed, possibly
# relative) and $1, the script's name for the error.
preflyte_home() {
  if [ -n "${PREFLYTE_HOME:-}" ]; then
    home=$PREFLYTE_HOME
  elif [ -d "$bin_dir/../lib" ]; then
    home=$bin_dir/..
  else
    home=$bin_dir/../launcher/target/preflyte
  fi
  if [ ! -d "$home/lib" ]; then
    echo "$1: no runtime libraries in $home/lib: run the bin/ of an unpacked Preflyte distribution, build them with 'mvn -B -DskipTests package' in the Preflyte repository, or set PREFLYTE_HOME" >&2
    exit 2
  fi
  # An absolute PREFLYTE_HOME (what an image sets) is taken as given, so training and runs name the
  # same paths without a fork; anything else becomes the physical path.
  case "${PREFLYTE_HOME:-}" in
    /*) while [ "$home" != / ] && [ "${home%/}" != "$home" ]; do home=${home%/}; done ;;
    *) home=$(cd -P "$home" && pwd) ;;
  esac
  PREFLYTE_HOME=$home
  export PREFLYTE_HOME
}

# Sets java (the executable) and java_feature (its major version, 0 if unknown) from JAVA_HOME, else
# from the java on PATH, by reading the JDK's release file.
preflyte_java() {
  preflyte_java_home=
  if [ -n "${JAVA_HOME:-}" ]; then
    java=$JAVA_HOME/bin/java
    preflyte_java_home=$JAVA_HOME
  else
    java=java
    preflyte_rest=${PATH:-}:
    while [ -n "$preflyte_rest" ]; do
      preflyte_dir=${preflyte_rest%%:*}
      preflyte_rest=${preflyte_rest#*:}
      if [ -f "${preflyte_dir:-.}/java" ] && [ -x "${preflyte_dir:-.}/java" ]; then
        preflyte_found=${preflyte_dir:-.}/java
        if [ -L "$preflyte_found" ]; then
          preflyte_found=$(readlink -f "$preflyte_found")
        fi
        preflyte_java_home=${preflyte_found%/bin/java}
        break
      fi
    done
  fi
  java_feature=0
  if [ -n "$preflyte_java_home" ] && [ -r "$preflyte_java_home/release" ]; then
    while IFS= read -r preflyte_line || [ -n "$preflyte_line" ]; do
      case $preflyte_line in
        JAVA_VERSION=*)
          preflyte_version=${preflyte_line#JAVA_VERSION=}
          preflyte_version=${preflyte_version#\"}
          preflyte_version=${preflyte_version#1.} # 1.8.0 is 8
          preflyte_version=${preflyte_version%%[!0-9]*}
          java_feature=${preflyte_version:-0}
          break
          ;;
      esac
    done < "$preflyte_java_home/release"
  fi
}

# Sets lib_class_path: lib/'s jars in C-locale order, spelled out. The JVM's own "lib/*" expands in
# directory order, which a copy of the tree may change; a start-up archive records the exact path.
# A shell that sorts by locale (bash) is held to the C order while it lists them.
preflyte_lib_class_path() {
  preflyte_locale=${LC_ALL-}
  preflyte_locale_set=${LC_ALL+set}
  LC_ALL=C
  lib_class_path=
  for preflyte_jar in "$home"/lib/*.jar; do
    if [ -f "$preflyte_jar" ]; then
      lib_class_path=${lib_class_path:+$lib_class_path:}$preflyte_jar
    fi
  done
  if [ "$preflyte_locale_set" = set ]; then
    LC_ALL=$preflyte_locale
  else
    unset LC_ALL
  fi
}

# Succeeds if a jar of lib/ or PREFLYTE_CLASSPATH changed after the archive $1 was written. JDK 25's
# JVM (before 25.0.4, JDK-8377932) does not check the jars an AOT cache was made from, and would
# serve the old classes; shell tests only, no fork.
preflyte_jars_newer_than() {
  preflyte_rest=$lib_class_path:${PREFLYTE_CLASSPATH:-}:
  while [ -n "$preflyte_rest" ]; do
    preflyte_jar=${preflyte_rest%%:*}
    preflyte_rest=${preflyte_rest#*:}
    if [ -f "$preflyte_jar" ] && [ "$preflyte_jar" -nt "$1" ]; then return 0; fi
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
# The flags are words without spaces, expanded unquoted.
preflyte_jvm_flags() {
  jvm_flags="-XX:+UseSerialGC -XX:-UsePerfData"
  case "${PREFLYTE_JIT:-quick}" in
    quick)
      jvm_flags="$jvm_flags -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10"
      if [ "$java_feature" -ge 18 ]; then
        jvm_flags="$jvm_flags -Djdk.reflect.useNativeAccessorOnly=true"
      fi
      ;;
    optimizing) ;;
    *)
      echo "$1: PREFLYTE_JIT is '${PREFLYTE_JIT}', not one of quick (the default: the client compiler, for short tasks) or optimizing (C2 as well, for tasks that run seconds of hot code): set it to one of them or unset it" >&2
      exit 2
      ;;
  esac
  if [ "$java_feature" -ge 24 ]; then
    jvm_flags="$jvm_flags --sun-misc-unsafe-memory-access=allow"
  fi
}

# Sets archive_file: the start-up archive for this JVM, the AOT cache (JEP 483/514) from JDK 25 on,
# else the class-data-sharing archive.
preflyte_archive_file() {
  if [ "$java_feature" -ge 25 ]; then
    archive_file=$home/preflyte.aot
  else
    archive_file=$home/preflyte.jsa
  fi
}

# Sets archive_option (the one flag naming the archive, to be quoted: its path may hold a space)
# and archive_flags (words), the flags that use the start-up archive, if there is one for this JVM.
# Both are empty when there is none; pass the option as ${archive_option:+"$archive_option"}. A JVM
# that cannot use the archive (another JDK, other jars, another class path) runs without it and
# says nothing. Left out with PREFLYTE_CDS=off, when JAVA_OPTS names an archive of its own, and on
# JDK 25 when JAVA_OPTS gives -Xshare (the JVM refuses AOTCache with it; -XX:AOTMode=on is its
# -Xshare:on).
preflyte_archive_flags() {
  archive_option=
  archive_flags=
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
    archive_option=-XX:AOTCache=$archive_file
    archive_flags="-Xlog:aot=off -Xlog:cds=off"
  else
    archive_option=-XX:SharedArchiveFile=$archive_file
    archive_flags="-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# Sets training_option (quoted, as archive_option) and training_flags (words): the flags that make
# this JVM write its start-up archive to $1 at exit.
preflyte_training_flags() {
  if [ "$java_feature" -ge 25 ]; then
    training_option=-XX:AOTCacheOutput=$1
    training_flags=
  else
    training_option=-XX:ArchiveClassesAtExit=$1
    training_flags=-Xshare:auto
  fi
}

# The JVM, its flags and lib/'s class path, as every launcher needs them ($1: the script's name).
preflyte_jvm() {
  preflyte_java
  preflyte_lib_class_path
  preflyte_jvm_flags "$1"
}
