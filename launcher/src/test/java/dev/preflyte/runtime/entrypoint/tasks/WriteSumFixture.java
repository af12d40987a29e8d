package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code task.pb} and {@code inputs.pb} of the Sum task (a=2, b=3) into the directory given
 * as the only argument: the files Flyte would hand {@code preflyte-execute}. Used by bench/.
 */
public final class WriteSumFixture {

  private WriteSumFixture() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Files.write(dir.resolve("task.pb"), Templates.sum(Templates.PACKAGE + "Sum").toByteArray());
    Files.write(dir.resolve("inputs.pb"), LiteralMap.newBuilder()
        .putLiterals("a", Literals.integer(2)).putLiterals("b", Literals.integer(3)).build().toByteArray());
  }
}
