package vn.ocop.hub.producer;

/** Canonical order statuses; every partner's own statuses map onto these. */
public enum OrderStatus {
    NEW, CONFIRMED, SHIPPED, DELIVERED, CANCELLED, RETURNED;

    /** Statuses after which the order's quantities are no longer sold: the stock is given back. */
    public boolean releasesStock() {
        return this == CANCELLED || this == RETURNED;
    }
}
