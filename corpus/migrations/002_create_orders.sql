CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL,
    status       text DEFAULT 'pending'
);
-- Same file as the CREATE TABLE: the table is new, so this is safe.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
