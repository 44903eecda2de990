//! `AppError`: a serialisable set of codes that the pages translate. The rich cause of an
//! internal error is logged on the server and never sent to the browser.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("not signed in")]
    NotSignedIn,
    #[error("e-mail or password not recognised")]
    WrongCredentials,
    /// An administrator set the password: she must choose her own first.
    #[error("the password must be changed first")]
    MustChangePassword,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("request from another origin")]
    CrossOrigin,
    #[error("too many sign-in attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    /// Too many requests of one kind from one user (the forum's personal-data guard).
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("invalid input")]
    Invalid { problems: Vec<FieldProblem> },
    #[error("conflict: {conflict:?}")]
    Conflict { conflict: Conflict },
    /// A placement would break the bed board's rules; `may_override` tells whether this
    /// user may set them aside with a reason.
    #[error("placement rules: {breaches:?}")]
    Rules {
        breaches: Vec<Breach>,
        may_override: bool,
    },
    /// The request itself could not be read (malformed or missing arguments).
    #[error("malformed request")]
    BadRequest,
    /// Something failed on the server; the cause is in the server log.
    #[error("internal error")]
    Internal,
    /// The browser could not reach the server (client side only).
    #[error("network error")]
    Network,
}

/// One field of a form that did not pass validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub problem: Problem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong,
    TooShort,
    InvalidEmail,
    UnknownChoice,
    AlreadyTaken,
    DemoPasswordInProduction,
    DateInFuture,
    InvalidDate,
    /// A date outside 2000–2100 (`dates::FIRST_DAY`, `dates::LAST_DAY`).
    DateOutOfRange,
    OutOfRange,
    /// Two answers of the form contradict each other.
    Contradiction,
    /// A role the organisation's kind does not allow (e.g. case work for a prefecture).
    RoleNotAllowed,
    /// Not a phone number (digits, spaces, + ( ) - / . only).
    InvalidPhone,
    /// An uploaded file above the library's size limit.
    FileTooLarge,
    /// A file whose bytes are none of the kinds the library takes.
    FileTypeNotAllowed,
    /// A file whose name says one type and whose bytes another.
    FileTypeMismatch,
    /// An upload that came slower than the minimum rate (a connection all but lost).
    UploadTooSlow,
    /// A password among the commonly used or easily guessed ones.
    CommonPassword,
    /// The current password, asked again before a change, is not the right one.
    WrongPassword,
    /// The new password and its repetition differ.
    PasswordsDiffer,
    /// Not an amount of euros (digits, a decimal comma, at most two decimals).
    InvalidAmount,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// The record changed or disappeared since the page was loaded.
    Stale,
    /// A user cannot disable their own account.
    CannotDisableSelf,
    /// A user cannot change their own roles.
    CannotChangeOwnRoles,
    /// Sharing a person's record with an organisation she has not consented to.
    NoSharingConsent,
    /// A person must always have at least one organisation in charge.
    LastOrganisationInCharge,
    /// The organisation is already in charge of the person.
    AlreadyInCharge,
    /// The person is already on the waiting list.
    AlreadyWaiting,
    /// The record was anonymised: nothing more can be added to it.
    Anonymised,
    /// A published checklist version never changes; edit the draft.
    ChecklistPublished,
    /// The two records are the same one, or already linked.
    AlreadyLinked,
    /// Someone else was placed in this bed first.
    BedTaken,
    /// The bed is held for another incoming person.
    BedHeld,
    /// The bed is out of service.
    BedOutOfService,
    /// The person already has a bed: move her instead.
    AlreadyPlaced,
    /// The person has no bed to move or leave.
    NotPlaced,
    /// A bed that has had guests stays for the history; take it out of service instead.
    BedHasHistory,
    /// A room with beds in it stays: put its beds in another room first.
    RoomHasBeds,
    /// Another budget of the organisation already covers part of the period.
    BudgetOverlap,
    /// An approved expense is final: only its organisation's reception manager removes it.
    ExpenseApproved,
    /// Attendance and certificates of a network event come on its day, not before.
    EventNotHeld,
    /// She was present at the event: her registration stays.
    AttendanceRecorded,
    /// No change of this user's on the board is recent enough to be taken back.
    NothingToUndo,
    /// The person already has a personalised project.
    PlanAlreadyOpen,
    /// That colleague already has that role on the person's team.
    AlreadyOnTeam,
    /// The personalised project is closed: it can be read, not changed.
    PlanClosed,
    /// A plan version can be approved once.
    VersionAlreadyApproved,
    /// The forum thread is locked (or the post hidden): it can be read, not changed.
    ThreadLocked,
    /// The indicator checklist's versions are published from the checklist editor.
    ChecklistMaterial,
    /// A password-reset link that expired, was used already, or never existed.
    ResetLinkInvalid,
    /// Password resets by e-mail need an SMTP server; the administration resets instead.
    MailNotConfigured,
}

impl Conflict {
    /// The code the page and the audit trail name it by (as serialised).
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Refused sharings are audited where they are refused, as denials naming the
    /// organisation, in the change's transaction: `audit::ssr::finish_write` commits that
    /// row and adds no second one.
    pub fn audited_where_raised(self) -> bool {
        self == Conflict::NoSharingConsent
    }
}

impl AppError {
    pub fn conflict(conflict: Conflict) -> Self {
        AppError::Conflict { conflict }
    }

    pub fn invalid(field: &str, problem: Problem) -> Self {
        AppError::Invalid {
            problems: vec![FieldProblem {
                field: field.to_string(),
                problem,
            }],
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::WrongCredentials => 401,
            AppError::Forbidden | AppError::CrossOrigin | AppError::MustChangePassword => 403,
            AppError::NotFound => 404,
            AppError::Conflict { .. } | AppError::Rules { .. } => 409,
            AppError::Invalid { .. } => 422,
            AppError::TooManyAttempts { .. } | AppError::TooManyRequests { .. } => 429,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
            AppError::Network => 503,
        }
    }

    pub fn problem_for(&self, field: &str) -> Option<Problem> {
        match self {
            AppError::Invalid { problems } => problems
                .iter()
                .find(|p| p.field == field)
                .map(|p| p.problem),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            ServerFnErrorErr::Request(_) => AppError::Network,
            _ => AppError::Internal,
        }
    }
}

/// The field problems of a refused plain upload, for the address the browser is sent
/// back to (`kind.required,dated_on.date_in_future`): a multipart post is answered with
/// a redirect, and the page shows what was wrong from there.
pub fn problems_to_query(error: &AppError) -> Option<String> {
    match error {
        AppError::Invalid { problems } => Some(
            problems
                .iter()
                .filter_map(|p| {
                    let code = serde_json::to_value(p.problem).ok()?;
                    Some(format!("{}.{}", p.field, code.as_str()?))
                })
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    }
}

/// The field problems `problems_to_query` wrote; anything unreadable is left out.
pub fn problems_from_query(text: &str) -> Option<AppError> {
    let problems: Vec<FieldProblem> = text
        .split(',')
        .filter_map(|pair| {
            let (field, code) = pair.split_once('.')?;
            let problem =
                serde_json::from_value(serde_json::Value::String(code.to_string())).ok()?;
            let plain = field.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            (plain && !field.is_empty()).then(|| FieldProblem {
                field: field.to_string(),
                problem,
            })
        })
        .collect();
    (!problems.is_empty()).then_some(AppError::Invalid { problems })
}

/// Collects field problems while validating a form, then returns them all at once.
#[derive(Default)]
pub struct Validation {
    problems: Vec<FieldProblem>,
}

impl Validation {
    pub fn add(&mut self, field: &str, problem: Problem) {
        self.problems.push(FieldProblem {
            field: field.to_string(),
            problem,
        });
    }

    /// Whether `field` already has a problem (so that a later rule does not add a
    /// second, less precise one).
    pub fn has(&self, field: &str) -> bool {
        self.problems.iter().any(|p| p.field == field)
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid {
                problems: self.problems,
            })
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(error: sea_orm::TransactionError<AppError>) -> Self {
        match error {
            sea_orm::TransactionError::Connection(error) => error.into(),
            sea_orm::TransactionError::Transaction(error) => error,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<tower_sessions::session::Error> for AppError {
    fn from(error: tower_sessions::session::Error) -> Self {
        tracing::error!(%error, "session store error");
        AppError::Internal
    }
}

/// A rule a placement would break: the structure's target group; a minor without her
/// parent where minors are not taken in, or with no authorisation (guardian or juvenile
/// court) on record; a girl alone younger than the places for girls take (16); not enough adjacent free beds for the family; part of the family
/// left in another structure; someone she must be kept apart from there. On the wire as
/// its code (`"target_group"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Breach {
    TargetGroup,
    MinorNotAllowedHere,
    MinorWithoutAuthorisation,
    BelowAgeFloor,
    NoRoomForFamily,
    FamilySplit,
    KeptApart,
}

impl Breach {
    pub const ALL: [Breach; 7] = [
        Breach::TargetGroup,
        Breach::MinorNotAllowedHere,
        Breach::MinorWithoutAuthorisation,
        Breach::BelowAgeFloor,
        Breach::NoRoomForFamily,
        Breach::FamilySplit,
        Breach::KeptApart,
    ];

    pub fn from_code(code: &str) -> Option<Breach> {
        Breach::ALL.into_iter().find(|rule| rule.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Breach::TargetGroup => "target_group",
            Breach::MinorNotAllowedHere => "minor_not_allowed_here",
            Breach::MinorWithoutAuthorisation => "minor_without_authorisation",
            Breach::BelowAgeFloor => "below_age_floor",
            Breach::NoRoomForFamily => "no_room_for_family",
            Breach::FamilySplit => "family_split",
            Breach::KeptApart => "kept_apart",
        }
    }
}

impl Breach {
    /// Whether a reception manager may set the rule aside, giving a reason. The law on
    /// minors and the safety of people kept apart are never set aside from the board.
    pub fn overridable(self) -> bool {
        matches!(
            self,
            Breach::TargetGroup | Breach::NoRoomForFamily | Breach::FamilySplit
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_reads_back_from_its_code() {
        for rule in Breach::ALL {
            assert_eq!(Breach::from_code(rule.code()), Some(rule));
        }
        assert_eq!(Breach::from_code("nonsense"), None);
    }

    #[test]
    fn field_problems_travel_in_an_address_and_back() {
        let mut checks = Validation::default();
        checks.add("kind", Problem::Required);
        checks.add("dated_on", Problem::DateInFuture);
        let error = checks.finish().unwrap_err();
        let query = problems_to_query(&error).unwrap();
        assert_eq!(query, "kind.required,dated_on.date_in_future");
        assert_eq!(problems_from_query(&query), Some(error));
        assert_eq!(problems_from_query("<script>.required,kind.nonsense"), None);
        assert_eq!(problems_to_query(&AppError::Forbidden), None);
    }

    #[test]
    fn errors_round_trip_as_json_codes() {
        let error = AppError::invalid("email", Problem::InvalidEmail);
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(
            json,
            r#"{"code":"invalid","problems":[{"field":"email","problem":"invalid_email"}]}"#
        );
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), error);
    }

    #[test]
    fn malformed_arguments_are_client_errors() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into()));
        assert_eq!(error, AppError::BadRequest);
        assert_eq!(error.status(), 400);
    }
}
