-- Marketplace orders name the partner's item id; the callback normaliser finds our listing by it.
create index binding_partner_item_idx on binding (partner, partner_item_id);
