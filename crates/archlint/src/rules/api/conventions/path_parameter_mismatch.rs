use crate::base::Emitter;
use crate::openapi::Operation;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path template variable (`/users/{id}`) that no `in: path`
    /// parameter declares, and a path parameter that the template does not
    /// contain.
    ///
    /// ## Why is this bad?
    /// The specification requires every template variable to be declared. An
    /// undeclared one has no type or validation, and generated clients cannot
    /// fill it in; a declared parameter missing from the template is never sent.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{userId}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: string}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{userId}:
    ///     get:
    ///       parameters:
    ///         - {name: userId, in: path, required: true, schema: {type: string}}
    /// ```
    ///
    /// ## How to fix
    /// Declare each template variable once as an `in: path` parameter with the
    /// same name, and remove path parameters the template does not use.
    ///
    /// Severity: `error` — the description violates the specification.
    pub struct PathParameterMismatch {
        id: "CONV002",
        name: "path-parameter-mismatch",
        side: Api,
        area: Conventions,
        severity: Error,
        summary: "Path template variables and declared path parameters do not match.",
        fix: "Declare every `{variable}` of the path as an `in: path` parameter with the same name, and nothing else.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        let variables = template_variables(operation.path);
        for variable in &variables {
            let declared = operation
                .parameters
                .iter()
                .any(|parameter| parameter.location == "path" && parameter.name == *variable);
            if !declared {
                let message = format!(
                    "`{}` uses `{{{variable}}}` but declares no path parameter `{variable}`",
                    operation.label()
                );
                out.report(operation.at.place(), message);
            }
        }
        report_unused(operation, &variables, out);
    }
}

fn report_unused(operation: &Operation<'_>, variables: &[&str], out: &mut Emitter) {
    for parameter in &operation.parameters {
        if parameter.location != "path" || variables.contains(&parameter.name) {
            continue;
        }
        // A path-item parameter is seen by each of its operations; the message
        // names the path, not the operation, so the report keeps one copy.
        let message = format!(
            "path parameter `{}` does not appear in the path `{}`",
            parameter.name, operation.path
        );
        out.report(parameter.at.place(), message);
    }
}

/// The names between braces in a path template.
fn template_variables(path: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else { break };
        if let Some(name) = after.get(..close) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    names
}

#[cfg(test)]
mod tests {
    use super::template_variables;

    #[test]
    fn finds_variables() {
        assert_eq!(template_variables("/a/{x}/b/{y}.{z}"), vec!["x", "y", "z"]);
        assert_eq!(template_variables("/a/{unclosed"), Vec::<&str>::new());
    }
}
