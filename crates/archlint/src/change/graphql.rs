//! What changed between two versions of a GraphQL schema, read the way
//! GraphQL Inspector reads it: types paired by name (the root types by their
//! role, so a renamed `Query` type is the same root), then fields,
//! arguments, input fields, enum values, union members and interfaces by
//! name. Order, descriptions, files and `extend` blocks are not compared:
//! the model has already merged them. Each difference keeps where it is in
//! each version; which rule reports it, and how severely, is the rules'.

use crate::base::Place;
use crate::graphql::{Defined, Field, Graphql, InputValue, TypeDef, TypeKind, TypeRef};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GraphqlChangeKind {
    /// A type NEW no longer defines.
    TypeRemoved,
    /// Same name, another kind (an object type now an interface).
    TypeKindChanged {
        old: TypeKind,
        new: TypeKind,
    },
    /// A field of an object or interface type is gone.
    FieldRemoved {
        deprecated: bool,
    },
    /// An argument or an input field is gone.
    InputRemoved {
        deprecated: bool,
    },
    EnumValueRemoved {
        deprecated: bool,
    },
    /// A union no longer lists `member`.
    UnionMemberRemoved {
        member: String,
    },
    /// A type no longer implements `interface`.
    InterfaceRemoved {
        interface: String,
    },
    /// A new argument or input field callers must give (non-null, no default).
    RequiredInputAdded,
    /// An argument or input field made non-null without a default.
    InputBecameRequired,
    /// An argument or input field whose type no longer accepts what it did.
    InputTypeChanged {
        old: String,
        new: String,
    },
    /// A field whose type no longer promises what it did.
    OutputTypeChanged {
        old: String,
        new: String,
    },
    /// The default of an argument or input field, as written (`None`: none).
    DefaultChanged {
        old: Option<String>,
        new: Option<String>,
    },
    /// Values added to an enum that fields return.
    EnumValuesAdded {
        values: Vec<String>,
    },
    UnionMembersAdded {
        members: Vec<String>,
    },
    /// Newly marked `@deprecated`.
    Deprecated {
        reason: Option<String>,
    },
    /// A new field of the query, mutation or subscription root.
    OperationAdded {
        root: &'static str,
    },
}

/// One difference between the versions, and where it is in each.
#[derive(Clone, Debug)]
pub struct GraphqlChange {
    pub kind: GraphqlChangeKind,
    /// What it is about, for messages: "field `User.email`".
    pub subject: String,
    pub old: Option<Place>,
    pub new: Option<Place>,
}

impl GraphqlChange {
    /// Whether NEW no longer has the thing: the finding is then in OLD.
    pub fn is_removal(&self) -> bool {
        matches!(
            self.kind,
            GraphqlChangeKind::TypeRemoved
                | GraphqlChangeKind::FieldRemoved { .. }
                | GraphqlChangeKind::InputRemoved { .. }
                | GraphqlChangeKind::EnumValueRemoved { .. }
                | GraphqlChangeKind::UnionMemberRemoved { .. }
                | GraphqlChangeKind::InterfaceRemoved { .. }
        )
    }
}

/// Every difference a client of `old` can notice in `new`.
pub fn compare_graphql(old: &Graphql, new: &Graphql) -> Vec<GraphqlChange> {
    let mut changes = Changes {
        new_schema: new,
        found: Vec::new(),
    };
    for old_type in &old.types {
        match counterpart(old, new, old_type) {
            None => changes.push(
                GraphqlChangeKind::TypeRemoved,
                type_subject(old_type),
                Some(old_type.place()),
                None,
            ),
            Some(new_type) if new_type.kind != old_type.kind => changes.push(
                GraphqlChangeKind::TypeKindChanged {
                    old: old_type.kind,
                    new: new_type.kind,
                },
                type_subject(old_type),
                Some(old_type.place()),
                Some(new_type.place()),
            ),
            Some(new_type) => changes.types(old_type, new_type),
        }
    }
    changes.operations_added(old, new);
    changes.found
}

/// NEW's type for one of OLD's: the root of the same role for a root (its
/// name may have changed), else the type of the same name.
fn counterpart<'n>(old: &Graphql, new: &'n Graphql, ty: &TypeDef) -> Option<&'n TypeDef> {
    roles(old, new)
        .into_iter()
        .find(|(_, old_root, _)| old_root.is_some_and(|root| root.name() == ty.name()))
        .and_then(|(_, _, new_root)| new_root)
        .or_else(|| new.get(ty.name()))
}

/// The roots of both versions by role.
type Roles<'o, 'n> = [(&'static str, Option<&'o TypeDef>, Option<&'n TypeDef>); 3];

fn roles<'o, 'n>(old: &'o Graphql, new: &'n Graphql) -> Roles<'o, 'n> {
    [
        ("query", old.query(), new.query()),
        ("mutation", old.mutation(), new.mutation()),
        ("subscription", old.subscription(), new.subscription()),
    ]
}

/// "type `User`", "enum `Status`": the keyword that defines it, and its name.
fn type_subject(ty: &TypeDef) -> String {
    format!("{} `{}`", ty.kind.keyword(), ty.name())
}

/// Whether a field, argument, input field or enum value is `@deprecated`.
fn is_deprecated(defined: &Defined) -> bool {
    defined.deprecated().is_some()
}

struct Changes<'n> {
    new_schema: &'n Graphql,
    found: Vec<GraphqlChange>,
}

/// The arguments of one field, or the fields of one input type: what
/// arguments and input fields share (both are input values).
#[derive(Clone, Copy)]
enum Owner<'t> {
    Field(&'t TypeDef, &'t Field),
    InputType(&'t TypeDef),
}

impl<'t> Owner<'t> {
    fn values(self) -> &'t [InputValue] {
        match self {
            Owner::Field(_, field) => &field.arguments,
            Owner::InputType(ty) => &ty.input_fields,
        }
    }

    fn get(self, name: &str) -> Option<&'t InputValue> {
        self.values().iter().find(|value| value.name() == name)
    }

    fn place(self) -> Place {
        match self {
            Owner::Field(ty, field) => ty.field_place(field),
            Owner::InputType(ty) => ty.place(),
        }
    }

    fn place_of(self, value: &InputValue) -> Place {
        match self {
            Owner::Field(ty, field) => ty.argument_place(field, value),
            Owner::InputType(ty) => ty.member_place(&value.defined),
        }
    }

    fn subject(self, name: &str) -> String {
        match self {
            Owner::Field(ty, field) => {
                format!("argument `{}.{}({name})`", ty.name(), field.name())
            }
            Owner::InputType(ty) => format!("input field `{}.{name}`", ty.name()),
        }
    }
}

impl Changes<'_> {
    fn push(
        &mut self,
        kind: GraphqlChangeKind,
        subject: String,
        old: Option<Place>,
        new: Option<Place>,
    ) {
        self.found.push(GraphqlChange {
            kind,
            subject,
            old,
            new,
        });
    }

    /// Two types of the same kind.
    fn types(&mut self, old: &TypeDef, new: &TypeDef) {
        match new.kind {
            TypeKind::Object | TypeKind::Interface => {
                self.fields(old, new);
                self.interfaces(old, new);
            }
            TypeKind::Input => self.inputs(Owner::InputType(old), Owner::InputType(new)),
            TypeKind::Enum => self.enum_values(old, new),
            TypeKind::Union => self.members(old, new),
            TypeKind::Scalar => {}
        }
    }

    fn fields(&mut self, old_type: &TypeDef, new_type: &TypeDef) {
        for old in &old_type.fields {
            let subject = format!("field `{}.{}`", old_type.name(), old.name());
            let Some(new) = new_type.field(old.name()) else {
                self.push(
                    GraphqlChangeKind::FieldRemoved {
                        deprecated: is_deprecated(&old.defined),
                    },
                    subject,
                    Some(old_type.field_place(old)),
                    Some(new_type.place()),
                );
                continue;
            };
            let places = (
                Some(old_type.field_place(old)),
                Some(new_type.field_place(new)),
            );
            if !keeps_promise(&old.ty, &new.ty) {
                let kind = GraphqlChangeKind::OutputTypeChanged {
                    old: old.ty.text.clone(),
                    new: new.ty.text.clone(),
                };
                self.push(kind, subject.clone(), places.0.clone(), places.1.clone());
            }
            self.deprecation(&old.defined, &new.defined, subject, places);
            self.inputs(Owner::Field(old_type, old), Owner::Field(new_type, new));
        }
    }

    /// A newly deprecated field, argument, input field or enum value.
    fn deprecation(
        &mut self,
        old: &Defined,
        new: &Defined,
        subject: String,
        (old_place, new_place): (Option<Place>, Option<Place>),
    ) {
        if is_deprecated(old) {
            return;
        }
        if let Some(directive) = new.deprecated() {
            let reason = directive.argument("reason").map(str::to_owned);
            self.push(
                GraphqlChangeKind::Deprecated { reason },
                subject,
                old_place,
                new_place,
            );
        }
    }

    fn interfaces(&mut self, old: &TypeDef, new: &TypeDef) {
        for interface in old
            .interfaces
            .iter()
            .filter(|name| !new.interfaces.contains(name))
        {
            self.push(
                GraphqlChangeKind::InterfaceRemoved {
                    interface: interface.clone(),
                },
                type_subject(old),
                Some(old.place()),
                Some(new.place()),
            );
        }
    }

    /// Arguments of a field, or fields of an input type.
    fn inputs(&mut self, old: Owner<'_>, new: Owner<'_>) {
        for old_value in old.values() {
            let subject = old.subject(old_value.name());
            match new.get(old_value.name()) {
                None => self.push(
                    GraphqlChangeKind::InputRemoved {
                        deprecated: is_deprecated(&old_value.defined),
                    },
                    subject,
                    Some(old.place_of(old_value)),
                    Some(new.place()),
                ),
                Some(new_value) => {
                    let places = (Some(old.place_of(old_value)), Some(new.place_of(new_value)));
                    if let Some(kind) = input_change(old_value, new_value) {
                        self.push(kind, subject.clone(), places.0.clone(), places.1.clone());
                    }
                    self.deprecation(&old_value.defined, &new_value.defined, subject, places);
                }
            }
        }
        // An optional input added breaks no one: only required ones count.
        for added in new.values() {
            if added.is_required() && old.get(added.name()).is_none() {
                self.push(
                    GraphqlChangeKind::RequiredInputAdded,
                    new.subject(added.name()),
                    Some(old.place()),
                    Some(new.place_of(added)),
                );
            }
        }
    }

    fn enum_values(&mut self, old_type: &TypeDef, new_type: &TypeDef) {
        for old in &old_type.values {
            let subject = format!("enum value `{}.{}`", old_type.name(), old.name);
            match new_type.values.iter().find(|value| value.name == old.name) {
                None => self.push(
                    GraphqlChangeKind::EnumValueRemoved {
                        deprecated: is_deprecated(old),
                    },
                    subject,
                    Some(old_type.member_place(old)),
                    Some(new_type.place()),
                ),
                Some(new) => {
                    let places = (
                        Some(old_type.member_place(old)),
                        Some(new_type.member_place(new)),
                    );
                    self.deprecation(old, new, subject, places);
                }
            }
        }
        let added: Vec<&Defined> = new_type
            .values
            .iter()
            .filter(|value| old_type.values.iter().all(|old| old.name != value.name))
            .collect();
        // A value only inputs take breaks no one: clients never receive it.
        let Some(first) = added.first() else {
            return;
        };
        if !self.is_returned(new_type.name()) {
            return;
        }
        self.push(
            GraphqlChangeKind::EnumValuesAdded {
                values: added.iter().map(|value| value.name.clone()).collect(),
            },
            type_subject(new_type),
            Some(old_type.place()),
            Some(new_type.member_place(first)),
        );
    }

    /// Whether a field of NEW returns the named type.
    fn is_returned(&self, name: &str) -> bool {
        self.new_schema
            .output_types()
            .flat_map(|ty| &ty.fields)
            .any(|field| field.ty.name == name)
    }

    fn members(&mut self, old: &TypeDef, new: &TypeDef) {
        for member in old
            .members
            .iter()
            .filter(|name| !new.members.contains(name))
        {
            self.push(
                GraphqlChangeKind::UnionMemberRemoved {
                    member: member.clone(),
                },
                type_subject(old),
                Some(old.place()),
                Some(new.place()),
            );
        }
        let added: Vec<String> = new
            .members
            .iter()
            .filter(|name| !old.members.contains(name))
            .cloned()
            .collect();
        if !added.is_empty() {
            self.push(
                GraphqlChangeKind::UnionMembersAdded { members: added },
                type_subject(new),
                Some(old.place()),
                Some(new.place()),
            );
        }
    }

    /// The fields NEW's roots have that OLD's roots of the same role did not:
    /// new queries, mutations and subscriptions, for the changelog.
    fn operations_added(&mut self, old: &Graphql, new: &Graphql) {
        for (root, old_root, new_root) in roles(old, new) {
            let Some(new_root) = new_root else {
                continue;
            };
            for field in &new_root.fields {
                if old_root.is_some_and(|old_root| old_root.field(field.name()).is_some()) {
                    continue;
                }
                self.push(
                    GraphqlChangeKind::OperationAdded { root },
                    format!("{root} `{}`", field.name()),
                    old_root.map(TypeDef::place),
                    Some(new_root.field_place(field)),
                );
            }
        }
    }
}

/// How an argument or input field kept in both versions changed, when a
/// caller can notice: its type accepts less, it became required, or the
/// value it takes when left out changed.
fn input_change(old: &InputValue, new: &InputValue) -> Option<GraphqlChangeKind> {
    if !accepts_all(&old.ty, &new.ty) {
        if new.is_required() && only_made_non_null(&old.ty, &new.ty) {
            return Some(GraphqlChangeKind::InputBecameRequired);
        }
        return Some(GraphqlChangeKind::InputTypeChanged {
            old: old.ty.text.clone(),
            new: new.ty.text.clone(),
        });
    }
    if new.is_required() && !old.is_required() {
        // Its default was taken away: callers that left it out now fail.
        return Some(GraphqlChangeKind::InputBecameRequired);
    }
    let (old_default, new_default) = (
        old.default.as_deref().map(normal_value),
        new.default.as_deref().map(normal_value),
    );
    (old_default != new_default).then(|| GraphqlChangeKind::DefaultChanged {
        old: old.default.clone(),
        new: new.default.clone(),
    })
}

/// A value as compared: commas are insignificant in GraphQL, and the model
/// keeps values without whitespace already.
fn normal_value(value: &str) -> String {
    value.chars().filter(|c| *c != ',').collect()
}

/// One layer of a type as written, from the outside in: `[Post!]!` is
/// non-null, list, non-null, `Post`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer<'t> {
    NonNull,
    List,
    Named(&'t str),
}

/// The layers of a type, read without recursion (a hostile type may nest
/// deeply).
fn layers(text: &str) -> Vec<Layer<'_>> {
    let mut found = Vec::new();
    let mut rest = text.trim();
    loop {
        if let Some(inner) = rest.strip_suffix('!') {
            found.push(Layer::NonNull);
            rest = inner;
        } else if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            found.push(Layer::List);
            rest = inner;
        } else {
            found.push(Layer::Named(rest));
            return found;
        }
    }
}

/// Whether every value `narrow` admits, `wide` admits too: same named type
/// and lists, and `wide` non-null only where `narrow` is.
fn admits_all(narrow: &[Layer<'_>], wide: &[Layer<'_>]) -> bool {
    let (mut at_narrow, mut at_wide) = (0, 0);
    loop {
        match (narrow.get(at_narrow), wide.get(at_wide)) {
            (Some(Layer::NonNull), Some(Layer::NonNull))
            | (Some(Layer::List), Some(Layer::List)) => {
                at_narrow += 1;
                at_wide += 1;
            }
            // `wide` takes `null` here, where `narrow` did not: looser.
            (Some(Layer::NonNull), Some(_)) => at_narrow += 1,
            (Some(Layer::Named(a)), Some(Layer::Named(b))) => return a == b,
            _ => return false,
        }
    }
}

/// Whether an argument or input field of type `new` takes every value one
/// of type `old` took (a caller's query stays valid).
fn accepts_all(old: &TypeRef, new: &TypeRef) -> bool {
    old.text == new.text || admits_all(&layers(&old.text), &layers(&new.text))
}

/// Whether a field of type `new` returns only what one of type `old` could
/// (a client's reading of it stays right).
fn keeps_promise(old: &TypeRef, new: &TypeRef) -> bool {
    old.text == new.text || admits_all(&layers(&new.text), &layers(&old.text))
}

/// Whether `new` is `old` with a `!` added outside, and nothing else that
/// refuses values.
fn only_made_non_null(old: &TypeRef, new: &TypeRef) -> bool {
    let new_layers = layers(&new.text);
    match new_layers.split_first() {
        Some((Layer::NonNull, inner)) => !old.non_null && admits_all(&layers(&old.text), inner),
        _ => false,
    }
}

/// Whether a field's new type only lets `null` in where the old one did not.
pub fn only_made_nullable(old: &str, new: &str) -> bool {
    old != new && admits_all(&layers(old), &layers(new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileId;
    use crate::graphql::read_schema;

    fn changes(old: &str, new: &str) -> Vec<(GraphqlChangeKind, String)> {
        let (old, _, _) = read_schema([(FileId(0), old)]);
        let (new, _, _) = read_schema([(FileId(1), new)]);
        compare_graphql(&old, &new)
            .into_iter()
            .map(|change| (change.kind, change.subject))
            .collect()
    }

    #[test]
    fn types_are_read_from_the_outside_in() {
        assert_eq!(
            layers("[Post!]!"),
            [
                Layer::NonNull,
                Layer::List,
                Layer::NonNull,
                Layer::Named("Post")
            ]
        );
        assert_eq!(layers("[[Int]"), [Layer::List, Layer::Named("[Int")]);
    }

    #[test]
    fn inputs_may_loosen_and_outputs_may_tighten() {
        let ty = |text: &str| {
            let (schema, _, _) =
                read_schema([(FileId(0), format!("type Q {{ f: {text} }}").as_str())]);
            schema
                .get("Q")
                .and_then(|q| q.fields.first())
                .map(|f| f.ty.clone())
        };
        let (Some(required), Some(optional), Some(list)) = (ty("Int!"), ty("Int"), ty("[Int!]"))
        else {
            panic!("the types read");
        };
        assert!(accepts_all(&required, &optional));
        assert!(!accepts_all(&optional, &required));
        assert!(keeps_promise(&optional, &required));
        assert!(!keeps_promise(&required, &optional));
        assert!(!accepts_all(&optional, &list) && !keeps_promise(&optional, &list));
    }

    #[test]
    fn a_refactor_is_no_change() {
        let old = "type Query { user(id: ID!): User }\ntype User { id: ID! name: String }";
        let new = "\"\"\"People.\"\"\"\ntype User { name: String }\nextend type User { id: ID! }\ntype Query { user(id: ID!): User }";
        assert_eq!(changes(old, new), []);
    }

    #[test]
    fn a_default_taken_away_makes_an_argument_required() {
        let found = changes(
            "type Query { users(first: Int! = 10, after: String = \"a\"): [String] }",
            "type Query { users(first: Int!, after: String = \"b\"): [String] }",
        );
        assert_eq!(
            found,
            [
                (
                    GraphqlChangeKind::InputBecameRequired,
                    "argument `Query.users(first)`".to_owned()
                ),
                (
                    GraphqlChangeKind::DefaultChanged {
                        old: Some("\"a\"".to_owned()),
                        new: Some("\"b\"".to_owned())
                    },
                    "argument `Query.users(after)`".to_owned()
                ),
            ]
        );
    }
}
