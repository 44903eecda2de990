//! Wire types of the materials library and the validation of its forms.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::forum::model::{post_body, titled_text, Author, Finding};
use crate::kernel::bilingual::Bilingual;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;
pub use crate::kernel::files::{clean_file_name, extension_of, size_label, FileKind};

code_enum! {
    /// A version on its way: a draft only its author sees, a published version (with
    /// its number), or a draft its author threw away.
    VersionState {
        Draft => "draft",
        Published => "published",
        Discarded => "discarded",
    }
}

/// 10 MiB: a training handbook with pictures; more belongs in a link.
pub const MAX_ATTACHMENT_BYTES: usize = crate::kernel::files::MAX_FILE_BYTES;
pub const MAX_ATTACHMENTS: usize = 10;
pub const MAX_CHANGES: usize = 2_000;
/// Where a browser posts a file for a draft version (a plain multipart form).
pub fn upload_path(version_id: i32) -> String {
    format!("/forum/materiali/bozze/{version_id}/allegati")
}

/// Whether a request's path is an upload's (`upload_path`): the server bounds those by a
/// minimum rate rather than by the time limit of other requests.
pub fn is_upload_path(path: &str) -> bool {
    path.strip_prefix("/forum/materiali/bozze/")
        .and_then(|rest| rest.strip_suffix("/allegati"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}
pub fn download_path(attachment_id: i32) -> String {
    format!("/forum/allegati/{attachment_id}")
}
pub fn material_path(material_id: i32) -> String {
    format!("/forum/materiali/{material_id}")
}
pub fn draft_path(version_id: i32) -> String {
    format!("/forum/materiali/bozze/{version_id}")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: i32,
    pub file_name: String,
    pub kind: FileKind,
    pub size_bytes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub id: i32,
    pub number: i32,
    pub changes: String,
    pub author: Option<Author>,
    pub published_at: DateTime<Utc>,
    /// Sanitised on the server.
    pub html: String,
    pub attachments: Vec<AttachmentView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialSummary {
    pub id: i32,
    pub title: String,
    pub category_name: Bilingual,
    pub number: i32,
    pub published_at: DateTime<Utc>,
    pub author: Option<Author>,
    pub attachments: usize,
    pub checklist: bool,
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryPage {
    /// The category chosen, if any.
    pub category: Option<String>,
    /// Every category this reader may read: (code, name).
    pub categories: Vec<(String, Bilingual)>,
    /// Where she may publish a new material: (code, name).
    pub publishable: Vec<(String, Bilingual)>,
    pub materials: Vec<MaterialSummary>,
    /// Whether she follows the chosen category.
    pub watching_category: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialPage {
    pub id: i32,
    pub title: String,
    pub category_code: String,
    pub category_name: Bilingual,
    pub checklist: bool,
    pub tags: Vec<String>,
    pub watching: bool,
    /// She may start a new version (trainers and moderators of the category).
    pub may_publish: bool,
    /// Her own unfinished version, if she has one.
    pub draft_id: Option<i32>,
    /// Newest first.
    pub versions: Vec<VersionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDraftPage {
    pub id: i32,
    pub material_id: i32,
    pub material_title: String,
    pub category_name: Bilingual,
    /// The first version of a new material (nothing published yet).
    pub first: bool,
    pub body: String,
    pub changes: String,
    pub attachments: Vec<AttachmentView>,
    /// What the personal-data guard points out in the text and the file names.
    pub findings: Vec<Finding>,
}

/// A new material as the browser sends it; tags are checkboxes `form[tags][<code>]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMaterialForm {
    pub category: String,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

pub struct ValidMaterial {
    pub category: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
}

impl NewMaterialForm {
    pub fn validate(&self) -> Result<ValidMaterial, AppError> {
        let (title, body, tags) = titled_text(&self.title, &self.body, &self.tags)?;
        Ok(ValidMaterial {
            category: self.category.trim().to_string(),
            title,
            body,
            tags,
        })
    }
}

/// A draft version's text: the description (Markdown) and what changed. The note of
/// changes is required to publish, not to save.
pub fn version_text(body: &str, changes: &str) -> Result<(String, String), AppError> {
    let mut checks = Validation::default();
    let body = post_body("body", body, &mut checks);
    let changes = changes.trim().replace("\r\n", "\n");
    if changes.chars().count() > MAX_CHANGES {
        checks.add("changes", Problem::TooLong);
    }
    checks.finish()?;
    Ok((body, changes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_texts_need_a_description_and_bound_the_changes() {
        assert!(version_text("  ", "").is_err());
        assert!(version_text("Testo", &"x".repeat(MAX_CHANGES + 1)).is_err());
        assert_eq!(
            version_text("Testo\r\nriga", " Nuovi indicatori ").unwrap(),
            ("Testo\nriga".to_string(), "Nuovi indicatori".to_string())
        );
    }
}
