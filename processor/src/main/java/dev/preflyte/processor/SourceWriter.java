package dev.preflyte.processor;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes a generated source through the Filer in one piece. {@code JavaFile.writeTo(Filer)} streams
 * JavaPoet's many small appends straight into the Filer's writer; rendering to a string first is
 * cheaper, and nothing is created if rendering fails.
 */
final class SourceWriter {

  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+$", Pattern.MULTILINE);

  private SourceWriter() {}

  static void write(Filer filer, JavaFile file) throws IOException {
    // JavaPoet keeps the space before a wrap point (" = " then a line break): drop it.
    String text = TRAILING_SPACE.matcher(file.toString()).replaceAll("");
    TypeSpec type = file.typeSpec();
    String name = file.packageName().isEmpty() ? type.name() : file.packageName() + "." + type.name();
    JavaFileObject source = filer.createSourceFile(name, type.originatingElements().toArray(new Element[0]));
    try (Writer writer = source.openWriter()) {
      writer.write(text);
    }
  }
}
