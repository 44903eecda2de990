//! Wire types of the waiting list for shelter. Entries carry the network code and the
//! needs a reception manager must know to offer a bed, never an identity.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::auth::model::province_name;
use crate::kernel::dates::past_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;

code_enum! {
    /// Immediate: tonight, an emergency placement (safe house).
    Urgency {
        Immediate => "immediate",
        High => "high",
        Normal => "normal",
    }
}

code_enum! {
    /// Who a structure takes in (the bed board uses the same list for structures).
    TargetGroup {
        Women => "women",
        Men => "men",
        Transgender => "transgender",
        MothersWithChildren => "mothers_with_children",
        Girls16To18 => "girls_16_18",
    }
}

pub const MAX_CHILDREN: i32 = 10;
pub const MAX_LANGUAGE_LENGTH: usize = 60;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingForm {
    #[serde(default)]
    pub urgency: String,
    #[serde(default)]
    pub target_group: String,
    #[serde(default)]
    pub children: String,
    #[serde(default)]
    pub minor: Option<String>,
    #[serde(default)]
    pub disability: Option<String>,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub preferred_province: String,
    #[serde(default)]
    pub wanted_from: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidWaiting {
    pub urgency: Urgency,
    pub target_group: TargetGroup,
    pub children: i32,
    pub minor: bool,
    pub disability: bool,
    pub language: Option<String>,
    pub preferred_province: Option<String>,
    pub wanted_from: NaiveDate,
}

impl WaitingForm {
    /// `today` bounds nothing here except the date's format: a placement may be wanted
    /// from a future date, but not more than a year ahead.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidWaiting, AppError> {
        let mut checks = Validation::default();
        let urgency = Urgency::from_code(self.urgency.trim());
        if urgency.is_none() {
            checks.add("urgency", Problem::Required);
        }
        let target_group = TargetGroup::from_code(self.target_group.trim());
        if target_group.is_none() {
            checks.add("target_group", Problem::Required);
        }
        let children = match self.children.trim() {
            "" => 0,
            text => match text.parse::<i32>() {
                Ok(n) if (0..=MAX_CHILDREN).contains(&n) => n,
                _ => {
                    checks.add("children", Problem::OutOfRange);
                    0
                }
            },
        };
        if target_group == Some(TargetGroup::MothersWithChildren) && children == 0 {
            checks.add("children", Problem::Contradiction);
        }
        let language = self
            .language
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if language.chars().count() > MAX_LANGUAGE_LENGTH {
            checks.add("language", Problem::TooLong);
        }
        let province = self.preferred_province.trim().to_uppercase();
        if !province.is_empty() && province_name(&province).is_none() {
            checks.add("preferred_province", Problem::UnknownChoice);
        }
        // A future date is allowed (a planned transfer); past_day refuses the future,
        // so parse against a horizon a year ahead.
        let horizon = today + chrono::Duration::days(366);
        let wanted_from = past_day("wanted_from", &self.wanted_from, horizon, &mut checks);
        checks.finish()?;
        Ok(ValidWaiting {
            urgency: urgency.unwrap_or(Urgency::Normal),
            target_group: target_group.unwrap_or(TargetGroup::Women),
            children,
            minor: self.minor.is_some(),
            disability: self.disability.is_some(),
            language: (!language.is_empty()).then_some(language),
            preferred_province: (!province.is_empty()).then_some(province),
            wanted_from: wanted_from.unwrap_or(today),
        })
    }
}

/// One person waiting for a bed, as the waiting list and the bed board show her.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingRow {
    pub id: i32,
    pub code: String,
    pub urgency: Urgency,
    pub target_group: TargetGroup,
    pub children: i32,
    pub minor: bool,
    pub disability: bool,
    pub language: Option<String>,
    pub preferred_province: Option<String>,
    pub wanted_from: NaiveDate,
    pub waiting_days: i64,
    pub organisation: String,
}

impl WaitingRow {
    /// Where she stands on the list: the most urgent first, then by the day a bed is
    /// wanted from, then by when she was put on it. The server's list and the board's
    /// live updates order by it alike.
    pub fn list_order(&self) -> (u8, NaiveDate, i32) {
        let urgency = match self.urgency {
            Urgency::Immediate => 0,
            Urgency::High => 1,
            Urgency::Normal => 2,
        };
        (urgency, self.wanted_from, self.id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingList {
    pub rows: Vec<WaitingRow>,
    pub network_wide: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_mother_with_children_needs_the_children_counted() {
        let form = WaitingForm {
            urgency: "immediate".into(),
            target_group: "mothers_with_children".into(),
            children: "0".into(),
            wanted_from: "2026-11-22".into(),
            ..Default::default()
        };
        assert_eq!(
            form.validate(today()).unwrap_err().problem_for("children"),
            Some(Problem::Contradiction)
        );
        let form = WaitingForm {
            children: "2".into(),
            preferred_province: "cn".into(),
            ..form
        };
        let valid = form.validate(today()).unwrap();
        assert_eq!(valid.children, 2);
        assert_eq!(valid.preferred_province.as_deref(), Some("CN"));
    }

    #[test]
    fn dates_far_ahead_and_unknown_choices_are_refused() {
        let form = WaitingForm {
            urgency: "whenever".into(),
            target_group: "women".into(),
            wanted_from: "2028-01-01".into(),
            preferred_province: "XX".into(),
            ..Default::default()
        };
        let error = form.validate(today()).unwrap_err();
        assert_eq!(error.problem_for("urgency"), Some(Problem::Required));
        assert_eq!(
            error.problem_for("wanted_from"),
            Some(Problem::DateInFuture)
        );
        assert_eq!(
            error.problem_for("preferred_province"),
            Some(Problem::UnknownChoice)
        );
    }
}
