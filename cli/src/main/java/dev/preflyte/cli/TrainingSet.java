package dev.preflyte.cli;

import dev.preflyte.idl.core.LiteralMap;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an image build's training run is given: the inputs of the tasks it runs for real, by task
 * name, and the folders of data beside them, which those inputs may name by local path.
 */
record TrainingSet(SortedMap<String, LiteralMap> inputs, List<Path> dataFolders) {

  static final TrainingSet NONE = new TrainingSet(new TreeMap<>(), List.of());

  TrainingSet {
    inputs = new TreeMap<>(inputs);
    dataFolders = List.copyOf(dataFolders);
  }

  /** The part for an image of {@code tasks}: their inputs, and the data only if one of them has inputs. */
  TrainingSet forTasks(Collection<String> tasks) {
    SortedMap<String, LiteralMap> theirs = new TreeMap<>(inputs);
    theirs.keySet().retainAll(tasks);
    return new TrainingSet(theirs, theirs.isEmpty() ? List.of() : dataFolders);
  }

  boolean isEmpty() {
    return inputs.isEmpty();
  }
}
