//! Which tool wrote a description, where its conventions change what the
//! description means. protoc-gen-openapi (gnostic) and grpc-gateway describe
//! proto3 messages: a scalar left out is its zero value (`""`, `0`), never
//! `null`, and the JSON they produce never holds `null` for a scalar.

use super::{Api, Documents};

/// Markers the protobuf generators leave: their name in the header comment,
/// and the `google.protobuf` types they emit as schemas.
const PROTOBUF_MARKERS: [&str; 3] = ["protoc-gen-openapi", "grpc-gateway", "protoc-gen-swagger"];

/// Bytes of the root file searched for a generator's header comment.
const HEADER_BYTES: usize = 4096;

/// Whether the description was generated from protobuf messages.
pub fn is_protobuf(documents: &Documents, api: &Api<'_>) -> bool {
    let header = documents.sources.get(documents.root).map_or("", |file| {
        let end = crate::base::source::floor_char_boundary(&file.text, HEADER_BYTES);
        file.text.get(..end).unwrap_or("")
    });
    if PROTOBUF_MARKERS
        .iter()
        .any(|marker| header.contains(marker))
    {
        return true;
    }
    let schemas = api
        .root
        .get("components")
        .and_then(|components| components.get("schemas"))
        .or_else(|| api.root.get("definitions"));
    schemas.is_some_and(|schemas| {
        schemas
            .entries()
            .any(|(name, _)| name.to_ascii_lowercase().contains("protobuf"))
    })
}
