use std::collections::{HashMap, HashSet};

use crate::base::Emitter;
use crate::graphql::{Field, Graphql, TypeDef};
use crate::rules::graphql::shape::is_entity;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Finds a cycle of list fields between entity types that queries can
    /// reach (`User.friends: [User]`, or `User.posts: [Post]` and
    /// `Post.likedBy: [User]`) in a schema that documents no limit on query
    /// cost: no cost directive (`@cost`, `@listSize`, `@complexity`) and no
    /// mention of depth, complexity or cost limits in the query type's or
    /// schema's descriptions. One finding per schema, at the first field of
    /// the cycle.
    ///
    /// ## Why is this bad?
    /// Each turn of the cycle multiplies the rows a query reads; a nested
    /// query of a few hundred bytes can ask for millions of objects. Public
    /// GraphQL APIs bound it with depth and complexity limits (GitHub's node
    /// limit, Shopify's cost), and clients need to know the limits to stay
    /// within them.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! friends: [User!]! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// "Queries are limited to a depth of 10 and a complexity of 1000."
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! friends: [User!]! }
    /// ```
    ///
    /// ## How to fix
    /// Enforce depth and complexity limits in the server (graphql-depth-limit,
    /// graphql-query-complexity, Apollo's demand control with `@cost` and
    /// `@listSize`), and document them in the schema.
    ///
    /// Severity: `warning` — a short query can cost the server without bound.
    pub struct UnboundedQueryCost {
        id: "GQL019",
        name: "graphql-unbounded-query-cost",
        side: Graphql,
        area: RateLimiting,
        severity: Warning,
        summary: "A GraphQL schema lets queries nest lists in a cycle with no documented cost limit.",
        fix: "Enforce depth and complexity limits, and document them (`@cost`, `@listSize`, or the query type's description).",
        check_graphql: check,
    }
}

const COST_DIRECTIVES: [&str; 5] = ["cost", "listSize", "complexity", "rateLimit", "depthLimit"];

fn documents_limits(graphql: &GraphqlContext<'_>) -> bool {
    let schema = graphql.schema;
    let says = |text: &str| {
        let lower = text.to_ascii_lowercase();
        ["depth", "complexity", "cost", "rate limit", "node limit"]
            .iter()
            .any(|word| lower.contains(word))
    };
    COST_DIRECTIVES
        .iter()
        .any(|name| schema.uses_directive(name))
        || schema
            .query()
            .and_then(|query| query.defined.description.as_deref())
            .is_some_and(says)
}

/// The list edges between entity types: from each type, the list fields
/// that lead to another entity type.
fn list_edges(schema: &Graphql) -> HashMap<&str, Vec<(&TypeDef, &Field)>> {
    let mut edges: HashMap<&str, Vec<(&TypeDef, &Field)>> = HashMap::new();
    for ty in schema
        .output_types()
        .filter(|ty| !schema.is_root(ty.name()))
    {
        for field in &ty.fields {
            if field.ty.is_list() && is_entity(schema, &field.ty.name) {
                edges.entry(ty.name()).or_default().push((ty, field));
            }
        }
    }
    edges
}

/// A cycle of list fields, found by one depth-first search over the types
/// queries read (in name order, so the same schema gives the same cycle).
/// Iterative, so that a chain of thousands of types cannot overflow the
/// stack, and linear in the size of the schema.
fn find_cycle<'s>(
    graphql: &GraphqlContext<'s>,
    edges: &HashMap<&str, Vec<(&'s TypeDef, &'s Field)>>,
) -> Option<Vec<(&'s TypeDef, &'s Field)>> {
    let read = graphql.read_types();
    let mut starts: Vec<&str> = edges
        .keys()
        .copied()
        .filter(|name| read.contains(*name))
        .collect();
    starts.sort_unstable();
    // Finished types, and the types on the current path with the edge taken.
    let mut done: HashSet<&str> = HashSet::new();
    for start in starts {
        if done.contains(start) {
            continue;
        }
        // Each frame: a type on the path, and the next of its edges to try.
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        let mut path: Vec<(&'s TypeDef, &'s Field)> = Vec::new();
        let mut on_path: HashSet<&str> = HashSet::from([start]);
        while let Some((at, next)) = stack.last_mut() {
            let outgoing = edges.get(*at).map_or(&[][..], Vec::as_slice);
            let Some((ty, field)) = outgoing.get(*next).copied() else {
                on_path.remove(*at);
                done.insert(*at);
                stack.pop();
                path.pop();
                continue;
            };
            *next += 1;
            let target = field.ty.name.as_str();
            if on_path.contains(target) {
                path.push((ty, field));
                // The cycle is the part of the path from `target` on.
                let from = path
                    .iter()
                    .position(|(ty, _)| ty.name() == target)
                    .unwrap_or(0);
                return Some(path.split_off(from));
            }
            if !done.contains(target) && edges.contains_key(target) {
                path.push((ty, field));
                on_path.insert(target);
                stack.push((target, 0));
            }
        }
    }
    None
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    if documents_limits(graphql) {
        return;
    }
    let edges = list_edges(graphql.schema);
    let Some(cycle) = find_cycle(graphql, &edges) else {
        return;
    };
    let Some((ty, field)) = cycle.first() else {
        return;
    };
    let route: Vec<String> = cycle
        .iter()
        .map(|(ty, field)| format!("`{}.{}`", ty.name(), field.name()))
        .collect();
    out.report(
        ty.field_place(field),
        format!(
            "lists nest in a cycle ({} {} back to `{}`), so a query can nest them as deep as it likes, and the schema documents no depth or cost limit",
            route.join(", "),
            if route.len() == 1 { "leads" } else { "lead" },
            ty.name()
        ),
    );
}
