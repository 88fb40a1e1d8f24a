use crate::base::words::name_words;
use crate::base::{Emitter, Place};
use crate::graphql::TypeRef;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports fields, arguments and input fields of type `Float` whose names
    /// say they hold money: `price`, `amount`, `cost`, `balance`, `fee`,
    /// `tax`, `salary`…, and `total` beside a currency field (rates,
    /// percentages and `heapTotal` aside).
    ///
    /// ## Why is this bad?
    /// GraphQL's `Float` is a double: `0.1 + 0.2` is not `0.3`, and amounts
    /// drift by cents through sums, conversions and JavaScript clients.
    /// Payment APIs (Stripe, Shopify) never send money as a float.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { product(id: ID!): Product }
    /// type Product { id: ID! price: Float! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { product(id: ID!): Product }
    /// type Product { id: ID! priceCents: Int! currency: String! }
    /// ```
    ///
    /// ## How to fix
    /// Use an integer of the minor unit (`amountCents: Int`), a decimal
    /// string scalar (`Decimal`, `Money`), or a `Money` object with amount
    /// and currency.
    ///
    /// Severity: `warning` — rounding errors in money are bugs that surface
    /// late.
    pub struct MoneyAsFloat {
        id: "GQL015",
        name: "graphql-money-as-float",
        side: Graphql,
        area: Types,
        severity: Warning,
        summary: "A GraphQL money field is a `Float`.",
        fix: "Send money as an integer of cents, a decimal scalar, or a Money object.",
        check_graphql: check,
    }
}

const MONEY: [&str; 16] = [
    "price", "amount", "cost", "balance", "fee", "fees", "tax", "salary", "revenue", "payment",
    "discount", "refund", "budget", "wage", "payout", "money",
];

/// Words that are money only beside a currency (`total` of an order, not
/// `heapTotal` of a memory report).
const MONEY_WITH_CURRENCY: [&str; 2] = ["total", "subtotal"];
const NOT_MONEY: [&str; 6] = ["rate", "percent", "percentage", "ratio", "count", "weight"];

fn is_money(name: &str, ty: &TypeRef, beside_currency: bool) -> bool {
    let words = name_words(name);
    let money_word = |last: &String| {
        MONEY.contains(&last.as_str())
            || (beside_currency && MONEY_WITH_CURRENCY.contains(&last.as_str()))
    };
    ty.name == "Float"
        && words.last().is_some_and(money_word)
        && !words.iter().any(|word| NOT_MONEY.contains(&word.as_str()))
}

/// Whether a type has a currency field beside its numbers.
fn has_currency<'d>(mut names: impl Iterator<Item = &'d str>) -> bool {
    names.any(|name| name.to_ascii_lowercase().contains("currency"))
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let mut report = |place: Place, what: String, ty: &TypeRef| {
        out.report(
            place,
            format!(
                "{what} holds money as `{}`, a binary floating-point number",
                ty.text
            ),
        );
    };
    for ty in &graphql.schema.types {
        let currency = has_currency(
            ty.fields
                .iter()
                .map(|field| field.name())
                .chain(ty.input_fields.iter().map(|field| field.name())),
        );
        for field in &ty.fields {
            if is_money(field.name(), &field.ty, currency) {
                report(
                    ty.field_place(field),
                    format!("`{}.{}`", ty.name(), field.name()),
                    &field.ty,
                );
            }
            for argument in &field.arguments {
                if is_money(argument.name(), &argument.ty, false) {
                    let what = format!("`{}.{}({})`", ty.name(), field.name(), argument.name());
                    report(ty.argument_place(field, argument), what, &argument.ty);
                }
            }
        }
        for field in &ty.input_fields {
            if is_money(field.name(), &field.ty, currency) {
                let what = format!("`{}.{}`", ty.name(), field.name());
                report(ty.member_place(&field.defined), what, &field.ty);
            }
        }
    }
}
