package bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * A stand-in for any processor that generates the same files: for every {@code @PrebuiltTask}
 * class it copies the two sources the real processor wrote in an earlier run (from the directory
 * given by {@code -Adir=}) and writes the registration resource, without looking at the class.
 * What javac spends on it is the cost of generating sources at all (a second round, the Filer's
 * checks): the floor under the real processor's overhead.
 */
@SupportedAnnotationTypes("dev.preflyte.annotations.PrebuiltTask")
@SupportedOptions("dir")
public final class CopyProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Path dir = Path.of(processingEnv.getOptions().get("dir"));
    for (TypeElement annotation : annotations) {
      for (Element type : round.getElementsAnnotatedWith(annotation)) {
        String name = ((TypeElement) type).getQualifiedName().toString();
        String simpleName = type.getSimpleName().toString();
        try {
          for (String suffix : new String[] {"Task", "Executor"}) {
            String text = Files.readString(dir.resolve(simpleName + suffix + ".java"));
            try (Writer writer = processingEnv.getFiler().createSourceFile(name + suffix, type).openWriter()) {
              writer.write(text);
            }
          }
          try (Writer writer = processingEnv.getFiler()
              .createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/preflyte/executors/" + name, type)
              .openWriter()) {
            writer.write(name + "Executor\n");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }
}
