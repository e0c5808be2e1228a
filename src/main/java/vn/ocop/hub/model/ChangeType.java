package vn.ocop.hub.model;

/** What a new version of a listing changed, most significant first. */
public enum ChangeType {
    CREATED, UPDATED, PRICE_CHANGED, STOCK_CHANGED, WITHDRAWN,
    /** Nothing a partner can see changed; no event is published. */
    UNCHANGED
}
