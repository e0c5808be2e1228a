package vn.ocop.hub.connector.centralretail;

import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.chain.CatalogueFormat;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.connector.chain.CatalogueWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Central Retail's GS1-style catalogue item notification (partners.md), valid against
 * {@code schemas/centralretail/catalogue-item-notification.xsd}. Written with StAX one item at
 * a time, so a snapshot of any size never sits in memory; {@link CentralRetailItemMapper}
 * decides the values.
 */
@Component
public class CentralRetailXmlFormat implements CatalogueFormat {

    static final String NAMESPACE = "urn:ocop-hub:centralretail:catalogue:1";
    static final String SCHEMA = "schemas/centralretail/catalogue-item-notification.xsd";

    @Override
    public String connectorId() {
        return "centralretail-xml";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public CatalogueWriter open(OutputStream out, CatalogueHeader header, ConnectorConfig config) throws IOException {
        CentralRetailItemMapper mapper = new CentralRetailItemMapper(config);
        // settled before the first byte, so a configuration error leaves no half-written file
        CentralRetailItemMapper.Header values = mapper.header(header);
        try {
            // the JDK's own writer, whatever StAX implementation the classpath brings
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            IndentedXml xml = new IndentedXml(writer);
            writeHeader(xml, values);
            return new Writer(xml, mapper, header.kind(), out);
        } catch (XMLStreamException e) {
            throw new IOException("cannot start catalogue " + header.fileName(), e);
        }
    }

    private static void writeHeader(IndentedXml xml, CentralRetailItemMapper.Header h) throws XMLStreamException {
        XMLStreamWriter w = xml.raw();
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("", "catalogueItemNotificationMessage", NAMESPACE);
        w.writeDefaultNamespace(NAMESPACE);
        w.writeAttribute("schemaVersion", "1.0");
        xml.nested();
        xml.open("header");
        xml.leaf("messageId", h.messageId());
        xml.leaf("creationDateTime", h.creationDateTime());
        xml.leaf("senderGln", h.senderGln());
        xml.leaf("receiverGln", h.receiverGln());
        xml.leaf("supplierCode", h.supplierCode());
        xml.leaf("fileName", h.fileName());
        xml.leaf("isReload", String.valueOf(h.reload()));
        xml.leaf("deltaSequence", h.deltaSequence() == null ? null : h.deltaSequence().toString());
        xml.leaf("lastDeltaSequence", String.valueOf(h.lastDeltaSequence()));
        xml.close();
    }

    private static void writeItem(IndentedXml xml, CentralRetailItemMapper.TradeItem t) throws XMLStreamException {
        xml.open("documentCommand");
        xml.empty("documentCommandHeader", "type", t.command());
        xml.open("tradeItem");
        xml.leaf("gtin", t.gtin());
        xml.leaf("supplierItemCode", t.supplierItemCode());
        xml.leaf("targetMarketCountryCode", "704");
        xml.leaf("gpcCategoryCode", t.gpcCategoryCode());
        xml.open("tradeItemDescriptionInformation", "primaryLanguageCode", "vi");
        xml.leaf("tradeItemDescription", "languageCode", "vi", t.nameVi());
        xml.leaf("tradeItemDescription", "languageCode", "en", t.nameEn());
        xml.leaf("additionalTradeItemDescription", "languageCode", "vi", t.descriptionVi());
        xml.leaf("additionalTradeItemDescription", "languageCode", "en", t.descriptionEn());
        xml.leaf("brandName", t.brand());
        xml.close();
        xml.leaf("netContent", "measurementUnitCode", t.netContentUnitCode(), t.netContent());
        xml.leaf("minimumTradeItemLifespanFromTimeOfProduction",
                t.shelfLifeDays() == null ? null : t.shelfLifeDays().toString());
        xml.leaf("consumerStorageInstructions", "languageCode", "vi", t.storage());
        xml.open("tradeItemPrice", "currencyCode", "VND");
        xml.leaf("suggestedRetailPrice", String.valueOf(t.retailPrice()));
        xml.leaf("wholesalePrice", t.wholesalePrice() == null ? null : t.wholesalePrice().toString());
        xml.close();
        xml.leaf("vatRate", t.vatRate());
        CentralRetailItemMapper.Ocop o = t.ocop();
        xml.open("ocopCertification");
        xml.leaf("stars", String.valueOf(o.stars()));
        xml.leaf("potentialFiveStar", String.valueOf(o.potentialFiveStar()));
        xml.leaf("decisionNumber", o.decisionNumber());
        xml.leaf("issuer", o.issuer());
        xml.leaf("validUntil", o.validUntil().toString());
        xml.leaf("traceabilityUrl", o.traceabilityUrl());
        xml.close();
        xml.close();
        xml.close();
    }

    private static final class Writer implements CatalogueWriter {
        private final IndentedXml xml;
        private final CentralRetailItemMapper mapper;
        private final CatalogueHeader.Kind kind;
        private final OutputStream out;
        private boolean failed;

        Writer(IndentedXml xml, CentralRetailItemMapper mapper, CatalogueHeader.Kind kind, OutputStream out) {
            this.xml = xml;
            this.mapper = mapper;
            this.kind = kind;
            this.out = out;
        }

        @Override
        public void write(CatalogueRow row) throws IOException {
            try {
                // mapped in full before any of it is written, so a refused row leaves no open element
                CentralRetailItemMapper.TradeItem item = mapper.item(row, kind);
                writeItem(xml, item);
            } catch (XMLStreamException e) {
                failed = true;
                throw new IOException("cannot write item " + row.listing().ocopId(), e);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                // after a failure the root stays unclosed: a truncated file must not look complete
                if (!failed) {
                    xml.close();
                    xml.raw().writeEndDocument();
                    xml.raw().writeCharacters("\n");
                }
                xml.raw().flush();
                xml.raw().close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot finish catalogue", e);
            } finally {
                out.close();
            }
        }
    }

    /**
     * Indents by hand (the JDK writer does not) so a person at the chain can read the file;
     * the whitespace sits only between elements, where the schema ignores it.
     */
    static final class IndentedXml {
        private final XMLStreamWriter w;
        private int depth;

        IndentedXml(XMLStreamWriter w) {
            this.w = w;
        }

        XMLStreamWriter raw() {
            return w;
        }

        /** Counts the root, opened directly on {@link #raw()}, as one level. */
        void nested() {
            depth++;
        }

        void open(String name) throws XMLStreamException {
            indent();
            w.writeStartElement("", name, NAMESPACE);
            depth++;
        }

        void open(String name, String attribute, String value) throws XMLStreamException {
            open(name);
            w.writeAttribute(attribute, value);
        }

        void close() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        void empty(String name, String attribute, String value) throws XMLStreamException {
            indent();
            w.writeEmptyElement("", name, NAMESPACE);
            w.writeAttribute(attribute, value);
        }

        /** An element with text; nothing at all when the value is null (an optional element left out). */
        void leaf(String name, String text) throws XMLStreamException {
            if (text == null) {
                return;
            }
            indent();
            w.writeStartElement("", name, NAMESPACE);
            w.writeCharacters(text);
            w.writeEndElement();
        }

        void leaf(String name, String attribute, String value, String text) throws XMLStreamException {
            if (text == null) {
                return;
            }
            indent();
            w.writeStartElement("", name, NAMESPACE);
            w.writeAttribute(attribute, value);
            w.writeCharacters(text);
            w.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n");
            for (int i = 0; i < depth; i++) {
                w.writeCharacters("  ");
            }
        }
    }
}
