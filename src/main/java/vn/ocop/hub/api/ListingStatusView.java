package vn.ocop.hub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import vn.ocop.hub.connector.Partner;
import vn.ocop.hub.connector.PartnerRegistry;
import vn.ocop.hub.store.Binding;
import vn.ocop.hub.store.BindingStore;
import vn.ocop.hub.store.StoredListing;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A listing with its state at every configured partner. Disabled partners are listed too,
 * as SKIPPED with the reason, so nobody has to wonder why a product is missing somewhere.
 */
@Component
public class ListingStatusView {

    private final BindingStore bindings;
    private final PartnerRegistry partners;
    private final ObjectMapper json;
    /** Keeps decimals as stored: by default a tree strips trailing zeros, and 200 g would read 2E+2. */
    private final ObjectMapper exactNumbers;

    public ListingStatusView(BindingStore bindings, PartnerRegistry partners, ObjectMapper json) {
        this.bindings = bindings;
        this.partners = partners;
        this.json = json;
        this.exactNumbers = json.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    public ObjectNode render(StoredListing stored) {
        ObjectNode view = exactNumbers.valueToTree(stored.listing());
        view.put("revision", stored.revision());
        view.put("withdrawn", stored.withdrawn());
        if (stored.withdrawnReason() != null) {
            view.put("withdrawnReason", stored.withdrawnReason());
        }
        view.put("updatedAt", stored.updatedAt().toString());
        Map<String, Binding> byPartner = bindings.forListing(stored.ocopId()).stream()
                .collect(Collectors.toMap(Binding::partner, Function.identity()));
        ArrayNode states = view.putArray("partners");
        for (Partner partner : partners.all()) {
            ObjectNode state = states.addObject();
            state.put("partner", partner.name());
            Binding b = byPartner.get(partner.name());
            if (b != null) {
                state.put("state", b.state().name());
                state.put("partnerItemId", b.partnerItemId());
                state.put("deliveredVersion", b.deliveredVersion());
                state.put("reason", b.reason());
                state.put("updatedAt", b.updatedAt().toString());
            } else if (!partner.active()) {
                state.put("state", "SKIPPED");
                state.putNull("partnerItemId");
                state.putNull("deliveredVersion");
                state.put("reason", "partner disabled: " + partner.disabledReason());
                state.putNull("updatedAt");
            } else {
                state.put("state", "PENDING");
                state.putNull("partnerItemId");
                state.putNull("deliveredVersion");
                state.put("reason", "not yet processed");
                state.putNull("updatedAt");
            }
        }
        return view;
    }
}
