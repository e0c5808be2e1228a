package vn.ocop.hub.connector;

import vn.ocop.hub.model.ChangeEvent;

/** One partner's flow for listing changes (the Odoo connector framework's "Synchronizer"). */
public interface Synchronizer {
    void synchronize(ChangeEvent event);
}
