//! The forms of the plan itself: phase, team, assessment, goals, actions and their progress, diary notes.

use super::*;

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
        let phase = required_choice("phase", &self.phase, Phase::from_code, &mut checks);
        let started_on = past_day("started_on", &self.started_on, today, &mut checks);
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
        let role = required_choice("role", &self.role, TeamRole::from_code, &mut checks);
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
            (user, None) => parse_id("user_id", user, &mut checks).map(TeamMember::Colleague),
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
        let area = required_choice("area", &self.area, Area::from_code, &mut checks);
        let need = required_choice("need", &self.need, NeedLevel::from_code, &mut checks);
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
        let area = required_choice("area", &self.area, Area::from_code, &mut checks);
        let description = required_text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            &mut checks,
        );
        let expected_on = optional_day("expected_on", &self.expected_on, &mut checks);
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
pub(super) fn ordered(
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
        let goal_id = parse_id("goal_id", &self.goal_id, &mut checks);
        let service_id = parse_id("service_id", &self.service_id, &mut checks);
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
            (user, None) => {
                parse_id("responsible_user_id", user, &mut checks).map(TeamMember::Colleague)
            }
            (_, Some(_)) => {
                checks.add("responsible_external", Problem::Contradiction);
                None
            }
        };
        let planned_start = required_day("planned_start", &self.planned_start, &mut checks);
        let planned_end = required_day("planned_end", &self.planned_end, &mut checks);
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
        let status = required_choice("status", &self.status, ActionStatus::from_code, &mut checks);
        let planned_start = required_day("planned_start", &self.planned_start, &mut checks);
        let planned_end = required_day("planned_end", &self.planned_end, &mut checks);
        ordered(planned_start, planned_end, "planned_end", &mut checks);
        let actual_start = if self.actual_start.trim().is_empty() {
            None
        } else {
            past_day("actual_start", &self.actual_start, today, &mut checks)
        };
        let mut actual_end = if self.actual_end.trim().is_empty() {
            None
        } else {
            past_day("actual_end", &self.actual_end, today, &mut checks)
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
        let level = required_choice("level", &self.level, DiaryLevel::from_code, &mut checks);
        let written_on = past_day("written_on", &self.written_on, today, &mut checks);
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
