//! The model of a GraphQL schema: its types, their fields, arguments, enum
//! values and directives, each with the file and span where it is defined.
//! A schema split over several files, with `extend type`, is one model.

use std::collections::HashMap;

use crate::base::source::{FileId, Span};
use crate::base::Place;

/// What kind of type a definition declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Interface,
    Input,
    Enum,
    Union,
    Scalar,
}

impl TypeKind {
    pub fn keyword(self) -> &'static str {
        match self {
            TypeKind::Object => "type",
            TypeKind::Interface => "interface",
            TypeKind::Input => "input",
            TypeKind::Enum => "enum",
            TypeKind::Union => "union",
            TypeKind::Scalar => "scalar",
        }
    }
}

/// A directive applied to a definition: `@deprecated(reason: "…")`. Argument
/// values are kept as written (strings without their quotes).
#[derive(Clone, Debug)]
pub struct Directive {
    pub name: String,
    pub arguments: Vec<(String, String)>,
    pub span: Span,
}

impl Directive {
    pub fn argument(&self, name: &str) -> Option<&str> {
        self.arguments
            .iter()
            .find(|(argument, _)| argument == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A type as a field or argument names it: `[Post!]!` is `Post` in one list,
/// non-null outside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeRef {
    /// The named type inside every list.
    pub name: String,
    /// How many lists wrap the named type.
    pub lists: u8,
    /// Whether the outermost type is non-null.
    pub non_null: bool,
    /// As written, without spaces: `[Post!]!`.
    pub text: String,
}

impl TypeRef {
    pub fn is_list(&self) -> bool {
        self.lists > 0
    }
}

/// Something defined in the schema with a name, a place and directives.
#[derive(Clone, Debug)]
pub struct Defined {
    pub name: String,
    pub file: FileId,
    /// The span of the name.
    pub span: Span,
    pub description: Option<String>,
    pub directives: Vec<Directive>,
}

impl Defined {
    pub fn directive(&self, name: &str) -> Option<&Directive> {
        self.directives
            .iter()
            .find(|directive| directive.name == name)
    }

    pub fn has_directive(&self, name: &str) -> bool {
        self.directive(name).is_some()
    }

    /// Whether a description says something (not only spaces).
    pub fn is_described(&self) -> bool {
        self.description
            .as_deref()
            .is_some_and(|text| !text.trim().is_empty())
    }

    pub fn deprecated(&self) -> Option<&Directive> {
        self.directive("deprecated")
    }
}

/// An argument of a field, or a field of an input type.
#[derive(Clone, Debug)]
pub struct InputValue {
    pub defined: Defined,
    pub ty: TypeRef,
    /// The default value as written.
    pub default: Option<String>,
}

impl InputValue {
    pub fn name(&self) -> &str {
        &self.defined.name
    }

    /// Whether a caller must give it: non-null with no default.
    pub fn is_required(&self) -> bool {
        self.ty.non_null && self.default.is_none()
    }
}

/// A field of an object or interface type.
#[derive(Clone, Debug)]
pub struct Field {
    pub defined: Defined,
    pub ty: TypeRef,
    pub arguments: Vec<InputValue>,
}

impl Field {
    pub fn name(&self) -> &str {
        &self.defined.name
    }

    pub fn argument(&self, name: &str) -> Option<&InputValue> {
        self.arguments
            .iter()
            .find(|argument| argument.name() == name)
    }
}

/// A type definition with what its extensions add.
#[derive(Clone, Debug)]
pub struct TypeDef {
    pub kind: TypeKind,
    pub defined: Defined,
    /// Fields of an object or interface type.
    pub fields: Vec<Field>,
    /// Fields of an input type.
    pub input_fields: Vec<InputValue>,
    /// Values of an enum.
    pub values: Vec<Defined>,
    /// Members of a union.
    pub members: Vec<String>,
    pub interfaces: Vec<String>,
    /// Only extended here (`extend type`): defined in another service or file.
    pub extension_only: bool,
    /// Field name → index in `fields`, built once all files are read, so
    /// that looking a field up is constant time on types of any size.
    pub(super) field_index: HashMap<String, usize>,
}

impl TypeDef {
    pub fn name(&self) -> &str {
        &self.defined.name
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        match self.field_index.is_empty() {
            true => self.fields.iter().find(|field| field.name() == name),
            false => self
                .field_index
                .get(name)
                .and_then(|index| self.fields.get(*index)),
        }
    }

    /// Indexes the fields by name (the first of a repeated name).
    pub(super) fn index_fields(&mut self) {
        let mut index = HashMap::with_capacity(self.fields.len());
        for (position, field) in self.fields.iter().enumerate() {
            index.entry(field.name().to_owned()).or_insert(position);
        }
        self.field_index = index;
    }

    pub fn place(&self) -> Place {
        place_of(&self.defined, self.name().to_owned())
    }

    /// The place of one of its fields: `Type.field`.
    pub fn field_place(&self, field: &Field) -> Place {
        place_of(&field.defined, format!("{}.{}", self.name(), field.name()))
    }

    /// The place of an argument: `Type.field(argument)`.
    pub fn argument_place(&self, field: &Field, argument: &InputValue) -> Place {
        place_of(
            &argument.defined,
            format!("{}.{}({})", self.name(), field.name(), argument.name()),
        )
    }

    /// The place of a field of an input type, or of an enum value: `Type.name`.
    pub fn member_place(&self, member: &Defined) -> Place {
        place_of(member, format!("{}.{}", self.name(), member.name))
    }
}

fn place_of(defined: &Defined, object: String) -> Place {
    Place::object(defined.file, defined.span, Some(object))
}

/// The types that answer queries, mutations and subscriptions.
#[derive(Clone, Debug, Default)]
pub struct Roots {
    pub query: Option<String>,
    pub mutation: Option<String>,
    pub subscription: Option<String>,
}

/// A GraphQL schema, from one file or many.
#[derive(Clone, Debug, Default)]
pub struct Graphql {
    pub types: Vec<TypeDef>,
    pub roots: Roots,
    /// Directives the schema declares (`directive @auth on FIELD_DEFINITION`).
    pub directive_definitions: Vec<Defined>,
    /// The types the declared directives' arguments take
    /// (`directive @auth(for: [Capabilities])` → `Capabilities`).
    pub directive_argument_types: Vec<String>,
    /// The first file, where schema-wide findings go.
    pub first_file: Option<FileId>,
    by_name: HashMap<String, usize>,
}

/// The scalars every schema has.
pub const BUILT_IN_SCALARS: [&str; 5] = ["Int", "Float", "String", "Boolean", "ID"];

impl Graphql {
    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.by_name
            .get(name)
            .and_then(|index| self.types.get(*index))
    }

    pub(super) fn get_mut(&mut self, name: &str) -> Option<&mut TypeDef> {
        self.by_name
            .get(name)
            .and_then(|index| self.types.get_mut(*index))
    }

    /// Makes lookups constant time once every file is read.
    pub(super) fn finish(&mut self) {
        for ty in &mut self.types {
            ty.index_fields();
        }
    }

    pub(super) fn insert(&mut self, definition: TypeDef) {
        self.by_name
            .insert(definition.name().to_owned(), self.types.len());
        self.types.push(definition);
    }

    /// The query root type (`Query` unless the schema says otherwise).
    pub fn query(&self) -> Option<&TypeDef> {
        self.get(self.roots.query.as_deref().unwrap_or("Query"))
    }

    pub fn mutation(&self) -> Option<&TypeDef> {
        self.get(self.roots.mutation.as_deref().unwrap_or("Mutation"))
    }

    pub fn subscription(&self) -> Option<&TypeDef> {
        self.get(self.roots.subscription.as_deref().unwrap_or("Subscription"))
    }

    /// Whether `name` is one of the root operation types.
    pub fn is_root(&self, name: &str) -> bool {
        [self.query(), self.mutation(), self.subscription()]
            .into_iter()
            .flatten()
            .any(|root| root.name() == name)
    }

    /// Whether the named type is a scalar (built in or declared) or an enum:
    /// a leaf of a query.
    pub fn is_leaf(&self, name: &str) -> bool {
        BUILT_IN_SCALARS.contains(&name)
            || self
                .get(name)
                .is_some_and(|ty| matches!(ty.kind, TypeKind::Scalar | TypeKind::Enum))
    }

    /// Object and interface types, which have fields.
    pub fn output_types(&self) -> impl Iterator<Item = &TypeDef> {
        self.types
            .iter()
            .filter(|ty| matches!(ty.kind, TypeKind::Object | TypeKind::Interface))
    }

    pub fn of_kind(&self, kind: TypeKind) -> impl Iterator<Item = &TypeDef> {
        self.types.iter().filter(move |ty| ty.kind == kind)
    }

    /// Whether the schema uses the directive anywhere (on a type, a field,
    /// an argument or an enum value).
    pub fn uses_directive(&self, name: &str) -> bool {
        self.types.iter().any(|ty| {
            ty.defined.has_directive(name)
                || ty.fields.iter().any(|field| {
                    field.defined.has_directive(name)
                        || field
                            .arguments
                            .iter()
                            .any(|argument| argument.defined.has_directive(name))
                })
                || ty
                    .input_fields
                    .iter()
                    .any(|field| field.defined.has_directive(name))
        })
    }
}
