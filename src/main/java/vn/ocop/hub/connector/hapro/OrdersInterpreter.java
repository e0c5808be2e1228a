package vn.ocop.hub.connector.hapro;

import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.ItemRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One EANCOM ORDERS D.01B message → order lines. Reads BGM (order number; function 9, a new order),
 * DTM+137 (order date),
 * DTM+2 (requested delivery, also per line), NAD+BY (the ordering store's GLN; NAD+DP when there is
 * no BY) and per line LIN (GTIN), PIA (our ocopId as supplier's article number, code SA), QTY+21
 * (ordered quantity) and PRI+AAA (net unit price). Group membership comes from the schema's loop
 * codes (SG2 parties, SG28 line items, SG32 line prices), so a DTM inside a price group is never
 * taken for a delivery date.
 */
final class OrdersInterpreter {

    private static final String ORIGINAL = "9";
    private static final Map<String, String> FUNCTIONS = Map.of("1", "cancellation", "3", "deletion",
            "4", "change", "5", "replacement", "6", "confirmation", "7", "duplicate", "31", "copy");
    private static final String PARTIES = "SG2";
    private static final String LINE = "SG28";
    private static final String LINE_PRICE = "SG32";

    private OrdersInterpreter() {
    }

    static void read(EdiMessage message, List<InboundLine> lines, List<InboundProblem> problems) {
        EdiSegment bgm = null;
        String orderNumber = null;
        LocalDate orderDate = null;
        boolean orderDateSeen = false;
        LocalDate deliveryDate = null;
        String buyer = null;
        String deliveryParty = null;
        List<LineItem> items = new ArrayList<>();
        LineItem item = null;

        for (EdiSegment s : message.body()) {
            switch (s.tag()) {
                case "BGM" -> {
                    bgm = s;
                    orderNumber = s.value(2, 1);
                    if (orderNumber == null) {
                        problems.add(new InboundProblem(s.location(), "BGM has no order number (element 2, DE 1004)"));
                    }
                    String function = s.value(3);
                    if (function != null && !ORIGINAL.equals(function)) {
                        // a cancellation or replacement read as a new order would double the delivery
                        problems.add(new InboundProblem(s.location(), "BGM message function " + function
                                + " (" + FUNCTIONS.getOrDefault(function, "not a new order") + ") is not read from files: "
                                + "this inbox takes new orders only (function 9); send changes and cancellations "
                                + "to the office directly"));
                    }
                }
                case "DTM" -> {
                    if (item == null && s.loop() == null) {
                        if ("137".equals(s.value(1, 1))) {
                            orderDateSeen = true;
                            orderDate = EdiValues.date(s, problems);
                        } else if ("2".equals(s.value(1, 1))) {
                            deliveryDate = EdiValues.date(s, problems);
                        }
                    } else if (item != null && LINE.equals(s.loop()) && "2".equals(s.value(1, 1))) {
                        item.deliveryDate = EdiValues.date(s, problems);
                    }
                }
                case "NAD" -> {
                    if (item == null && PARTIES.equals(s.loop())) {
                        if ("BY".equals(s.value(1))) {
                            buyer = s.value(2, 1);
                        } else if ("DP".equals(s.value(1))) {
                            deliveryParty = s.value(2, 1);
                        }
                    }
                }
                case "LIN" -> {
                    item = new LineItem(s);
                    items.add(item);
                    item.identify(s, problems);
                }
                case "PIA" -> {
                    if (item != null && LINE.equals(s.loop())) {
                        item.articleFrom(s, problems);
                    }
                }
                case "QTY" -> {
                    if (item != null && LINE.equals(s.loop()) && "21".equals(s.value(1, 1))) {
                        if (item.quantitySeen) {
                            problems.add(new InboundProblem(s.location(), "QTY+21 is given twice for line item " + item.number()));
                        }
                        item.quantitySeen = true;
                        item.quantity = EdiValues.quantity(s, false, problems);
                    }
                }
                case "PRI" -> {
                    if (item != null && LINE_PRICE.equals(s.loop()) && "AAA".equals(s.value(1, 1))) {
                        item.price = EdiValues.price(s, problems);
                    }
                }
                default -> {
                }
            }
        }

        String where = bgm != null ? bgm.location() : message.header().location();
        if (!orderDateSeen) {
            problems.add(new InboundProblem(where, "the order has no order date (DTM+137)"));
        }
        if (items.isEmpty()) {
            problems.add(new InboundProblem(where, "the order has no line items (LIN)"));
        }
        String store = buyer != null ? buyer : deliveryParty;
        for (LineItem line : items) {
            boolean complete = line.check(problems);
            if (complete && orderNumber != null && orderDate != null) {
                lines.add(new InboundLine(line.lin.location(), orderNumber, orderDate, store, line.ref(), line.quantity,
                        line.price, line.deliveryDate != null ? line.deliveryDate : deliveryDate, null));
            }
        }
    }

    /** What one LIN group said, gathered until the message ends. */
    private static final class LineItem {
        private final EdiSegment lin;
        private String gtin;
        private String article;
        private boolean quantitySeen;
        private Long quantity;
        private Long price;
        private LocalDate deliveryDate;
        private boolean broken;

        LineItem(EdiSegment lin) {
            this.lin = lin;
        }

        String number() {
            return lin.value(1) != null ? lin.value(1) : "at " + lin.location();
        }

        void identify(EdiSegment s, List<InboundProblem> problems) {
            String id = s.value(3, 1);
            if (id == null) {
                return;
            }
            String problem = EdiValues.gtinProblem(id);
            if (problem != null) {
                problems.add(new InboundProblem(s.location(), "LIN item number " + problem));
                broken = true;
                return;
            }
            gtin = id;
        }

        void articleFrom(EdiSegment pia, List<InboundProblem> problems) {
            for (int element = 2; element <= 6; element++) {
                String id = pia.value(element, 1);
                String type = pia.value(element, 2);
                if (id == null) {
                    continue;
                }
                if ("SA".equals(type)) {
                    article = id;
                } else if ("SRV".equals(type) && gtin == null) {
                    // some buyers repeat the GTIN in PIA instead of LIN
                    String problem = EdiValues.gtinProblem(id);
                    if (problem != null) {
                        problems.add(new InboundProblem(pia.location(), "PIA item number " + problem));
                        broken = true;
                    } else {
                        gtin = id;
                    }
                }
            }
        }

        /** Adds what is missing from this line; true when it makes a complete order line. */
        boolean check(List<InboundProblem> problems) {
            boolean ok = !broken;
            if (gtin == null && article == null && !broken) {
                problems.add(new InboundProblem(lin.location(), "line item " + number()
                        + " names no product: give its GTIN in LIN or our article number in PIA+5 (…:SA)"));
                ok = false;
            }
            if (!quantitySeen) {
                problems.add(new InboundProblem(lin.location(), "line item " + number() + " has no ordered quantity (QTY+21)"));
                ok = false;
            }
            return ok && quantity != null;
        }

        ItemRef ref() {
            return new ItemRef(null, gtin, article);
        }
    }
}
