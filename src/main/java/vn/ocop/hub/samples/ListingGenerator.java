package vn.ocop.hub.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.model.ProducerType;
import vn.ocop.hub.model.ProductGroup;
import vn.ocop.hub.validation.Gtin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Deterministic synthetic OCOP listings for load tests and demos. Each listing depends only
 * on (seed, index), so it can be produced on demand: a stream of a million listings never holds
 * more than one, and any single listing can be rebuilt later to compare with what a partner got.
 *
 * <p>Calling again with a higher {@code version} gives the same listing with a different stock
 * (and nothing else changed), so a benchmark that resends the ids as version 2 exercises the
 * STOCK_CHANGED path instead of being dropped as UNCHANGED.
 *
 * <p>Run: {@code ListingGenerator [count=1000] [path (stdout if absent)] [version=1] [seed=20261122]}.
 * Under {@code mvn exec:java} give the path: Maven's console adds ANSI reset codes to stdout.
 */
public final class ListingGenerator {

    public static final long DEFAULT_SEED = 20261122L;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String IMAGE_HOST = "https://cdn.ocop.hanoi.example/img/";
    private static final String TRACE_HOST = "https://truyxuat.ocop.hanoi.example/sp/";
    private static final String CITY = "UBND Thành phố Hà Nội";
    /** From this day the province certifies 3★ too and districts no longer exist (canonical-model.md). */
    private static final LocalDate TWO_TIER_REFORM = LocalDate.of(2025, 7, 1);
    // Starting here keeps every generated certificate valid (36 months) until at least Dec 2026.
    private static final LocalDate FIRST_ISSUE = LocalDate.of(2023, 12, 1);
    private static final int ISSUE_DAYS = 1065; // up to late October 2026

    private final long seed;

    public ListingGenerator(long seed) {
        this.seed = seed;
    }

    /** {@code count} listings with indices 0 … count-1, built lazily one at a time. */
    public Stream<ObjectNode> stream(int count, long version) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return IntStream.range(0, count).mapToObj(index -> listing(index, version));
    }

    /** The listing at {@code index}; the same (seed, index, version) always gives the same JSON. */
    public ObjectNode listing(int index, long version) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        SplittableRandom random = new SplittableRandom(mix(seed, index, 0));
        Kind kind = pick(random, KINDS);
        Place place = pick(random, PLACES);
        String ocopId = String.format("GEN-%08d", index);

        ObjectNode listing = NODES.objectNode();
        listing.put("ocopId", ocopId);
        listing.put("version", version);
        listing.put("sku", String.format("%s-%06d", kind.skuPrefix(), index));
        if (random.nextInt(100) < 70) {
            listing.put("gtin", gtin13(index));
        }
        String name = kind.nameVi() + " " + place.shortName();
        listing.set("name", NODES.objectNode().put("vi", name).put("en", kind.nameEn() + ", " + place.englishName()));
        listing.set("description", NODES.objectNode().put("vi", kind.description() + " Sản xuất tại "
                + place.communeName() + ", " + place.oldDistrict() + ", Hà Nội."));
        listing.put("group", kind.group().name());

        int stars = stars(random);
        listing.put("stars", stars);
        if (stars == 4 && random.nextInt(100) < 15) {
            listing.put("potentialFiveStar", true);
        }
        listing.set("certification", certification(random, stars, place));
        listing.set("producer", producer(index / 3));
        listing.set("origin", origin(random, place));
        listing.put("unit", kind.unit());
        addPhysicalFacts(listing, kind, random);
        listing.set("price", price(random, kind));
        listing.put("stock", stock(index, version));
        listing.set("images", images(random, ocopId));
        if (random.nextInt(100) < 40) {
            listing.put("traceabilityUrl", TRACE_HOST + ocopId);
        }
        return listing;
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long version = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        ListingGenerator generator = new ListingGenerator(seed);
        if (args.length > 1 && !args[1].isBlank()) {
            try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
                generator.writeNdjson(count, version, out);
            }
        } else {
            // Not closed: closing would close System.out for the rest of the JVM (exec:java shares it).
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            generator.writeNdjson(count, version, out);
            out.flush();
        }
    }

    /** One listing per line, in index order. */
    public void writeNdjson(int count, long version, Writer out) throws IOException {
        ObjectWriter writer = new ObjectMapper().writer();
        for (int index = 0; index < count; index++) {
            out.write(writer.writeValueAsString(listing(index, version)));
            out.write('\n');
        }
    }

    private static int stars(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 45 ? 3 : roll < 90 ? 4 : 5;
    }

    private static ObjectNode certification(SplittableRandom random, int stars, Place place) {
        LocalDate issuedOn = FIRST_ISSUE.plusDays(random.nextInt(ISSUE_DAYS));
        boolean beforeReform = issuedOn.isBefore(TWO_TIER_REFORM);
        int number = 100 + random.nextInt(5900);
        ObjectNode certification = NODES.objectNode();
        if (stars == 5) {
            // The ministry was renamed in March 2025; its decisions carry the new abbreviation.
            boolean oldMinistry = issuedOn.isBefore(LocalDate.of(2025, 3, 1));
            certification.put("decisionNo", number + (oldMinistry ? "/QĐ-BNN-VPĐP" : "/QĐ-BNNMT"));
            certification.put("issuer", oldMinistry ? "Bộ Nông nghiệp và Phát triển nông thôn"
                    : "Bộ Nông nghiệp và Môi trường");
            certification.put("level", "NATIONAL");
        } else if (stars == 3 && beforeReform) {
            certification.put("decisionNo", number + "/QĐ-UBND");
            certification.put("issuer", "UBND " + place.oldDistrict());
            certification.put("level", "DISTRICT");
        } else {
            certification.put("decisionNo", number + "/QĐ-UBND");
            certification.put("issuer", CITY);
            certification.put("level", "PROVINCIAL");
        }
        certification.put("issuedOn", issuedOn.toString());
        return certification;
    }

    /** Producers own about three listings each, so their attributes depend on the producer number only. */
    private ObjectNode producer(int producerNumber) {
        SplittableRandom random = new SplittableRandom(mix(seed, producerNumber, 1));
        ProducerType type = pick(random, List.of(ProducerType.values()));
        String family = pick(random, FAMILY_NAMES);
        String trade = pick(random, TRADES);
        ObjectNode producer = NODES.objectNode();
        producer.put("id", String.format("GEN-P-%07d", producerNumber));
        producer.put("type", type.name());
        switch (type) {
            case ENTERPRISE -> {
                producer.put("name", "Công ty TNHH " + trade + " " + family + " " + producerNumber);
                producer.put("taxCode", "01" + digits(random, 8));
            }
            case COOPERATIVE -> {
                producer.put("name", "Hợp tác xã " + trade + " số " + producerNumber);
                producer.put("taxCode", "01" + digits(random, 8));
            }
            // Cooperative groups are not legal entities and usually have no tax code.
            case COOPERATIVE_GROUP -> producer.put("name", "Tổ hợp tác " + trade + " số " + producerNumber);
            case HOUSEHOLD -> {
                producer.put("name", "Hộ kinh doanh " + family + " " + trade + " " + producerNumber);
                if (random.nextBoolean()) {
                    producer.put("taxCode", "80" + digits(random, 8));
                }
            }
        }
        return producer;
    }

    private static ObjectNode origin(SplittableRandom random, Place place) {
        return NODES.objectNode()
                .put("provinceCode", "01")
                .put("provinceName", "Hà Nội")
                .put("communeName", place.communeName())
                .put("addressText", "Thôn " + (1 + random.nextInt(12)) + ", " + place.communeName() + ", "
                        + place.oldDistrict() + ", Hà Nội");
    }

    private static void addPhysicalFacts(ObjectNode listing, Kind kind, SplittableRandom random) {
        if (kind.group() == ProductGroup.TOURISM) {
            return; // a service has no weight, box or shelf life
        }
        listing.set("netContent", NODES.objectNode().put("value", kind.netValue()).put("unit", kind.netUnit()));
        listing.put("grossWeightGrams", kind.grossGrams() + random.nextInt(Math.max(1, kind.grossGrams() / 10)));
        listing.set("dimensionsCm", NODES.objectNode()
                .put("length", kind.lengthCm())
                .put("width", kind.widthCm())
                .put("height", new BigDecimal(kind.heightCm()).add(BigDecimal.valueOf(random.nextInt(5), 1))));
        if (kind.shelfLifeDays() != null) {
            listing.put("shelfLifeDays", kind.shelfLifeDays());
            listing.put("storage", "Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp");
        }
        if (kind.ingredients() != null) {
            listing.put("ingredients", kind.ingredients());
        }
    }

    private static ObjectNode price(SplittableRandom random, Kind kind) {
        long retail = roundTo(kind.minPrice() + random.nextLong(kind.maxPrice() - kind.minPrice() + 1), 1000);
        ObjectNode price = NODES.objectNode().put("retail", retail);
        if (random.nextInt(100) < 80) {
            price.put("wholesale", roundTo(retail * (70 + random.nextInt(21)) / 100, 500));
        }
        if (kind.vatRate().equals("KCT")) {
            price.put("vatRate", "KCT");
        } else {
            price.put("vatRate", Integer.parseInt(kind.vatRate()));
        }
        return price;
    }

    private int stock(int index, long version) {
        SplittableRandom random = new SplittableRandom(mix(seed, index, 1_000 + version));
        return random.nextInt(100) < 5 ? 0 : random.nextInt(2000);
    }

    private static ArrayNode images(SplittableRandom random, String ocopId) {
        ArrayNode images = NODES.arrayNode();
        int count = 1 + random.nextInt(5);
        for (int i = 1; i <= count; i++) {
            images.add(IMAGE_HOST + ocopId + "-" + i + ".jpg");
        }
        return images;
    }

    /** 893 is Vietnam's GS1 prefix; the index makes every generated GTIN distinct. */
    static String gtin13(int index) {
        String body = "8939" + String.format("%08d", index % 100_000_000);
        return body + Gtin.checkDigit(body);
    }

    private static long roundTo(long value, long step) {
        return Math.max(step, value / step * step);
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Spreads (seed, index, stream) over 64 bits so neighbouring indices get unrelated sequences. */
    private static long mix(long seed, long index, long stream) {
        long z = seed ^ (index * 0x9E3779B97F4A7C15L) ^ (stream * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A kind of product with the facts that stay the same from one producer to the next. */
    private record Kind(ProductGroup group, String skuPrefix, String nameVi, String nameEn, String description,
                        String unit, int netValue, String netUnit, int grossGrams, int lengthCm, int widthCm,
                        int heightCm, Integer shelfLifeDays, String ingredients, long minPrice, long maxPrice,
                        String vatRate) {
    }

    /** A Hà Nội commune, named as on certificates issued before the 2025 reorganisation. */
    private record Place(String communeName, String oldDistrict, String shortName, String englishName) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(ProductGroup.BEVERAGE, "CHE", "Chè búp khô", "Dried green tea",
                    "Chè xanh hái một tôm hai lá, sao suốt thủ công, nước xanh vàng, hậu ngọt.",
                    "gói", 200, "g", 230, 18, 10, 5, 365, "Búp chè xanh", 80_000, 250_000, "5"),
            new Kind(ProductGroup.BEVERAGE, "RUOU", "Rượu nếp cái hoa vàng", "Yellow-flower sticky rice wine",
                    "Rượu nấu từ nếp cái hoa vàng và men lá truyền thống, hạ thổ sáu tháng.",
                    "chai", 500, "ml", 950, 9, 9, 28, 1095, "Gạo nếp cái hoa vàng, men lá, nước", 120_000, 350_000, "10"),
            new Kind(ProductGroup.FOOD, "MIEN", "Miến dong", "Arrowroot vermicelli",
                    "Miến làm từ tinh bột dong riềng, phơi nắng tự nhiên, sợi dai, không chất tẩy trắng.",
                    "gói", 500, "g", 530, 30, 20, 5, 365, "Tinh bột dong riềng", 35_000, 70_000, "5"),
            new Kind(ProductGroup.FOOD, "MO", "Mật ong hoa nhãn", "Longan honey",
                    "Mật ong nguyên chất mùa hoa nhãn, không pha đường, hạ thủy phần tự nhiên.",
                    "chai", 500, "ml", 820, 8, 8, 19, 730, "Mật ong hoa nhãn", 150_000, 280_000, "5"),
            new Kind(ProductGroup.FOOD, "GIO", "Giò lụa", "Pork roll",
                    "Giò lụa giã từ thịt nạc còn nóng với nước mắm ngon, gói lá chuối.",
                    "kg", 1, "kg", 1080, 22, 10, 10, 7, "Thịt lợn nạc, nước mắm, lá chuối", 220_000, 300_000, "8"),
            new Kind(ProductGroup.FOOD, "COM", "Bánh cốm", "Green rice cake",
                    "Bánh cốm nhân đỗ xanh dừa sợi, vỏ cốm dẻo thơm, gói lá dong.",
                    "hộp", 10, "piece", 720, 25, 20, 6, 7, "Cốm, đỗ xanh, dừa, đường", 100_000, 180_000, "8"),
            new Kind(ProductGroup.FOOD, "TUONG", "Tương nếp", "Fermented soybean sauce",
                    "Tương đỗ tương và xôi nếp mốc phơi chum sành ba tháng.",
                    "chai", 500, "ml", 760, 7, 7, 22, 180, "Đỗ tương, gạo nếp, muối, nước", 30_000, 60_000, "8"),
            new Kind(ProductGroup.HERBAL, "TDB", "Tinh dầu bưởi", "Pomelo peel essential oil",
                    "Tinh dầu chưng cất hơi nước từ vỏ bưởi, dùng xông phòng và dưỡng tóc.",
                    "chai", 100, "ml", 210, 5, 5, 14, 730, "Tinh dầu vỏ bưởi", 120_000, 220_000, "8"),
            new Kind(ProductGroup.HERBAL, "CUC", "Trà hoa cúc chi", "Chrysanthemum tea",
                    "Hoa cúc chi sấy lạnh giữ màu và tinh dầu, vị thanh, dễ ngủ.",
                    "hộp", 50, "g", 140, 16, 11, 7, 540, "Hoa cúc chi", 90_000, 160_000, "5"),
            new Kind(ProductGroup.HANDICRAFT, "GOM", "Bình gốm men lam", "Blue-glaze ceramic vase",
                    "Bình gốm vẽ tay men lam, nung ở 1.250 °C.",
                    "cái", 1, "piece", 2400, 22, 22, 30, null, null, 600_000, 3_500_000, "8"),
            new Kind(ProductGroup.HANDICRAFT, "MAY", "Bộ khay mây đan", "Rattan tray set",
                    "Bộ ba khay đan tay từ sợi mây chuốt nhỏ, phủ dầu chống mốc.",
                    "bộ", 3, "piece", 1600, 45, 32, 9, null, null, 400_000, 900_000, "8"),
            new Kind(ProductGroup.HANDICRAFT, "LUA", "Khăn lụa tơ tằm", "Mulberry silk scarf",
                    "Khăn lụa dệt từ tơ tằm tự nhiên, nhuộm màu thực vật.",
                    "cái", 1, "piece", 120, 25, 20, 3, null, "Tơ tằm", 300_000, 800_000, "8"),
            new Kind(ProductGroup.HANDICRAFT, "NON", "Nón lá", "Conical hat",
                    "Nón lá khâu tay 16 vành, lá sấy trắng, lót mo tre.",
                    "cái", 1, "piece", 250, 45, 45, 18, null, null, 60_000, 150_000, "8"),
            new Kind(ProductGroup.ORNAMENTAL, "BONSAI", "Cây sanh bonsai", "Banyan bonsai",
                    "Cây sanh uốn thế bonsai trồng chậu sứ, tạo dáng nhiều năm.",
                    "chậu", 1, "piece", 15000, 45, 45, 70, null, null, 800_000, 6_000_000, "5"),
            new Kind(ProductGroup.TOURISM, "TOUR", "Du lịch trải nghiệm làng nghề", "Craft village experience",
                    "Một ngày thăm làng nghề, làm sản phẩm cùng nghệ nhân và ăn bữa trưa cơm quê.",
                    "vé", 0, null, 0, 0, 0, 0, null, null, 150_000, 600_000, "8"));

    private static final List<Place> PLACES = List.of(
            new Place("xã Ba Trại", "huyện Ba Vì", "Ba Trại", "Ba Trai"),
            new Place("xã Minh Hồng", "huyện Ba Vì", "Minh Hồng", "Minh Hong"),
            new Place("xã Tản Lĩnh", "huyện Ba Vì", "Tản Lĩnh", "Tan Linh"),
            new Place("xã Bát Tràng", "huyện Gia Lâm", "Bát Tràng", "Bat Trang"),
            new Place("xã Phú Nghĩa", "huyện Chương Mỹ", "Phú Nghĩa", "Phu Nghia"),
            new Place("xã Phương Trung", "huyện Thanh Oai", "Phương Trung", "Phuong Trung"),
            new Place("xã Tân Ước", "huyện Thanh Oai", "Tân Ước", "Tan Uoc"),
            new Place("xã Chuyên Mỹ", "huyện Phú Xuyên", "Chuyên Mỹ", "Chuyen My"),
            new Place("xã Duyên Thái", "huyện Thường Tín", "Duyên Thái", "Duyen Thai"),
            new Place("xã Quảng Phú Cầu", "huyện Ứng Hòa", "Quảng Phú Cầu", "Quang Phu Cau"),
            new Place("xã Hương Sơn", "huyện Mỹ Đức", "Hương Sơn", "Huong Son"),
            new Place("xã Đường Lâm", "thị xã Sơn Tây", "Đường Lâm", "Duong Lam"),
            new Place("xã Phúc Hòa", "huyện Phúc Thọ", "Phúc Hòa", "Phuc Hoa"),
            new Place("xã Văn Đức", "huyện Gia Lâm", "Văn Đức", "Van Duc"));

    private static final List<String> FAMILY_NAMES = List.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô");

    private static final List<String> TRADES = List.of(
            "Nông sản", "Thực phẩm", "Thủ công mỹ nghệ", "Dược liệu", "Làng nghề", "Đặc sản");
}
