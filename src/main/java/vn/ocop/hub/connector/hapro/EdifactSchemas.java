package vn.ocop.hub.connector.hapro;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The StAEDI schemas the Hapro connector validates against, loaded once: they are immutable, and
 * every reader or writer builds its own validator from them.
 * <p>
 * On UNOW (UTF-8): StAEDI's reader and writer work on characters and default to UTF-8, its
 * element validation accepts any character beyond ASCII, and it counts lengths in characters, so
 * Vietnamese text (NFC, all in the Basic Multilingual Plane) passes through unchanged and an
 * an..35 field holds 35 Vietnamese letters however many bytes they take. What it lacks is UNOW in
 * the code list of its plain syntax 4 control schema; see {@link #SYNTAX_4_RELEASE_1}.
 */
final class EdifactSchemas {

    private static final String DIRECTORY = "/schemas/hapro/";

    /**
     * StAEDI picks the control schema from the syntax version alone, so "UNOW:4" gets its plain
     * version 4 schema, whose code list for the syntax identifier predates UNOW (UTF-8) and flags
     * it. The 4.01 schema has UNOW; StAEDI's factory reads the release from the fifth entry.
     */
    private static final String[] SYNTAX_4_RELEASE_1 = {"UNOW", "4", "", "", "01"};

    static final Schema CONTROL = control();
    static final Schema PRICAT = transaction("pricat-d01b.xml");
    static final Schema ORDERS = transaction("orders-d01b.xml");
    static final Schema INVRPT = transaction("invrpt-d01b.xml");

    private EdifactSchemas() {
    }

    private static Schema control() {
        try {
            return SchemaFactory.newFactory().getControlSchema("EDIFACT", SYNTAX_4_RELEASE_1);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI has no EDIFACT syntax 4 control schema", e);
        }
    }

    private static Schema transaction(String file) {
        try (InputStream in = EdifactSchemas.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + DIRECTORY + file);
            }
            return SchemaFactory.newFactory().createSchema(in);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("invalid schema " + DIRECTORY + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
