package vn.ocop.hub.connector;

/**
 * A built connector, found by the {@code connector:} id in a partner's configuration. Adding a
 * partner means one configuration file plus one bean implementing a sub-interface of this.
 */
public interface ConnectorFactory {
    String connectorId();
}
