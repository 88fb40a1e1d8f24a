use crate::base::{Emitter, Severity};
use crate::change::{ChangeKind, DeltaKind, GraphqlChangeKind, Side};
use crate::rules::compatibility::located::{report_change, report_graphql_change};
use crate::rules::{ChangeContext, GraphqlChangeContext};

crate::declare_rule! {
    /// ## What it does
    /// Reports a response property whose `enum` gained values, and a response
    /// union (`oneOf`/`anyOf`) that gained branches, named by the component
    /// they name or their title: a union that wraps what was there with
    /// nothing else is no change.
    ///
    /// In a GraphQL schema: an enum that fields return gained values (an enum
    /// only arguments and input fields take breaks no one when it grows), and a
    /// union gained members.
    ///
    /// ## Why is this bad?
    /// Clients that handle every value or kind of object they know (a
    /// `switch` over a generated enum or a sealed class) meet one they do
    /// not, and fail or misbehave.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema: {type: object, properties: {status: {type: string, enum: [open, paid]}}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema: {type: object, properties: {status: {type: string, enum: [open, paid, refunded]}}}
    /// ```
    ///
    /// ```graphql
    /// type Query { order: Order }
    /// type Order { status: Status }
    /// enum Status { OPEN PAID }
    /// ```
    ///
    /// ```graphql
    /// type Query { order: Order }
    /// type Order { status: Status }
    /// enum Status { OPEN PAID REFUNDED }
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema: {type: object, properties: {status: {type: string, enum: [open, paid]}}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema: {type: object, properties: {status: {type: string, enum: [open, paid]}}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: Status): [String] }
    /// enum Status { OPEN PAID }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: Status): [String] }
    /// enum Status { OPEN PAID REFUNDED }
    /// ```
    ///
    /// ## How to fix
    /// Tell clients, in the description, to expect values they do not know; add
    /// values in a new major version otherwise.
    ///
    /// Severity: `warning` — only clients that handle values exhaustively break.
    pub struct ResponseEnumWidened {
        id: "COMPAT007",
        name: "response-enum-widened",
        side: Change,
        area: Compatibility,
        severity: Warning,
        summary: "A response enum gained values.",
        fix: "Document that clients must accept unknown values, or add values in a new major version.",
        check_change: check,
        check_graphql_change: check_graphql,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.side == Side::Response) {
        let (values, what) = match &change.kind {
            ChangeKind::Schema(DeltaKind::EnumValuesAdded(values)) => (values, "value"),
            ChangeKind::Schema(DeltaKind::VariantsAdded(names)) => (names, "kind of object"),
            _ => continue,
        };
        let listed = values
            .iter()
            .map(|value| format!("`{value}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = format!(
            "{} of {} may now be {listed}: clients that handle every known {what} meet one they do not know",
            change.place_label(),
            change.operations_label()
        );
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(Severity::Warning);
        }
    }
}

fn check_graphql(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let (added, what) = match &change.kind {
            GraphqlChangeKind::EnumValuesAdded { values } => (values, "value"),
            GraphqlChangeKind::UnionMembersAdded { members } => (members, "kind of object"),
            _ => continue,
        };
        let listed = added
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = format!(
            "{} may now be {listed}: clients that handle every known {what} meet one they do not know",
            change.subject
        );
        if let Some(diagnostic) = report_graphql_change(out, change, message) {
            diagnostic.severity(Severity::Warning);
        }
    }
}
