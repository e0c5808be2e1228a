package vn.ocop.hub.connector.centralretail;

import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.connector.chain.CatalogueHeader;
import vn.ocop.hub.connector.chain.CatalogueRow;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.model.NetContentUnit;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.validation.Gtin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Canonical listing → the values of one {@code documentCommand} in Central Retail's catalogue
 * notification, and the file header from the chain's profile. Everything the XSD constrains
 * is settled here, so the writer only arranges elements.
 */
final class CentralRetailItemMapper {

    static final String GPC_TABLE = "gpcCategory";

    /**
     * Starting bricks per group when the configuration maps neither the subgroup nor the group.
     * The food ones are GS1 GPC bricks (Snacks Other, Tea - Bags/Loose, Herbs/Spices); the
     * handicraft and ornamental ones are placeholders to confirm with the chain.
     */
    private static final Map<ProductGroup, String> DEFAULT_GPC = new EnumMap<>(Map.of(
            ProductGroup.FOOD, "10007276",
            ProductGroup.BEVERAGE, "10000119",
            ProductGroup.HERBAL, "10000049",
            ProductGroup.HANDICRAFT, "10002185",
            ProductGroup.ORNAMENTAL, "10005834"));

    private static final Pattern GPC_BRICK = Pattern.compile("[0-9]{8}");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** File header values, ready to write. */
    record Header(String messageId, String creationDateTime, String senderGln, String receiverGln,
                  String supplierCode, String fileName, boolean reload, Long deltaSequence, long lastDeltaSequence) {
    }

    /** One trade item, ready to write; null means "leave the optional element out". */
    record TradeItem(String command, String gtin, String supplierItemCode, String gpcCategoryCode,
                     String nameVi, String nameEn, String descriptionVi, String descriptionEn, String brand,
                     String netContent, String netContentUnitCode, Integer shelfLifeDays, String storage,
                     long retailPrice, Long wholesalePrice, String vatRate, Ocop ocop) {
    }

    record Ocop(int stars, boolean potentialFiveStar, String decisionNumber, String issuer, LocalDate validUntil,
                String traceabilityUrl) {
    }

    private final ConnectorConfig config;

    CentralRetailItemMapper(ConnectorConfig config) {
        this.config = config;
        // a mistyped brick in the yaml should stop the first file, not produce one the chain refuses
        Map<String, String> table = config.mapping() == null ? null : config.mapping().get(GPC_TABLE);
        if (table != null) {
            table.forEach((key, code) -> {
                if (code == null || !GPC_BRICK.matcher(code).matches()) {
                    throw new IllegalArgumentException("mapping." + GPC_TABLE + "." + key + " of " + config.partner()
                            + " must be an 8-digit GPC brick code, got '" + code + "'");
                }
            });
        }
    }

    Header header(CatalogueHeader file) {
        String senderGln = gln("senderGln");
        String receiverGln = gln("receiverGln");
        String supplierCode = blankToNull(profile("supplierCode"));
        String fileName = blankToNull(file.fileName());
        // names are never reused (interfaces.md), so the name makes a unique message id
        String messageId = fileName == null ? UUID.randomUUID().toString() : fileName.replaceFirst("\\.xml$", "");
        boolean full = file.kind() == CatalogueHeader.Kind.FULL;
        return new Header(messageId, DATE_TIME.format(file.createdAt().atZone(VIETNAM).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS)), senderGln, receiverGln, supplierCode, fileName, full,
                full ? null : file.sequence(), file.lastDeltaSequence());
    }

    TradeItem item(CatalogueRow row, CatalogueHeader.Kind kind) {
        Listing l = row.listing();
        if (!l.hasGtin()) {
            // the chain's eligibility (gtinRequired) keeps these out; a file without the key would be refused whole
            throw new IllegalArgumentException("listing " + l.ocopId() + " has no GTIN; Central Retail's catalogue "
                    + "identifies every item by GTIN, so it cannot be written");
        }
        Listing.Certification cert = l.certification();
        Ocop ocop = new Ocop(l.stars(), l.potentialFiveStar(), xml(cert.decisionNo()), xml(cert.issuer()),
                cert.validUntil(), xml(l.traceabilityUrl()));
        return new TradeItem(command(row.action(), kind, l.ocopId()), l.gtin14(), l.ocopId(), gpcCategory(l),
                xml(l.name().vi()), xml(l.name().en()),
                xml(l.description() == null ? null : l.description().vi()),
                xml(l.description() == null ? null : l.description().en()),
                xml(l.brand()),
                l.netContent() == null ? null : l.netContent().value().stripTrailingZeros().toPlainString(),
                l.netContent() == null ? null : unitCode(l.netContent().unit()),
                l.shelfLifeDays(), xml(l.storage()),
                ListingRules.price(config, l), l.price().wholesale(), l.price().vatRate().label(), ocop);
    }

    static String command(char action, CatalogueHeader.Kind kind, String ocopId) {
        if (kind == CatalogueHeader.Kind.FULL && action != 'A') {
            throw new IllegalArgumentException("a full snapshot only adds items, but listing " + ocopId
                    + " came with action '" + action + "'");
        }
        return switch (action) {
            case 'A' -> "ADD";
            case 'U' -> "CHANGE_BY_REFRESH";
            case 'D' -> "DELETE";
            default -> throw new IllegalArgumentException("unknown catalogue action '" + action + "' for listing "
                    + ocopId);
        };
    }

    /** UN/ECE Recommendation 20 codes. */
    static String unitCode(NetContentUnit unit) {
        return switch (unit) {
            case g -> "GRM";
            case kg -> "KGM";
            case ml -> "MLT";
            case l -> "LTR";
            case piece -> "H87";
        };
    }

    /** The subgroup's brick when mapped (more precise), else the group's, else the group default. */
    String gpcCategory(Listing l) {
        String mapped = l.subgroup() == null ? null : config.mapped(GPC_TABLE, l.subgroup());
        if (mapped == null) {
            mapped = config.mapped(GPC_TABLE, l.group().name());
        }
        if (mapped == null) {
            mapped = DEFAULT_GPC.get(l.group());
        }
        if (mapped == null) {
            throw new IllegalArgumentException("no GPC brick for group " + l.group() + " (listing " + l.ocopId()
                    + "): add mapping." + GPC_TABLE + "." + l.group() + " to " + config.partner() + ".yaml");
        }
        return mapped;
    }

    /**
     * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF)
     * become U+FFFD: a stray control character in a producer's text must not make the whole
     * file unreadable, and replacing one for one keeps lengths within the schema's limits.
     */
    static String xml(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (allowed) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private String gln(String key) {
        String value = blankToNull(profile(key));
        if (value == null) {
            throw new IllegalArgumentException("profile." + key + " of " + config.partner() + " is required (a GLN)");
        }
        if (!value.matches("[0-9]{13}") || !Gtin.hasValidCheckDigit(value)) {
            throw new IllegalArgumentException("profile." + key + " of " + config.partner()
                    + " must be a 13-digit GLN with a valid check digit, got '" + value + "'");
        }
        return value;
    }

    private String profile(String key) {
        return config.setting(key).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
