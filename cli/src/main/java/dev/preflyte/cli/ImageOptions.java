package dev.preflyte.cli;

import dev.preflyte.idl.core.TaskTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --image NAME=REF}: runs the tasks whose image is {@code NAME} (with any tag or digest, or
 * exactly) in {@code REF} instead, as an image built and pushed under another tag or pinned by digest.
 */
final class ImageOptions {

  @Option(names = "--image", paramLabel = "NAME=REF",
      description = "Replaces image NAME (a repository, or an exact reference) by REF; repeatable.")
  Map<String, String> images = new LinkedHashMap<>();

  /** {@code template} with its image replaced when an option names it. */
  TaskTemplate apply(TaskTemplate template) {
    return apply(images, template);
  }

  /** {@code template} with its image replaced when {@code images} names it (its repository or it exactly). */
  static TaskTemplate apply(Map<String, String> images, TaskTemplate template) {
    String image = template.getContainer().getImage();
    String replacement = replace(images, image);
    if (replacement.equals(image)) {
      return template;
    }
    return template.toBuilder().setContainer(template.getContainer().toBuilder().setImage(replacement)).build();
  }

  /** The image a task of {@code image} runs in: its replacement when {@code images} names it, else itself. */
  static String replace(Map<String, String> images, String image) {
    String replacement = images.containsKey(image) ? images.get(image) : images.get(repository(image));
    return replacement == null || replacement.isBlank() ? image : replacement;
  }

  /** The reference without its digest and tag: {@code registry:5000/name:1.0} is {@code registry:5000/name}. */
  static String repository(String image) {
    String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    return colon > slash ? name.substring(0, colon) : name;
  }
}
