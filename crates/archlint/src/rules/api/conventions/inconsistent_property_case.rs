use crate::base::Emitter;
use crate::openapi::Role;
use crate::rules::api::{all_schemas, Grouped};
use crate::rules::ApiContext;

use super::{usual_case, Case};

crate::declare_rule! {
    /// ## What it does
    /// Reports property names written in a different case style (camelCase,
    /// snake_case, kebab-case, PascalCase) from the API's most common one.
    /// Single-word names have no style and are never reported. Each name is
    /// reported once, at its first occurrence, with how many schemas use it.
    ///
    /// ## Why is this bad?
    /// Clients map JSON to their own naming convention with one rule. Exceptions
    /// (`userId` among `created_at`) break that mapping and generated models end
    /// up with mixed field names.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}
    ///       responses: {'201': {description: Created.}}
    /// components:
    ///   schemas:
    ///     Order:
    ///       type: object
    ///       properties:
    ///         created_at: {type: string, format: date-time}
    ///         shipping_address: {type: string}
    ///         userId: {type: string}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}
    ///       responses: {'201': {description: Created.}}
    /// components:
    ///   schemas:
    ///     Order:
    ///       type: object
    ///       properties:
    ///         created_at: {type: string, format: date-time}
    ///         shipping_address: {type: string}
    ///         user_id: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Write every property name in the API's style.
    ///
    /// Severity: `info` — a naming convention.
    pub struct InconsistentPropertyCase {
        id: "CONV009",
        name: "inconsistent-property-case",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "A property name's case style differs from the rest of the API.",
        fix: "Write all property names in the API's case style.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let properties: Vec<(&str, &crate::openapi::NodeAt<'_>)> = all_schemas(context)
        .into_iter()
        .filter_map(|schema_use| match schema_use.role {
            Role::Property(name) => Some((name, &schema_use.schema)),
            _ => None,
        })
        .collect();
    let Some(usual) = usual_case(properties.iter().map(|(name, _)| *name)) else {
        return;
    };
    let mut found = Grouped::new();
    for (index, (name, at)) in properties.iter().enumerate() {
        let Some(case) = Case::of(name) else {
            continue;
        };
        if case == usual {
            continue;
        }
        found.add(*name, index, || (*name, case, (*at).clone()));
    }
    for ((name, case, at), uses) in found.into_entries() {
        let count = match uses.len() {
            1 => String::new(),
            n => format!(" (in {n} schemas)"),
        };
        let message = format!(
            "property `{name}` is {}{count} while the API's properties are mostly {}",
            case.describe(),
            usual.describe()
        );
        out.report(at.place(), message);
    }
}
