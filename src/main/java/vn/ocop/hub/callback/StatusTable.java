package vn.ocop.hub.callback;

import vn.ocop.hub.producer.OrderStatus;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One partner's order statuses on the canonical ones, looked up without regard to case or
 * surrounding spaces. A status the partner does not document makes the message unusable, with
 * the statuses it does know in the reason, so an operator can see what arrived instead.
 */
public final class StatusTable {

    private final String partner;
    private final Map<String, OrderStatus> canonical = new TreeMap<>();

    public StatusTable(String partner, Map<String, OrderStatus> statuses) {
        this.partner = partner;
        statuses.forEach((status, mapped) -> canonical.put(key(status), mapped));
    }

    public OrderStatus canonical(String status) {
        OrderStatus mapped = status == null ? null : canonical.get(key(status));
        if (mapped == null) {
            throw new UnusableMessageException("unknown " + partner + " order status '" + status
                    + "' (expected one of " + canonical.keySet() + ")");
        }
        return mapped;
    }

    private static String key(String status) {
        return status.trim().toLowerCase(Locale.ROOT);
    }
}
