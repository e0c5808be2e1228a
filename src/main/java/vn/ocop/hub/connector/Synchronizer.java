package vn.ocop.hub.connector;

import vn.ocop.hub.model.ChangeEvent;

/** One partner's flow for listing changes (the Odoo connector framework's "Synchronizer"). */
public interface Synchronizer {
    /**
     * @param resync the operator asked to send everything again: deliver this revision even if
     *               it was delivered before (never an older one)
     */
    void synchronize(ChangeEvent event, boolean resync);
}
