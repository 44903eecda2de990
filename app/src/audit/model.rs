use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Denied,
    Failure,
    /// A change refused because the record had changed meanwhile (bed taken, already placed).
    Conflict,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Success,
        Outcome::Denied,
        Outcome::Failure,
        Outcome::Conflict,
    ];
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Denied => "denied",
            Outcome::Failure => "failure",
            Outcome::Conflict => "conflict",
        }
    }

    pub fn from_code(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    /// An outcome read back from the audit trail (see `kernel::fields::stored`).
    #[cfg(feature = "ssr")]
    pub fn from_stored(code: &str, fallback: Outcome) -> Outcome {
        crate::kernel::fields::stored("Outcome", code, Self::from_code, fallback)
    }
}

/// The actions Anello records, for the audit page's filter.
pub const KNOWN_ACTIONS: [&str; 63] = [
    "auth.sign_in",
    "auth.sign_out",
    "auth.password.change",
    "auth.session.end",
    "access.denied",
    "organisation.create",
    "organisation.update",
    "user.create",
    "user.update",
    "user.disable",
    "user.enable",
    "user.language",
    "demo.load",
    "contact.create",
    "contact.resend",
    "people.list",
    "people.search",
    "person.create",
    "person.view",
    "person.identity.view",
    "person.identity.update",
    "person.path.update",
    "person.organisation.add",
    "person.organisation.add_override",
    "person.organisation.remove",
    "person.reference.update",
    "person.consent.record",
    "person.consent.withdraw",
    "person.screening.start",
    "person.screening.create",
    "checklist.draft",
    "checklist.edit",
    "checklist.publish",
    "person.export",
    "person.anonymise",
    "person.waiting.add",
    "person.waiting.withdraw",
    "waiting.list",
    "person.contact.link",
    "person.duplicate.link",
    "people.duplicates",
    "board.view",
    "bed.place",
    "bed.move",
    "bed.discharge",
    "bed.hold",
    "bed.release",
    "bed.out_of_service",
    "bed.in_service",
    "structure.address.reveal",
    "structure.create",
    "structure.update",
    "bed.create",
    "bed.delete",
    "bed.room",
    "room.create",
    "room.update",
    "room.delete",
    "structure.timeline",
    "path.documents.view",
    "path.documents.add",
    "path.documents.download",
    "path.documents.remove",
];

/// One audit row as the audit page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    pub actor: Option<String>,
    pub organisation: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub outcome: Outcome,
    pub request_id: Option<String>,
    /// Non-identifying context, e.g. why a sign-in failed.
    pub detail: Option<String>,
}

/// Filters of the audit page; all optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub actor_email: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub outcome: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub from: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
}

pub const AUDIT_PAGE_SIZE: u64 = 50;
