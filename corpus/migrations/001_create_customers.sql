CREATE TABLE customers (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email  varchar(200) NOT NULL
);
CREATE UNIQUE INDEX customers_email_key ON customers (email);
