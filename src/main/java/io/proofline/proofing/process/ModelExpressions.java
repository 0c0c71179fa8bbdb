package io.proofline.proofing.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The root identifiers ({@code proofingPolicy}, {@code execution}, a variable) of every expression in a model. */
final class ModelExpressions {

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private ModelExpressions() {
    }

    /** Empty for a resource that is not XML (it is then judged by its bytes alone). */
    static Set<String> identifiers(String resourceName, byte[] xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException notXml) {
            return Set.of();
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException(impossible);
        }
        Set<String> identifiers = new LinkedHashSet<>();
        collect(resourceName, root, identifiers);
        return identifiers;
    }

    private static void collect(String resourceName, Node node, Set<String> identifiers) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            addFrom(resourceName, node.getNodeValue(), identifiers);
        }
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            addFrom(resourceName, attributes.item(i).getNodeValue(), identifiers);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(resourceName, child, identifiers);
        }
    }

    private static void addFrom(String resourceName, String text, Set<String> identifiers) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        try {
            for (IdentifierNode identifier : PARSER.build(text.trim()).getIdentifierNodes()) {
                identifiers.add(identifier.getName());
            }
        } catch (TreeBuilderException unparseable) {
            throw new PackagedModelsOnly.DeploymentRefusedException(resourceName + " holds an expression that cannot be read: "
                    + unparseable.getMessage());
        }
    }
}
