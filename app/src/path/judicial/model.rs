//! Wire types and form validation of the judicial page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::{optional_past_day, required_day};
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{
    code_enum, optional_choice, optional_text, prose, record_id, required_choice,
};

/// The audit actions of the judicial route: the record's access log shows them only to
/// those who read the route (the rows would tell the rest of the team it exists).
pub const AUDIT_PREFIX: &str = "path.judicial.";

pub const MAX_PLACE: usize = 80;
pub const MAX_OFFICE: usize = 120;
pub const MAX_NUMBER: usize = 40;
pub const MAX_NOTES: usize = 2000;

code_enum! {
    /// Where she filed her complaint.
    PoliceBody {
        StatePolice => "state_police",
        Carabinieri => "carabinieri",
        FinancePolice => "finance_police",
        LocalPolice => "local_police",
        LabourInspectorate => "labour_inspectorate",
        Other => "other",
    }
}

code_enum! {
    /// The prosecutor's opinion for the art. 18 permit.
    Opinion {
        NotRequested => "not_requested",
        Requested => "requested",
        Favourable => "favourable",
        Unfavourable => "unfavourable",
    }
}

impl Opinion {
    pub fn is_given(self) -> bool {
        matches!(self, Opinion::Favourable | Opinion::Unfavourable)
    }
}

code_enum! {
    /// What a hearing is for her.
    HearingKind {
        Testimony => "testimony",
        EvidentiaryHearing => "evidentiary_hearing",
        Preliminary => "preliminary",
        Trial => "trial",
        Other => "other",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProceedingsRow {
    pub id: i32,
    pub filed_on: Option<NaiveDate>,
    pub police_body: Option<PoliceBody>,
    pub complaint_place: Option<String>,
    pub prosecutor_office: Option<String>,
    pub proceedings_number: Option<String>,
    pub opinion: Opinion,
    pub opinion_on: Option<NaiveDate>,
    pub witness: bool,
    pub lawyer: Option<String>,
    pub notes: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingRow {
    pub id: i32,
    pub proceedings_id: i32,
    pub hearing_on: NaiveDate,
    pub kind: HearingKind,
    pub court: Option<String>,
    pub accompanied: bool,
    pub notes: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudicialPage {
    pub code: String,
    pub today: NaiveDate,
    pub editable: bool,
    /// Newest first.
    pub proceedings: Vec<ProceedingsRow>,
    /// Soonest first.
    pub hearings: Vec<HearingRow>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProceedingsForm {
    #[serde(default)]
    pub record: String,
    #[serde(default)]
    pub filed_on: String,
    #[serde(default)]
    pub police_body: String,
    #[serde(default)]
    pub complaint_place: String,
    #[serde(default)]
    pub prosecutor_office: String,
    #[serde(default)]
    pub proceedings_number: String,
    #[serde(default)]
    pub opinion: String,
    #[serde(default)]
    pub opinion_on: String,
    #[serde(default)]
    pub witness: Option<String>,
    #[serde(default)]
    pub lawyer: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug)]
pub struct ValidProceedings {
    pub record: Option<i32>,
    pub filed_on: Option<NaiveDate>,
    pub police_body: Option<PoliceBody>,
    pub complaint_place: Option<String>,
    pub prosecutor_office: Option<String>,
    pub proceedings_number: Option<String>,
    pub opinion: Opinion,
    pub opinion_on: Option<NaiveDate>,
    pub witness: bool,
    pub lawyer: Option<String>,
    pub notes: Option<String>,
}

impl ProceedingsForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidProceedings, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let filed_on = optional_past_day("filed_on", &self.filed_on, today, &mut checks);
        let police_body = optional_choice(
            "police_body",
            &self.police_body,
            PoliceBody::from_code,
            &mut checks,
        );
        let complaint_place = optional_text(
            "complaint_place",
            &self.complaint_place,
            MAX_PLACE,
            &mut checks,
        );
        let prosecutor_office = optional_text(
            "prosecutor_office",
            &self.prosecutor_office,
            MAX_OFFICE,
            &mut checks,
        );
        let proceedings_number = optional_text(
            "proceedings_number",
            &self.proceedings_number,
            MAX_NUMBER,
            &mut checks,
        );
        // A record says at least where the route started: the complaint or the office.
        if filed_on.is_none() && prosecutor_office.is_none() && !checks.has("filed_on") {
            checks.add("filed_on", Problem::Required);
        }
        // A complaint is made to someone.
        if filed_on.is_some() && police_body.is_none() && !checks.has("police_body") {
            checks.add("police_body", Problem::Required);
        }
        let opinion = match self.opinion.trim() {
            "" => Some(Opinion::NotRequested),
            _ => required_choice("opinion", &self.opinion, Opinion::from_code, &mut checks),
        };
        let opinion_on = optional_past_day("opinion_on", &self.opinion_on, today, &mut checks);
        if opinion.is_some_and(Opinion::is_given)
            && opinion_on.is_none()
            && !checks.has("opinion_on")
        {
            checks.add("opinion_on", Problem::Required);
        }
        // The date is the opinion's: none before it is given.
        if opinion.is_some_and(|o| !o.is_given()) && opinion_on.is_some() {
            checks.add("opinion_on", Problem::Contradiction);
        }
        if let (Some(filed), Some(given)) = (filed_on, opinion_on) {
            if given < filed {
                checks.add("opinion_on", Problem::OutOfRange);
            }
        }
        let lawyer = optional_text("lawyer", &self.lawyer, MAX_OFFICE, &mut checks);
        let notes = prose("notes", &self.notes, MAX_NOTES, false, &mut checks);
        checks.finish()?;
        Ok(ValidProceedings {
            record,
            filed_on,
            police_body,
            complaint_place,
            prosecutor_office,
            proceedings_number,
            opinion: opinion.unwrap_or(Opinion::NotRequested),
            opinion_on,
            witness: self.witness.is_some(),
            lawyer,
            notes,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingForm {
    #[serde(default)]
    pub record: String,
    #[serde(default)]
    pub proceedings: String,
    pub hearing_on: String,
    pub kind: String,
    #[serde(default)]
    pub court: String,
    #[serde(default)]
    pub accompanied: Option<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug)]
pub struct ValidHearing {
    pub record: Option<i32>,
    pub proceedings: i32,
    pub hearing_on: NaiveDate,
    pub kind: HearingKind,
    pub court: Option<String>,
    pub accompanied: bool,
    pub notes: Option<String>,
}

impl HearingForm {
    pub fn validate(&self) -> Result<ValidHearing, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let proceedings = match record_id("proceedings", &self.proceedings, &mut checks) {
            Some(id) => Some(id),
            None => {
                if !checks.has("proceedings") {
                    checks.add("proceedings", Problem::Required);
                }
                None
            }
        };
        let hearing_on = required_day("hearing_on", &self.hearing_on, &mut checks);
        let kind = required_choice("kind", &self.kind, HearingKind::from_code, &mut checks);
        let court = optional_text("court", &self.court, MAX_OFFICE, &mut checks);
        let notes = prose("notes", &self.notes, MAX_NOTES, false, &mut checks);
        checks.finish()?;
        Ok(ValidHearing {
            record,
            proceedings: proceedings.unwrap_or_default(),
            hearing_on: hearing_on.unwrap_or_default(),
            kind: kind.unwrap_or(HearingKind::Other),
            court,
            accompanied: self.accompanied.is_some(),
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_complaint_is_made_to_someone_and_an_opinion_given_is_dated() {
        let today = day("2026-12-06");
        let empty = ProceedingsForm::default().validate(today).unwrap_err();
        assert_eq!(empty.problem_for("filed_on"), Some(Problem::Required));
        let form = ProceedingsForm {
            filed_on: "2026-10-01".into(),
            opinion: "favourable".into(),
            opinion_on: "2026-09-01".into(),
            proceedings_number: "1234/26 RGNR".into(),
            ..Default::default()
        };
        let error = form.validate(today).unwrap_err();
        assert_eq!(error.problem_for("police_body"), Some(Problem::Required));
        assert_eq!(error.problem_for("opinion_on"), Some(Problem::OutOfRange));
        let valid = ProceedingsForm {
            police_body: "carabinieri".into(),
            opinion_on: "2026-11-15".into(),
            witness: Some("on".into()),
            ..form
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.opinion, Opinion::Favourable);
        assert!(valid.witness);
        assert_eq!(valid.proceedings_number.as_deref(), Some("1234/26 RGNR"));
    }

    #[test]
    fn proceedings_started_by_the_office_alone_need_no_complaint() {
        let today = day("2026-12-06");
        let valid = ProceedingsForm {
            prosecutor_office: "Procura della Repubblica di Torino".into(),
            opinion: "requested".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.filed_on, None);
        assert_eq!(valid.opinion, Opinion::Requested);
        let given = ProceedingsForm {
            prosecutor_office: "Procura della Repubblica di Torino".into(),
            opinion: "unfavourable".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(given.problem_for("opinion_on"), Some(Problem::Required));
    }

    #[test]
    fn a_hearing_belongs_to_proceedings_and_has_a_date_and_a_kind() {
        let error = HearingForm {
            proceedings: String::new(),
            hearing_on: String::new(),
            kind: "party".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(error.problem_for("proceedings"), Some(Problem::Required));
        assert_eq!(error.problem_for("hearing_on"), Some(Problem::Required));
        assert_eq!(error.problem_for("kind"), Some(Problem::UnknownChoice));
        let valid = HearingForm {
            proceedings: "4".into(),
            hearing_on: "2027-01-20".into(),
            kind: "evidentiary_hearing".into(),
            accompanied: Some("on".into()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(valid.proceedings, 4);
        assert!(valid.accompanied);
    }
}
