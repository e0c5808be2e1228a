package vn.ocop.hub.connector.hapro;

import vn.ocop.hub.connector.chain.inbound.InboundLine;
import vn.ocop.hub.connector.chain.inbound.InboundProblem;
import vn.ocop.hub.connector.chain.inbound.ItemRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EANCOM INVRPT D.01B message → stock lines, one per item and store.
 * <ul>
 *   <li>Report date: DTM+366 (inventory report date), else DTM+137 (message date).</li>
 *   <li>Store: the GLN in NAD+GY (inventory reporting party; NAD+BY or NAD+DP when there is no
 *   GY), or a LOC after that NAD; a LOC in the line item or in its INV group names the store for
 *   that line or quantity alone, so one report can cover several stores.</li>
 *   <li>Per item: LIN (GTIN), PIA+5 (our ocopId, code SA), then INV groups, each with one QTY:
 *   QTY+145 (actual stock, the on-hand quantity) and optionally QTY+212 ("quantity sold, net",
 *   the EANCOM 2002 code for units sold in the period the report covers).</li>
 * </ul>
 * On-hand stock may be zero (a sold-out item is news worth reporting); it may not be negative.
 */
final class InventoryInterpreter {

    static final String ON_HAND = "145";
    static final String SOLD = "212";

    private static final String PARTIES = "SG2";
    private static final String LINE = "SG9";
    private static final String STOCK = "SG11";

    private InventoryInterpreter() {
    }

    static void read(EdiMessage message, List<InboundLine> lines, List<InboundProblem> problems) {
        EdiSegment bgm = null;
        LocalDate reportDate = null;
        LocalDate messageDate = null;
        Map<String, String> parties = new LinkedHashMap<>();
        String partyLocation = null;
        String lastParty = null;
        List<Item> items = new ArrayList<>();
        Item item = null;
        Stock stock = null;

        for (EdiSegment s : message.body()) {
            switch (s.tag()) {
                case "BGM" -> bgm = s;
                case "DTM" -> {
                    if (item == null && s.loop() == null) {
                        if ("366".equals(s.value(1, 1))) {
                            reportDate = EdiValues.date(s, problems);
                        } else if ("137".equals(s.value(1, 1))) {
                            messageDate = EdiValues.date(s, problems);
                        }
                    }
                }
                case "NAD" -> {
                    if (item == null && PARTIES.equals(s.loop()) && s.value(1) != null) {
                        lastParty = s.value(1);
                        parties.putIfAbsent(lastParty, s.value(2, 1));
                    }
                }
                case "LOC" -> {
                    String place = s.value(2, 1);
                    if (item == null && PARTIES.equals(s.loop()) && "GY".equals(lastParty) && partyLocation == null) {
                        partyLocation = place;
                    } else if (stock != null && STOCK.equals(s.loop())) {
                        stock.store = place;
                    } else if (item != null && LINE.equals(s.loop())) {
                        item.store = place;
                    }
                }
                case "LIN" -> {
                    item = new Item(s);
                    items.add(item);
                    stock = null;
                    String id = s.value(3, 1);
                    if (id != null) {
                        String problem = EdiValues.gtinProblem(id);
                        if (problem != null) {
                            problems.add(new InboundProblem(s.location(), "LIN item number " + problem));
                            item.broken = true;
                        } else {
                            item.gtin = id;
                        }
                    }
                }
                case "PIA" -> {
                    if (item != null && LINE.equals(s.loop())) {
                        for (int element = 2; element <= 6; element++) {
                            if ("SA".equals(s.value(element, 2)) && s.value(element, 1) != null) {
                                item.article = s.value(element, 1);
                            }
                        }
                    }
                }
                case "INV" -> {
                    if (item != null) {
                        stock = new Stock();
                        item.stocks.add(stock);
                    }
                }
                case "QTY" -> {
                    if (stock != null && STOCK.equals(s.loop())) {
                        String qualifier = s.value(1, 1);
                        if (ON_HAND.equals(qualifier) || SOLD.equals(qualifier)) {
                            stock.qualifier = qualifier;
                            stock.qty = s;
                            stock.quantity = EdiValues.quantity(s, true, problems);
                        }
                    }
                }
                default -> {
                }
            }
        }

        String where = bgm != null ? bgm.location() : message.header().location();
        LocalDate date = reportDate != null ? reportDate : messageDate;
        if (date == null && !hasDate(message)) {
            problems.add(new InboundProblem(where, "the report has no date (DTM+366 report date or DTM+137)"));
        }
        if (items.isEmpty()) {
            problems.add(new InboundProblem(where, "the report has no line items (LIN)"));
        }
        String headerStore = partyLocation != null ? partyLocation : firstOf(parties, "GY", "BY", "DP");
        String reportNumber = bgm == null ? null : bgm.value(2, 1);
        for (Item i : items) {
            i.lines(reportNumber, date, headerStore, lines, problems);
        }
    }

    /** A DTM+366 or +137 was there, but its date was bad: that problem is already reported. */
    private static boolean hasDate(EdiMessage message) {
        return message.body().stream().anyMatch(s -> s.tag().equals("DTM") && s.loop() == null
                && ("366".equals(s.value(1, 1)) || "137".equals(s.value(1, 1))));
    }

    private static String firstOf(Map<String, String> parties, String... qualifiers) {
        for (String q : qualifiers) {
            if (parties.get(q) != null) {
                return parties.get(q);
            }
        }
        return null;
    }

    /** One INV group: a quantity and, optionally, the store it is for. */
    private static final class Stock {
        private String qualifier;
        private EdiSegment qty;
        private Long quantity;
        private String store;
    }

    /** One LIN group. */
    private static final class Item {
        private final EdiSegment lin;
        private final List<Stock> stocks = new ArrayList<>();
        private String gtin;
        private String article;
        private String store;
        private boolean broken;

        Item(EdiSegment lin) {
            this.lin = lin;
        }

        String number() {
            return lin.value(1) != null ? lin.value(1) : "at " + lin.location();
        }

        void lines(String reportNumber, LocalDate date, String headerStore, List<InboundLine> lines,
                   List<InboundProblem> problems) {
            if (gtin == null && article == null && !broken) {
                problems.add(new InboundProblem(lin.location(), "line item " + number()
                        + " names no product: give its GTIN in LIN or our article number in PIA+5 (…:SA)"));
                broken = true;
            }
            Map<String, Stock> onHand = new LinkedHashMap<>();
            Map<String, Stock> sold = new LinkedHashMap<>();
            for (Stock s : stocks) {
                if (s.qualifier == null) {
                    continue;
                }
                String at = s.store != null ? s.store : store != null ? store : headerStore;
                Map<String, Stock> target = ON_HAND.equals(s.qualifier) ? onHand : sold;
                String key = at == null ? "" : at;
                if (target.containsKey(key)) {
                    problems.add(new InboundProblem(s.qty.location(), "QTY+" + s.qualifier + " is given twice for line item "
                            + number() + (at == null ? "" : " at store " + at)));
                    broken = true;
                }
                target.put(key, s);
            }
            if (onHand.isEmpty()) {
                problems.add(new InboundProblem(lin.location(), "line item " + number()
                        + " has no on-hand quantity (INV group with QTY+145)"));
                return;
            }
            for (String key : sold.keySet()) {
                if (!onHand.containsKey(key)) {
                    problems.add(new InboundProblem(sold.get(key).qty.location(), "line item " + number()
                            + " gives units sold but no on-hand quantity (QTY+145)" + (key.isEmpty() ? "" : " for store " + key)));
                    broken = true;
                }
            }
            for (Map.Entry<String, Stock> e : onHand.entrySet()) {
                Stock soldHere = sold.get(e.getKey());
                boolean valid = e.getValue().quantity != null && (soldHere == null || soldHere.quantity != null);
                if (!broken && valid && date != null) {
                    lines.add(new InboundLine(lin.location(), reportNumber, date, e.getKey().isEmpty() ? null : e.getKey(),
                            new ItemRef(null, gtin, article), e.getValue().quantity, null, null,
                            soldHere == null ? null : soldHere.quantity));
                }
            }
        }
    }
}
