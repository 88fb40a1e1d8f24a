-- The database behind corpus/api/shop.yaml (PostgreSQL), with deliberate flaws.

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE customers (
    id          serial PRIMARY KEY,
    email       varchar(200) NOT NULL UNIQUE,
    name        varchar(80),
    password    varchar(64) NOT NULL,
    phone1      varchar(20),
    phone2      varchar(20),
    created_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    customer_id     integer NOT NULL REFERENCES customers (id),
    customer_email  varchar(200),
    status          order_status NOT NULL DEFAULT 'pending',
    total           real NOT NULL,
    coupon          text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_lines (
    order_id  uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku       varchar(40) NOT NULL,
    quantity  integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);

CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_status_created_idx ON orders (status, created_at);

CREATE TABLE audit_log (
    entity_type  varchar(40) NOT NULL,
    entity_id    bigint NOT NULL,
    payload      json,
    logged_at    timestamp NOT NULL
);
