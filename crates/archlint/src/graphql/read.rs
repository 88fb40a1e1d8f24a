//! Reading SDL files into the model with apollo-parser, which recovers from
//! syntax errors: a file with errors is still read where it can be, and each
//! error is a problem at its place.

use apollo_parser::cst::{self, CstNode};
use apollo_parser::{Parser, SyntaxNode};

use super::model::{Defined, Directive, Field, Graphql, InputValue, TypeDef, TypeKind, TypeRef};
use super::problem::{GraphqlProblem, GraphqlProblemKind};
use crate::base::source::{FileId, Span};
use crate::base::Place;

/// Deepest nesting the parser follows (lists in lists, values in values):
/// far beyond any real schema, and within the stack of every target.
const RECURSION_LIMIT: usize = 256;

/// What one file held.
#[derive(Debug, Default, Clone, Copy)]
pub struct FileContents {
    /// Type-system definitions and extensions (types, directives, `schema`).
    pub type_system: usize,
    /// Operations and fragments: a client's documents, not a schema.
    pub executable: usize,
}

/// Reads one file into `schema`, returning what it held and its problems.
pub fn read_file(
    schema: &mut Graphql,
    file: FileId,
    text: &str,
) -> (FileContents, Vec<GraphqlProblem>) {
    let tree = Parser::new(text).recursion_limit(RECURSION_LIMIT).parse();
    let mut problems: Vec<GraphqlProblem> = first_syntax_problem(file, text, &tree);
    schema.first_file.get_or_insert(file);
    let mut reader = Reader {
        schema,
        file,
        problems: &mut problems,
    };
    let mut contents = FileContents::default();
    for definition in tree.document().definitions() {
        if definition.is_executable_definition() {
            contents.executable += 1;
        } else {
            contents.type_system += 1;
            reader.definition(definition);
        }
    }
    (contents, problems)
}

/// The first syntax error of a file, counting the others: after one error
/// the parser's recovery reports many more that are the same mistake
/// (a missing `}` makes every later line wrong).
fn first_syntax_problem(
    file: FileId,
    text: &str,
    tree: &apollo_parser::SyntaxTree,
) -> Vec<GraphqlProblem> {
    let mut errors = tree.errors();
    let Some(first) = errors.next() else {
        return Vec::new();
    };
    let mut problem = syntax_problem(file, text, first);
    match errors.count() {
        0 => {}
        1 => problem
            .message
            .push_str(" (1 more syntax error after it, which may follow from this one)"),
        more => problem.message.push_str(&format!(
            " ({more} more syntax errors after it, which may follow from this one)"
        )),
    }
    vec![problem]
}

/// The parser's token names, as the characters a reader types.
const TOKEN_NAMES: [(&str, &str); 15] = [
    ("R_CURLY", "`}`"),
    ("L_CURLY", "`{`"),
    ("R_PAREN", "`)`"),
    ("L_PAREN", "`(`"),
    ("R_BRACK", "`]`"),
    ("L_BRACK", "`[`"),
    ("COLON", "`:`"),
    ("EQ", "`=`"),
    ("BANG", "`!`"),
    ("PIPE", "`|`"),
    ("AMP", "`&`"),
    ("AT", "`@`"),
    ("DOLLAR", "`$`"),
    ("SPREAD", "`...`"),
    ("COMMA", "`,`"),
];

fn readable(message: &str) -> String {
    message
        .split(' ')
        .map(|word| {
            let bare = word.trim_end_matches(',');
            match TOKEN_NAMES.iter().find(|(name, _)| *name == bare) {
                Some((_, shown)) => word.replacen(bare, shown, 1),
                None => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn syntax_problem(file: FileId, text: &str, error: &apollo_parser::Error) -> GraphqlProblem {
    let start = error.index().min(text.len());
    let end = start.saturating_add(error.data().len()).min(text.len());
    let place = Place::object(file, Span::new(start, end.max(start)), None);
    let message = if error.is_limit() {
        format!(
            "the schema nests deeper than {RECURSION_LIMIT} levels here; it is read up to this point"
        )
    } else {
        match error.data() {
            "" => format!("syntax error: {}", readable(error.message())),
            data => format!(
                "syntax error at `{}`: {}",
                short(data),
                readable(error.message())
            ),
        }
    };
    GraphqlProblem::new(GraphqlProblemKind::Syntax, place, message)
}

/// The first characters of a token, for a message.
fn short(text: &str) -> String {
    const MOST: usize = 40;
    match text.char_indices().nth(MOST) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

struct Reader<'s> {
    schema: &'s mut Graphql,
    file: FileId,
    problems: &'s mut Vec<GraphqlProblem>,
}

/// The parts every type definition and extension shares, read the same way.
struct Head {
    kind: TypeKind,
    name: Option<cst::Name>,
    description: Option<cst::Description>,
    directives: Option<cst::Directives>,
    extension: bool,
}

impl Reader<'_> {
    fn definition(&mut self, definition: cst::Definition) {
        use cst::Definition as D;
        match definition {
            D::SchemaDefinition(schema) => {
                self.roots(schema.root_operation_type_definitions());
            }
            D::SchemaExtension(schema) => {
                self.roots(schema.root_operation_type_definitions());
            }
            D::DirectiveDefinition(directive) => {
                let arguments = directive.arguments_definition().map(|arguments| {
                    arguments
                        .input_value_definitions()
                        .filter_map(|argument| argument.ty())
                        .filter_map(|ty| type_ref(&ty))
                        .map(|ty| ty.name)
                        .collect::<Vec<_>>()
                });
                self.schema
                    .directive_argument_types
                    .extend(arguments.unwrap_or_default());
                if let Some(defined) = self.defined(directive.name(), directive.description(), None)
                {
                    self.schema.directive_definitions.push(defined);
                }
            }
            D::ObjectTypeDefinition(ty) => {
                let head = head(
                    TypeKind::Object,
                    ty.name(),
                    ty.description(),
                    ty.directives(),
                    false,
                );
                self.fields_type(head, ty.fields_definition(), ty.implements_interfaces());
            }
            D::ObjectTypeExtension(ty) => {
                let head = head(TypeKind::Object, ty.name(), None, ty.directives(), true);
                self.fields_type(head, ty.fields_definition(), ty.implements_interfaces());
            }
            D::InterfaceTypeDefinition(ty) => {
                let head = head(
                    TypeKind::Interface,
                    ty.name(),
                    ty.description(),
                    ty.directives(),
                    false,
                );
                self.fields_type(head, ty.fields_definition(), ty.implements_interfaces());
            }
            D::InterfaceTypeExtension(ty) => {
                let head = head(TypeKind::Interface, ty.name(), None, ty.directives(), true);
                self.fields_type(head, ty.fields_definition(), ty.implements_interfaces());
            }
            D::InputObjectTypeDefinition(ty) => {
                let head = head(
                    TypeKind::Input,
                    ty.name(),
                    ty.description(),
                    ty.directives(),
                    false,
                );
                self.input_type(head, ty.input_fields_definition());
            }
            D::InputObjectTypeExtension(ty) => {
                let head = head(TypeKind::Input, ty.name(), None, ty.directives(), true);
                self.input_type(head, ty.input_fields_definition());
            }
            D::EnumTypeDefinition(ty) => {
                let head = head(
                    TypeKind::Enum,
                    ty.name(),
                    ty.description(),
                    ty.directives(),
                    false,
                );
                self.enum_type(head, ty.enum_values_definition());
            }
            D::EnumTypeExtension(ty) => {
                let head = head(TypeKind::Enum, ty.name(), None, ty.directives(), true);
                self.enum_type(head, ty.enum_values_definition());
            }
            D::UnionTypeDefinition(ty) => {
                let head = head(
                    TypeKind::Union,
                    ty.name(),
                    ty.description(),
                    ty.directives(),
                    false,
                );
                self.union_type(head, ty.union_member_types());
            }
            D::UnionTypeExtension(ty) => {
                let head = head(TypeKind::Union, ty.name(), None, ty.directives(), true);
                self.union_type(head, ty.union_member_types());
            }
            D::ScalarTypeDefinition(ty) => {
                let head = head(
                    TypeKind::Scalar,
                    ty.name(),
                    ty.description(),
                    ty.directives(),
                    false,
                );
                self.merge(head, |_| {});
            }
            D::ScalarTypeExtension(ty) => {
                let head = head(TypeKind::Scalar, ty.name(), None, ty.directives(), true);
                self.merge(head, |_| {});
            }
            D::OperationDefinition(_) | D::FragmentDefinition(_) => {}
        }
    }

    fn roots(&mut self, roots: cst::CstChildren<cst::RootOperationTypeDefinition>) {
        for root in roots {
            let Some(name) = root
                .named_type()
                .and_then(|named| named.name())
                .map(|name| name_text(name.syntax()))
            else {
                continue;
            };
            let Some(operation) = root.operation_type() else {
                continue;
            };
            if operation.query_token().is_some() {
                self.schema.roots.query = Some(name);
            } else if operation.mutation_token().is_some() {
                self.schema.roots.mutation = Some(name);
            } else if operation.subscription_token().is_some() {
                self.schema.roots.subscription = Some(name);
            }
        }
    }

    fn defined(
        &self,
        name: Option<cst::Name>,
        description: Option<cst::Description>,
        directives: Option<cst::Directives>,
    ) -> Option<Defined> {
        let name = name?;
        let (text, span) = spanned_name(name.syntax());
        if text.is_empty() {
            return None;
        }
        Some(Defined {
            name: text,
            file: self.file,
            span,
            description: description.map(|description| description_text(description.syntax())),
            directives: directives.map(read_directives).unwrap_or_default(),
        })
    }

    /// Adds a type, or what an extension (or a repeated definition) adds to
    /// the one already read.
    fn merge(&mut self, head: Head, add: impl FnOnce(&mut TypeDef)) {
        let Some(defined) = self.defined(head.name, head.description, head.directives) else {
            return;
        };
        match self.schema.get_mut(&defined.name) {
            Some(existing) => {
                if !head.extension && !existing.extension_only {
                    let earlier = existing.place();
                    self.problems.push(
                        GraphqlProblem::new(
                            GraphqlProblemKind::DuplicateDefinition,
                            Place::object(defined.file, defined.span, Some(defined.name.clone())),
                            format!(
                                "`{}` is defined twice; use `extend {} {}` to add to it",
                                defined.name,
                                head.kind.keyword(),
                                defined.name
                            ),
                        )
                        .related(earlier, "defined first here"),
                    );
                }
                if !head.extension && existing.extension_only {
                    // The definition comes after an extension: it is the place.
                    let mut directives = std::mem::take(&mut existing.defined.directives);
                    existing.defined = defined;
                    existing.defined.directives.append(&mut directives);
                    existing.extension_only = false;
                } else {
                    existing.defined.directives.extend(defined.directives);
                }
                add(existing);
            }
            None => {
                let mut definition = TypeDef {
                    kind: head.kind,
                    defined,
                    fields: Vec::new(),
                    input_fields: Vec::new(),
                    values: Vec::new(),
                    members: Vec::new(),
                    interfaces: Vec::new(),
                    extension_only: head.extension,
                    field_index: std::collections::HashMap::new(),
                };
                add(&mut definition);
                self.schema.insert(definition);
            }
        }
    }

    fn fields_type(
        &mut self,
        head: Head,
        fields: Option<cst::FieldsDefinition>,
        interfaces: Option<cst::ImplementsInterfaces>,
    ) {
        let file = self.file;
        let fields: Vec<Field> = fields
            .map(|fields| {
                fields
                    .field_definitions()
                    .filter_map(|field| read_field(file, field))
                    .collect()
            })
            .unwrap_or_default();
        let interfaces: Vec<String> = interfaces
            .map(|interfaces| named_types(interfaces.named_types()))
            .unwrap_or_default();
        self.merge(head, |ty| {
            ty.fields.extend(fields);
            ty.interfaces.extend(interfaces);
        });
    }

    fn input_type(&mut self, head: Head, fields: Option<cst::InputFieldsDefinition>) {
        let file = self.file;
        let fields: Vec<InputValue> = fields
            .map(|fields| {
                fields
                    .input_value_definitions()
                    .filter_map(|field| read_input_value(file, field))
                    .collect()
            })
            .unwrap_or_default();
        self.merge(head, |ty| ty.input_fields.extend(fields));
    }

    fn enum_type(&mut self, head: Head, values: Option<cst::EnumValuesDefinition>) {
        let file = self.file;
        let values: Vec<Defined> = values
            .map(|values| {
                values
                    .enum_value_definitions()
                    .filter_map(|value| {
                        let name = value.enum_value()?;
                        let (text, span) = spanned_name(name.syntax());
                        (!text.is_empty()).then(|| Defined {
                            name: text,
                            file,
                            span,
                            description: value.description().map(|d| description_text(d.syntax())),
                            directives: value.directives().map(read_directives).unwrap_or_default(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.merge(head, |ty| ty.values.extend(values));
    }

    fn union_type(&mut self, head: Head, members: Option<cst::UnionMemberTypes>) {
        let members: Vec<String> = members
            .map(|members| named_types(members.named_types()))
            .unwrap_or_default();
        self.merge(head, |ty| ty.members.extend(members));
    }
}

fn head(
    kind: TypeKind,
    name: Option<cst::Name>,
    description: Option<cst::Description>,
    directives: Option<cst::Directives>,
    extension: bool,
) -> Head {
    Head {
        kind,
        name,
        description,
        directives,
        extension,
    }
}

fn named_types(types: cst::CstChildren<cst::NamedType>) -> Vec<String> {
    types
        .filter_map(|named| named.name())
        .map(|name| name_text(name.syntax()))
        .filter(|name| !name.is_empty())
        .collect()
}

fn read_field(file: FileId, field: cst::FieldDefinition) -> Option<Field> {
    let name = field.name()?;
    let (text, span) = spanned_name(name.syntax());
    let ty = field.ty().and_then(|ty| type_ref(&ty))?;
    let arguments = field
        .arguments_definition()
        .map(|arguments| {
            arguments
                .input_value_definitions()
                .filter_map(|argument| read_input_value(file, argument))
                .collect()
        })
        .unwrap_or_default();
    (!text.is_empty()).then(|| Field {
        defined: Defined {
            name: text,
            file,
            span,
            description: field.description().map(|d| description_text(d.syntax())),
            directives: field.directives().map(read_directives).unwrap_or_default(),
        },
        ty,
        arguments,
    })
}

fn read_input_value(file: FileId, value: cst::InputValueDefinition) -> Option<InputValue> {
    let name = value.name()?;
    let (text, span) = spanned_name(name.syntax());
    let ty = value.ty().and_then(|ty| type_ref(&ty))?;
    (!text.is_empty()).then(|| InputValue {
        defined: Defined {
            name: text,
            file,
            span,
            description: value.description().map(|d| description_text(d.syntax())),
            directives: value.directives().map(read_directives).unwrap_or_default(),
        },
        ty,
        default: value
            .default_value()
            .and_then(|default| default.value())
            .map(|value| compact(&value.syntax().text().to_string())),
    })
}

/// A field's or argument's type. The parser bounds how deep lists nest.
fn type_ref(ty: &cst::Type) -> Option<TypeRef> {
    let text = compact(&ty.syntax().text().to_string());
    let lists = u8::try_from(text.chars().filter(|c| *c == '[').count()).unwrap_or(u8::MAX);
    let name: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        return None;
    }
    Some(TypeRef {
        name,
        lists,
        non_null: text.ends_with('!'),
        text,
    })
}

fn read_directives(directives: cst::Directives) -> Vec<Directive> {
    directives
        .directives()
        .filter_map(|directive| {
            let name = name_text(directive.name()?.syntax());
            let arguments = directive
                .arguments()
                .map(|arguments| {
                    arguments
                        .arguments()
                        .filter_map(|argument| {
                            let name = name_text(argument.name()?.syntax());
                            let value = argument.value().map(value_text).unwrap_or_default();
                            Some((name, value))
                        })
                        .collect()
                })
                .unwrap_or_default();
            Some(Directive {
                name,
                arguments,
                span: node_span(directive.syntax()),
            })
        })
        .collect()
}

/// A value as written; a string without its quotes.
fn value_text(value: cst::Value) -> String {
    match value {
        cst::Value::StringValue(string) => description_text(string.syntax()),
        other => compact(&other.syntax().text().to_string()),
    }
}

/// Text without whitespace: `[ Post ! ] !` → `[Post!]!`.
fn compact(text: &str) -> String {
    text.split_whitespace().collect()
}

fn name_text(node: &SyntaxNode) -> String {
    node.text().to_string().trim().to_owned()
}

/// A name and the span of its text (a node may hold the spaces after it).
fn spanned_name(node: &SyntaxNode) -> (String, Span) {
    let raw = node.text().to_string();
    let start = usize::from(node.text_range().start());
    let leading = raw.len() - raw.trim_start().len();
    let name = raw.trim().to_owned();
    let begin = start + leading;
    (name.clone(), Span::new(begin, begin + name.len()))
}

fn node_span(node: &SyntaxNode) -> Span {
    let range = node.text_range();
    Span::new(usize::from(range.start()), usize::from(range.end()))
}

/// The text of a description or string value: block strings (`"""…"""`)
/// with their common indentation removed, quoted strings unescaped. Never
/// fails: an escape the lexer let through is kept as written.
fn description_text(node: &SyntaxNode) -> String {
    let raw = node.text().to_string();
    let raw = raw.trim();
    if let Some(block) = raw.strip_prefix("\"\"\"") {
        let block = block.strip_suffix("\"\"\"").unwrap_or(block);
        let block = block.replace("\\\"\"\"", "\"\"\"");
        return block
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned();
    }
    let quoted = raw.strip_prefix('"').unwrap_or(raw);
    let quoted = quoted.strip_suffix('"').unwrap_or(quoted);
    unescape(quoted)
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let digits: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&digits, 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    Some(decoded) if digits.len() == 4 => {
                        out.push(decoded);
                        chars.by_ref().take(4).for_each(drop);
                    }
                    _ => out.push_str("\\u"),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Graphql, Vec<GraphqlProblem>) {
        let mut schema = Graphql::default();
        let (_, problems) = read_file(&mut schema, FileId(0), text);
        (schema, problems)
    }

    #[test]
    fn types_fields_and_extensions_merge() {
        let (schema, problems) = read(
            "\"\"\"A user.\"\"\"\ntype User @key(fields: \"id\") { id: ID! posts(first: Int = 10): [Post!]! }\nextend type User { name: String }\ntype Post { id: ID! }\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let user = schema.get("User").expect("User is read");
        assert_eq!(user.defined.description.as_deref(), Some("A user."));
        assert_eq!(
            user.defined
                .directive("key")
                .and_then(|d| d.argument("fields")),
            Some("id")
        );
        let names: Vec<&str> = user.fields.iter().map(Field::name).collect();
        assert_eq!(names, ["id", "posts", "name"]);
        let posts = user.field("posts").expect("posts");
        assert_eq!(posts.ty.text, "[Post!]!");
        assert_eq!((posts.ty.lists, posts.ty.non_null), (1, true));
        assert_eq!(
            posts.argument("first").and_then(|a| a.default.as_deref()),
            Some("10")
        );
    }

    #[test]
    fn syntax_errors_are_problems_and_the_rest_is_read() {
        let (schema, problems) = read("type A { id: ID! \ntype B { name: String }\n");
        assert!(!problems.is_empty());
        assert!(schema.get("A").is_some());
    }

    #[test]
    fn a_second_definition_is_a_problem() {
        let (_, problems) = read("type A { id: ID }\ntype A { id: ID }\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, GraphqlProblemKind::DuplicateDefinition);
    }

    #[test]
    fn deep_lists_end_in_a_problem() {
        let deep = format!(
            "type A {{ f: {}Int{} }}",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let (_, problems) = read(&deep);
        assert!(!problems.is_empty());
    }

    #[test]
    fn odd_escapes_are_kept() {
        assert_eq!(unescape(r"a\u12"), r"a\u12");
        assert_eq!(unescape(r"\u0041\n"), "A\n");
    }
}
