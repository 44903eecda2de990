//! Wire types and form validation of the family part of a plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::past_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;
use crate::kernel::fields::required_choice;
use crate::planner::model::{prose, Area, NeedLevel, MAX_ASSESSMENT_NOTES};

/// The areas in which a child's needs are assessed within the mother's plan.
pub const CHILD_AREAS: [Area; 5] = [
    Area::Health,
    Area::Schooling,
    Area::Parenting,
    Area::Relations,
    Area::Legal,
];

pub const MAX_SERVICE: usize = 120;
pub const MAX_JOINT_SUMMARY: usize = 4000;

code_enum! {
    /// What was done together with the social services.
    JointWorkKind {
        Meeting => "meeting",
        HomeVisit => "home_visit",
        Report => "report",
        CaseConference => "case_conference",
        CourtCommunication => "court_communication",
    }
}

/// One child of the person, by code (her identity is on her own record), with the
/// needs assessed so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildNeeds {
    pub code: String,
    /// Age in years today, when the birth month is known.
    pub age: Option<i32>,
    pub needs: Vec<ChildNeedRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildNeedRow {
    pub area: Area,
    pub need: NeedLevel,
    pub notes: String,
    pub assessed_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointWorkRow {
    pub id: i32,
    pub held_on: NaiveDate,
    pub service: String,
    pub kind: JointWorkKind,
    /// The child's code, when the work was about one child.
    pub child: Option<String>,
    pub summary: String,
    pub next_steps: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyPage {
    pub code: String,
    pub today: NaiveDate,
    /// False until a plan is opened: the family part hangs on the plan.
    pub has_plan: bool,
    /// False once the plan is closed.
    pub editable: bool,
    pub children: Vec<ChildNeeds>,
    /// Newest first.
    pub joint_work: Vec<JointWorkRow>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildNeedForm {
    pub child: String,
    pub area: String,
    pub need: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug)]
pub struct ValidChildNeed {
    pub child: String,
    pub area: Area,
    pub need: NeedLevel,
    pub notes: String,
}

impl ChildNeedForm {
    pub fn validate(&self) -> Result<ValidChildNeed, AppError> {
        let mut checks = Validation::default();
        let child = self.child.trim().to_uppercase();
        if child.is_empty() {
            checks.add("child", Problem::Required);
        }
        let area = required_choice("area", &self.area, Area::from_code, &mut checks);
        if area.is_some_and(|area| !CHILD_AREAS.contains(&area)) {
            checks.add("area", Problem::UnknownChoice);
        }
        let need = required_choice("need", &self.need, NeedLevel::from_code, &mut checks);
        let notes = prose(
            "notes",
            &self.notes,
            MAX_ASSESSMENT_NOTES,
            false,
            &mut checks,
        );
        checks.finish()?;
        Ok(ValidChildNeed {
            child,
            area: area.unwrap_or(Area::Health),
            need: need.unwrap_or(NeedLevel::NoNeed),
            notes: notes.unwrap_or_default(),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointWorkForm {
    pub held_on: String,
    pub service: String,
    pub kind: String,
    /// A child's code, or empty when the work concerned the whole family.
    #[serde(default)]
    pub child: String,
    pub summary: String,
    #[serde(default)]
    pub next_steps: String,
}

#[derive(Debug)]
pub struct ValidJointWork {
    pub held_on: NaiveDate,
    pub service: String,
    pub kind: JointWorkKind,
    pub child: Option<String>,
    pub summary: String,
    pub next_steps: Option<String>,
}

impl JointWorkForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidJointWork, AppError> {
        let mut checks = Validation::default();
        let held_on = past_day("held_on", &self.held_on, today, &mut checks);
        let service = self.service.trim().to_string();
        if service.is_empty() {
            checks.add("service", Problem::Required);
        } else if service.chars().count() > MAX_SERVICE {
            checks.add("service", Problem::TooLong);
        }
        let kind = required_choice("kind", &self.kind, JointWorkKind::from_code, &mut checks);
        let summary = prose(
            "summary",
            &self.summary,
            MAX_JOINT_SUMMARY,
            true,
            &mut checks,
        );
        let next_steps = prose(
            "next_steps",
            &self.next_steps,
            MAX_JOINT_SUMMARY,
            false,
            &mut checks,
        );
        checks.finish()?;
        let child = self.child.trim().to_uppercase();
        Ok(ValidJointWork {
            held_on: held_on.unwrap_or(today),
            service,
            kind: kind.unwrap_or(JointWorkKind::Meeting),
            child: (!child.is_empty()).then_some(child),
            summary: summary.unwrap_or_default(),
            next_steps,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_need_is_assessed_only_in_the_areas_of_a_child() {
        let form = ChildNeedForm {
            child: "to-2026-0003".into(),
            area: "schooling".into(),
            need: "high".into(),
            notes: "Iscrizione alla scuola dell'infanzia".into(),
        };
        let valid = form.validate().unwrap();
        assert_eq!(valid.child, "TO-2026-0003");
        assert_eq!(valid.area, Area::Schooling);
        let work = ChildNeedForm {
            area: "work".into(),
            ..form
        };
        let error = work.validate().unwrap_err();
        assert_eq!(error.problem_for("area"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn joint_work_needs_a_past_date_a_service_and_a_summary() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let form = JointWorkForm {
            held_on: "2026-12-01".into(),
            service: " ".into(),
            kind: "home_visit".into(),
            child: String::new(),
            summary: String::new(),
            next_steps: String::new(),
        };
        let error = form.validate(today).unwrap_err();
        assert_eq!(error.problem_for("held_on"), Some(Problem::DateInFuture));
        assert_eq!(error.problem_for("service"), Some(Problem::Required));
        assert_eq!(error.problem_for("summary"), Some(Problem::Required));
        let valid = JointWorkForm {
            held_on: "2026-11-20".into(),
            service: "Servizio sociale minori, Comune di Torino".into(),
            summary: "Visita domiciliare congiunta".into(),
            ..form
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.kind, JointWorkKind::HomeVisit);
        assert_eq!(valid.child, None);
    }
}
