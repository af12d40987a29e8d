package bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the processor benchmark's sources the way Maven's compiler plugin and Gradle's daemon
 * do: in-process, through {@link ToolProvider#getSystemJavaCompiler()}, in one JVM that stays warm
 * across compiles. Each compile gets a fresh file manager and fresh output directories; the
 * processor path is passed as {@code -processorpath}, so the processor is loaded anew for every
 * compile, as the build tools do.
 *
 * <p>Three variants, interleaved (their order rotates every round): the real processor, {@code
 * -proc:none} on the sources plus the files the processor generates, and the copy floor ({@code
 * bench.CopyProcessor}). With {@code --peer-sources}, a second processor (e.g. AutoValue) on its
 * own sources joins the same rounds with its first two variants. After the warm-up rounds, every
 * measured round records per compile the wall time, the compiling thread's CPU time and the whole
 * process's CPU time (which includes the JIT and GC threads). Then, unless {@code --phase-runs 0},
 * a few more compiles of each with a {@link TaskListener} report where javac spends its time.
 *
 * <pre>
 * java -cp &lt;harness classes&gt; bench.WarmCompileBench --sources DIR --classpath CP
 *     --processorpath PP --copy-processorpath DIR [--peer-name NAME --peer-sources DIR
 *     --peer-classpath CP --peer-processorpath PP] [--warmup 5] [--runs 10] [--phase-runs 3]
 * </pre>
 */
public final class WarmCompileBench {

  private enum Variant {
    PROCESSOR("with processor"),
    PROC_NONE("-proc:none + generated"),
    COPY_FLOOR("copy floor");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /** One compile's cost, in nanoseconds. */
  private record Sample(long wall, long threadCpu, long processCpu) {}

  /**
   * A processor under test: its sources (one annotated class each), class path, processor path,
   * the copy floor's processor path (null: no copy floor) and the sources it generated in a first
   * compile, which its -proc:none variant compiles too.
   */
  private record Subject(String name, List<Path> sources, String classpath, String processorpath,
      String copyProcessorpath, Path generated) {
    List<Variant> variants() {
      return copyProcessorpath == null ? List.of(Variant.PROCESSOR, Variant.PROC_NONE) : List.of(Variant.values());
    }
  }

  /** One kind of compile: a variant of a subject. */
  private record Job(Subject subject, Variant variant) {
    String label() {
      return subject.name + " " + variant.label;
    }
  }

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Map<String, String> options;
  private final Path work;
  private final List<Subject> subjects = new ArrayList<>();

  private WarmCompileBench(Map<String, String> options) throws IOException {
    this.options = options;
    this.work = Files.createTempDirectory("warm-compile-bench");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value pairs, found " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    WarmCompileBench bench = new WarmCompileBench(options);
    try {
      bench.run();
    } finally {
      bench.deleteWork();
    }
  }

  private String required(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  private int count(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  /** Compiles the subject's sources with its processor once, and returns it with what that generated. */
  private Subject subject(String name, String prefix, String copyProcessorpath) throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.list(Path.of(required(prefix + "sources")))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("--" + prefix + "sources holds no .java file");
    }
    Path first = Files.createTempDirectory(work, "first");
    Subject subject = new Subject(name, sources, required(prefix + "classpath"), required(prefix + "processorpath"),
        copyProcessorpath, first.resolve("gen"));
    compile(new Job(subject, Variant.PROCESSOR), first, null);
    List<Path> generated = javaFiles(subject.generated);
    long lines = 0;
    for (Path file : generated) {
      lines += Files.readAllLines(file).size();
    }
    System.out.printf(Locale.ROOT, "%s: sources: %d, generated: %d, %.1f generated lines per annotated class%n",
        name, sources.size(), generated.size(), (double) lines / sources.size());
    return subject;
  }

  private void run() throws IOException {
    int warmup = count("warmup", 5);
    int runs = count("runs", 10);
    int phaseRuns = count("phase-runs", 3);
    System.out.printf(Locale.ROOT, "javac %s in-process (java.home %s); cores: %d%n",
        System.getProperty("java.version"), System.getProperty("java.home"), Runtime.getRuntime().availableProcessors());
    subjects.add(subject("Preflyte", "", required("copy-processorpath")));
    if (options.containsKey("peer-sources")) {
      subjects.add(subject(options.getOrDefault("peer-name", "peer"), "peer-", null));
    }
    List<Job> jobs = new ArrayList<>();
    for (Subject subject : subjects) {
      subject.variants().forEach(variant -> jobs.add(new Job(subject, variant)));
    }
    System.out.printf(Locale.ROOT, "warm-up rounds: %d, measured rounds: %d, compiles interleaved%n", warmup, runs);
    for (int r = 0; r < warmup; r++) {
      for (Job job : jobs) {
        measure(job, null);
      }
    }
    System.out.println("load average before: " + loadAverage());
    Map<Job, List<Sample>> samples = new LinkedHashMap<>();
    for (int r = 0; r < runs; r++) {
      StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
      for (int i = 0; i < jobs.size(); i++) {
        Job job = jobs.get((r + i) % jobs.size());
        Sample sample = measure(job, null);
        samples.computeIfAbsent(job, j -> new ArrayList<>()).add(sample);
        line.append(String.format(Locale.ROOT, " %s %d ms wall / %d ms thread cpu / %d ms process cpu;",
            job.label(), sample.wall / 1_000_000, sample.threadCpu / 1_000_000, sample.processCpu / 1_000_000));
      }
      System.out.println(line);
    }
    System.out.println("load average after: " + loadAverage());
    report(samples, "wall", Sample::wall);
    report(samples, "thread cpu", Sample::threadCpu);
    report(samples, "process cpu", Sample::processCpu);
    if (subjects.size() > 1) {
      Subject peer = subjects.get(1);
      double preflyte = overhead(samples, subjects.get(0), Sample::threadCpu);
      double other = overhead(samples, peer, Sample::threadCpu);
      System.out.printf(Locale.ROOT, "comparison (thread cpu): Preflyte overhead %+.1f%% vs %s overhead %+.1f%%;"
          + " Preflyte <= %s: %s%n", preflyte, peer.name, other, peer.name, preflyte <= other ? "yes" : "no");
    }
    if (phaseRuns > 0) {
      phases(jobs, phaseRuns);
    }
  }

  private interface Metric {
    long of(Sample sample);
  }

  private void report(Map<Job, List<Sample>> samples, String name, Metric metric) {
    for (Subject subject : subjects) {
      double processor = median(samples.get(new Job(subject, Variant.PROCESSOR)), metric);
      double none = median(samples.get(new Job(subject, Variant.PROC_NONE)), metric);
      String line = String.format(Locale.ROOT,
          "%-11s median: %s with processor %.0f ms, -proc:none %.0f ms; overhead %+.1f%% (ratio %.3f)",
          name, subject.name, processor / 1e6, none / 1e6, (processor / none - 1) * 100, processor / none);
      if (subject.copyProcessorpath != null) {
        double floor = median(samples.get(new Job(subject, Variant.COPY_FLOOR)), metric);
        line += String.format(Locale.ROOT,
            "; copy floor %.0f ms, floor overhead %+.1f%%, processor over floor %+.1f points",
            floor / 1e6, (floor / none - 1) * 100, (processor - floor) / none * 100);
      }
      System.out.println(line);
    }
  }

  /** The subject's processor overhead against -proc:none, in %, of the medians. */
  private static double overhead(Map<Job, List<Sample>> samples, Subject subject, Metric metric) {
    return (median(samples.get(new Job(subject, Variant.PROCESSOR)), metric)
        / median(samples.get(new Job(subject, Variant.PROC_NONE)), metric) - 1) * 100;
  }

  private static double median(List<Sample> samples, Metric metric) {
    long[] values = samples.stream().mapToLong(metric::of).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }

  private Sample measure(Job job, PhaseTimer phases) throws IOException {
    Path out = Files.createTempDirectory(work, "out");
    System.gc();
    long wall = System.nanoTime();
    long threadCpu = threads.getCurrentThreadCpuTime();
    long processCpu = os.getProcessCpuTime();
    compile(job, out, phases);
    Sample sample = new Sample(System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - threadCpu,
        os.getProcessCpuTime() - processCpu);
    delete(out);
    return sample;
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private void compile(Job job, Path out, PhaseTimer phases) throws IOException {
    Subject subject = job.subject;
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path gen = Files.createDirectories(out.resolve("gen"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-s", gen.toString(),
        "-cp", subject.classpath, "-Xlint:all,-processing", "-encoding", "UTF-8"));
    List<Path> files = new ArrayList<>(subject.sources);
    switch (job.variant) {
      case PROCESSOR -> args.addAll(List.of("-processorpath", subject.processorpath));
      case PROC_NONE -> {
        args.add("-proc:none");
        files.addAll(javaFiles(subject.generated));
      }
      case COPY_FLOOR -> args.addAll(List.of("-processorpath", subject.copyProcessorpath,
          "-processor", "bench.CopyProcessor", "-Adir=" + subject.generated.resolve("bench/tasks")));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, fileManager, diagnostics, args, null,
          fileManager.getJavaFileObjectsFromPaths(files));
      if (phases != null) {
        task.addTaskListener(phases);
      }
      boolean ok = task.call();
      List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
              || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
          .toList();
      if (!ok || !problems.isEmpty()) {
        throw new IllegalStateException(job.label() + " compile " + (ok ? "warned" : "failed") + ": "
            + problems.stream().limit(5).map(Object::toString).toList());
      }
    }
  }

  /** Compiles each job {@code runs} more times with a task listener and prints per-phase medians. */
  private void phases(List<Job> jobs, int runs) throws IOException {
    System.out.println("javac phases (task listener; median of " + runs + " compiles each, wall ms;"
        + " 'processing rounds' is the time inside processors, Filer included):");
    for (Job job : jobs) {
      List<PhaseTimer> timers = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        PhaseTimer timer = new PhaseTimer();
        measure(job, timer);
        timers.add(timer);
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-33s", job.label()));
      for (TaskEvent.Kind kind : TaskEvent.Kind.values()) {
        long[] values = timers.stream().mapToLong(t -> t.total(kind)).sorted().toArray();
        long median = values[values.length / 2];
        long calls = timers.get(0).spans(kind);
        if (calls > 0) {
          line.append(String.format(Locale.ROOT, " %s %d ms (x%d);", PhaseTimer.label(kind), median / 1_000_000,
              calls));
        }
      }
      System.out.println(line);
    }
  }

  /**
   * Times javac's phases: for each event kind, the wall time during which at least one event of
   * that kind was open (javac opens ENTER for every unit before entering them all, so one span
   * covers one {@code enterTrees}).
   */
  private static final class PhaseTimer implements TaskListener {
    private final Map<TaskEvent.Kind, Integer> open = new EnumMap<>(TaskEvent.Kind.class);
    private final Map<TaskEvent.Kind, Long> since = new EnumMap<>(TaskEvent.Kind.class);
    private final Map<TaskEvent.Kind, Long> totals = new EnumMap<>(TaskEvent.Kind.class);
    private final Map<TaskEvent.Kind, Long> spans = new EnumMap<>(TaskEvent.Kind.class);

    static String label(TaskEvent.Kind kind) {
      return switch (kind) {
        case ANNOTATION_PROCESSING -> "processing in all";
        case ANNOTATION_PROCESSING_ROUND -> "processing rounds";
        default -> kind.name().toLowerCase(Locale.ROOT);
      };
    }

    @Override
    public void started(TaskEvent e) {
      if (open.merge(e.getKind(), 1, Integer::sum) == 1) {
        since.put(e.getKind(), System.nanoTime());
      }
    }

    @Override
    public void finished(TaskEvent e) {
      Integer count = open.get(e.getKind());
      if (count == null || count == 0) {
        return;
      }
      open.put(e.getKind(), count - 1);
      if (count == 1) {
        totals.merge(e.getKind(), System.nanoTime() - since.get(e.getKind()), Long::sum);
        spans.merge(e.getKind(), 1L, Long::sum);
      }
    }

    long total(TaskEvent.Kind kind) {
      return totals.getOrDefault(kind, 0L);
    }

    long spans(TaskEvent.Kind kind) {
      return spans.getOrDefault(kind, 0L);
    }
  }

  private static String loadAverage() {
    try {
      return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void deleteWork() throws IOException {
    delete(work);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
