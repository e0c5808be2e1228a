package vn.ocop.hub.api;

/** Who is calling (interfaces.md): the office publishes, the operator runs the hub. */
public enum Role {
    OFFICE, OPERATOR
}
