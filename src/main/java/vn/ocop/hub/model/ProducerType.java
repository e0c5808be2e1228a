package vn.ocop.hub.model;

public enum ProducerType {
    ENTERPRISE, COOPERATIVE, COOPERATIVE_GROUP, HOUSEHOLD
}
