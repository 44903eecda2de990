//! Wire types of screenings and of the versioned indicator checklist.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::past_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;

code_enum! {
    /// How the indicators of a checklist are grouped (by form of exploitation).
    IndicatorGroup {
        General => "general",
        Sexual => "sexual",
        Labour => "labour",
        BeggingIllegal => "begging_illegal",
    }
}

code_enum! {
    /// What the evaluation concluded (seed 002 counts each of these).
    ScreeningOutcome {
        IndicatorsFound => "indicators_found",
        NoIndicators => "no_indicators",
        Proposal => "proposal",
        CommissionRequest => "commission_request",
        CommissionReferral => "commission_referral",
        Open => "open",
    }
}

code_enum! {
    ChecklistStatus {
        Draft => "draft",
        Published => "published",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: i32,
    pub group: IndicatorGroup,
    pub text_it: String,
    pub text_en: String,
}

/// One version of the checklist with its indicators in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistView {
    pub id: i32,
    pub version: i32,
    pub status: ChecklistStatus,
    pub changes: Option<String>,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    pub indicators: Vec<IndicatorView>,
}

/// What the screening page needs: the person's network code (pseudonymous) and the
/// current checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningStart {
    pub code: String,
    pub checklist: ChecklistView,
    pub today: NaiveDate,
}

/// The screening form: observed indicators are checkboxes `form[observed][<id>]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningForm {
    #[serde(default)]
    pub checklist_id: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub observed: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidScreening {
    pub checklist_id: i32,
    pub held_on: NaiveDate,
    pub outcome: ScreeningOutcome,
    pub observed: Vec<i32>,
}

impl ScreeningForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidScreening, AppError> {
        let mut checks = Validation::default();
        let checklist_id = self.checklist_id.trim().parse::<i32>().ok();
        if checklist_id.is_none() {
            checks.add("checklist_id", Problem::UnknownChoice);
        }
        let held_on = past_day("held_on", &self.held_on, today, &mut checks);
        let outcome = match ScreeningOutcome::from_code(self.outcome.trim()) {
            Some(outcome) => Some(outcome),
            None if self.outcome.trim().is_empty() => {
                checks.add("outcome", Problem::Required);
                None
            }
            None => {
                checks.add("outcome", Problem::UnknownChoice);
                None
            }
        };
        let mut observed = Vec::new();
        for key in self.observed.keys() {
            match key.parse::<i32>() {
                Ok(id) => observed.push(id),
                Err(_) => checks.add("observed", Problem::UnknownChoice),
            }
        }
        observed.sort_unstable();
        observed.dedup();
        if outcome == Some(ScreeningOutcome::IndicatorsFound) && observed.is_empty() {
            checks.add("outcome", Problem::Contradiction);
        }
        checks.finish()?;
        Ok(ValidScreening {
            checklist_id: checklist_id.unwrap_or_default(),
            held_on: held_on.unwrap_or(today),
            outcome: outcome.unwrap_or(ScreeningOutcome::Open),
            observed,
        })
    }
}

/// A screening as the person's page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningRow {
    pub held_on: NaiveDate,
    pub version: i32,
    pub outcome: ScreeningOutcome,
    pub observed: Vec<IndicatorView>,
    pub organisation: String,
}

/// The trainers' page: published versions (newest first) and the draft being edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistVersions {
    pub versions: Vec<ChecklistView>,
    pub draft: Option<ChecklistView>,
    /// Trainers edit and publish; everybody else reads.
    pub may_edit: bool,
}

/// Edits to the draft: texts by indicator id, ticked removals, one new indicator, and
/// the "what changed" note shown with the version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistDraftForm {
    #[serde(default)]
    pub text_it: BTreeMap<String, String>,
    #[serde(default)]
    pub text_en: BTreeMap<String, String>,
    #[serde(default)]
    pub remove: BTreeMap<String, String>,
    #[serde(default)]
    pub new_group: String,
    #[serde(default)]
    pub new_it: String,
    #[serde(default)]
    pub new_en: String,
    #[serde(default)]
    pub changes: String,
}
