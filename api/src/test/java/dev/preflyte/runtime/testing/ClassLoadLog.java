package dev.preflyte.runtime.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a JVM started with {@code -Xlog:class+load=info:stdout} printed: the laziness tests ask
 * which classes a run loaded, so that code a run never needs (a cloud SDK, offloading) is proved absent.
 */
public final class ClassLoadLog {

  private static final String TAG = "[class,load] ";

  private ClassLoadLog() {}

  /** The names of the loaded classes, in load order; lines of other output are skipped. */
  public static List<String> classNames(String output) {
    List<String> classes = new ArrayList<>();
    for (String line : output.split("\n")) {
      int tag = line.indexOf(TAG);
      if (tag >= 0) {
        String rest = line.substring(tag + TAG.length());
        int space = rest.indexOf(' ');
        classes.add(space < 0 ? rest : rest.substring(0, space));
      }
    }
    return classes;
  }
}
