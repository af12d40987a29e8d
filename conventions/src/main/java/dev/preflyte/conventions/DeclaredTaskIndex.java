package dev.preflyte.conventions;

import java.util.Objects;

/**
 * The index of declared tasks: written by the processor for every class with {@code @DeclaredTask}
 * members, read by the runtime's {@code DeclaredTasks}, so neither scans the class path.
 *
 * <p>One resource per declaring class, {@code META-INF/preflyte/tasks/<binary name of the class>},
 * with one line per declared member, sorted: {@code field<TAB>WORDS<TAB><explicit name or empty>}
 * or {@code method<TAB>nightly<TAB>...}, each ending in a newline.
 *
 * <p>A declared task's name is, in this order: the annotation's {@code name}, else the name set in
 * the task's own {@code TaskSettings}, else the default {@code <canonical class name>.<member>}
 * (flytekit names a task {@code <module>.<function>}), for example {@code com.acme.Tasks.WORDS}.
 */
public final class DeclaredTaskIndex {

  /** The class-path folder holding one index resource per declaring class. */
  public static final String INDEX_DIRECTORY = "META-INF/preflyte/tasks/";

  /** The longest task name accepted. */
  public static final int MAX_NAME_LENGTH = 255;

  /** What kind of member declares a task. */
  public enum Kind {
    /** A {@code public static final} field. */
    FIELD("field"),
    /** A {@code public static} method without parameters. */
    METHOD("method");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    /** How the index writes this kind. */
    public String token() {
      return token;
    }

    static Kind of(String token) {
      for (Kind kind : values()) {
        if (kind.token.equals(token)) {
          return kind;
        }
      }
      return null;
    }
  }

  /**
   * One line of an index.
   *
   * @param kind field or method
   * @param member the field's or method's simple name
   * @param explicitName the annotation's name, empty when it gives none
   */
  public record Entry(Kind kind, String member, String explicitName) {
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(explicitName, "explicitName");
    }

    /** The line as the index holds it, without its newline. */
    public String line() {
      return kind.token() + "\t" + member + "\t" + explicitName;
    }

    /** How messages name this declaration: {@code com.acme.Tasks.WORDS} or {@code com.acme.Tasks.nightly()}. */
    public String declaration(String declaringClassCanonicalName) {
      return declaringClassCanonicalName + "." + member + (kind == Kind.METHOD ? "()" : "");
    }

    /**
     * Parses one line of an index.
     *
     * @throws IllegalArgumentException if the line is not {@code kind<TAB>member<TAB>name}
     */
    public static Entry parse(String line) {
      String[] parts = line.split("\t", -1);
      Kind kind = parts.length == 3 ? Kind.of(parts[0]) : null;
      if (kind == null || parts[1].isEmpty()) {
        throw new IllegalArgumentException("not a declared-task index line (expected field|method, member and"
            + " name separated by tabs): \"" + line + "\"");
      }
      return new Entry(kind, parts[1], parts[2]);
    }
  }

  private DeclaredTaskIndex() {}

  /** The index resource of the class with this binary name ({@code com.acme.Outer$Tasks}). */
  public static String indexResource(String declaringClassBinaryName) {
    return INDEX_DIRECTORY + declaringClassBinaryName;
  }

  /** The default name of a task declared by {@code member} of the class with this canonical name. */
  public static String defaultName(String declaringClassCanonicalName, String member) {
    return declaringClassCanonicalName + "." + member;
  }

  /**
   * The task's name: the annotation's if given, else the task's settings name if set, else the
   * default.
   *
   * @param settingsName the name in the task's {@code TaskSettings}, or null if unset (or unknown, at
   *     compile time)
   */
  public static String taskName(String explicitName, String settingsName, String declaringClassCanonicalName,
      String member) {
    if (explicitName != null && !explicitName.isEmpty()) {
      return explicitName;
    }
    if (settingsName != null && !settingsName.isEmpty()) {
      return settingsName;
    }
    return defaultName(declaringClassCanonicalName, member);
  }

  /**
   * Why {@code name} is not a valid task name, or null if it is. Valid: 1 to {@value
   * #MAX_NAME_LENGTH} ASCII letters, digits, {@code _}, {@code -} and {@code .}, starting with a
   * letter or {@code _}, with no empty part between dots, as flytekit's {@code module.function}
   * names are.
   */
  public static String nameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "it is longer than " + MAX_NAME_LENGTH + " characters";
    }
    char first = name.charAt(0);
    if (!(isAsciiLetter(first) || first == '_')) {
      return "it does not start with a letter or '_'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) {
        return "it contains '" + c + "'";
      }
    }
    if (name.endsWith(".") || name.contains("..")) {
      return "it has an empty part between dots";
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
