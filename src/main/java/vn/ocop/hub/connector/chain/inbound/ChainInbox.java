package vn.ocop.hub.connector.chain.inbound;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.model.Listing;
import vn.ocop.hub.producer.EventIds;
import vn.ocop.hub.producer.InventoryEvent;
import vn.ocop.hub.producer.OrderEvent;
import vn.ocop.hub.producer.OrderStatus;
import vn.ocop.hub.producer.ProducerEvent;
import vn.ocop.hub.producer.ProducerEvents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles one file a retail chain dropped into its inbox (bean "chainInbox", called by the
 * chain-inbox route): read with the chain's reader, match every line to a listing and its
 * producer, and publish canonical ORDER / INVENTORY events. A file is applied whole or not at
 * all: any bad or unmatched line refuses the file, and the error report lists every reason.
 */
@Component("chainInbox")
public class ChainInbox {

    /** Header the route's {@code move} option reads: {@code processed} or {@code error}. */
    public static final String OUTCOME = "hubInboxOutcome";
    public static final String KIND = "hubInboundKind";

    private static final Logger log = LoggerFactory.getLogger(ChainInbox.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What became of a file: accepted with its new events, or refused with a report for the chain. */
    public record Outcome(boolean accepted, int lines, int newEvents, List<InboundProblem> problems) {

        public String report(String partner, InboundKind kind, String fileName) {
            StringBuilder s = new StringBuilder();
            s.append("File: ").append(fileName).append('\n')
                    .append("Chain: ").append(partner).append(" (inbox/").append(kind.folder()).append(")\n")
                    .append("Checked: ").append(Instant.now()).append('\n')
                    .append("Result: refused. Nothing from this file was applied. Correct the lines below and drop ")
                    .append("the whole file again under a new name.\n\n");
            for (InboundProblem p : problems) {
                s.append(p).append('\n');
            }
            return s.toString();
        }
    }

    private final PartnerRegistry registry;
    private final List<InboundReader> readers;
    private final ListingMatcher matcher;
    private final ProducerEvents events;

    public ChainInbox(PartnerRegistry registry, List<InboundReader> readers, ListingMatcher matcher,
                      ProducerEvents events) {
        this.registry = registry;
        this.readers = readers;
        this.matcher = matcher;
        this.events = events;
    }

    public Optional<InboundReader> reader(String connectorId, InboundKind kind) {
        return readers.stream().filter(r -> r.connectorId().equals(connectorId) && r.kind() == kind).findFirst();
    }

    /** Route entry point: the file's bytes in, the outcome header (and the report as body when refused) out. */
    public void handle(Exchange exchange) {
        String partner = exchange.getMessage().getHeader("hubPartner", String.class);
        InboundKind kind = InboundKind.valueOf(exchange.getMessage().getHeader(KIND, String.class));
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] content = exchange.getMessage().getBody(byte[].class);
        Outcome outcome = process(partner, kind, fileName, content == null ? new byte[0] : content);
        if (outcome.accepted()) {
            exchange.getMessage().setHeader(OUTCOME, "processed");
            log.info("{}: {} accepted, {} lines, {} new events", partner, fileName, outcome.lines(), outcome.newEvents());
        } else {
            exchange.getMessage().setHeader(OUTCOME, "error");
            exchange.getMessage().setBody(outcome.report(partner, kind, fileName));
            log.warn("{}: {} refused: {}", partner, fileName, outcome.problems());
        }
    }

    public Outcome process(String partner, InboundKind kind, String fileName, byte[] content) {
        ConnectorConfig config = registry.find(partner).orElseThrow().config();
        InboundReader reader = reader(config.connector(), kind).orElseThrow(() ->
                new IllegalStateException("no " + kind + " reader for connector " + config.connector()));
        InboundDocument document;
        try {
            document = reader.read(new ByteArrayInputStream(content), config);
        } catch (IOException | RuntimeException e) {
            // a reader should report, not throw; if one does, the file is still refused with a reason
            return refused(0, List.of(new InboundProblem("file", "unreadable: " + e.getMessage())));
        }
        List<InboundProblem> problems = new ArrayList<>(document.problems());
        if (document.lines().isEmpty() && problems.isEmpty()) {
            problems.add(new InboundProblem("file", "no " + (kind == InboundKind.ORDERS ? "order" : "stock")
                    + " lines"));
        }
        List<Matched> matched = new ArrayList<>();
        for (InboundLine line : document.lines()) {
            ListingMatcher.Match match = matcher.match(line.item());
            if (match.problem() != null) {
                problems.add(new InboundProblem(line.location(), match.problem()));
            } else {
                matched.add(new Matched(line, match.listing()));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(IN_FILE_ORDER);
            return refused(document.lines().size(), problems);
        }
        List<ProducerEvent> produced = kind == InboundKind.ORDERS
                ? orders(partner, fileName, matched) : stock(partner, fileName, matched);
        int added = events.publish(produced, ordersMoveStock(config), stockReportsSetStock(config));
        return new Outcome(true, document.lines().size(), added, List.of());
    }

    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d{1,18}");

    /** Problems about the whole file first, then by the first number in their location (line or segment). */
    private static final Comparator<InboundProblem> IN_FILE_ORDER = Comparator.comparingLong(p -> {
        Matcher m = FIRST_NUMBER.matcher(p.location());
        return m.find() ? Long.parseLong(m.group()) : -1;
    });

    private static Outcome refused(int lines, List<InboundProblem> problems) {
        return new Outcome(false, lines, 0, List.copyOf(problems));
    }

    private record Matched(InboundLine line, Listing listing) {
    }

    /** One ORDER per purchase order and producer: each producer hears only about its own lines. */
    private static List<ProducerEvent> orders(String partner, String fileName, List<Matched> lines) {
        Map<String, Map<String, List<Matched>>> byOrderThenProducer = new LinkedHashMap<>();
        for (Matched m : lines) {
            String order = m.line().documentRef() == null || m.line().documentRef().isBlank()
                    ? fileName : m.line().documentRef();
            byOrderThenProducer.computeIfAbsent(order, k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.listing().producer().id(), k -> new ArrayList<>()).add(m);
        }
        List<ProducerEvent> out = new ArrayList<>();
        byOrderThenProducer.forEach((order, byProducer) -> byProducer.forEach((producer, own) -> {
            InboundLine first = own.get(0).line();
            List<OrderEvent.Line> orderLines = own.stream().map(m -> new OrderEvent.Line(m.listing().ocopId(),
                    m.listing().sku(), m.line().quantity(), m.line().unitPrice())).toList();
            out.add(new OrderEvent(EventIds.of(partner, "ORDER", order, producer, OrderStatus.NEW.name()), producer,
                    partner, order, OrderStatus.NEW, orderLines, first.deliveryDate(), first.storeCode(),
                    when(first.documentDate())));
        }));
        return out;
    }

    private static List<ProducerEvent> stock(String partner, String fileName, List<Matched> lines) {
        List<ProducerEvent> out = new ArrayList<>();
        for (Matched m : lines) {
            InboundLine l = m.line();
            String report = l.documentRef() == null || l.documentRef().isBlank() ? fileName : l.documentRef();
            out.add(new InventoryEvent(EventIds.of(partner, "INVENTORY", report, String.valueOf(l.storeCode()),
                    m.listing().ocopId(), String.valueOf(l.documentDate())), m.listing().producer().id(), partner,
                    m.listing().ocopId(), m.listing().sku(), l.quantity(), InventoryEvent.Meaning.STORE_STOCK_REPORT,
                    l.storeCode(), l.soldQuantity(), when(l.documentDate())));
        }
        return out;
    }

    private static Instant when(LocalDate day) {
        return day == null ? Instant.now() : day.atStartOfDay(VIETNAM).toInstant();
    }

    /**
     * A stock report describes the chain's shelves, not the producer's stock, so by default it only
     * informs the producer; profile {@code stockReportsSetStock: true} makes it set the listing's
     * stock (and so every channel's) instead.
     */
    static boolean stockReportsSetStock(ConnectorConfig config) {
        return config.setting("stockReportsSetStock").map(Boolean::parseBoolean).orElse(false);
    }

    /** A chain's purchase order sells the producer's goods: by default it moves stock like any order. */
    static boolean ordersMoveStock(ConnectorConfig config) {
        return config.setting("ordersMoveStock").map(Boolean::parseBoolean).orElse(true);
    }
}
