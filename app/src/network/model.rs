//! Wire types and form validation of the network's events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::kernel::dates::required_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, prose, record_id, required_choice, required_text};

pub const MAX_TITLE: usize = 160;
pub const MAX_PLACE: usize = 160;
pub const MAX_TRAINERS: usize = 300;
pub const MAX_AGENDA: usize = 8000;
pub const MAX_MINUTES: usize = 20000;
pub const MAX_NAME: usize = 120;
pub const MAX_ORGANISATION: usize = 160;
pub const MAX_DECISION: usize = 500;
/// A day of training is at most a few hours; a course of several days is one event a
/// day, each with its own attendance.
pub const MAX_HOURS: i32 = 12;

pub use crate::auth::policy::EVENT_ORGANISERS as ORGANISERS;

code_enum! {
    /// A training event for front-line staff, a workshop on the problems the network's
    /// operators meet, or a coordination meeting (the steering group, a meeting with
    /// the CAS of a province).
    EventKind {
        Training => "training",
        Workshop => "workshop",
        Meeting => "meeting",
    }
}

code_enum! {
    /// Who an event is for: seed 001 trains one person of each emergency department and
    /// the family clinics; the Prefecture's FAMI project the CAS operators.
    Audience {
        EmergencyDepartment => "emergency_department",
        FamilyClinic => "family_clinic",
        CasSai => "cas_sai",
        SocialServices => "social_services",
        Police => "police",
        NetworkStaff => "network_staff",
        Mixed => "mixed",
    }
}

impl EventKind {
    /// Trainings and workshops give certificates of attendance; meetings do not.
    pub fn certifies(self) -> bool {
        self != EventKind::Meeting
    }
}

/// Whether `user` sees coordination meetings: every member but a partner's.
pub fn sees_meetings(user: &CurrentUser) -> bool {
    user.organisation_kind != OrganisationKind::Partner
        && user.roles.iter().any(|role| *role != Role::Partner)
}

/// Whether `user` may change an event organised by `organisation_id`.
pub fn may_organise(user: &CurrentUser, organisation_id: i32) -> bool {
    user.is_network_wide()
        || (user.has_any_role(ORGANISERS) && user.organisation_id == organisation_id)
}

pub const EVENTS_PATH: &str = "/azioni-di-sistema";

pub fn event_path(id: i32) -> String {
    format!("{EVENTS_PATH}/{id}")
}

pub fn certificate_path(event: i32, participant: i32) -> String {
    format!("{EVENTS_PATH}/{event}/attestati/{participant}.pdf")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i32,
    pub kind: EventKind,
    pub title: String,
    pub audience: Audience,
    pub held_on: NaiveDate,
    pub place: String,
    pub organiser: String,
    pub registered: usize,
    pub attended: usize,
    pub i_am_registered: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventsPage {
    pub today: NaiveDate,
    /// Coming events, soonest first.
    pub coming: Vec<EventSummary>,
    /// Past events, newest first.
    pub past: Vec<EventSummary>,
    pub may_organise: bool,
    /// Whether meetings are among the kinds shown (never to partners).
    pub sees_meetings: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetail {
    pub id: i32,
    pub kind: EventKind,
    pub title: String,
    pub audience: Audience,
    pub held_on: NaiveDate,
    pub hours: Option<i32>,
    pub place: String,
    pub trainers: String,
    pub agenda: Option<String>,
    pub minutes: Option<String>,
    pub organiser: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRow {
    pub id: i32,
    pub full_name: String,
    pub organisation: String,
    pub attended: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRow {
    pub id: i32,
    pub body: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// The reader may mark it done: its owner or an organiser of the meeting.
    pub may_close: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPage {
    pub today: NaiveDate,
    pub event: EventDetail,
    /// The reader organises it: she changes it and sees who registered.
    pub may_edit: bool,
    /// The reader's own registration.
    pub mine: Option<ParticipantRow>,
    /// Everyone registered, for its organisers only (others see the counts).
    pub participants: Vec<ParticipantRow>,
    pub registered: usize,
    pub attended: usize,
    /// The library materials used, those the reader may open: (id, title).
    pub materials: Vec<(i32, String)>,
    /// For its organisers: the library materials she may add (id, title).
    pub material_choices: Vec<(i32, String)>,
    pub decisions: Vec<DecisionRow>,
    /// For its organisers: who may own a decision (id, name and organisation).
    pub owners: Vec<(i32, String)>,
}

/// Something of the network's work due for the reader ("Il mio lavoro"): a decision of
/// a meeting she owns, or an event she registered for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkDue {
    /// The decision's text; None for an event she goes to.
    pub decision: Option<String>,
    pub title: String,
    pub kind: EventKind,
    pub on: NaiveDate,
    pub link: String,
}

/// An event, new (`record` empty) or changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventForm {
    #[serde(default)]
    pub record: String,
    pub kind: String,
    pub title: String,
    pub audience: String,
    pub held_on: String,
    #[serde(default)]
    pub hours: String,
    pub place: String,
    #[serde(default)]
    pub trainers: String,
    #[serde(default)]
    pub agenda: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidEvent {
    pub record: Option<i32>,
    pub kind: EventKind,
    pub title: String,
    pub audience: Audience,
    pub held_on: NaiveDate,
    pub hours: Option<i32>,
    pub place: String,
    pub trainers: String,
    pub agenda: Option<String>,
}

impl EventForm {
    /// Any day, past or coming: an event already held is recorded afterwards too. A
    /// training names its trainers; a meeting who chairs it, if anyone.
    pub fn validate(&self) -> Result<ValidEvent, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let kind = required_choice("kind", &self.kind, EventKind::from_code, &mut checks);
        let title = required_text("title", &self.title, MAX_TITLE, &mut checks);
        let audience =
            required_choice("audience", &self.audience, Audience::from_code, &mut checks);
        let held_on = required_day("held_on", &self.held_on, &mut checks);
        let hours = match self.hours.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(hours) if (1..=MAX_HOURS).contains(&hours) => Some(hours),
                Ok(_) => {
                    checks.add("hours", Problem::OutOfRange);
                    None
                }
                Err(_) => {
                    checks.add("hours", Problem::UnknownChoice);
                    None
                }
            },
        };
        let place = required_text("place", &self.place, MAX_PLACE, &mut checks);
        let trainers = match kind {
            Some(EventKind::Meeting) => crate::kernel::fields::optional_text(
                "trainers",
                &self.trainers,
                MAX_TRAINERS,
                &mut checks,
            )
            .unwrap_or_default(),
            _ => required_text("trainers", &self.trainers, MAX_TRAINERS, &mut checks),
        };
        let agenda = prose("agenda", &self.agenda, MAX_AGENDA, false, &mut checks);
        checks.finish()?;
        Ok(ValidEvent {
            record,
            kind: kind.unwrap_or(EventKind::Training),
            title,
            audience: audience.unwrap_or(Audience::Mixed),
            held_on: held_on.unwrap_or_default(),
            hours,
            place,
            trainers,
            agenda,
        })
    }
}

/// Someone without an account registered by the organisers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantForm {
    pub full_name: String,
    pub organisation: String,
}

impl ParticipantForm {
    pub fn validate(&self) -> Result<(String, String), AppError> {
        let mut checks = Validation::default();
        let name = required_text("full_name", &self.full_name, MAX_NAME, &mut checks);
        let organisation = required_text(
            "organisation",
            &self.organisation,
            MAX_ORGANISATION,
            &mut checks,
        );
        checks.finish()?;
        Ok((name, organisation))
    }
}

/// A decision of a meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionForm {
    pub body: String,
    pub owner: String,
    pub due_on: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDecision {
    pub body: String,
    pub owner: i32,
    pub due_on: NaiveDate,
}

impl DecisionForm {
    pub fn validate(&self) -> Result<ValidDecision, AppError> {
        let mut checks = Validation::default();
        let body = required_text("body", &self.body, MAX_DECISION, &mut checks);
        let owner = crate::kernel::fields::parse_id("owner", &self.owner, &mut checks);
        let due_on = required_day("due_on", &self.due_on, &mut checks);
        checks.finish()?;
        Ok(ValidDecision {
            body,
            owner: owner.unwrap_or_default(),
            due_on: due_on.unwrap_or_default(),
        })
    }
}

/// The minutes of a meeting (empty clears them).
pub fn valid_minutes(text: &str) -> Result<Option<String>, AppError> {
    let mut checks = Validation::default();
    let minutes = prose("minutes", text, MAX_MINUTES, false, &mut checks);
    checks.finish()?;
    Ok(minutes)
}

/// An id typed into a form or a path: a field error when it is not one.
pub fn valid_id(field: &str, text: &str) -> Result<i32, AppError> {
    let mut checks = Validation::default();
    let id = crate::kernel::fields::parse_id(field, text, &mut checks);
    checks.finish()?;
    Ok(id.unwrap_or_default())
}

#[cfg(test)]
mod tests;
