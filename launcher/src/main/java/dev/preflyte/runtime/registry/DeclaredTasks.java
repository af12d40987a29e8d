package dev.preflyte.runtime.registry;

import dev.preflyte.conventions.DeclaredTaskIndex;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks declared with {@code @DeclaredTask}, read from the index the processor writes (one
 * resource per declaring class under {@value DeclaredTaskIndex#INDEX_DIRECTORY}).
 *
 * <p>Nothing is scanned and nothing is instantiated that was not declared: only the classes the
 * index names are loaded (and initialized, since their static fields hold the tasks), only the
 * members it names are read or called.
 */
public final class DeclaredTasks {

  private DeclaredTasks() {}

  /**
   * Every task declared on {@code loader}'s class path, sorted by name.
   *
   * @throws DeclaredTaskException naming the declaration, if one cannot be loaded or holds no task,
   *     and naming both, if two declarations give one task name
   */
  public static List<DeclaredTask> load(ClassLoader loader) {
    ClassLoader effective = loader != null ? loader : DeclaredTasks.class.getClassLoader();
    List<DeclaredTask> tasks = new ArrayList<>();
    for (String className : ResourceFolder.list(effective, DeclaredTaskIndex.INDEX_DIRECTORY)) {
      tasks.addAll(loadClass(effective, className));
    }
    tasks.sort(Comparator.comparing(DeclaredTask::name).thenComparing(DeclaredTask::declaration));
    Map<String, DeclaredTask> byName = new HashMap<>();
    for (DeclaredTask task : tasks) {
      DeclaredTask other = byName.putIfAbsent(task.name(), task);
      if (other != null) {
        throw new DeclaredTaskException("two declared tasks are named \"" + task.name() + "\": "
            + other.declaration() + " and " + task.declaration()
            + "; give one of them another name with @DeclaredTask(name = \"...\")");
      }
    }
    return List.copyOf(tasks);
  }

  private static List<DeclaredTask> loadClass(ClassLoader loader, String className) {
    String resource = DeclaredTaskIndex.indexResource(className);
    List<DeclaredTaskIndex.Entry> entries = readIndex(loader, resource);
    if (entries.isEmpty()) {
      return List.of();
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      Throwable cause = e instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : e;
      throw new DeclaredTaskException("the declared task " + entries.get(0).declaration(className.replace('$', '.'))
          + " cannot be loaded: class " + className + " " + (e instanceof ClassNotFoundException
              ? "is not on the class path (" + resource + " names it): rebuild, or remove the stale index"
              : "failed to load: " + cause), cause);
    }
    String canonical = type.getCanonicalName() != null ? type.getCanonicalName() : type.getName();
    List<DeclaredTask> tasks = new ArrayList<>();
    for (DeclaredTaskIndex.Entry entry : entries) {
      String declaration = entry.declaration(canonical);
      PrebuiltContainerTask<?> task = read(type, entry, declaration);
      String name = DeclaredTaskIndex.taskName(
          entry.explicitName(), task.settings().name().orElse(null), canonical, entry.member());
      String problem = DeclaredTaskIndex.nameProblem(name);
      if (problem != null) {
        throw new DeclaredTaskException("the declared task " + declaration + " has the name \"" + name
            + "\", which is not valid for Flyte (" + problem + "): give it another name");
      }
      tasks.add(new DeclaredTask(name, declaration, task));
    }
    return tasks;
  }

  private static List<DeclaredTaskIndex.Entry> readIndex(ClassLoader loader, String resource) {
    URL url = loader.getResource(resource);
    if (url == null) {
      return List.of();
    }
    String text;
    try (InputStream in = url.openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DeclaredTaskException("cannot read the declared-task index " + url + ": " + e, e);
    }
    List<DeclaredTaskIndex.Entry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        entries.add(DeclaredTaskIndex.Entry.parse(line));
      } catch (IllegalArgumentException e) {
        throw new DeclaredTaskException("the declared-task index " + url + " is damaged, " + e.getMessage()
            + ": rebuild the project that contains it", e);
      }
    }
    return entries;
  }

  private static PrebuiltContainerTask<?> read(Class<?> type, DeclaredTaskIndex.Entry entry, String declaration) {
    Object value;
    try {
      if (entry.kind() == DeclaredTaskIndex.Kind.FIELD) {
        Field field = type.getField(entry.member());
        requireStatic(field, declaration);
        value = field.get(null);
      } else {
        Method method = type.getMethod(entry.member());
        requireStatic(method, declaration);
        value = method.invoke(null);
      }
    } catch (NoSuchFieldException | NoSuchMethodException e) {
      throw new DeclaredTaskException("the declared task " + declaration + " does not exist in "
          + type.getName() + " (a stale index?): rebuild the project that declares it", e);
    } catch (IllegalAccessException e) {
      throw new DeclaredTaskException("the declared task " + declaration + " cannot be read: " + e.getMessage()
          + "; make it and its class public", e);
    } catch (InvocationTargetException e) {
      throw new DeclaredTaskException("the declared task " + declaration + " failed when called: "
          + e.getCause(), e.getCause());
    } catch (RuntimeException | LinkageError e) {
      throw new DeclaredTaskException("the declared task " + declaration + " cannot be loaded: " + e, e);
    }
    if (value == null) {
      throw new DeclaredTaskException("the declared task " + declaration + " is null: give it a task");
    }
    if (!(value instanceof PrebuiltContainerTask<?> task)) {
      throw new DeclaredTaskException("the declared task " + declaration + " holds a "
          + value.getClass().getName() + ", not a " + PrebuiltContainerTask.class.getName());
    }
    return task;
  }

  private static void requireStatic(Member member, String declaration) {
    if (!Modifier.isStatic(member.getModifiers())) {
      throw new DeclaredTaskException("the declared task " + declaration
          + " is not static (a stale index?): rebuild the project that declares it");
    }
  }
}
