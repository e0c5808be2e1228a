package vn.ocop.hub.connector.chain;

import vn.ocop.hub.model.Listing;

/**
 * One item in a catalogue file. {@code action}: A add, U update, D delete (a delete carries
 * the last content the chain received, so formats that need a name or code for it have one).
 */
public record CatalogueRow(char action, Listing listing) {
}
