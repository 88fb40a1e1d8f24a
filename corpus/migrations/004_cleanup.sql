ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
DROP INDEX orders_status_idx;
ALTER TABLE orders ADD COLUMN note varchar(500);
