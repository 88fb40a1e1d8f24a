use crate::base::Emitter;
use crate::openapi::paths::under_protocol;
use crate::openapi::{NodeAt, Role};
use crate::rules::api::{all_schemas, Grouped};
use crate::rules::ApiContext;
use crate::source::FileId;
use std::collections::{HashMap, HashSet};

use super::{usual_case, Case};

crate::declare_rule! {
    /// ## What it does
    /// Reports property names written in a different case style (camelCase,
    /// snake_case, kebab-case, PascalCase) from the API's most common one.
    /// Single-word names have no style and are never reported. Each name is
    /// reported once, at its first occurrence, with how many schemas use it.
    /// An object whose styled properties all follow one other convention
    /// mirrors an external format (OpenAI's `prompt_tokens`) and is left out,
    /// as are the fields of a protocol mounted in the API (SCIM's `Resources`).
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
    // A protocol mounted in the API (SCIM's `Resources`) names its own fields.
    let under_a_protocol = |index: usize| {
        context
            .api
            .operations
            .get(index)
            .is_some_and(|operation| under_protocol(operation.path))
    };
    let properties: Vec<(&str, &NodeAt<'_>)> = all_schemas(context)
        .into_iter()
        .filter(|schema_use| !under_a_protocol(schema_use.first_operation))
        .filter_map(|schema_use| match schema_use.role {
            Role::Property(name) => Some((name, &schema_use.schema)),
            _ => None,
        })
        .collect();
    let Some(usual) = usual_case(properties.iter().map(|(name, _)| *name)) else {
        return;
    };
    let mirrored = mirrored_objects(&properties, usual);
    let mut found = Grouped::new();
    for (index, (name, at)) in properties.iter().enumerate() {
        let Some(case) = Case::of(name) else {
            continue;
        };
        if case == usual || mirrored.contains(&parent_of(at)) {
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

/// The object a property belongs to: its file and the pointer before
/// `/properties/<name>`.
fn parent_of(at: &NodeAt<'_>) -> (FileId, String) {
    let parent = at
        .pointer
        .rsplit_once("/properties/")
        .map_or("", |(parent, _)| parent);
    (at.file, parent.to_owned())
}

/// Objects whose styled properties all follow one other convention: they
/// mirror an external format (OpenAI's `prompt_tokens`, a Helm chart's
/// `kubeVersion`), whose names are not the API's to choose.
fn mirrored_objects(properties: &[(&str, &NodeAt<'_>)], usual: Case) -> HashSet<(FileId, String)> {
    let mut cases: HashMap<(FileId, String), Vec<Case>> = HashMap::new();
    for (name, at) in properties {
        if let Some(case) = Case::of(name) {
            cases.entry(parent_of(at)).or_default().push(case);
        }
    }
    cases
        .into_iter()
        .filter(|(_, found)| {
            found.len() >= 2
                && found.iter().all(|case| *case != usual)
                && found.windows(2).all(|pair| pair.first() == pair.get(1))
        })
        .map(|(parent, _)| parent)
        .collect()
}
