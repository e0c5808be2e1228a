package vn.ocop.hub.model;

public enum CertificationStatus {
    ACTIVE, EXPIRED, REVOKED
}
