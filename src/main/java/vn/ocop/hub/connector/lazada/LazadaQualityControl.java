package vn.ocop.hub.connector.lazada;

import vn.ocop.hub.connector.marketplace.ApprovalTracking;
import vn.ocop.hub.store.Binding;

import java.util.Locale;
import java.util.Optional;

/**
 * Lazada's QC review of new items ("Pending QC", usually settled within a day), polled by item
 * id: an item that went live is approved; a rejected or deleted one shows Lazada's reason.
 */
final class LazadaQualityControl implements ApprovalTracking {

    private final LazadaLookup lookup;

    LazadaQualityControl(LazadaLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Approval check(Binding pending) {
        if (pending.partnerItemId() == null) {
            return new Approval(Outcome.REJECTED, null, "no Lazada item id was recorded for this listing");
        }
        Optional<LazadaProduct> item = lookup.byItemId(pending.partnerItemId(), null, pending.partnerRef());
        if (item.isEmpty()) {
            return new Approval(Outcome.REJECTED, pending.partnerItemId(), "Lazada no longer has item "
                    + pending.partnerItemId());
        }
        String status = item.get().status().toLowerCase(Locale.ROOT);
        if (status.contains("pending")) {
            return new Approval(Outcome.PENDING, pending.partnerItemId(), null);
        }
        if (status.contains("reject") || status.contains("suspend") || status.contains("delete")) {
            String reason = item.get().rejectReason();
            return new Approval(Outcome.REJECTED, pending.partnerItemId(), "Lazada QC: " + status
                    + (reason == null ? "" : ": " + reason));
        }
        return new Approval(Outcome.APPROVED, pending.partnerItemId(), null);
    }
}
