package dev.preflyte.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoordinatesTest {

  @Test
  void readsTheDependencyListWithAbsoluteFileNames() {
    Map<String, Coordinates> listed = Coordinates.fromDependencyList(List.of(
        "",
        "The following files have been resolved:",
        "   com.google.protobuf:protobuf-java:jar:4.33.5:compile:/m2/com/google/protobuf/protobuf-java/4.33.5/"
            + "protobuf-java-4.33.5.jar -- module com.google.protobuf [auto]",
        "   io.grpc:grpc-netty-shaded:jar:1.85.1:runtime:/m2/io/grpc/grpc-netty-shaded/1.85.1/grpc-netty-shaded-1.85.1.jar",
        "   org.gaul:s3proxy:jar:jar-with-dependencies:4.1.0:test:/m2/org/gaul/s3proxy/4.1.0/"
            + "s3proxy-4.1.0-jar-with-dependencies.jar"));

    assertEquals(Map.of(
        "protobuf-java-4.33.5.jar", new Coordinates("com.google.protobuf", "protobuf-java", "4.33.5"),
        "grpc-netty-shaded-1.85.1.jar", new Coordinates("io.grpc", "grpc-netty-shaded", "1.85.1"),
        "s3proxy-4.1.0-jar-with-dependencies.jar", new Coordinates("org.gaul", "s3proxy", "4.1.0")), listed);
  }

  @Test
  void thePomSitsWhereMavenKeepsIt() {
    assertEquals(Path.of("/m2/com/google/protobuf/protobuf-java/4.33.5/protobuf-java-4.33.5.pom"),
        new Coordinates("com.google.protobuf", "protobuf-java", "4.33.5").pomIn(Path.of("/m2")));
  }
}
