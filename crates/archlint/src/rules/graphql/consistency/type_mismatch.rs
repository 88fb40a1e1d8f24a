use super::{column_label, linked_fields};
use crate::base::words::name_words;
use crate::base::Emitter;
use crate::link::ColumnKind;
use crate::rules::GraphqlContext;
use crate::schema::Column;

crate::declare_rule! {
    /// ## What it does
    /// Compares a built-in scalar field with the column it reads: an `Int`
    /// over a `bigint` (or unsigned `int`) column, an `Int` over a decimal
    /// or floating-point column, a number over a text, date or UUID column,
    /// a `Boolean` over anything but a boolean or an integer flag. `String`
    /// and `ID` hold any value; custom scalars and enums are left to their
    /// own rules.
    ///
    /// ## Why is this bad?
    /// GraphQL's `Int` is a signed 32-bit integer: servers that follow the
    /// spec (graphql-js, Apollo, graphql-java) refuse to serialize
    /// 2,147,483,648 and above, so the field fails once a counter,
    /// a size in bytes or a `bigserial` key grows past it — years after the
    /// schema was written. A number read from text or a fraction read into
    /// an `Int` fails or is cut on the first row that does not fit.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { file(id: ID!): File }
    /// type File { id: ID! name: String! size: Int! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE files (id uuid PRIMARY KEY, name text NOT NULL, size bigint NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// "A whole number that may not fit 32 bits, as a JSON number or string."
    /// scalar BigInt
    /// type Query { file(id: ID!): File }
    /// type File { id: ID! name: String! size: BigInt! }
    /// ```
    ///
    /// ## How to fix
    /// Use a custom scalar (`BigInt`, `Long`) or `Float` for 64-bit numbers,
    /// `String` or a custom scalar for decimals, and the type the column
    /// holds otherwise.
    ///
    /// An `Int` over a `bigint` is reported only when the name says the
    /// quantity grows (a size, bytes, an amount, a total, an offset, an
    /// id): counts of blocks, votes or retries rarely near 2^31, the column
    /// is only wider than the values.
    ///
    /// Severity: `warning` — the field fails for values the column holds.
    pub struct GraphqlTypeMismatch {
        id: "GQL023",
        name: "graphql-type-mismatch",
        side: Graphql,
        area: Consistency,
        severity: Warning,
        summary: "A GraphQL scalar field cannot hold every value of its column.",
        fix: "Use a scalar that holds the column's values (a BigInt scalar for bigint columns).",
        check_graphql: check,
    }
}

/// Words of quantities that grow past 32 bits in real data: sizes in
/// bytes, money in minor units, offsets, and keys.
const GROWING_WORDS: [&str; 10] = [
    "size", "bytes", "amount", "balance", "total", "offset", "length", "price", "id", "cents",
];

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    for (linked, field) in linked_fields(graphql).filter(|(_, field)| !field.through_key) {
        let Some(why) = mismatch(&field.field.ty.name, field.column) else {
            continue;
        };
        // A count of blocks or votes in a bigint column rarely nears 2^31:
        // the column is only wider than the values, and servers often keep
        // them 32-bit end to end. Only quantities that grow are reported.
        if why == INT_TOO_NARROW && !is_growing(field.field.name()) {
            continue;
        }
        let label = column_label(linked, field);
        out.report(
            linked.ty.field_place(field.field),
            format!(
                "`{}.{}` is `{}` but column `{label}` is `{}`: {why}",
                linked.ty.name(),
                field.field.name(),
                field.field.ty.name,
                field.column.data_type
            ),
        )
        .related(field.column.place.clone(), format!("column `{label}`"));
    }
}

/// Whether a name is of a quantity that grows past 32 bits: a size, an
/// amount, an id — but not the size of a batch, a page or a chunk, which
/// counts items.
fn is_growing(name: &str) -> bool {
    let words = name_words(name);
    let counts_items = words
        .iter()
        .any(|word| COUNTED_WORDS.contains(&word.as_str()));
    !counts_items
        && words
            .iter()
            .any(|word| GROWING_WORDS.contains(&word.as_str()))
}

/// Words whose size is a number of items.
const COUNTED_WORDS: [&str; 8] = [
    "chunk", "batch", "page", "pool", "buffer", "queue", "window", "step",
];

const INT_TOO_NARROW: &str = "GraphQL `Int` is 32-bit: values past 2,147,483,647 break the spec, and servers that check refuse to send them";

/// Why a built-in scalar cannot hold the column's values, if it cannot.
fn mismatch(scalar: &str, column: &Column) -> Option<&'static str> {
    let kind = ColumnKind::of(column);
    let number_from_elsewhere = matches!(
        kind,
        ColumnKind::Text
            | ColumnKind::Uuid
            | ColumnKind::Date
            | ColumnKind::Timestamp
            | ColumnKind::Time
            | ColumnKind::Json
            | ColumnKind::Binary
    );
    match scalar {
        "Int" => match kind {
            ColumnKind::Integer { bits } if bits > 32 => {
                Some("GraphQL `Int` is 32-bit: values past 2,147,483,647 break the spec, and servers that check refuse to send them")
            }
            ColumnKind::Decimal { scale, .. } if scale > 0 => {
                Some("`Int` drops or refuses the fraction the column keeps")
            }
            ColumnKind::Float => Some("`Int` drops or refuses the fraction the column keeps"),
            _ if number_from_elsewhere => Some("the column does not hold numbers"),
            _ => None,
        },
        "Float" if number_from_elsewhere => Some("the column does not hold numbers"),
        "Boolean"
            if number_from_elsewhere
                || matches!(kind, ColumnKind::Float | ColumnKind::Decimal { .. }) =>
        {
            Some("the column does not hold true/false")
        }
        _ => None,
    }
}
