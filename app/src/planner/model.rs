//! Wire types of the personalised project, and the validation of its forms. Compiled on
//! both sides: the server validates every form; the pages only show.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Problem, Validation};
use crate::people::model::{code_enum, optional_text, required_text};
use crate::people::registry::model::ExitOutcome;

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
    pub service: ServiceName,
    pub responsible: String,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    pub status: ActionStatus,
    pub outcome: Option<String>,
    pub overdue: bool,
}

/// A service's name in both languages: the page shows the one of the interface.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceName {
    pub it: String,
    pub en: String,
}

impl ServiceName {
    pub fn in_language(&self, language: &str) -> String {
        if language == "en" {
            self.en.clone()
        } else {
            self.it.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub id: i32,
    pub area: Area,
    pub name: ServiceName,
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    pub code: String,
    pub area: Area,
    pub service: ServiceName,
    pub planned_end: NaiveDate,
    pub status: ActionStatus,
    /// The user is the one responsible (not only on the person's team).
    pub mine: bool,
}

// ---------------------------------------------------------------- forms

/// A calendar date of a plan (past or future), within sensible years.
pub fn plan_date(field: &str, value: &str, checks: &mut Validation) -> Option<NaiveDate> {
    crate::dates::required_day(field, value, checks)
}

pub fn optional_plan_date(field: &str, value: &str, checks: &mut Validation) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        None
    } else {
        plan_date(field, value, checks)
    }
}

pub(crate) fn choice<T>(
    field: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    checks: &mut Validation,
) -> Option<T> {
    let parsed = parse(value.trim());
    if parsed.is_none() {
        checks.add(
            field,
            if value.trim().is_empty() {
                Problem::Required
            } else {
                Problem::UnknownChoice
            },
        );
    }
    parsed
}

pub(crate) fn id(field: &str, value: &str, checks: &mut Validation) -> Option<i32> {
    crate::people::registry::model::parse_id(field, value, checks)
}

/// A date that must not be after `today` (what already happened).
pub(crate) fn past_date(
    field: &str,
    value: &str,
    today: NaiveDate,
    checks: &mut Validation,
) -> Option<NaiveDate> {
    let day = plan_date(field, value, checks)?;
    if day > today {
        checks.add(field, Problem::DateInFuture);
        return None;
    }
    Some(day)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseForm {
    pub phase: String,
    pub started_on: String,
    #[serde(default)]
    pub note: String,
}

pub struct ValidPhase {
    pub phase: Phase,
    pub started_on: NaiveDate,
    pub note: Option<String>,
}

impl PhaseForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidPhase, AppError> {
        let mut checks = Validation::default();
        let phase = choice("phase", &self.phase, Phase::from_code, &mut checks);
        let started_on = past_date("started_on", &self.started_on, today, &mut checks);
        let note = optional_text("note", &self.note, MAX_NOTE, &mut checks);
        checks.finish()?;
        Ok(ValidPhase {
            phase: phase.unwrap_or(Phase::FirstContact),
            started_on: started_on.unwrap_or(today),
            note,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamForm {
    /// A colleague's user id, or empty for an external service.
    #[serde(default)]
    pub user_id: String,
    #[serde(default)]
    pub external_name: String,
    pub role: String,
}

pub enum TeamMember {
    Colleague(i32),
    External(String),
}

pub struct ValidTeamMember {
    pub member: TeamMember,
    pub role: TeamRole,
}

impl TeamForm {
    pub fn validate(&self) -> Result<ValidTeamMember, AppError> {
        let mut checks = Validation::default();
        let role = choice("role", &self.role, TeamRole::from_code, &mut checks);
        let external = optional_text(
            "external_name",
            &self.external_name,
            MAX_EXTERNAL_NAME,
            &mut checks,
        );
        let member = match (self.user_id.trim(), external) {
            ("", Some(name)) => Some(TeamMember::External(name)),
            ("", None) => {
                checks.add("user_id", Problem::Required);
                None
            }
            (user, None) => id("user_id", user, &mut checks).map(TeamMember::Colleague),
            (_, Some(_)) => {
                checks.add("external_name", Problem::Contradiction);
                None
            }
        };
        // An external service is named, a colleague has a professional role.
        match (&member, role) {
            (Some(TeamMember::External(_)), Some(role)) if role != TeamRole::ExternalService => {
                checks.add("role", Problem::Contradiction)
            }
            (Some(TeamMember::Colleague(_)), Some(TeamRole::ExternalService)) => {
                checks.add("role", Problem::Contradiction)
            }
            _ => {}
        }
        checks.finish()?;
        Ok(ValidTeamMember {
            member: member.unwrap_or(TeamMember::Colleague(0)),
            role: role.unwrap_or(TeamRole::SocialWorker),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentForm {
    pub area: String,
    pub need: String,
    #[serde(default)]
    pub notes: String,
}

pub struct ValidAssessment {
    pub area: Area,
    pub need: NeedLevel,
    pub notes: String,
}

impl AssessmentForm {
    pub fn validate(&self) -> Result<ValidAssessment, AppError> {
        let mut checks = Validation::default();
        let area = choice("area", &self.area, Area::from_code, &mut checks);
        let need = choice("need", &self.need, NeedLevel::from_code, &mut checks);
        let notes = self.notes.trim().to_string();
        if notes.chars().count() > MAX_ASSESSMENT_NOTES {
            checks.add("notes", Problem::TooLong);
        }
        checks.finish()?;
        Ok(ValidAssessment {
            area: area.unwrap_or(Area::Legal),
            need: need.unwrap_or(NeedLevel::NoNeed),
            notes,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalForm {
    pub area: String,
    pub description: String,
    #[serde(default)]
    pub expected_on: String,
}

pub struct ValidGoal {
    pub area: Area,
    pub description: String,
    pub expected_on: Option<NaiveDate>,
}

impl GoalForm {
    pub fn validate(&self) -> Result<ValidGoal, AppError> {
        let mut checks = Validation::default();
        let area = choice("area", &self.area, Area::from_code, &mut checks);
        let description = required_text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            &mut checks,
        );
        let expected_on = optional_plan_date("expected_on", &self.expected_on, &mut checks);
        checks.finish()?;
        Ok(ValidGoal {
            area: area.unwrap_or(Area::Legal),
            description,
            expected_on,
        })
    }
}

/// The form of a new action (named so as not to clash with Leptos' `ActionForm`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewActionForm {
    pub goal_id: String,
    pub service_id: String,
    /// A colleague's user id, or empty when an external service is responsible.
    #[serde(default)]
    pub responsible_user_id: String,
    #[serde(default)]
    pub responsible_external: String,
    pub planned_start: String,
    pub planned_end: String,
}

pub struct ValidNewAction {
    pub goal_id: i32,
    pub service_id: i32,
    pub responsible: TeamMember,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
}

/// A start and an end in order, or a problem on the end.
fn ordered(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    end_field: &str,
    checks: &mut Validation,
) {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            checks.add(end_field, Problem::Contradiction);
        }
    }
}

impl NewActionForm {
    pub fn validate(&self) -> Result<ValidNewAction, AppError> {
        let mut checks = Validation::default();
        let goal_id = id("goal_id", &self.goal_id, &mut checks);
        let service_id = id("service_id", &self.service_id, &mut checks);
        let external = optional_text(
            "responsible_external",
            &self.responsible_external,
            MAX_EXTERNAL_NAME,
            &mut checks,
        );
        let responsible = match (self.responsible_user_id.trim(), external) {
            ("", Some(name)) => Some(TeamMember::External(name)),
            ("", None) => {
                checks.add("responsible_user_id", Problem::Required);
                None
            }
            (user, None) => id("responsible_user_id", user, &mut checks).map(TeamMember::Colleague),
            (_, Some(_)) => {
                checks.add("responsible_external", Problem::Contradiction);
                None
            }
        };
        let planned_start = plan_date("planned_start", &self.planned_start, &mut checks);
        let planned_end = plan_date("planned_end", &self.planned_end, &mut checks);
        ordered(planned_start, planned_end, "planned_end", &mut checks);
        checks.finish()?;
        Ok(ValidNewAction {
            goal_id: goal_id.unwrap_or_default(),
            service_id: service_id.unwrap_or_default(),
            responsible: responsible.unwrap_or(TeamMember::Colleague(0)),
            planned_start: planned_start.unwrap_or_default(),
            planned_end: planned_end.unwrap_or_default(),
        })
    }
}

/// Progress on an action: its dates (planned and actual), status and outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionProgressForm {
    pub status: String,
    pub planned_start: String,
    pub planned_end: String,
    #[serde(default)]
    pub actual_start: String,
    #[serde(default)]
    pub actual_end: String,
    #[serde(default)]
    pub outcome: String,
}

pub struct ValidProgress {
    pub status: ActionStatus,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    pub outcome: Option<String>,
}

impl ActionProgressForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidProgress, AppError> {
        let mut checks = Validation::default();
        let status = choice("status", &self.status, ActionStatus::from_code, &mut checks);
        let planned_start = plan_date("planned_start", &self.planned_start, &mut checks);
        let planned_end = plan_date("planned_end", &self.planned_end, &mut checks);
        ordered(planned_start, planned_end, "planned_end", &mut checks);
        let actual_start = if self.actual_start.trim().is_empty() {
            None
        } else {
            past_date("actual_start", &self.actual_start, today, &mut checks)
        };
        let mut actual_end = if self.actual_end.trim().is_empty() {
            None
        } else {
            past_date("actual_end", &self.actual_end, today, &mut checks)
        };
        ordered(actual_start, actual_end, "actual_end", &mut checks);
        let outcome = optional_text("outcome", &self.outcome, MAX_DESCRIPTION, &mut checks);
        // Done means it ended: today, unless the team says when.
        if status == Some(ActionStatus::Done) && self.actual_end.trim().is_empty() {
            actual_end = Some(today);
        }
        if status.is_some_and(ActionStatus::is_pending) && actual_end.is_some() {
            checks.add("actual_end", Problem::Contradiction);
        }
        checks.finish()?;
        Ok(ValidProgress {
            status: status.unwrap_or(ActionStatus::Planned),
            planned_start: planned_start.unwrap_or_default(),
            planned_end: planned_end.unwrap_or_default(),
            actual_start: actual_start
                .or(actual_end.filter(|_| status == Some(ActionStatus::Done))),
            actual_end,
            outcome,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryForm {
    pub level: String,
    pub written_on: String,
    pub body: String,
}

pub struct ValidDiaryNote {
    pub level: DiaryLevel,
    pub written_on: NaiveDate,
    pub body: String,
}

impl DiaryForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidDiaryNote, AppError> {
        let mut checks = Validation::default();
        let level = choice("level", &self.level, DiaryLevel::from_code, &mut checks);
        let written_on = past_date("written_on", &self.written_on, today, &mut checks);
        // Paragraphs are kept: a diary note is prose, not a one-line field.
        let body = self.body.trim().replace("\r\n", "\n");
        if body.is_empty() {
            checks.add("body", Problem::Required);
        } else if body.chars().count() > MAX_DIARY_BODY {
            checks.add("body", Problem::TooLong);
        }
        checks.finish()?;
        Ok(ValidDiaryNote {
            level: level.unwrap_or(DiaryLevel::Team),
            written_on: written_on.unwrap_or(today),
            body,
        })
    }
}

/// Prose of a form (minutes, a closing summary): paragraphs kept, length bounded.
pub(crate) fn prose(
    field: &str,
    value: &str,
    max: usize,
    required: bool,
    checks: &mut Validation,
) -> Option<String> {
    let text = value.trim().replace("\r\n", "\n");
    if text.is_empty() {
        if required {
            checks.add(field, Problem::Required);
        }
        return None;
    }
    if text.chars().count() > max {
        checks.add(field, Problem::TooLong);
    }
    Some(text)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewForm {
    pub held_on: String,
    pub minutes: String,
    #[serde(default)]
    pub decisions: String,
}

pub struct ValidReview {
    pub held_on: NaiveDate,
    pub minutes: String,
    pub decisions: Option<String>,
}

impl ReviewForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidReview, AppError> {
        let mut checks = Validation::default();
        let held_on = past_date("held_on", &self.held_on, today, &mut checks);
        let minutes = prose("minutes", &self.minutes, MAX_MINUTES, true, &mut checks);
        let decisions = prose(
            "decisions",
            &self.decisions,
            MAX_MINUTES,
            false,
            &mut checks,
        );
        checks.finish()?;
        Ok(ValidReview {
            held_on: held_on.unwrap_or(today),
            minutes: minutes.unwrap_or_default(),
            decisions,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitForm {
    pub kind: String,
    #[serde(default)]
    pub applied_on: String,
    #[serde(default)]
    pub opinion_on: String,
    #[serde(default)]
    pub questura_on: String,
    #[serde(default)]
    pub issued_on: String,
    #[serde(default)]
    pub expires_on: String,
    /// The permit this one renews (its id), or empty.
    #[serde(default)]
    pub renewal_of: String,
}

pub struct ValidPermit {
    pub kind: PermitKind,
    pub applied_on: Option<NaiveDate>,
    pub opinion_on: Option<NaiveDate>,
    pub questura_on: Option<NaiveDate>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub renewal_of: Option<i32>,
}

impl PermitForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidPermit, AppError> {
        let mut checks = Validation::default();
        let kind = choice("kind", &self.kind, PermitKind::from_code, &mut checks);
        let step = |field: &str, value: &str, checks: &mut Validation| {
            if value.trim().is_empty() {
                None
            } else {
                past_date(field, value, today, checks)
            }
        };
        let applied_on = step("applied_on", &self.applied_on, &mut checks);
        let opinion_on = step("opinion_on", &self.opinion_on, &mut checks);
        let questura_on = step("questura_on", &self.questura_on, &mut checks);
        let issued_on = step("issued_on", &self.issued_on, &mut checks);
        let expires_on = optional_plan_date("expires_on", &self.expires_on, &mut checks);
        // The route goes forward: each step on or after the one before it.
        ordered(applied_on, opinion_on, "opinion_on", &mut checks);
        ordered(
            applied_on.or(opinion_on),
            questura_on,
            "questura_on",
            &mut checks,
        );
        ordered(
            applied_on.or(opinion_on).or(questura_on),
            issued_on,
            "issued_on",
            &mut checks,
        );
        ordered(issued_on, expires_on, "expires_on", &mut checks);
        if expires_on.is_some() && issued_on.is_none() {
            checks.add("issued_on", Problem::Required);
        }
        let renewal_of = match self.renewal_of.trim() {
            "" => None,
            value => id("renewal_of", value, &mut checks),
        };
        checks.finish()?;
        Ok(ValidPermit {
            kind: kind.unwrap_or(PermitKind::Other),
            applied_on,
            opinion_on,
            questura_on,
            issued_on,
            expires_on,
            renewal_of,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversionForm {
    pub converted_to: String,
    pub converted_on: String,
}

impl ConversionForm {
    pub fn validate(&self, today: NaiveDate) -> Result<(Conversion, NaiveDate), AppError> {
        let mut checks = Validation::default();
        let to = choice(
            "converted_to",
            &self.converted_to,
            Conversion::from_code,
            &mut checks,
        );
        let on = past_date("converted_on", &self.converted_on, today, &mut checks);
        checks.finish()?;
        Ok((to.unwrap_or(Conversion::Work), on.unwrap_or(today)))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkPlacementForm {
    pub kind: String,
    pub host_company: String,
    pub starts_on: String,
    pub ends_on: String,
    pub hours_per_week: String,
    /// Euro a month, "450" or "450,50"; empty for none.
    #[serde(default)]
    pub grant: String,
    #[serde(default)]
    pub tutor: String,
}

pub struct ValidWorkPlacement {
    pub kind: WorkKind,
    pub host_company: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours_per_week: i32,
    pub grant_cents: Option<i32>,
    pub tutor: Option<String>,
}

/// Euro as typed in Italy ("1.200,50" or "1200.5") into cents.
pub fn parse_euro_cents(value: &str) -> Option<i32> {
    let value = value.trim().trim_start_matches('€').trim();
    let normalised = if value.contains(',') {
        value.replace('.', "").replace(',', ".")
    } else {
        value.to_string()
    };
    let (units, cents) = match normalised.split_once('.') {
        Some((units, cents)) if !cents.is_empty() && cents.len() <= 2 => (units, cents),
        Some(_) => return None,
        None => (normalised.as_str(), "0"),
    };
    if units.is_empty()
        || !units.chars().all(|c| c.is_ascii_digit())
        || !cents.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let units: i32 = units.parse().ok()?;
    let cents: i32 = format!("{cents:0<2}").parse().ok()?;
    units.checked_mul(100)?.checked_add(cents)
}

impl WorkPlacementForm {
    pub fn validate(&self) -> Result<ValidWorkPlacement, AppError> {
        let mut checks = Validation::default();
        let kind = choice("kind", &self.kind, WorkKind::from_code, &mut checks);
        let host_company =
            required_text("host_company", &self.host_company, MAX_COMPANY, &mut checks);
        let starts_on = plan_date("starts_on", &self.starts_on, &mut checks);
        let ends_on = plan_date("ends_on", &self.ends_on, &mut checks);
        ordered(starts_on, ends_on, "ends_on", &mut checks);
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if (end - start).num_days() > MAX_WORK_DAYS {
                checks.add("ends_on", Problem::OutOfRange);
            }
        }
        let hours_per_week = match self.hours_per_week.trim().parse::<i32>() {
            Ok(hours) if (1..=48).contains(&hours) => Some(hours),
            Ok(_) => {
                checks.add("hours_per_week", Problem::OutOfRange);
                None
            }
            Err(_) => {
                checks.add("hours_per_week", Problem::Required);
                None
            }
        };
        let grant_cents = match self.grant.trim() {
            "" => None,
            value => {
                let cents = parse_euro_cents(value);
                match cents {
                    Some(cents) if cents <= 500_000 => Some(cents),
                    _ => {
                        checks.add("grant", Problem::OutOfRange);
                        None
                    }
                }
            }
        };
        let tutor = optional_text("tutor", &self.tutor, MAX_EXTERNAL_NAME, &mut checks);
        checks.finish()?;
        Ok(ValidWorkPlacement {
            kind: kind.unwrap_or(WorkKind::Internship),
            host_company,
            starts_on: starts_on.unwrap_or_default(),
            ends_on: ends_on.unwrap_or_default(),
            hours_per_week: hours_per_week.unwrap_or(1),
            grant_cents,
            tutor,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkProgressForm {
    #[serde(default)]
    pub attendance_percent: String,
    #[serde(default)]
    pub outcome: String,
}

impl WorkProgressForm {
    pub fn validate(&self) -> Result<(Option<i32>, Option<WorkOutcome>), AppError> {
        let mut checks = Validation::default();
        let attendance = match self.attendance_percent.trim() {
            "" => None,
            value => match value.trim_end_matches('%').trim().parse::<i32>() {
                Ok(percent) if (0..=100).contains(&percent) => Some(percent),
                _ => {
                    checks.add("attendance_percent", Problem::OutOfRange);
                    None
                }
            },
        };
        let outcome = crate::people::model::optional_choice(
            "outcome",
            &self.outcome,
            WorkOutcome::from_code,
            &mut checks,
        );
        checks.finish()?;
        Ok((attendance, outcome))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExitForm {
    pub outcome: String,
    pub closed_on: String,
    pub summary: String,
}

impl ExitForm {
    pub fn validate(&self, today: NaiveDate) -> Result<PlanClosing, AppError> {
        let mut checks = Validation::default();
        let outcome = choice("outcome", &self.outcome, PlanExit::from_code, &mut checks);
        let closed_on = past_date("closed_on", &self.closed_on, today, &mut checks);
        let summary = prose("summary", &self.summary, MAX_SUMMARY, true, &mut checks);
        checks.finish()?;
        Ok(PlanClosing {
            closed_on: closed_on.unwrap_or(today),
            outcome: outcome.unwrap_or(PlanExit::Autonomy),
            summary: summary.unwrap_or_default(),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceForm {
    pub area: String,
    pub name_it: String,
    pub name_en: String,
}

pub struct ValidService {
    pub area: Area,
    pub name_it: String,
    pub name_en: String,
}

impl ServiceForm {
    pub fn validate(&self) -> Result<ValidService, AppError> {
        let mut checks = Validation::default();
        let area = choice("area", &self.area, Area::from_code, &mut checks);
        let name_it = required_text("name_it", &self.name_it, MAX_SERVICE_NAME, &mut checks);
        let name_en = required_text("name_en", &self.name_en, MAX_SERVICE_NAME, &mut checks);
        checks.finish()?;
        Ok(ValidService {
            area: area.unwrap_or(Area::Legal),
            name_it,
            name_en,
        })
    }
}

/// A catalogue code for a service added by a coordinator: its area and a slug of its
/// Italian name, made unique by the caller with a number when needed.
pub fn service_code(area: Area, name_it: &str) -> String {
    let slug: String = name_it
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' => 'a',
            'è' | 'é' => 'e',
            'ì' | 'í' => 'i',
            'ò' | 'ó' => 'o',
            'ù' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '_',
        })
        .collect();
    let slug = slug
        .split('_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let mut code = format!("{}_{}", area.code(), slug);
    code.truncate(40);
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn problem(result: Result<impl Sized, AppError>, field: &str) -> Option<Problem> {
        result.err().and_then(|e| e.problem_for(field))
    }

    #[test]
    fn an_action_ends_after_it_starts() {
        let form = NewActionForm {
            goal_id: "1".into(),
            service_id: "2".into(),
            responsible_user_id: "3".into(),
            planned_start: "2026-05-10".into(),
            planned_end: "2026-05-01".into(),
            ..Default::default()
        };
        assert_eq!(
            problem(form.validate(), "planned_end"),
            Some(Problem::Contradiction)
        );
        let form = NewActionForm {
            planned_end: "2026-05-10".into(),
            ..form
        };
        assert!(form.validate().is_ok());
    }

    #[test]
    fn an_action_has_one_responsible() {
        let form = NewActionForm {
            goal_id: "1".into(),
            service_id: "2".into(),
            responsible_user_id: "3".into(),
            responsible_external: "SerD Torino".into(),
            planned_start: "2026-05-01".into(),
            planned_end: "2026-05-10".into(),
        };
        assert_eq!(
            problem(form.validate(), "responsible_external"),
            Some(Problem::Contradiction)
        );
        let nobody = NewActionForm {
            responsible_user_id: String::new(),
            responsible_external: String::new(),
            ..form
        };
        assert_eq!(
            problem(nobody.validate(), "responsible_user_id"),
            Some(Problem::Required)
        );
    }

    #[test]
    fn done_without_a_date_ends_today_and_pending_has_no_end() {
        let today = day("2026-11-29");
        let form = ActionProgressForm {
            status: "done".into(),
            planned_start: "2026-11-01".into(),
            planned_end: "2026-11-20".into(),
            ..Default::default()
        };
        let valid = form.validate(today).unwrap();
        assert_eq!(valid.actual_end, Some(today));
        assert_eq!(valid.actual_start, Some(today));
        let pending = ActionProgressForm {
            status: "in_progress".into(),
            actual_end: "2026-11-20".into(),
            ..form.clone()
        };
        assert_eq!(
            problem(pending.validate(today), "actual_end"),
            Some(Problem::Contradiction)
        );
        let future = ActionProgressForm {
            actual_end: "2026-12-20".into(),
            ..form
        };
        assert_eq!(
            problem(future.validate(today), "actual_end"),
            Some(Problem::DateInFuture)
        );
    }

    #[test]
    fn dates_are_real_and_in_range() {
        let mut checks = Validation::default();
        assert_eq!(plan_date("d", "2026-02-30", &mut checks), None);
        assert_eq!(plan_date("d", "1900-01-01", &mut checks), None);
        assert_eq!(
            plan_date("d", "2026-02-28", &mut checks),
            Some(day("2026-02-28"))
        );
        let error = checks.finish().unwrap_err();
        assert!(matches!(error, AppError::Invalid { problems } if problems.len() == 2));
    }

    #[test]
    fn team_members_are_a_colleague_or_a_named_external_service() {
        let colleague = TeamForm {
            user_id: "4".into(),
            role: "psychologist".into(),
            ..Default::default()
        };
        assert!(matches!(
            colleague.validate().unwrap().member,
            TeamMember::Colleague(4)
        ));
        let external_with_profession = TeamForm {
            external_name: "Consultorio familiare".into(),
            role: "psychologist".into(),
            ..Default::default()
        };
        assert_eq!(
            problem(external_with_profession.validate(), "role"),
            Some(Problem::Contradiction)
        );
        let unknown = TeamForm {
            user_id: "4".into(),
            role: "astrologer".into(),
            ..Default::default()
        };
        assert_eq!(
            problem(unknown.validate(), "role"),
            Some(Problem::UnknownChoice)
        );
    }

    #[test]
    fn overdue_is_a_pending_action_past_its_planned_end() {
        let today = day("2026-11-29");
        assert!(is_overdue(ActionStatus::Planned, day("2026-11-28"), today));
        assert!(!is_overdue(ActionStatus::Planned, today, today));
        assert!(!is_overdue(ActionStatus::Done, day("2026-11-01"), today));
        assert!(!is_overdue(
            ActionStatus::Cancelled,
            day("2026-11-01"),
            today
        ));
    }

    #[test]
    fn restricted_diary_levels_open_to_their_profession() {
        assert_eq!(DiaryLevel::Team.reader_role(), None);
        assert_eq!(
            DiaryLevel::Legal.reader_role(),
            Some(TeamRole::LegalAdvisor)
        );
        assert_eq!(
            DiaryLevel::Psychologist.reader_role(),
            Some(TeamRole::Psychologist)
        );
    }

    #[test]
    fn service_codes_are_slugs_of_the_area_and_name() {
        assert_eq!(
            service_code(Area::Health, "Screening odontoiatrico – città"),
            "health_screening_odontoiatrico_citta"
        );
    }

    #[test]
    fn euro_amounts_are_read_the_italian_way() {
        assert_eq!(parse_euro_cents("450"), Some(45_000));
        assert_eq!(parse_euro_cents("450,5"), Some(45_050));
        assert_eq!(parse_euro_cents("1.200,50"), Some(120_050));
        assert_eq!(parse_euro_cents("€ 300.25"), Some(30_025));
        assert_eq!(parse_euro_cents("3,141"), None);
        assert_eq!(parse_euro_cents("-5"), None);
        assert_eq!(parse_euro_cents("tanti"), None);
    }

    #[test]
    fn a_permit_route_goes_forward() {
        let today = day("2026-11-29");
        let form = PermitForm {
            kind: "art18".into(),
            applied_on: "2026-03-01".into(),
            issued_on: "2026-02-01".into(),
            expires_on: "2027-02-01".into(),
            ..Default::default()
        };
        assert_eq!(
            problem(form.validate(today), "issued_on"),
            Some(Problem::Contradiction)
        );
        let expiry_without_issue = PermitForm {
            kind: "art18".into(),
            expires_on: "2027-02-01".into(),
            ..Default::default()
        };
        assert_eq!(
            problem(expiry_without_issue.validate(today), "issued_on"),
            Some(Problem::Required)
        );
        let fine = PermitForm {
            issued_on: "2026-04-01".into(),
            ..form
        };
        assert!(fine.validate(today).is_ok());
    }

    #[test]
    fn permits_alert_before_expiry_unless_renewed_or_converted() {
        let today = day("2026-11-29");
        assert_eq!(
            permit_expiry_alert(Some(day("2027-01-10")), false, false, today),
            Some(42)
        );
        assert_eq!(
            permit_expiry_alert(Some(day("2027-06-10")), false, false, today),
            None
        );
        assert_eq!(
            permit_expiry_alert(Some(day("2026-11-01")), false, false, today),
            Some(-28)
        );
        assert_eq!(
            permit_expiry_alert(Some(day("2027-01-10")), true, false, today),
            None
        );
        assert_eq!(
            permit_expiry_alert(Some(day("2027-01-10")), false, true, today),
            None
        );
        assert_eq!(permit_expiry_alert(None, false, false, today), None);
    }

    #[test]
    fn reviews_are_due_two_weeks_ahead_until_held() {
        let today = day("2026-11-29");
        assert!(review_due(day("2026-12-10"), false, today));
        assert!(review_due(day("2026-11-01"), false, today));
        assert!(!review_due(day("2027-01-10"), false, today));
        assert!(!review_due(day("2026-11-01"), true, today));
    }

    #[test]
    fn internships_have_hours_a_span_and_a_sensible_grant() {
        let form = WorkPlacementForm {
            kind: "internship".into(),
            host_company: "Trattoria Da Gino".into(),
            starts_on: "2026-01-10".into(),
            ends_on: "2026-05-10".into(),
            hours_per_week: "25".into(),
            grant: "450,00".into(),
            tutor: String::new(),
        };
        assert_eq!(form.validate().unwrap().grant_cents, Some(45_000));
        let too_long = WorkPlacementForm {
            ends_on: "2029-05-10".into(),
            ..form.clone()
        };
        assert_eq!(
            problem(too_long.validate(), "ends_on"),
            Some(Problem::OutOfRange)
        );
        let no_hours = WorkPlacementForm {
            hours_per_week: "0".into(),
            ..form
        };
        assert_eq!(
            problem(no_hours.validate(), "hours_per_week"),
            Some(Problem::OutOfRange)
        );
    }

    #[test]
    fn an_exit_has_an_outcome_a_date_and_a_summary() {
        let today = day("2026-11-29");
        let form = ExitForm {
            outcome: "permit_converted".into(),
            closed_on: "2026-11-28".into(),
            summary: String::new(),
        };
        assert_eq!(
            problem(form.validate(today), "summary"),
            Some(Problem::Required)
        );
        assert_eq!(
            PlanExit::PermitConverted.path_outcome(),
            ExitOutcome::Autonomy
        );
    }

    #[test]
    fn the_status_bar_has_one_step_for_both_kinds_of_reception() {
        assert_eq!(Phase::Reception.step(), Phase::NonResidential.step());
        assert_eq!(Phase::STEPS.len(), 5);
        assert!(Phase::STEPS.iter().enumerate().all(|(i, p)| p.step() == i));
    }
}
