package vn.ocop.hub.connector.postmart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ocop.hub.connector.ConnectorConfig;
import vn.ocop.hub.connector.ListingRules;
import vn.ocop.hub.model.Listing;

/** Canonical listing → Postmart's product body (PUT /v1/products/{sellerSku}). */
final class PostmartMapper {

    private final ConnectorConfig config;
    private final ObjectMapper json;

    PostmartMapper(ConnectorConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    ObjectNode product(Listing l) {
        ObjectNode p = json.createObjectNode();
        p.put("sellerSku", l.sku());
        p.put("name", l.name().vi());
        p.put("description", l.description().vi());
        p.put("categoryCode", category(l));
        p.put("price", ListingRules.price(config, l));
        p.put("stock", ListingRules.stock(config, l));
        p.put("unit", l.unit());
        p.put("weightGrams", l.grossWeightGrams());
        l.images().forEach(p.putArray("images")::add);
        if (l.hasGtin()) {
            p.put("gtin", l.gtin());
        }
        if (l.brand() != null) {
            p.put("brand", l.brand());
        }
        ObjectNode ocop = p.putObject("ocop");
        ocop.put("ocopId", l.ocopId());
        ocop.put("stars", l.stars());
        ocop.put("decisionNo", l.certification().decisionNo());
        ocop.put("validUntil", l.certification().validUntil().toString());
        if (l.traceabilityUrl() != null) {
            ocop.put("traceabilityUrl", l.traceabilityUrl());
        }
        ObjectNode origin = p.putObject("origin");
        origin.put("provinceCode", l.origin().provinceCode());
        origin.put("provinceName", l.origin().provinceName());
        if (l.origin().addressText() != null) {
            origin.put("addressText", l.origin().addressText());
        }
        ObjectNode producer = p.putObject("producer");
        producer.put("id", l.producer().id());
        producer.put("name", l.producer().name());
        return p;
    }

    ObjectNode price(Listing l) {
        return json.createObjectNode().put("price", ListingRules.price(config, l));
    }

    ObjectNode inventory(Listing l) {
        return json.createObjectNode().put("quantity", ListingRules.stock(config, l));
    }

    /** A sub-group's own code wins over its group's ("I.3" before "FOOD"). */
    private String category(Listing l) {
        if (l.subgroup() != null) {
            String bySubgroup = config.mapped("category", l.subgroup());
            if (bySubgroup != null) {
                return bySubgroup;
            }
        }
        String byGroup = config.mapped("category", l.group().name());
        return byGroup == null ? l.group().name() : byGroup;
    }
}
