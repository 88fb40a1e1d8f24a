use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a table with more than 40 columns.
    ///
    /// ## Why is this bad?
    /// Very wide tables usually mix several entities or optional aspects in one
    /// row: most columns are NULL for most rows, every update rewrites the whole
    /// wide row, and the table has no clear meaning.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (
    ///     id bigint PRIMARY KEY, email text NOT NULL, name text, phone text, birth_date date,
    ///     locale text, time_zone text, created_at timestamptz, updated_at timestamptz,
    ///     billing_name text, billing_company text, billing_vat_id text, billing_street text,
    ///     billing_city text, billing_postal_code text, billing_country text, billing_email text,
    ///     shipping_name text, shipping_company text, shipping_street text, shipping_city text,
    ///     shipping_postal_code text, shipping_country text, shipping_phone text, shipping_notes text,
    ///     newsletter boolean, marketing_emails boolean, sms_alerts boolean, theme text,
    ///     currency text, date_format text, default_payment text, loyalty_tier text,
    ///     loyalty_points integer, referral_code text, referred_by bigint, last_login_at timestamptz,
    ///     login_count integer, avatar_url text, bio text, website text
    /// );
    /// ```
    ///
    /// Use instead: one-to-one tables for the groups of columns that belong together:
    /// ```sql
    /// CREATE TABLE customers (
    ///     id bigint PRIMARY KEY, email text NOT NULL, name text, phone text, birth_date date,
    ///     locale text, time_zone text, created_at timestamptz, updated_at timestamptz,
    ///     loyalty_tier text, loyalty_points integer, referral_code text, referred_by bigint,
    ///     last_login_at timestamptz, login_count integer, avatar_url text, bio text, website text
    /// );
    /// CREATE TABLE customer_addresses (
    ///     customer_id bigint NOT NULL REFERENCES customers (id),
    ///     kind text NOT NULL CHECK (kind IN ('billing', 'shipping')),
    ///     name text, company text, vat_id text, street text, city text, postal_code text,
    ///     country text, email text, phone text, notes text,
    ///     PRIMARY KEY (customer_id, kind)
    /// );
    /// CREATE TABLE customer_preferences (
    ///     customer_id bigint PRIMARY KEY REFERENCES customers (id),
    ///     newsletter boolean, marketing_emails boolean, sms_alerts boolean, theme text,
    ///     currency text, date_format text, default_payment text
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Split optional or separately-updated groups of columns into their own
    /// one-to-one tables.
    ///
    /// Severity: `info`.
    pub struct WideTable {
        id: "NORM007",
        name: "wide-table",
        side: Db,
        area: Normalization,
        severity: Info,
        summary: "A table has more than 40 columns.",
        fix: "Split groups of optional or separately-updated columns into one-to-one tables.",
        check_db: check,
    }
}

const LIMIT: usize = 40;

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| table.columns.len() > LIMIT)
    {
        out.report(
            table.place.clone(),
            format!("table `{}` has {} columns", table.name, table.columns.len()),
        );
    }
}
