//! Wire types of the personalised project, and the validation of its forms. Compiled on
//! both sides: the server validates every form; the pages only show.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::kernel::bilingual::Bilingual;
use crate::kernel::dates::{optional_day, past_day, required_day};
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, optional_text, parse_id, required_choice, required_text};
use crate::people::registry::model::ExitOutcome;

mod plan_forms;
mod record_forms;
pub use plan_forms::*;
pub use record_forms::*;

code_enum! {
    /// The areas of a plan (seed 000: legal, health, housing, language, training, work,
    /// relations and psychological support, parenting, minors' schooling).
    Area {
        Legal => "legal",
        Health => "health",
        Housing => "housing",
        Language => "language",
        Training => "training",
        Work => "work",
        Relations => "relations",
        Parenting => "parenting",
        Schooling => "schooling",
    }
}

code_enum! {
    /// The phases of the path a plan walks through (seed 000).
    Phase {
        FirstContact => "first_contact",
        Protection => "protection",
        Reception => "reception",
        NonResidential => "non_residential",
        Inclusion => "inclusion",
        Exit => "exit",
    }
}

impl Phase {
    /// The step of the status bar: residential reception and non-residential support
    /// are the same step taken two ways.
    pub fn step(self) -> usize {
        match self {
            Phase::FirstContact => 0,
            Phase::Protection => 1,
            Phase::Reception | Phase::NonResidential => 2,
            Phase::Inclusion => 3,
            Phase::Exit => 4,
        }
    }

    /// The phases of the status bar, one per step.
    pub const STEPS: [Phase; 5] = [
        Phase::FirstContact,
        Phase::Protection,
        Phase::Reception,
        Phase::Inclusion,
        Phase::Exit,
    ];
}

code_enum! {
    /// What a team member does for the person.
    TeamRole {
        SocialWorker => "social_worker",
        Educator => "educator",
        CulturalMediator => "cultural_mediator",
        Psychologist => "psychologist",
        LegalAdvisor => "legal_advisor",
        Tutor => "tutor",
        ExternalService => "external_service",
    }
}

code_enum! {
    /// How much support an area needs, from the initial assessment.
    NeedLevel {
        NoNeed => "none",
        Low => "low",
        Medium => "medium",
        High => "high",
    }
}

code_enum! {
    GoalStatus {
        Open => "open",
        Achieved => "achieved",
        Dropped => "dropped",
    }
}

code_enum! {
    ActionStatus {
        Planned => "planned",
        InProgress => "in_progress",
        Done => "done",
        Cancelled => "cancelled",
    }
}

impl ActionStatus {
    /// Still to be done: counts as late once its planned end has passed.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

code_enum! {
    /// Who may read a note of the case diary.
    DiaryLevel {
        Team => "team",
        Legal => "legal",
        Psychologist => "psychologist",
    }
}

impl TeamRole {
    /// The roles that open restricted diary notes, given only under conditions (see
    /// `planner::ssr::may_give_restricted_role`).
    pub fn opens_restricted_notes(self) -> bool {
        DiaryLevel::ALL
            .iter()
            .any(|level| level.reader_role() == Some(self))
    }
}

impl DiaryLevel {
    /// The team role that opens a restricted note (besides its author).
    pub fn reader_role(self) -> Option<TeamRole> {
        match self {
            DiaryLevel::Team => None,
            DiaryLevel::Legal => Some(TeamRole::LegalAdvisor),
            DiaryLevel::Psychologist => Some(TeamRole::Psychologist),
        }
    }
}

code_enum! {
    /// How a plan ended (the exit of seed 000).
    PlanExit {
        Autonomy => "autonomy",
        PermitConverted => "permit_converted",
        VoluntaryReturn => "voluntary_return",
        Transfer => "transfer",
        DropOut => "drop_out",
    }
}

impl PlanExit {
    /// The same exit on the person's path in the registry.
    pub fn path_outcome(self) -> ExitOutcome {
        match self {
            PlanExit::Autonomy | PlanExit::PermitConverted => ExitOutcome::Autonomy,
            PlanExit::VoluntaryReturn => ExitOutcome::VoluntaryReturn,
            PlanExit::Transfer => ExitOutcome::Transfer,
            PlanExit::DropOut => ExitOutcome::DropOut,
        }
    }
}

code_enum! {
    /// Kinds of residence permit the team follows.
    PermitKind {
        Art18 => "art18",
        LabourExploitation => "labour_exploitation",
        InternationalProtection => "international_protection",
        SpecialProtection => "special_protection",
        MinorAge => "minor_age",
        Work => "work",
        Study => "study",
        Family => "family",
        Other => "other",
    }
}

code_enum! {
    /// How an art. 18 permit came: after her complaint (judicial route) or on the
    /// social services' evaluation without one (social route).
    PermitRoute {
        Judicial => "judicial",
        Social => "social",
    }
}

code_enum! {
    /// What a permit was converted into (seed 002 counts these).
    Conversion {
        Work => "work",
        Study => "study",
    }
}

code_enum! {
    WorkKind {
        Internship => "internship",
        WorkGrant => "work_grant",
    }
}

code_enum! {
    WorkOutcome {
        Hired => "hired",
        NotHired => "not_hired",
        Interrupted => "interrupted",
    }
}

pub const MAX_DESCRIPTION: usize = 400;
pub const MAX_NOTE: usize = 240;
pub const MAX_EXTERNAL_NAME: usize = 120;
pub const MAX_SERVICE_NAME: usize = 120;
pub const MAX_ASSESSMENT_NOTES: usize = 2000;
pub const MAX_DIARY_BODY: usize = 8000;
/// Upcoming work on "My work": what falls due within this many days.
pub const UPCOMING_DAYS: i64 = 14;
/// How long before a permit's expiry the team is warned.
pub const PERMIT_ALERT_DAYS: i64 = 60;
pub const MAX_MINUTES: usize = 8000;
pub const MAX_SUMMARY: usize = 4000;
pub const MAX_COMPANY: usize = 120;
/// An internship is about four months (seed 002); nothing in the network runs two years.
pub const MAX_WORK_DAYS: i64 = 730;

/// True when a pending action's planned end is before `today`.
pub fn is_overdue(status: ActionStatus, planned_end: NaiveDate, today: NaiveDate) -> bool {
    status.is_pending() && planned_end < today
}

// ---------------------------------------------------------------- pages

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPage {
    pub code: String,
    pub minor: bool,
    pub today: NaiveDate,
    /// None: no plan has been opened for her yet.
    pub plan: Option<Plan>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub opened_on: NaiveDate,
    pub review_every_days: i32,
    pub phases: Vec<PhaseRow>,
    /// Reference operators of the organisations in charge: (organisation, name).
    pub reference_operators: Vec<(String, String)>,
    pub team: Vec<TeamMemberRow>,
    /// Colleagues who may join the team or be responsible for an action: users of an
    /// organisation in charge with a front-line role, (id, name).
    pub colleagues: Vec<(i32, String)>,
    /// The roles the reader may give on this team: the restricted ones only when she is
    /// the person's reference operator or holds that role (filled for the plan page).
    #[serde(default)]
    pub giveable_roles: Vec<TeamRole>,
    pub areas: Vec<AreaPlan>,
    pub services: Vec<ServiceRow>,
    pub overdue_actions: usize,
    /// Review meetings, the next one first, then those held (newest first).
    pub reviews: Vec<ReviewRow>,
    pub permits: Vec<PermitRow>,
    /// Whether the reader opens the judicial route (reference operator, legal
    /// advisor): the permit of the judicial route then links to it.
    #[serde(default)]
    pub reads_judicial: bool,
    pub work: Vec<WorkPlacementRow>,
    /// Set once the plan is closed: it is then read-only.
    pub closing: Option<PlanClosing>,
    /// Hand-over notes between reference operators, newest first.
    pub handovers: Vec<HandoverRow>,
    pub latest_version: Option<AgreedVersionSummary>,
    /// How many children she has on the network's records.
    pub children: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverRow {
    pub on: NaiveDate,
    pub organisation: String,
    pub from: Option<String>,
    pub to: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreedVersionSummary {
    pub number: i32,
    pub agreed_on: NaiveDate,
    pub approved: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanClosing {
    pub closed_on: NaiveDate,
    pub outcome: PlanExit,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub id: i32,
    pub scheduled_on: NaiveDate,
    pub held_on: Option<NaiveDate>,
    pub minutes: Option<String>,
    pub decisions: Option<String>,
    pub recorded_by: Option<String>,
    /// Not held, and due within `UPCOMING_DAYS` (or late).
    pub due: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitRow {
    pub id: i32,
    pub kind: PermitKind,
    pub applied_on: Option<NaiveDate>,
    pub opinion_on: Option<NaiveDate>,
    pub questura_on: Option<NaiveDate>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    /// The permit this one renews.
    pub renewal_of: Option<i32>,
    pub renewed: bool,
    pub converted_to: Option<Conversion>,
    pub converted_on: Option<NaiveDate>,
    /// The route of an art. 18 permit.
    #[serde(default)]
    pub route: Option<PermitRoute>,
    /// Days to expiry (negative: expired) when the team should act on it.
    pub expiry_alert: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkPlacementRow {
    pub id: i32,
    pub kind: WorkKind,
    pub host_company: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours_per_week: i32,
    pub grant_cents: Option<i32>,
    pub tutor: Option<String>,
    pub attendance_percent: Option<i32>,
    pub outcome: Option<WorkOutcome>,
}

/// Whether a permit needs the team's attention on `today`: it expires within
/// `PERMIT_ALERT_DAYS` (or has expired) and was neither renewed nor converted.
pub fn permit_expiry_alert(
    expires_on: Option<NaiveDate>,
    renewed: bool,
    converted: bool,
    today: NaiveDate,
) -> Option<i64> {
    let days = (expires_on? - today).num_days();
    (!renewed && !converted && days <= PERMIT_ALERT_DAYS).then_some(days)
}

/// A review is due when it has not been held and its date is within `UPCOMING_DAYS`.
pub fn review_due(scheduled_on: NaiveDate, held: bool, today: NaiveDate) -> bool {
    !held && (scheduled_on - today).num_days() <= UPCOMING_DAYS
}

impl Plan {
    pub fn current_phase(&self) -> Option<Phase> {
        self.phases.last().map(|row| row.phase)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseRow {
    pub phase: Phase,
    pub started_on: NaiveDate,
    pub note: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMemberRow {
    pub id: i32,
    pub name: String,
    /// An external service rather than a colleague with an account.
    pub external: bool,
    pub role: TeamRole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaPlan {
    pub area: Area,
    pub assessment: Option<AssessmentRow>,
    pub goals: Vec<GoalRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRow {
    pub need: NeedLevel,
    pub notes: String,
    pub assessed_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRow {
    pub id: i32,
    pub description: String,
    pub expected_on: Option<NaiveDate>,
    pub status: GoalStatus,
    pub actions: Vec<ActionRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRow {
    pub id: i32,
    pub area: Area,
    pub service: Bilingual,
    pub responsible: String,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    pub status: ActionStatus,
    pub outcome: Option<String>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub id: i32,
    pub area: Area,
    pub name: Bilingual,
    pub active: bool,
}

/// The service catalogue, and whether this user may extend it (the coordinator).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub services: Vec<ServiceRow>,
    pub may_edit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryPage {
    pub code: String,
    pub today: NaiveDate,
    /// Newest first; only the notes this user may read.
    pub notes: Vec<DiaryNote>,
    /// Notes kept from this user by their level (a count, never their content).
    pub hidden: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryNote {
    pub id: i32,
    pub written_on: NaiveDate,
    pub level: DiaryLevel,
    pub body: String,
    pub author: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyWork {
    pub today: NaiveDate,
    pub overdue: Vec<WorkItem>,
    pub upcoming: Vec<WorkItem>,
    /// People on the user's plans who come of age soon: (code, days to the birthday).
    pub coming_of_age: Vec<(String, i64)>,
    /// Review meetings due (or late) on the user's plans: (code, scheduled date).
    pub reviews: Vec<(String, NaiveDate)>,
    /// Permits expiring soon on the user's plans: (code, kind, expiry date).
    pub permits: Vec<(String, PermitKind, NaiveDate)>,
    /// Dates of the path (a Commission's interview, a hearing) due soon or overdue.
    pub path_dates: Vec<crate::path::model::PathDate>,
    /// The network's work: decisions of meetings she owns, events she goes to.
    pub network: Vec<crate::network::model::NetworkDue>,
    /// She works with people (the front line): the sections about them are shown.
    pub works_with_people: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    pub code: String,
    pub area: Area,
    pub service: Bilingual,
    pub planned_end: NaiveDate,
    pub status: ActionStatus,
    /// The user is the one responsible (not only on the person's team).
    pub mine: bool,
}

// ---------------------------------------------------------------- forms

pub(crate) use crate::kernel::fields::prose;

#[cfg(test)]
mod tests;
