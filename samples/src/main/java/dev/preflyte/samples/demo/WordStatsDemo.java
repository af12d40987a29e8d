package dev.preflyte.samples.demo;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskSettings;
import dev.preflyte.samples.typed.WordStats;
import dev.preflyte.samples.typed.WordStatsTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The two halves of the demo around a real {@code preflyte-execute} run.
 *
 * <p>{@code prepare DIR} plays the task's user and Flyte: it defines a {@link WordStatsTask}, writes
 * its registered template as {@code DIR/task.pb} and the inputs as {@code DIR/inputs.pb}, the files
 * Flyte hands a container. {@code show DIR} reads the {@code outputs.pb} or {@code error.pb} the
 * container left in {@code DIR/outputs/} and prints it.
 */
public final class WordStatsDemo {

  private static final String TEXT =
      "Flyte runs tasks as containers. A pre-built container task is a task whose container is built"
          + " once by its author; its users only configure the task and run it.";

  private WordStatsDemo() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !List.of("prepare", "show").contains(args[0])) {
      System.err.println("usage: WordStatsDemo prepare|show DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    if (args[0].equals("prepare")) {
      prepare(dir);
    } else {
      show(dir);
    }
  }

  private static void prepare(Path dir) throws IOException {
    List<String> stopWords = List.of("a", "as", "by", "is", "it", "its", "the", "and", "only", "once");
    WordStats config = new WordStats(stopWords, 3, false);
    WordStatsTask task = WordStatsTask.of(config, TaskSettings.builder().retries(2).build());
    TaskTemplate template = task.toTaskTemplate(new RegistrationSettings("flytesnacks", "development", "demo"));
    LiteralMap inputs = LiteralMap.newBuilder()
        .putLiterals("text", LiteralCodecs.string().encode(TEXT, null))
        .build();
    Files.createDirectories(dir);
    Files.write(dir.resolve("task.pb"), template.toByteArray());
    Files.write(dir.resolve("inputs.pb"), inputs.toByteArray());

    System.out.println("task      " + template.getId().getName() + " (type " + template.getType() + ")");
    System.out.println("image     " + template.getContainer().getImage());
    System.out.println("custom    " + oneLine(template.getCustom().toString()));
    System.out.println("args      " + String.join(" ", template.getContainer().getArgsList()));
    System.out.println("template  " + dir.resolve("task.pb") + " (" + template.getSerializedSize() + " bytes)");
    System.out.println("input     text = \"" + TEXT + "\"");
  }

  private static void show(Path dir) throws IOException {
    Path outputs = dir.resolve("outputs/outputs.pb");
    Path error = dir.resolve("outputs/error.pb");
    if (Files.exists(error)) {
      System.out.println("error.pb  " + dev.preflyte.idl.core.ErrorDocument.parseFrom(Files.readAllBytes(error)));
      System.exit(1);
    }
    LiteralMap literals = LiteralMap.parseFrom(Files.readAllBytes(outputs));
    System.out.println("outputs.pb (" + Files.size(outputs) + " bytes):");
    System.out.println("  words        = " + LiteralCodecs.int64().decode(literals.getLiteralsOrThrow("words"), null));
    System.out.println("  distinct     = " + LiteralCodecs.int64().decode(literals.getLiteralsOrThrow("distinct"), null));
    System.out.println("  mostFrequent = "
        + LiteralCodecs.listOf(LiteralCodecs.string()).decode(literals.getLiteralsOrThrow("mostFrequent"), null));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
