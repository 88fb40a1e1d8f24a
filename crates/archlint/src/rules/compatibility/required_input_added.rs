use crate::base::Emitter;
use crate::change::{ChangeKind, DeltaKind, GraphqlChangeKind, Side};
use crate::rules::compatibility::located::{report_change, report_graphql_change};
use crate::rules::{ChangeContext, GraphqlChangeContext};

crate::declare_rule! {
    /// ## What it does
    /// Reports what a request must now carry that it did not have to before: a
    /// new required parameter, a parameter or property made required, a new
    /// required property of the request body, or a body made required.
    ///
    /// In a GraphQL schema (`archlint diff` of two schemas): a new argument or
    /// input field that is non-null with no default, and one made non-null (or
    /// whose default was taken away): queries that leave it out fail validation.
    /// An optional argument or input field added is no change.
    ///
    /// ## Why is this bad?
    /// Clients written against the old version do not send it, and the server
    /// now rejects their requests with 400.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {type: object, properties: {sku: {type: string}}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               required: [currency]
    ///               properties: {sku: {type: string}, currency: {type: string}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String): [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String, region: String!): [String] }
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {type: object, properties: {sku: {type: string}}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               properties: {sku: {type: string}, currency: {type: string, default: EUR}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String): [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String, region: String = "eu"): [String] }
    /// ```
    ///
    /// ## How to fix
    /// Make the new input optional, with a default the server applies when it
    /// is missing; require it only in a new major version.
    ///
    /// Severity: `error` — existing requests are rejected.
    pub struct RequiredInputAdded {
        id: "COMPAT003",
        name: "required-input-added",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A request now requires a parameter, body or property it did not.",
        fix: "Make the new input optional with a default, or require it only in a new major version.",
        check_change: check,
        check_graphql_change: check_graphql,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let operation = change.operations_label();
        let place = change.place_label();
        let message = match (&change.kind, change.side) {
            (ChangeKind::ParameterAdded { required: true }, _) => {
                format!("{operation} takes a new required {place}: clients that do not send it are rejected")
            }
            (ChangeKind::ParameterBecameRequired, _) => {
                format!("{place} of {operation} is now required: clients that leave it out are rejected")
            }
            (ChangeKind::BodyBecameRequired, _) => {
                format!("{operation} now requires a request body")
            }
            (ChangeKind::Schema(DeltaKind::PropertyAdded { required: true }), Side::Request) => {
                format!("{operation} requires the new {place}: clients that do not send it are rejected")
            }
            (ChangeKind::Schema(DeltaKind::BecameRequired), Side::Request) => {
                format!("{place} of {operation} is now required: clients that leave it out are rejected")
            }
            _ => continue,
        };
        report_change(out, change, message);
    }
}

fn check_graphql(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let subject = &change.subject;
        let message = match change.kind {
            GraphqlChangeKind::RequiredInputAdded => {
                format!(
                    "{subject} is new and required: queries that do not give it fail validation"
                )
            }
            GraphqlChangeKind::InputBecameRequired => {
                format!("{subject} is now required: queries that leave it out fail validation")
            }
            _ => continue,
        };
        report_graphql_change(out, change, message);
    }
}
