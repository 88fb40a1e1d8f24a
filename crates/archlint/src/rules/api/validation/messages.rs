//! How validation findings name what they are about.

use crate::openapi::{Role, SchemaUse};
use crate::rules::ApiContext;

/// "request property `name` of `POST /users` has no maxLength", or, for a
/// shared schema, "... has no maxLength (accepted by 3 operations, such as ...)".
pub(crate) fn request_message(
    context: &ApiContext<'_>,
    schema_use: &SchemaUse<'_>,
    missing: &str,
) -> String {
    let subject = match schema_use.role {
        Role::Property(name) => format!("request property `{name}`"),
        Role::Parameter(name, location) => format!("{location} parameter `{name}`"),
        Role::Other => "request value".to_owned(),
    };
    let users = context
        .api
        .describe_usage(schema_use.first_operation, schema_use.operation_count);
    if schema_use.operation_count > 1 {
        format!("{subject} has no {missing} (accepted by {users})")
    } else {
        format!("{subject} of {users} has no {missing}")
    }
}
