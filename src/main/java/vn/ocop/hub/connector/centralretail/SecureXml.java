package vn.ocop.hub.connector.centralretail;

import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Parsers for files that come from outside the hub. None of them reads a DTD or resolves an
 * entity or schema outside the file (XXE): a DOCTYPE is refused outright, and every factory
 * says so for itself rather than trusting another layer to have refused it first.
 * The JDK's own implementations are asked for by name, so a parser that happens to be on the
 * classpath cannot quietly ignore these settings.
 */
final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SecureXml() {
    }

    /** A compiled schema from the classpath; thread-safe, so compile once and share. */
    static Schema schema(String resource) {
        URL url = SecureXml.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema not on the classpath: " + resource);
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, url.toExternalForm()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        } catch (SAXException e) {
            throw new IllegalStateException("invalid schema " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A validator that fetches nothing the document points to. */
    static Validator validator(Schema schema) throws SAXException {
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return validator;
    }

    /** A namespace-aware SAX reader that refuses any DOCTYPE. */
    static XMLReader xmlReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
        }
    }

    /** A StAX factory without DTD support, so no entity can be declared, let alone resolved. */
    static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
