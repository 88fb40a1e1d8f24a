use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;

crate::declare_rule! {
    /// ## What it does
    /// Reports a column that holds money — by its name (`price`, `amount`,
    /// `total`, `cost`, `balance`, `fee`, `salary`, `tax` ...) — stored in a
    /// binary floating-point type (`real`, `float`, `double precision`), or in
    /// PostgreSQL's `money` type.
    ///
    /// ## Why is this bad?
    /// Binary floats cannot represent most decimal fractions: 0.1 + 0.2 is not
    /// 0.3, sums drift, and rounding differs between the database and the
    /// application. `money` depends on the server's locale setting.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, total real NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL);
    /// ```
    ///
    /// ## How to fix
    /// Use `numeric(p, s)`/`decimal(p, s)`, or an integer number of the smallest
    /// unit (cents).
    ///
    /// Severity: `error` — it loses money.
    pub struct MoneyInFloat {
        id: "TYPE001",
        name: "money-in-float",
        side: Db,
        area: Types,
        severity: Error,
        summary: "A money column uses a floating-point type.",
        fix: "Use numeric(p, s) or an integer amount of cents.",
        check_db: check,
    }
}

const MONEY_WORDS: [&str; 14] = [
    "price", "amount", "total", "cost", "balance", "fee", "salary", "tax", "subtotal", "discount",
    "payment", "revenue", "charge", "refund",
];
const FLOATS: [&str; 6] = ["real", "float", "float4", "float8", "double", "money"];

pub(crate) fn is_money_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| MONEY_WORDS.contains(&word))
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            if FLOATS.contains(&base_type(&column.data_type)) && is_money_name(&column.name) {
                let message = format!(
                    "money column `{}.{}` is `{}`: amounts will not add up exactly",
                    table.name, column.name, column.data_type
                );
                out.report(column.place.clone(), message);
            }
        }
    }
}
