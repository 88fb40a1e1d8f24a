-- orders exists and holds data by now.
ALTER TABLE orders ADD COLUMN total numeric(12, 2) NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
CREATE INDEX orders_status_idx ON orders (status);
ALTER TABLE customers RENAME COLUMN email TO email_address;
