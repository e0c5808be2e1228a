-- Price and stock changes waiting for a partner whose API sets many items in one call (Lazada's
-- /product/price_quantity/update takes up to 50 SKUs). The listing's consumer stages a row inside
-- its own delivery; a timer sends the rows in batches. One row per listing and partner: a newer
-- change replaces an older one, because price and stock are both read from the newest listing.
create table price_stock_batch (
    partner          varchar(40)   not null,
    ocop_id          varchar(40)   not null,
    revision         bigint        not null,
    -- the partner's item id when staged; a change of item id goes through a content delivery,
    -- which clears the row first
    item_id          varchar(100)  not null,
    send_price       boolean       not null,
    send_stock       boolean       not null,
    -- the ChangeEvent as the queue carried it: the listing snapshot the values are read from
    change_event     text          not null,
    staged_at        timestamp with time zone not null,
    attempts         int           not null default 0,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(2000),
    -- set while a sender (on any hub instance) has the row in a call; the listing's consumer waits
    -- for it before delivering anything newer. A lease, so a sender that died frees it.
    claim_token      varchar(36),
    claimed_until    timestamp with time zone,
    primary key (partner, ocop_id)
);
create index price_stock_batch_due_idx on price_stock_batch (partner, next_attempt_at);
