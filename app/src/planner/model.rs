//! Wire types of the personalised project, and the validation of its forms. Compiled on
//! both sides: the server validates every form; the pages only show.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Problem, Validation};
use crate::people::model::{code_enum, optional_text, required_text};

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

pub const MAX_DESCRIPTION: usize = 400;
pub const MAX_NOTE: usize = 240;
pub const MAX_EXTERNAL_NAME: usize = 120;
pub const MAX_SERVICE_NAME: usize = 120;
pub const MAX_ASSESSMENT_NOTES: usize = 2000;
pub const MAX_DIARY_BODY: usize = 8000;
/// Upcoming work on "My work": what falls due within this many days.
pub const UPCOMING_DAYS: i64 = 14;

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
    pub areas: Vec<AreaPlan>,
    pub services: Vec<ServiceRow>,
    pub overdue_actions: usize,
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
    let value = value.trim();
    if value.is_empty() {
        checks.add(field, Problem::Required);
        return None;
    }
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(day) if (2000..=2100).contains(&day.year()) => Some(day),
        Ok(_) => {
            checks.add(field, Problem::OutOfRange);
            None
        }
        Err(_) => {
            checks.add(field, Problem::InvalidDate);
            None
        }
    }
}

pub fn optional_plan_date(field: &str, value: &str, checks: &mut Validation) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        None
    } else {
        plan_date(field, value, checks)
    }
}

fn choice<T>(
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

fn id(field: &str, value: &str, checks: &mut Validation) -> Option<i32> {
    crate::people::registry::model::parse_id(field, value, checks)
}

/// A date that must not be after `today` (what already happened).
fn past_date(
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
    fn the_status_bar_has_one_step_for_both_kinds_of_reception() {
        assert_eq!(Phase::Reception.step(), Phase::NonResidential.step());
        assert_eq!(Phase::STEPS.len(), 5);
        assert!(Phase::STEPS.iter().enumerate().all(|(i, p)| p.step() == i));
    }
}
