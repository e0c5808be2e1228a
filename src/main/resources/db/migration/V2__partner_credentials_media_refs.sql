-- Tokens a partner hands out and takes back (Shopee's single-use refresh token must be
-- stored before it is used again, or the shop is locked out after a restart).
create table partner_credential (
    partner    varchar(40)  not null,
    name       varchar(60)  not null,
    secret     varchar(4000) not null,
    expires_at timestamp with time zone,
    updated_at timestamp with time zone not null,
    primary key (partner, name)
);

-- Images uploaded to a partner, by source URL, so a listing's update does not upload again.
create table partner_media (
    partner     varchar(40)   not null,
    source_url  varchar(2000) not null,
    partner_ref varchar(500)  not null,
    created_at  timestamp with time zone not null,
    primary key (partner, source_url)
);

-- What else the partner calls the item: Tiki's tracking id while it reviews a request,
-- Lazada's SkuId, Shopee's model id.
alter table binding add column partner_ref varchar(200);
