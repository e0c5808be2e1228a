package vn.ocop.hub.model;

public enum CertificationLevel {
    DISTRICT, PROVINCIAL, NATIONAL
}
