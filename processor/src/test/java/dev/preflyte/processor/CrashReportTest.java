package dev.preflyte.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A failure inside the processor is one error with its stack trace, never an exception into javac. */
class CrashReportTest {

  /** Runs the real processor with a Filer that fails the way a bug would: with an unchecked exception. */
  static final class FailingFilerProcessor extends AbstractProcessor {
    private final PrebuiltTaskProcessor delegate = new PrebuiltTaskProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Filer failing = (Filer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Filer.class},
          (proxy, method, args) -> {
            throw new IllegalStateException("simulated failure in " + method.getName());
          });
      delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ProcessingEnvironment.class},
          (proxy, method, args) -> {
            if (method.getName().equals("getFiler")) {
              return failing;
            }
            try {
              return method.invoke(env, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }

  @Test
  void unexpectedExceptionBecomesOneErrorOnTheTaskWithTheStackTrace() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new FailingFilerProcessor())
        .withOptions(Compiled.OPTIONS)
        .compile(TypedTaskTest.ADDER);
    assertThat(compilation).hadErrorCount(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    String message = error.getMessage(null);
    assertTrue(message.startsWith("[PreflyteInternal] the @PrebuiltTask processor failed"), message);
    assertTrue(message.contains("java.lang.IllegalStateException: simulated failure in createSourceFile"), message);
    assertTrue(message.contains("at dev.preflyte.processor.PrebuiltTaskProcessor"), message);
    assertEquals(TypedTaskTest.ADDER.toUri(), error.getSource().toUri());
  }
}
