//! Wire types of agreed versions, their comparison, and the forms to agree and approve.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::dates::past_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::parse_id;
use crate::planner::family::model::ChildNeeds;
use crate::planner::model::{
    prose, ActionRow, ActionStatus, Area, AreaPlan, AssessmentRow, Bilingual, GoalRow, GoalStatus,
    NeedLevel, Phase, TeamMemberRow, TeamRole,
};

pub const MAX_LANGUAGE: usize = 60;
pub const MAX_PRESENT_NAME: usize = 120;
pub const MAX_AGREEMENT_NOTES: usize = 2000;

/// The plan as it was agreed: what the person signed, kept unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSnapshot {
    pub phase: Option<Phase>,
    pub review_every_days: i32,
    /// (organisation, name)
    pub reference_operators: Vec<(String, String)>,
    pub team: Vec<TeamMemberRow>,
    pub areas: Vec<AreaPlan>,
    #[serde(default)]
    pub children: Vec<ChildNeeds>,
}

impl PlanSnapshot {
    /// The areas with something agreed in them (an assessment or a goal).
    pub fn filled_areas(&self) -> impl Iterator<Item = &AreaPlan> {
        self.areas
            .iter()
            .filter(|a| a.assessment.is_some() || !a.goals.is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub by: String,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub number: i32,
    pub agreed_on: NaiveDate,
    pub language: String,
    pub mediator: Option<String>,
    pub guardian: Option<String>,
    pub notes: Option<String>,
    pub recorded_by: String,
    pub approver: String,
    pub approval: Option<Approval>,
    /// The caller is the supervisor asked to approve it, and it is not approved yet.
    pub may_approve: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionsPage {
    pub code: String,
    pub today: NaiveDate,
    pub minor: bool,
    pub has_plan: bool,
    /// The caller is on the person's team (a supervisor from outside only approves).
    pub on_team: bool,
    /// The team may record a new agreed version (the plan is open).
    pub may_record: bool,
    /// Newest first.
    pub versions: Vec<VersionRow>,
    /// Who may be asked to approve: (user id, "name · organisation").
    pub approvers: Vec<(i32, String)>,
    pub comparison: Option<Comparison>,
}

/// Version numbers compared; 0 stands for the plan as it is now, not yet agreed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub from: i32,
    pub to: i32,
    pub rows: Vec<DiffRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRow {
    pub area: Option<Area>,
    pub subject: DiffSubject,
    pub change: DiffChange,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffSubject {
    Phase,
    ReviewInterval,
    Member { name: String, role: TeamRole },
    Assessment,
    Goal { description: String },
    Action { service: Bilingual, goal: String },
    ChildNeed { child: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffChange {
    Added,
    Removed,
    Changed {
        field: DiffField,
        before: DiffValue,
        after: DiffValue,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffField {
    Value,
    Need,
    Notes,
    Description,
    ExpectedOn,
    Status,
    PlannedStart,
    PlannedEnd,
    Responsible,
    Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffValue {
    Empty,
    Text(String),
    Date(NaiveDate),
    Days(i32),
    Phase(Phase),
    Need(NeedLevel),
    GoalStatus(GoalStatus),
    ActionStatus(ActionStatus),
}

fn text(value: &Option<String>) -> DiffValue {
    match value {
        Some(text) if !text.is_empty() => DiffValue::Text(text.clone()),
        _ => DiffValue::Empty,
    }
}

fn date(value: Option<NaiveDate>) -> DiffValue {
    value.map_or(DiffValue::Empty, DiffValue::Date)
}

struct Differ {
    rows: Vec<DiffRow>,
}

impl Differ {
    fn push(&mut self, area: Option<Area>, subject: DiffSubject, change: DiffChange) {
        self.rows.push(DiffRow {
            area,
            subject,
            change,
        });
    }

    fn field(
        &mut self,
        area: Option<Area>,
        subject: &DiffSubject,
        field: DiffField,
        before: DiffValue,
        after: DiffValue,
    ) {
        if before != after {
            self.push(
                area,
                subject.clone(),
                DiffChange::Changed {
                    field,
                    before,
                    after,
                },
            );
        }
    }
}

/// What changed from `before` to `after`, item by item: goals and actions are matched by
/// their identity, so a goal reworded is a change, not a removal and an addition.
pub fn compare(before: &PlanSnapshot, after: &PlanSnapshot) -> Vec<DiffRow> {
    let mut diff = Differ { rows: Vec::new() };
    let phase = |p: Option<Phase>| p.map_or(DiffValue::Empty, DiffValue::Phase);
    diff.field(
        None,
        &DiffSubject::Phase,
        DiffField::Value,
        phase(before.phase),
        phase(after.phase),
    );
    diff.field(
        None,
        &DiffSubject::ReviewInterval,
        DiffField::Value,
        DiffValue::Days(before.review_every_days),
        DiffValue::Days(after.review_every_days),
    );
    diff.team(before, after);
    for area in Area::ALL.iter().copied() {
        diff.area(area, before, after);
    }
    diff.child_needs(before, after);
    diff.rows
}

/// The goals of an area, by id.
type GoalsById = BTreeMap<i32, GoalRow>;

impl Differ {
    /// Team members added and removed, matched by their membership id.
    fn team(&mut self, before: &PlanSnapshot, after: &PlanSnapshot) {
        let members = |s: &PlanSnapshot| -> BTreeMap<i32, TeamMemberRow> {
            s.team.iter().map(|m| (m.id, m.clone())).collect()
        };
        let (old_team, new_team) = (members(before), members(after));
        for (id, member) in &new_team {
            if !old_team.contains_key(id) {
                let subject = DiffSubject::Member {
                    name: member.name.clone(),
                    role: member.role,
                };
                self.push(None, subject, DiffChange::Added);
            }
        }
        for (id, member) in &old_team {
            if !new_team.contains_key(id) {
                let subject = DiffSubject::Member {
                    name: member.name.clone(),
                    role: member.role,
                };
                self.push(None, subject, DiffChange::Removed);
            }
        }
    }

    /// One area: its assessment, then its goals, then the goals' actions.
    fn area(&mut self, area: Area, before: &PlanSnapshot, after: &PlanSnapshot) {
        let find = |s: &PlanSnapshot| s.areas.iter().find(|a| a.area == area).cloned();
        let (old, new) = (find(before), find(after));
        self.assessment(area, &old, &new);
        let goals = |a: &Option<AreaPlan>| {
            a.iter()
                .flat_map(|a| a.goals.iter().cloned())
                .map(|g| (g.id, g))
                .collect::<GoalsById>()
        };
        let (old_goals, new_goals) = (goals(&old), goals(&new));
        self.goals(area, &old_goals, &new_goals);
        self.actions(area, &old_goals, &new_goals);
    }

    /// The need level and notes of an area's assessment.
    fn assessment(&mut self, area: Area, old: &Option<AreaPlan>, new: &Option<AreaPlan>) {
        let old_assessment = old.as_ref().and_then(|a| a.assessment.clone());
        let new_assessment = new.as_ref().and_then(|a| a.assessment.clone());
        let need = |a: &Option<AssessmentRow>| {
            a.as_ref()
                .map_or(DiffValue::Empty, |a| DiffValue::Need(a.need))
        };
        let notes = |a: &Option<AssessmentRow>| text(&a.as_ref().map(|a| a.notes.clone()));
        let subject = DiffSubject::Assessment;
        self.field(
            Some(area),
            &subject,
            DiffField::Need,
            need(&old_assessment),
            need(&new_assessment),
        );
        self.field(
            Some(area),
            &subject,
            DiffField::Notes,
            notes(&old_assessment),
            notes(&new_assessment),
        );
    }

    /// Goals of an area added, changed (description, expected date, status) and removed.
    fn goals(&mut self, area: Area, old_goals: &GoalsById, new_goals: &GoalsById) {
        for (id, goal) in new_goals {
            let subject = DiffSubject::Goal {
                description: goal.description.clone(),
            };
            match old_goals.get(id) {
                None => self.push(Some(area), subject, DiffChange::Added),
                Some(was) => {
                    self.field(
                        Some(area),
                        &subject,
                        DiffField::Description,
                        DiffValue::Text(was.description.clone()),
                        DiffValue::Text(goal.description.clone()),
                    );
                    self.field(
                        Some(area),
                        &subject,
                        DiffField::ExpectedOn,
                        date(was.expected_on),
                        date(goal.expected_on),
                    );
                    self.field(
                        Some(area),
                        &subject,
                        DiffField::Status,
                        DiffValue::GoalStatus(was.status),
                        DiffValue::GoalStatus(goal.status),
                    );
                }
            }
        }
        for (id, goal) in old_goals {
            if !new_goals.contains_key(id) {
                let subject = DiffSubject::Goal {
                    description: goal.description.clone(),
                };
                self.push(Some(area), subject, DiffChange::Removed);
            }
        }
    }

    /// Actions of an area's goals added, changed and removed, matched by action id.
    fn actions(&mut self, area: Area, old_goals: &GoalsById, new_goals: &GoalsById) {
        let actions = |goals: &GoalsById| {
            goals
                .values()
                .flat_map(|g| {
                    g.actions
                        .iter()
                        .map(move |a| (a.id, (a.clone(), g.description.clone())))
                })
                .collect::<BTreeMap<_, _>>()
        };
        let (old_actions, new_actions) = (actions(old_goals), actions(new_goals));
        for (id, (action, goal)) in &new_actions {
            let subject = DiffSubject::Action {
                service: action.service.clone(),
                goal: goal.clone(),
            };
            match old_actions.get(id) {
                None => self.push(Some(area), subject, DiffChange::Added),
                Some((was, _)) => self.action_fields(area, &subject, was, action),
            }
        }
        for (id, (action, goal)) in &old_actions {
            if !new_actions.contains_key(id) {
                let subject = DiffSubject::Action {
                    service: action.service.clone(),
                    goal: goal.clone(),
                };
                self.push(Some(area), subject, DiffChange::Removed);
            }
        }
    }

    /// The fields of an action kept from `was` to `action` that changed.
    fn action_fields(
        &mut self,
        area: Area,
        subject: &DiffSubject,
        was: &ActionRow,
        action: &ActionRow,
    ) {
        let changes = [
            (
                DiffField::PlannedStart,
                DiffValue::Date(was.planned_start),
                DiffValue::Date(action.planned_start),
            ),
            (
                DiffField::PlannedEnd,
                DiffValue::Date(was.planned_end),
                DiffValue::Date(action.planned_end),
            ),
            (
                DiffField::Status,
                DiffValue::ActionStatus(was.status),
                DiffValue::ActionStatus(action.status),
            ),
            (
                DiffField::Responsible,
                DiffValue::Text(was.responsible.clone()),
                DiffValue::Text(action.responsible.clone()),
            ),
            (
                DiffField::Outcome,
                text(&was.outcome),
                text(&action.outcome),
            ),
        ];
        for (field, before, after) in changes {
            self.field(Some(area), subject, field, before, after);
        }
    }

    /// Children's needs, matched by child and area.
    fn child_needs(&mut self, before: &PlanSnapshot, after: &PlanSnapshot) {
        let child_needs = |s: &PlanSnapshot| {
            s.children
                .iter()
                .flat_map(|c| {
                    c.needs
                        .iter()
                        .map(move |n| ((c.code.clone(), n.area), n.clone()))
                })
                .collect::<BTreeMap<_, _>>()
        };
        let (old_needs, new_needs) = (child_needs(before), child_needs(after));
        for ((child, area), need) in &new_needs {
            let subject = DiffSubject::ChildNeed {
                child: child.clone(),
            };
            match old_needs.get(&(child.clone(), *area)) {
                None => self.push(Some(*area), subject, DiffChange::Added),
                Some(was) => {
                    self.field(
                        Some(*area),
                        &subject,
                        DiffField::Need,
                        DiffValue::Need(was.need),
                        DiffValue::Need(need.need),
                    );
                    self.field(
                        Some(*area),
                        &subject,
                        DiffField::Notes,
                        DiffValue::Text(was.notes.clone()),
                        DiffValue::Text(need.notes.clone()),
                    );
                }
            }
        }
        for (child, area) in old_needs.keys() {
            if !new_needs.contains_key(&(child.clone(), *area)) {
                let subject = DiffSubject::ChildNeed {
                    child: child.clone(),
                };
                self.push(Some(*area), subject, DiffChange::Removed);
            }
        }
    }
}

// ---------------------------------------------------------------- the print view

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintPage {
    pub code: String,
    /// Her name, for the signature: the print view is for her team only.
    pub name: String,
    pub minor: bool,
    pub printed_on: NaiveDate,
    /// None: no version was agreed yet, and the page prints the current plan as a draft.
    pub version: Option<VersionRow>,
    pub snapshot: PlanSnapshot,
}

// ---------------------------------------------------------------- forms

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementForm {
    pub agreed_on: String,
    pub language: String,
    #[serde(default)]
    pub mediator: String,
    #[serde(default)]
    pub guardian: String,
    #[serde(default)]
    pub notes: String,
    pub approver_id: String,
}

#[derive(Debug)]
pub struct ValidAgreement {
    pub agreed_on: NaiveDate,
    pub language: String,
    pub mediator: Option<String>,
    pub guardian: Option<String>,
    pub notes: Option<String>,
    pub approver_id: i32,
}

fn short_text(
    field: &str,
    value: &str,
    max: usize,
    required: bool,
    checks: &mut Validation,
) -> Option<String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        if required {
            checks.add(field, Problem::Required);
        }
        return None;
    }
    if value.chars().count() > max {
        checks.add(field, Problem::TooLong);
    }
    Some(value)
}

impl AgreementForm {
    /// `minor`: the person is a minor today, so her guardian must have been present.
    pub fn validate(&self, today: NaiveDate, minor: bool) -> Result<ValidAgreement, AppError> {
        let mut checks = Validation::default();
        let agreed_on = past_day("agreed_on", &self.agreed_on, today, &mut checks);
        let language = short_text("language", &self.language, MAX_LANGUAGE, true, &mut checks);
        let mediator = short_text(
            "mediator",
            &self.mediator,
            MAX_PRESENT_NAME,
            false,
            &mut checks,
        );
        let guardian = short_text(
            "guardian",
            &self.guardian,
            MAX_PRESENT_NAME,
            minor,
            &mut checks,
        );
        let notes = prose(
            "notes",
            &self.notes,
            MAX_AGREEMENT_NOTES,
            false,
            &mut checks,
        );
        let approver_id = parse_id("approver_id", &self.approver_id, &mut checks);
        checks.finish()?;
        Ok(ValidAgreement {
            agreed_on: agreed_on.unwrap_or(today),
            language: language.unwrap_or_default(),
            mediator,
            guardian,
            notes,
            approver_id: approver_id.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests;
