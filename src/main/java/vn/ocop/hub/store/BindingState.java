package vn.ocop.hub.store;

/** Where a listing stands at one partner (interfaces.md). */
public enum BindingState {
    PENDING, SYNCED, PENDING_APPROVAL, REJECTED, FAILED, SKIPPED, WITHDRAWN
}
