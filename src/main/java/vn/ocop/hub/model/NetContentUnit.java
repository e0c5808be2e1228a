package vn.ocop.hub.model;

public enum NetContentUnit {
    g, kg, ml, l, piece
}
