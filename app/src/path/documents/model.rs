//! Wire types and form validation of a person's documents.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::dates::{optional_day, past_day};
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, optional_text, record_id, required_choice};
use crate::kernel::files::FileKind;

pub const MAX_DESCRIPTION: usize = 200;
/// How many files one person's record keeps: a year of papers, not an archive.
pub const MAX_DOCUMENTS: u64 = 200;
/// An expiry within this many days puts the document on "Il mio lavoro".
pub const EXPIRY_NOTICE_DAYS: i64 = 60;

code_enum! {
    /// What a document is (seed 000: consent, permit, medical and legal papers; a
    /// receipt, which an expense of her support spending points to).
    DocumentKind {
        Consent => "consent",
        Permit => "permit",
        Identity => "identity",
        Medical => "medical",
        Legal => "legal",
        School => "school",
        Receipt => "receipt",
        Other => "other",
    }
}

code_enum! {
    /// Who of the team opens it: the whole team in charge, or only her reference
    /// operator and the legal advisor on her plan (who read the judicial route).
    Confidentiality {
        Team => "team",
        Restricted => "restricted",
    }
}

/// Where a person's documents are listed and where a browser posts a new one (a plain
/// multipart form).
pub fn documents_path(code: &str) -> String {
    format!("/persone/{}/documenti", code.trim().to_uppercase())
}

/// Where one document is downloaded.
pub fn document_path(code: &str, id: i32) -> String {
    format!("{}/{id}", documents_path(code))
}

/// Whether a request's path is a document's upload: bounded by a minimum rate rather
/// than by the time limit of other requests, like the forum's.
pub fn is_upload_path(path: &str) -> bool {
    path.strip_prefix("/persone/")
        .and_then(|rest| rest.strip_suffix("/documenti"))
        .is_some_and(|code| !code.is_empty() && !code.contains('/'))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub id: i32,
    pub kind: DocumentKind,
    pub dated_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub confidentiality: Confidentiality,
    pub description: Option<String>,
    pub file_name: String,
    pub file_kind: FileKind,
    pub size_bytes: i64,
    pub uploaded_by: String,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentsPage {
    pub code: String,
    pub today: NaiveDate,
    pub editable: bool,
    /// She may open restricted documents and file new ones as restricted.
    pub reads_restricted: bool,
    /// Newest first; restricted ones only for who may open them.
    pub documents: Vec<DocumentRow>,
    /// Restricted documents kept from this reader: the page says how many, so that she
    /// knows whom to ask.
    pub withheld: usize,
}

/// The fields sent with the file (a multipart form's text parts).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentForm {
    pub kind: String,
    pub dated_on: String,
    #[serde(default)]
    pub expires_on: String,
    pub confidentiality: String,
    #[serde(default)]
    pub description: String,
}

/// A document's description, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDocument {
    pub kind: DocumentKind,
    pub dated_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub confidentiality: Confidentiality,
    pub description: Option<String>,
}

impl DocumentForm {
    /// Reads the form's text parts, whatever their names (unknown ones are ignored).
    pub fn from_parts<'a>(parts: impl IntoIterator<Item = (&'a str, &'a str)>) -> DocumentForm {
        let mut form = DocumentForm::default();
        for (name, value) in parts {
            let slot = match name {
                "kind" => &mut form.kind,
                "dated_on" => &mut form.dated_on,
                "expires_on" => &mut form.expires_on,
                "confidentiality" => &mut form.confidentiality,
                "description" => &mut form.description,
                _ => continue,
            };
            *slot = value.to_string();
        }
        form
    }

    pub fn validate(&self, today: NaiveDate) -> Result<ValidDocument, AppError> {
        let mut checks = Validation::default();
        let kind = required_choice("kind", &self.kind, DocumentKind::from_code, &mut checks);
        let dated_on = past_day("dated_on", &self.dated_on, today, &mut checks);
        let expires_on = optional_day("expires_on", &self.expires_on, &mut checks);
        if let (Some(dated), Some(expires)) = (dated_on, expires_on) {
            if expires < dated {
                checks.add("expires_on", Problem::OutOfRange);
            }
        }
        let confidentiality = required_choice(
            "confidentiality",
            &self.confidentiality,
            Confidentiality::from_code,
            &mut checks,
        );
        let description = optional_text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            &mut checks,
        );
        checks.finish()?;
        match (kind, dated_on, confidentiality) {
            (Some(kind), Some(dated_on), Some(confidentiality)) => Ok(ValidDocument {
                kind,
                dated_on,
                expires_on,
                confidentiality,
                description,
            }),
            _ => Err(AppError::BadRequest),
        }
    }
}

/// Taking a document off her record: which one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveDocumentForm {
    pub record: String,
}

impl RemoveDocumentForm {
    pub fn validate(&self) -> Result<i32, AppError> {
        let mut checks = Validation::default();
        let id = record_id("record", &self.record, &mut checks);
        checks.finish()?;
        id.ok_or(AppError::BadRequest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn problems(result: Result<ValidDocument, AppError>) -> Vec<(String, Problem)> {
        match result {
            Err(AppError::Invalid { problems }) => {
                problems.into_iter().map(|p| (p.field, p.problem)).collect()
            }
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_document_is_described_by_kind_date_and_confidentiality() {
        let form = DocumentForm::from_parts([
            ("kind", "permit"),
            ("dated_on", "2026-11-02"),
            ("expires_on", "2027-05-02"),
            ("confidentiality", "team"),
            ("description", "  Permesso   art. 18 "),
            ("file", "ignored"),
        ]);
        let valid = form.validate(today()).unwrap();
        assert_eq!(valid.kind, DocumentKind::Permit);
        assert_eq!(valid.expires_on, NaiveDate::from_ymd_opt(2027, 5, 2));
        assert_eq!(valid.confidentiality, Confidentiality::Team);
        assert_eq!(valid.description.as_deref(), Some("Permesso art. 18"));
    }

    #[test]
    fn missing_future_and_inconsistent_fields_are_named() {
        let form = DocumentForm::from_parts([
            ("kind", "passport-photo"),
            ("dated_on", "2027-01-01"),
            ("confidentiality", ""),
        ]);
        assert_eq!(
            problems(form.validate(today())),
            vec![
                ("kind".to_string(), Problem::UnknownChoice),
                ("dated_on".to_string(), Problem::DateInFuture),
                ("confidentiality".to_string(), Problem::Required),
            ]
        );
        let form = DocumentForm::from_parts([
            ("kind", "identity"),
            ("dated_on", "2026-10-01"),
            ("expires_on", "2026-09-01"),
            ("confidentiality", "restricted"),
        ]);
        assert_eq!(
            problems(form.validate(today())),
            vec![("expires_on".to_string(), Problem::OutOfRange)]
        );
    }

    #[test]
    fn only_a_person_code_followed_by_documenti_is_an_upload() {
        assert!(is_upload_path("/persone/TO-2026-0001/documenti"));
        assert!(!is_upload_path("/persone/TO-2026-0001/documenti/3"));
        assert!(!is_upload_path("/persone//documenti"));
        assert!(!is_upload_path("/persone/a/b/documenti"));
    }
}
