package dev.preflyte.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code preflyte image --output DIR}: for each image the declared tasks name, a folder with its
 * Dockerfile and build context ({@link ImageRecipes}).
 */
@Command(name = "image", versionProvider = Preflyte.Version.class,
    description = "Writes, for each image the declared tasks name, a Dockerfile and its build context.")
final class ImageCommand implements Callable<Integer> {

  @Option(names = {"--output", "-o"}, paramLabel = "DIR", required = true,
      description = "The folder to write, one folder per image inside; it must be new or empty.")
  Path output;

  @Option(names = "--base", paramLabel = "REF",
      description = "The JRE base image; default: " + ImageRecipes.DEFAULT_BASE + ". Give a digest"
          + " (REF@sha256:...) to pin it.")
  String base;

  @Option(names = "--distribution", paramLabel = "DIR",
      description = "The unpacked Preflyte distribution to put in the image; default: $PREFLYTE_HOME, else"
          + " the one this command runs from.")
  Path distribution;

  @Option(names = "--backends", paramLabel = "NAME", split = ",",
      description = "The storage backends to include (s3, azure, gcs); default: all the distribution has.")
  List<String> backends = new ArrayList<>();

  @Option(names = "--force", description = "Replaces an output folder that is not empty.")
  boolean force;

  @Option(names = "--jit", paramLabel = "MODE",
      description = "The compilers the tasks' JVM uses (PREFLYTE_JIT): quick (default; the client compiler, for"
          + " tasks done in a second) or optimizing (C2 as well, for tasks that run seconds of hot code).")
  String jit;

  @Option(names = "--training-inputs", paramLabel = "DIR",
      description = "Inputs on which the image build's training run runs declared tasks for real, so their own"
          + " code is in the start-up archive too: a folder of <task name>.pb files, each a LiteralMap, or"
          + " <task name>.json files, each a JSON object as 'preflyte run --inputs' takes it. Its folders hold"
          + " local data the inputs name relative to it, such as data/rows.csv.")
  Path trainingInputs;

  @Mixin ClassPathOptions classPath;
  @Mixin ImageOptions images;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<ImageRecipes.Written> written = ImageRecipes.write(new ImageRecipes.Request(classPath.declaredTasks(),
        images.images, base, distribution, backends, classPath.entries(), output, force,
        JitMode.parse(jit, "--jit"), trainingInputs), line -> {
          err.println("preflyte: " + line);
          err.flush();
        });
    PrintWriter out = spec.commandLine().getOut();
    for (ImageRecipes.Written image : written) {
      out.println("wrote " + image.folder() + " for " + image.image() + " (" + image.taskCount() + "): docker build -t "
          + image.image() + " " + image.folder());
    }
    out.flush();
    return 0;
  }
}
