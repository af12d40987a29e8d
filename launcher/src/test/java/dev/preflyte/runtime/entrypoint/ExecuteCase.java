package dev.preflyte.runtime.entrypoint;

import static dev.preflyte.runtime.entrypoint.tasks.Templates.PACKAGE;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.entrypoint.tasks.Literals;
import dev.preflyte.runtime.entrypoint.tasks.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the failure table: how to lay out a run of {@code bin/preflyte-execute} (template,
 * inputs, environment) and what it must leave behind (exit code, error document or outputs).
 */
final class ExecuteCase {

  static final String HOSTILE = PACKAGE + "Hostile";
  static final LiteralType STRING = Literals.simple(SimpleType.STRING);
  static final LiteralType INTEGER = Literals.simple(SimpleType.INTEGER);

  /** Prepares files in the case's directory before the run. */
  interface Setup {
    void prepare(Path dir) throws IOException;
  }

  final String name;
  TaskTemplate template = hostileTemplate(Map.of("mode", STRING));
  byte[] templateBytes;
  LiteralMap inputs;
  byte[] inputsBytes;
  String executor = HOSTILE;
  String outputPrefix = "out/0";
  final Map<String, String> env = new HashMap<>();
  final List<Setup> setups = new ArrayList<>();
  boolean deleteTemplate;
  boolean deleteInputs;
  boolean needsRoot;
  boolean leavesScratch;

  int exitCode;
  String code; // null: success expected
  ContainerError.Kind kind;
  ExecutionError.ErrorKind origin;
  String messageContains;
  String stderrContains;
  boolean noDocument; // neither outputs.pb nor error.pb can be written
  String outputValue;

  private ExecuteCase(String name) {
    this.name = name;
  }

  static ExecuteCase named(String name) {
    return new ExecuteCase(name);
  }

  static TaskTemplate hostileTemplate(Map<String, LiteralType> inputs) {
    return Templates.template(HOSTILE, inputs, Map.of("out", STRING));
  }

  static LiteralMap mode(String mode) {
    return LiteralMap.newBuilder().putLiterals("mode", Literals.string(mode)).build();
  }

  static LiteralMap mode(String mode, String name, Literal value) {
    return mode(mode).toBuilder().putLiterals(name, value).build();
  }

  ExecuteCase runs(String mode, String... envPairs) {
    this.inputs = mode(mode);
    for (int i = 0; i < envPairs.length; i += 2) {
      env.put(envPairs[i], envPairs[i + 1]);
    }
    return this;
  }

  ExecuteCase template(TaskTemplate template) {
    this.template = template;
    return this;
  }

  ExecuteCase templateBytes(byte[] bytes) {
    this.templateBytes = bytes;
    return this;
  }

  ExecuteCase inputs(LiteralMap inputs) {
    this.inputs = inputs;
    return this;
  }

  ExecuteCase inputsBytes(byte[] bytes) {
    this.inputsBytes = bytes;
    return this;
  }

  ExecuteCase executor(String executor) {
    this.executor = executor;
    return this;
  }

  ExecuteCase env(String name, String value) {
    env.put(name, value);
    return this;
  }

  ExecuteCase setup(Setup setup) {
    setups.add(setup);
    return this;
  }

  ExecuteCase outputPrefix(String prefix) {
    this.outputPrefix = prefix;
    return this;
  }

  ExecuteCase withoutTemplate() {
    deleteTemplate = true;
    return this;
  }

  ExecuteCase withoutInputs() {
    deleteInputs = true;
    return this;
  }

  ExecuteCase leavesScratch() {
    leavesScratch = true;
    return this;
  }

  ExecuteCase asRoot() {
    needsRoot = true;
    return this;
  }

  /** Expects error.pb with this classification and exit code 0 (FLYTE_FAIL_ON_ERROR off). */
  ExecuteCase fails(String code, ContainerError.Kind kind, ExecutionError.ErrorKind origin, String messageContains) {
    return failsWithExit(0, code, kind, origin, messageContains);
  }

  ExecuteCase failsWithExit(int exitCode, String code, ContainerError.Kind kind, ExecutionError.ErrorKind origin,
      String messageContains) {
    this.exitCode = exitCode;
    this.code = code;
    this.kind = kind;
    this.origin = origin;
    this.messageContains = messageContains;
    return this;
  }

  /** Expects no document at all (it cannot be written) and this exit code and stderr line. */
  ExecuteCase endsWithoutDocument(int exitCode, String stderrContains) {
    this.exitCode = exitCode;
    this.noDocument = true;
    this.stderrContains = stderrContains;
    return this;
  }

  ExecuteCase succeeds(String outputValue) {
    this.exitCode = 0;
    this.outputValue = outputValue;
    return this;
  }

  @Override
  public String toString() {
    return name;
  }

  static Map<String, LiteralType> inputs(Object... nameTypePairs) {
    Map<String, LiteralType> map = new LinkedHashMap<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      map.put((String) nameTypePairs[i], (LiteralType) nameTypePairs[i + 1]);
    }
    return map;
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
