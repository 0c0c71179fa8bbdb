package io.proofline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * No words written into a template: everything a person reads comes from messages*.properties, so
 * nothing is left untranslated. Templates are kept well-formed XML, which lets this test read them.
 */
class TemplateTextTest {

    /** Attributes that a person reads or hears; they must be th:-attributes with a message. */
    private static final Set<String> READ_ATTRIBUTES = Set.of("alt", "title", "aria-label", "placeholder", "label");
    /** Thymeleaf attributes that replace an element's content (its text is only a placeholder). */
    private static final Set<String> CONTENT_FROM_MESSAGES = Set.of("th:text", "th:utext", "th:replace", "th:insert");

    @Test
    void templatesHoldNoHardCodedText() throws Exception {
        List<String> found = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder parser = factory.newDocumentBuilder();
        List<Path> templates = templates();

        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            collectHardCodedText(parser.parse(template.toFile()).getDocumentElement(), template, found);
        }

        assertThat(found).as("hard-coded text (use th:text=\"#{...}\" and messages*.properties)").isEmpty();
    }

    private static void collectHardCodedText(Element element, Path template, List<String> found) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (READ_ATTRIBUTES.contains(attribute.getNodeName()) && !attribute.getNodeValue().isBlank()) {
                found.add(template.getFileName() + ": " + attribute.getNodeName() + "=\"" + attribute.getNodeValue() + "\"");
            }
        }
        boolean contentReplaced = CONTENT_FROM_MESSAGES.stream().anyMatch(element::hasAttribute);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collectHardCodedText(childElement, template, found);
            } else if (child.getNodeType() == Node.TEXT_NODE && !contentReplaced && !child.getNodeValue().isBlank()) {
                found.add(template.getFileName() + ": <" + element.getTagName() + "> " + child.getNodeValue().strip());
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
