package vn.ocop.hub.fakes.lazada;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/** The XML payloads of the image, price/quantity and deactivate APIs, read strictly. */
final class FakeLazadaXml {

    private FakeLazadaXml() {
    }

    static Element parse(String parameter, String xml) {
        if (xml == null || xml.isBlank()) {
            throw FakeLazadaRefusal.missing(parameter);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!"Request".equals(root.getTagName())) {
                throw FakeLazadaRefusal.isv("5", "E005: Invalid Request Format: the root element must be Request");
            }
            return root;
        } catch (FakeLazadaRefusal refusal) {
            throw refusal;
        } catch (Exception notXml) {
            throw FakeLazadaRefusal.isv("5", "E005: Invalid Request Format: " + notXml.getMessage());
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of a child element, or null when it is absent or empty. */
    static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String text = e.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
