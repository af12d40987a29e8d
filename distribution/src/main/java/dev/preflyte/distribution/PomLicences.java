package dev.preflyte.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The licences a POM declares, or failing that the nearest parent POM that declares any. */
final class PomLicences {

  private final Path repository;
  private final DocumentBuilder parser;

  PomLicences(Path repository) {
    this.repository = repository;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      parser = factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser for POMs: " + e.getMessage(), e);
    }
  }

  /** "name  url" for each licence; empty when neither the POM nor a parent declares one. */
  List<String> licences(Coordinates coordinates) {
    Coordinates current = coordinates;
    for (int depth = 0; current != null && depth < 20; depth++) {
      Path pom = current.pomIn(repository);
      if (!Files.isRegularFile(pom)) {
        return List.of();
      }
      Element project = parse(pom);
      List<String> declared = declaredLicences(project);
      if (!declared.isEmpty()) {
        return declared;
      }
      current = parentOf(project);
    }
    return List.of();
  }

  private Element parse(Path pom) {
    try {
      Document document = parser.parse(pom.toFile());
      return document.getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("cannot read the POM " + pom + ": " + e.getMessage(), e);
    }
  }

  private static List<String> declaredLicences(Element project) {
    List<String> found = new ArrayList<>();
    Element licences = child(project, "licenses");
    if (licences != null) {
      for (Node node = licences.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element licence && licence.getTagName().equals("license")) {
          String name = text(licence, "name");
          String url = text(licence, "url");
          found.add((name.isEmpty() ? "(unnamed)" : name) + (url.isEmpty() ? "" : "  " + url));
        }
      }
    }
    return found;
  }

  private static Coordinates parentOf(Element project) {
    Element parent = child(project, "parent");
    return parent == null ? null
        : new Coordinates(text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"));
  }

  private static Element child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child;
      }
    }
    return null;
  }

  private static String text(Element element, String name) {
    Element child = child(element, name);
    return child == null ? "" : child.getTextContent().strip().replaceAll("\\s+", " ");
  }
}
