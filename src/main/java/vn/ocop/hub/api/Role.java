package vn.ocop.hub.api;

/**
 * Who is calling (interfaces.md): the office publishes, the operator runs the hub, a producer
 * sees its own listings and notifications.
 */
public enum Role {
    OFFICE, OPERATOR, PRODUCER
}
