package vn.ocop.hub.connector.winmart;

import java.util.Map;

/**
 * Where each order column sits in the file, and how many cells the header has (each line
 * must have as many, or its values would be read under the wrong columns).
 */
record OrderColumns(Map<String, Integer> positions, int width) {

    OrderColumns {
        positions = Map.copyOf(positions);
    }

    int of(String column) {
        return positions.get(column);
    }
}
