package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.task.TaskFailure;
import dev.preflyte.runtime.task.TaskFailedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.runtime.entrypoint.tasks.HostileExecutor;
import dev.preflyte.runtime.executor.RecoverableException;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.registry.ExecutorLoadException;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.UnusableUriException;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

  private static void assertTask(Throwable failure, String code, ContainerError.Kind kind,
      ExecutionError.ErrorKind origin) {
    TaskFailure classified = ErrorClassifier.classifyTask(failure);
    assertEquals(code, classified.code());
    assertEquals(kind, classified.kind());
    assertEquals(origin, classified.origin());
  }

  @Test
  void taskCodeFailures() {
    assertTask(new IllegalStateException("bad sql"), "USER:IllegalStateException",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTask(new IOException("x"), "USER:IOException", ContainerError.Kind.NON_RECOVERABLE,
        ExecutionError.ErrorKind.USER);
    assertTask(new RecoverableException("busy"), "USER:Recoverable", ContainerError.Kind.RECOVERABLE,
        ExecutionError.ErrorKind.USER);
    assertTask(new RuntimeException("wrapped", new RecoverableException("busy")), "USER:Recoverable",
        ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTask(new RuntimeException("wrapped", new StorageException("s3 down")), "SYSTEM:Storage",
        ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertTask(new RecoverableException("retry", new StorageException("s3 down")), "SYSTEM:Storage",
        ContainerError.Kind.RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertTask(new LiteralConversionException("expected INTEGER, got STRING").forVariable("input", "a"),
        "USER:InputMismatch", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTask(new LiteralConversionException("null for a non-optional type").forVariable("output", "n"),
        "USER:OutputMismatch", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTask(LiteralConversionException.ofVariables("output", "outputs a, b: T.execute returned null"),
        "USER:OutputMismatch", ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    // The side comes from where the failure was named, never from its wording.
    assertTask(new LiteralConversionException("output of the parser: expected INTEGER"), "USER:InputMismatch",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTask(new NoClassDefFoundError("org/sqlite/JDBC"), "SYSTEM:ExecutorLoad",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.SYSTEM);
    assertTask(new AssertionError("invariant"), "USER:AssertionError",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
    assertTask(new RuntimeException() { }, "USER:ErrorClassifierTest$1",
        ContainerError.Kind.NON_RECOVERABLE, ExecutionError.ErrorKind.USER);
  }

  @Test
  void platformFailures() {
    assertEquals("SYSTEM:TemplateLoad", ErrorClassifier.classifyPlatform(new TemplateLoadException("t", null)).code());
    assertEquals("SYSTEM:ExecutorLoad", ErrorClassifier.classifyPlatform(new ExecutorLoadException("e")).code());
    assertEquals("SYSTEM:InputLoad", ErrorClassifier.classifyPlatform(new InputsLoadException("i", null)).code());
    assertEquals("SYSTEM:Storage", ErrorClassifier.classifyPlatform(new StorageException("s")).code());
    TaskFailure mismatch = ErrorClassifier.classifyPlatform(
        new InterfaceMismatchException(InterfaceMismatchException.Side.OUTPUT, "o"));
    assertEquals("USER:OutputMismatch", mismatch.code());
    assertFalse(mismatch.recoverable());
    assertTrue(ErrorClassifier.classifyPlatform(new IOException("tmp full")).recoverable());
  }

  @Test
  void aStorageUriNoAttemptCanServeIsNotRetriedWhereverItIsMet() {
    UnusableUriException unusable = new UnusableUriException("'s3://b c/k' has an invalid bucket name 'b c'");
    for (TaskFailure failure : new TaskFailure[] {ErrorClassifier.classifyTask(unusable),
        ErrorClassifier.classifyTask(new RuntimeException("wrapped", unusable)),
        ErrorClassifier.classifyPlatform(unusable)}) {
      assertEquals("SYSTEM:Storage", failure.code());
      assertFalse(failure.recoverable(), failure.code());
    }
    TaskFailure template = ErrorClassifier.classifyPlatform(new TemplateLoadException("cannot read the task template", unusable));
    assertEquals("SYSTEM:TemplateLoad", template.code());
    assertFalse(template.recoverable());
    // Any other storage failure may pass: the next attempt is worth it.
    assertTrue(ErrorClassifier.classifyPlatform(new TemplateLoadException("t", new StorageException("s3 down"))).recoverable());
    assertTrue(ErrorClassifier.classifyTask(new StorageException("s3 down")).recoverable());
  }

  @Test
  void errorDocumentCarriesTheScrubbedStackTrace() {
    SecretScrubber scrubber = new SecretScrubber();
    scrubber.remember("pa55word");
    TaskFailure failure = ErrorClassifier.classifyTask(new IllegalStateException("login with pa55word failed"));
    ErrorDocument document = ErrorDocuments.of(failure, scrubber, "pod-1", Instant.ofEpochSecond(1700000000, 5));

    ContainerError error = document.getError();
    assertEquals("USER:IllegalStateException", error.getCode());
    assertEquals("pod-1", error.getWorker());
    assertEquals(1700000000, error.getTimestamp().getSeconds());
    assertEquals(5, error.getTimestamp().getNanos());
    assertTrue(error.getMessage().startsWith("java.lang.IllegalStateException: login with **** failed"),
        error.getMessage());
    assertTrue(error.getMessage().contains("at dev.preflyte.runtime.entrypoint.ErrorClassifierTest"),
        error.getMessage());
  }

  @Test
  void scrubberMasksLongestSecretsFirstAndIgnoresBlanks() {
    SecretScrubber scrubber = new SecretScrubber();
    scrubber.remember("abc");
    scrubber.remember("abcdef");
    scrubber.remember("  ");
    assertEquals("x **** y **** z  ", scrubber.scrub("x abcdef y abc z  "));
  }

  @Test
  void scrubberMasksSecretsInBytesAndLeavesOtherBytesAlone() {
    SecretScrubber scrubber = new SecretScrubber();
    scrubber.remember("päss");
    byte[] bytes = {(byte) 0xff, 'p', (byte) 0xc3, (byte) 0xa4, 's', 's', (byte) 0x00, 'p', 'x'};

    byte[] scrubbed = scrubber.scrub(bytes);

    assertEquals(java.util.Arrays.toString(new byte[] {(byte) 0xff, '*', '*', '*', '*', (byte) 0x00, 'p', 'x'}),
        java.util.Arrays.toString(scrubbed));
  }

  @Test
  void taskFailedExceptionDropsTheOriginalWhenItHoldsASecret() {
    SecretScrubber scrubber = new SecretScrubber();
    scrubber.remember("s3cr3t-value");
    TaskFailedException withSecret = TaskFailures.exception(
        ErrorClassifier.classifyTask(new IllegalStateException("bad s3cr3t-value")), scrubber);
    TaskFailedException without = TaskFailures.exception(
        ErrorClassifier.classifyTask(new IllegalStateException("bad query")), scrubber);

    assertEquals(null, withSecret.getCause());
    assertFalse(withSecret.getMessage().contains("s3cr3t-value"), withSecret.getMessage());
    assertTrue(withSecret.getMessage().startsWith("USER:IllegalStateException (NON_RECOVERABLE, origin USER): "),
        withSecret.getMessage());
    assertTrue(without.getCause() instanceof IllegalStateException);
  }

  @Test
  void outOfMemoryIsOneClassWhereverItHappens() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    for (TaskFailure failure : new TaskFailure[] {ErrorClassifier.classifyTask(oom),
        ErrorClassifier.classifyPlatform(oom), ErrorClassifier.classifyTask(new RuntimeException("wrapped", oom)),
        ErrorClassifier.classifyPlatform(new StorageException("reading inputs", oom))}) {
      assertEquals("USER:OutOfMemory", failure.code());
      assertEquals(ContainerError.Kind.RECOVERABLE, failure.kind());
      assertEquals(ExecutionError.ErrorKind.USER, failure.origin());
    }
  }

  @Test
  void deterministicMistakesAreNotRetried() {
    assertFalse(ErrorClassifier.classifyPlatform(new TemplateLoadException("corrupt", null)).recoverable());
    assertTrue(ErrorClassifier.classifyPlatform(
        new TemplateLoadException("cannot read", new StorageException("503"))).recoverable());
    assertFalse(ErrorClassifier.classifyPlatform(new ExecutorLoadException("no executor")).recoverable());
    assertFalse(ErrorClassifier.classifyPlatform(new InputsLoadException("garbage", null)).recoverable());
    assertFalse(ErrorClassifier.classifyPlatform(new InputLocationException("input 'f'")).recoverable());
    TaskFailure custom = ErrorClassifier.classifyTask(
        new dev.preflyte.runtime.custom.CustomDecodingException("limit", "missing"));
    assertEquals("SYSTEM:TemplateLoad", custom.code());
    assertFalse(custom.recoverable());
    assertEquals("USER:ExceptionInInitializerError",
        ErrorClassifier.classifyTask(new ExceptionInInitializerError("static init of the task")).code());
  }

  @Test
  void anUnprintableExceptionStaysTheTasksAndIsStillDescribed() {
    TaskFailure failure = ErrorClassifier.classifyTask(new HostileExecutor.Unprintable());
    assertEquals("USER:Unprintable", failure.code());
    String message = ErrorDocuments.message(failure.cause(), new SecretScrubber());
    assertTrue(message.startsWith(HostileExecutor.Unprintable.class.getName()
        + " (its toString() threw java.lang.IllegalStateException)"), message);
    TaskFailedException exception = TaskFailures.exception(failure, new SecretScrubber());
    assertTrue(exception.getMessage().contains("Unprintable"), exception.getMessage());
  }
}
