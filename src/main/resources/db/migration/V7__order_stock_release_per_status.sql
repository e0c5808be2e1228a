-- Stock given back per order, listing and releasing status (CANCELLED, RETURNED), as the number
-- of units now in that status. Lazada cancels an order unit by unit: each push re-reads the
-- order, so the units it shows cancelled only grow, and the stock comes back by the difference.
-- The sum over statuses never exceeds what the order took (order_stock_effect.quantity).
create table order_stock_release (
    partner          varchar(40)  not null,
    partner_order_id varchar(100) not null,
    ocop_id          varchar(40)  not null,
    status           varchar(20)  not null,
    quantity         bigint       not null,
    updated_at       timestamp with time zone not null,
    primary key (partner, partner_order_id, ocop_id, status)
);
-- what was given back before this table existed was all of it, at one cancellation or return
insert into order_stock_release (partner, partner_order_id, ocop_id, status, quantity, updated_at)
    select partner, partner_order_id, ocop_id, 'CANCELLED', quantity, created_at
    from order_stock_effect where restored = true;
