use crate::base::Emitter;
use crate::openapi::NodeAt;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a file upload whose size limit is nowhere in the description: a
    /// binary request body (`format: binary`, Swagger 2.0's `type: file`, or a
    /// non-JSON media type without a schema) with no `maxLength` and no size
    /// named in its description or the operation's.
    ///
    /// ## Why is this bad?
    /// Every server caps uploads somewhere (the proxy, the framework, the
    /// storage), and a client that does not know the cap finds it by failing
    /// after sending megabytes. An upload with no cap at all fills disks and
    /// memory.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /avatars:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           multipart/form-data:
    ///             schema:
    ///               type: object
    ///               properties:
    ///                 image: {type: string, format: binary}
    ///       responses: {'204': {description: Stored.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /avatars:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           multipart/form-data:
    ///             schema:
    ///               type: object
    ///               properties:
    ///                 image: {type: string, format: binary, maxLength: 5242880}
    ///       responses: {'204': {description: Stored.}}
    /// ```
    ///
    /// ## How to fix
    /// Give the file a `maxLength` in bytes (OpenAPI 3), or say the largest
    /// accepted size in its description (Swagger 2.0 cannot bound a `file`).
    ///
    /// Severity: `info` — the cap usually exists; the description should say it.
    pub struct UploadWithoutSizeLimit {
        id: "VAL010",
        name: "upload-without-size-limit",
        side: Api,
        area: Validation,
        severity: Info,
        summary: "A file upload does not say how large a file may be.",
        fix: "Give the file a maxLength, or name the largest size in its description.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        let Some(body) = &operation.request_body else {
            continue;
        };
        if mentions_size(operation.at.str("description"))
            || mentions_size(body.at.str("description"))
        {
            continue;
        }
        for media in &body.content {
            let files = match &media.schema {
                Some(schema) => binary_fields(context, schema),
                None if is_file_media_type(media.name) => vec![(None, media.at.clone())],
                None => Vec::new(),
            };
            for (name, at) in files {
                let message = match name {
                    Some(name) => format!(
                        "file `{name}` uploaded to `{}` has no size limit in the description",
                        operation.label()
                    ),
                    None => format!(
                        "`{}` takes a file (`{}`) with no size limit in the description",
                        operation.label(),
                        media.name
                    ),
                };
                out.report(at.place(), message);
            }
        }
    }
}

/// The binary fields of a body: the body itself (no name), or its top-level properties.
fn binary_fields<'a>(
    context: &ApiContext<'a>,
    schema: &NodeAt<'a>,
) -> Vec<(Option<&'a str>, NodeAt<'a>)> {
    let schema = context.resolve_or_self(schema);
    if is_unbounded_binary(&schema) {
        return vec![(None, schema)];
    }
    let Some(properties) = schema.get("properties") else {
        return Vec::new();
    };
    properties
        .entries()
        .map(|(name, property)| (Some(name), context.resolve_or_self(&property)))
        .filter(|(_, property)| {
            let items = property
                .get("items")
                .map(|items| context.resolve_or_self(&items));
            is_unbounded_binary(property) || items.as_ref().is_some_and(is_unbounded_binary)
        })
        .collect()
}

fn is_unbounded_binary(schema: &NodeAt<'_>) -> bool {
    matches!(schema.str("format"), Some("binary" | "byte"))
        && schema.str("type") == Some("string")
        && schema.node.get("maxLength").is_none()
        && !mentions_size(schema.str("description"))
}

/// Media types that carry a file as the whole body.
fn is_file_media_type(name: &str) -> bool {
    name == "application/octet-stream"
        || ["image/", "video/", "audio/"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
}

/// A description that names a size: `5 MB`, `10MiB`, `1024 bytes`, `size limit`.
fn mentions_size(description: Option<&str>) -> bool {
    let Some(text) = description else {
        return false;
    };
    let lower = text.to_ascii_lowercase();
    if [
        "bytes",
        "size limit",
        "maximum size",
        "max size",
        "max. size",
        "file size",
        "too large",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
    {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    const UNITS: [&str; 8] = ["kb", "mb", "gb", "kib", "mib", "gib", "k", "m"];
    words.windows(2).any(|pair| match pair {
        [number, unit] => number.bytes().all(|b| b.is_ascii_digit()) && UNITS.contains(unit),
        _ => false,
    }) || words.iter().any(|word| {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && word.get(digits..).is_some_and(|unit| UNITS.contains(&unit))
    })
}
