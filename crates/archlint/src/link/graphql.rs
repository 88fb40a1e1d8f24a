//! Linking a GraphQL schema to the database behind it: which object type is
//! served from which table, which field reads which column. The same names
//! and settings as the OpenAPI side: `[consistency] tables`/`columns`/
//! `unlinked`, or `@archlint(table: "…")` / `@archlint(column: "…")` in the
//! schema, else names (`OrderLine` ↔ `order_lines`, `createdAt` ↔
//! `created_at`, `author: User` ↔ `author_id`).

use std::collections::HashMap;

use super::linker::Via;
use super::names::{column_key, entity_key};
use crate::base::words::name_words;
use crate::config::ConsistencySettings;
use crate::graphql::{Field, Graphql, TypeDef, TypeKind};
use crate::schema::{Column, Schema, Table};

/// The directive that names a type's table or a field's column.
pub const LINK_DIRECTIVE: &str = "archlint";

/// Words a GraphQL type name adds to the entity it serves: `UserNode`,
/// `UserType` (Graphene), `UserObject`, `UserGql`.
const TYPE_SUFFIXES: [&str; 5] = ["type", "node", "object", "gql", "graphql"];

/// An object type served from a table.
pub struct LinkedType<'a> {
    pub ty: &'a TypeDef,
    pub table: &'a Table,
    pub via: Via,
    pub fields: Vec<LinkedField<'a>>,
}

/// A field that reads a column.
pub struct LinkedField<'a> {
    pub field: &'a Field,
    pub column: &'a Column,
    /// `author: User` read through the key column `author_id`.
    pub through_key: bool,
    pub via: Via,
}

impl<'a> LinkedType<'a> {
    pub fn linked_field(&self, name: &str) -> Option<&LinkedField<'a>> {
        self.fields
            .iter()
            .find(|linked| linked.field.name() == name)
    }
}

/// The schema's types linked to tables.
#[derive(Default)]
pub struct GraphqlLinks<'a> {
    pub types: Vec<LinkedType<'a>>,
    /// Tables and columns a directive or the settings name that the
    /// database does not have.
    pub unknown_targets: Vec<UnknownTarget<'a>>,
    by_name: HashMap<&'a str, usize>,
}

/// A table or column named as a link target that does not exist.
pub struct UnknownTarget<'a> {
    pub ty: &'a TypeDef,
    /// The field whose column is named, or `None` for the type's table.
    pub field: Option<&'a Field>,
    /// The name given.
    pub target: String,
    /// The table searched for a column.
    pub table: Option<&'a Table>,
    pub via: Via,
}

impl<'a> GraphqlLinks<'a> {
    /// The link of an object type, by the type's name.
    pub fn of(&self, type_name: &str) -> Option<&LinkedType<'a>> {
        self.by_name
            .get(type_name)
            .and_then(|index| self.types.get(*index))
    }
}

/// Links the object types of `graphql` to the tables of `schema`.
pub fn link_graphql<'a>(
    graphql: &'a Graphql,
    schema: &'a Schema,
    settings: &'a ConsistencySettings,
) -> GraphqlLinks<'a> {
    // Keyed without separators too: `VRFSpec` is one word, `vrf_specs` two.
    let tables: HashMap<String, &'a Table> = schema
        .tables
        .iter()
        .flat_map(|table| {
            let key = entity_key(&table.name);
            [(squash(&key), table), (key, table)]
        })
        .collect();
    let mut links = GraphqlLinks::default();
    for ty in graphql.of_kind(TypeKind::Object) {
        if graphql.is_root(ty.name()) || settings.unlinked.iter().any(|name| name == ty.name()) {
            continue;
        }
        let table = match table_of(ty, schema, &tables, settings) {
            Found::Linked(table, via) => (table, via),
            Found::Unknown(target, via) => {
                links.unknown_targets.push(UnknownTarget {
                    ty,
                    field: None,
                    target,
                    table: None,
                    via,
                });
                continue;
            }
            Found::None => continue,
        };
        let (table, via) = table;
        let fields = link_fields(graphql, ty, table, settings, &mut links.unknown_targets);
        if via == Via::Name && !agrees(graphql, ty, &fields) {
            continue;
        }
        links.by_name.insert(ty.name(), links.types.len());
        links.types.push(LinkedType {
            ty,
            table,
            via,
            fields,
        });
    }
    links
}

/// What a type or field is linked to.
enum Found<'a, T> {
    Linked(&'a T, Via),
    /// Named explicitly, and missing.
    Unknown(String, Via),
    None,
}

/// The table a type names (directive, then settings), or the one its name
/// stands for.
fn table_of<'a>(
    ty: &TypeDef,
    schema: &'a Schema,
    tables: &HashMap<String, &'a Table>,
    settings: &ConsistencySettings,
) -> Found<'a, Table> {
    let named = ty
        .defined
        .directive(LINK_DIRECTIVE)
        .and_then(|directive| directive.argument("table"))
        .map(|table| (table, Via::Extension))
        .or_else(|| {
            settings
                .tables
                .get(ty.name())
                .map(|table| (table.as_str(), Via::Config))
        });
    if let Some((name, via)) = named {
        return match schema.table(name) {
            Some(table) => Found::Linked(table, via),
            None => Found::Unknown(name.to_owned(), via),
        };
    }
    match type_keys(ty.name()).iter().find_map(|key| {
        tables
            .get(key)
            .or_else(|| tables.get(&squash(key)))
            .copied()
    }) {
        Some(table) => Found::Linked(table, Via::Name),
        None => Found::None,
    }
}

/// The keys a type name may stand for: the whole name, then without a
/// trailing `Type`/`Node`/`Object`.
fn type_keys(name: &str) -> Vec<String> {
    let mut keys = vec![entity_key(name)];
    let mut words = name_words(name);
    if words.len() > 1
        && words
            .last()
            .is_some_and(|last| TYPE_SUFFIXES.contains(&last.as_str()))
    {
        words.pop();
        keys.push(entity_key(&words.join("_")));
    }
    keys
}

/// The fields of `ty` that read a column of `table`.
fn link_fields<'a>(
    graphql: &'a Graphql,
    ty: &'a TypeDef,
    table: &'a Table,
    settings: &ConsistencySettings,
    unknown: &mut Vec<UnknownTarget<'a>>,
) -> Vec<LinkedField<'a>> {
    let columns: HashMap<String, &'a Column> = table
        .columns
        .iter()
        .flat_map(|column| {
            let key = column_key(&column.name);
            [(squash(&key), column), (key, column)]
        })
        .collect();
    ty.fields
        .iter()
        .filter(|field| field.arguments.is_empty() && !field.ty.is_list())
        .filter_map(|field| {
            let named = field
                .defined
                .directive(LINK_DIRECTIVE)
                .and_then(|directive| directive.argument("column"))
                .map(|column| (column, Via::Extension))
                .or_else(|| {
                    settings
                        .columns
                        .get(&format!("{}.{}", ty.name(), field.name()))
                        .map(|column| (column.as_str(), Via::Config))
                });
            if let Some((name, via)) = named {
                let column = table.column(name);
                if column.is_none() {
                    unknown.push(UnknownTarget {
                        ty,
                        field: Some(field),
                        target: name.to_owned(),
                        table: Some(table),
                        via,
                    });
                }
                return column.map(|column| LinkedField {
                    field,
                    column,
                    through_key: !graphql.is_leaf(&field.ty.name),
                    via,
                });
            }
            column_by_name(graphql, field, table, &columns)
        })
        .collect()
}

/// The column a field's name stands for: the same words, `author: User` as
/// `author_id`, and `id` as a single-column primary key of another name.
fn column_by_name<'a>(
    graphql: &Graphql,
    field: &'a Field,
    table: &'a Table,
    columns: &HashMap<String, &'a Column>,
) -> Option<LinkedField<'a>> {
    let key = column_key(field.name());
    let leaf = graphql.is_leaf(&field.ty.name);
    let found = if leaf {
        columns
            .get(&key)
            .copied()
            .or_else(|| (key == "id").then(|| single_primary_key(table)).flatten())
    } else {
        columns.get(&format!("{key}_id")).copied()
    };
    found.map(|column| LinkedField {
        field,
        column,
        through_key: !leaf,
        via: Via::Name,
    })
}

/// A key without separators: `video_3d` and `video3d` are one name.
pub(crate) fn squash(key: &str) -> String {
    key.replace('_', "")
}

fn single_primary_key(table: &Table) -> Option<&Column> {
    match table.primary_key.as_ref()?.columns.as_slice() {
        [only] => table.column(only),
        _ => None,
    }
}

/// Whether a type linked by name really is the table's: at least two of its
/// scalar fields, and half of them, name columns (`Error { code, message }`
/// is not the `errors` table of a job queue unless its fields say so).
fn agrees(graphql: &Graphql, ty: &TypeDef, fields: &[LinkedField<'_>]) -> bool {
    let scalars = ty
        .fields
        .iter()
        .filter(|field| field.arguments.is_empty() && graphql.is_leaf(&field.ty.name))
        .count();
    let matched = fields.iter().filter(|linked| !linked.through_key).count();
    matched >= 2 && matched * 2 >= scalars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        assert_eq!(type_keys("UserNode"), ["user_node", "user"]);
        assert_eq!(type_keys("OrderLine"), ["order_line"]);
        assert_eq!(type_keys("Node"), ["node"]);
    }
}
