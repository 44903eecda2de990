//! Wire types of the materials library and the validation of its forms.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::forum::model::{post_body, titled_text, Author, Finding};
use crate::kernel::bilingual::Bilingual;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;

code_enum! {
    /// A version on its way: a draft only its author sees, a published version (with
    /// its number), or a draft its author threw away.
    VersionState {
        Draft => "draft",
        Published => "published",
        Discarded => "discarded",
    }
}

code_enum! {
    /// The files the library takes, recognised by their bytes.
    FileKind {
        Pdf => "pdf",
        Docx => "docx",
        Odt => "odt",
        Png => "png",
        Jpeg => "jpeg",
        Webp => "webp",
    }
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Webp => "image/webp",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<FileKind> {
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.content_type() == content_type)
    }

    /// The names a file of this kind may have: a name that says otherwise lies.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Docx => &["docx"],
            FileKind::Odt => &["odt"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Webp => &["webp"],
        }
    }

    /// What the people who download it read: "PDF", "Word", "immagine PNG"…
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Docx => "DOCX",
            FileKind::Odt => "ODT",
            FileKind::Png => "PNG",
            FileKind::Jpeg => "JPEG",
            FileKind::Webp => "WebP",
        }
    }
}

/// 10 MiB: a training handbook with pictures; more belongs in a link.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ATTACHMENTS: usize = 10;
pub const MAX_CHANGES: usize = 2_000;
pub const MAX_FILE_NAME: usize = 200;
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

/// Readable size: "840 KB", "2,4 MB".
pub fn size_label(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
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

/// The name a file is stored and served under: its last path component (browsers on
/// some systems send the whole path), without control characters or quotes.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    cleaned.chars().take(MAX_FILE_NAME).collect()
}

/// The extension of a file name, lower case.
pub fn extension_of(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty()).then(|| extension.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_paths_and_characters_that_break_headers() {
        assert_eq!(
            clean_file_name("C:\\Users\\ana\\Indicatori \"v2\".pdf"),
            "Indicatori v2.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name(".htaccess"), "htaccess");
        assert_eq!(clean_file_name("a\nb.pdf"), "ab.pdf");
        assert_eq!(extension_of("Guida.Breve.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension_of("senza-estensione"), None);
        assert_eq!(extension_of(".pdf"), None);
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(840 * 1024), "840 KB");
        assert_eq!(size_label(2_516_582), "2,4 MB");
    }

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
