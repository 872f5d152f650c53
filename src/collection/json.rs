//! The collection view as one JSON object: `{"whosaid_collection": 1, "summary": Summary}`,
//! every count of [`super::Summary`] under its field name (shares as numbers in [0, 1]).

use super::Summary;

/// Version of the collection JSON; bumped when a field is renamed, removed or changes meaning.
pub const COLLECTION_VERSION: u32 = 1;

/// The summary as pretty-printed JSON, ending with a newline.
pub fn render(summary: &Summary) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        whosaid_collection: u32,
        summary: &'a Summary,
    }
    let mut s = serde_json::to_string_pretty(&Out {
        whosaid_collection: COLLECTION_VERSION,
        summary,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}
