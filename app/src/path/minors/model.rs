//! Wire types and form validation of the minors' page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::{optional_past_day, past_day};
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, optional_choice, optional_text, prose, required_choice};

pub const MAX_NAME: usize = 120;
pub const MAX_SUBJECT: usize = 1000;

/// How long an age assessment may take before "Il mio lavoro" calls it late.
pub const AGE_ASSESSMENT_DAYS: i64 = 30;

code_enum! {
    /// How her age was assessed (the multidisciplinary procedure of law 47/2017 first).
    AgeMethod {
        Multidisciplinary => "multidisciplinary",
        Documents => "documents",
        Medical => "medical",
        Interview => "interview",
        Other => "other",
    }
}

code_enum! {
    AgeOutcome {
        Minor => "minor",
        Adult => "adult",
        Undetermined => "undetermined",
    }
}

code_enum! {
    /// Who a communication about her went to.
    Recipient {
        JuvenileCourt => "juvenile_court",
        MinorsProsecutor => "minors_prosecutor",
        Guarantor => "guarantor",
        Guardian => "guardian",
        SocialServices => "social_services",
    }
}

/// The procedures as the form shows and saves them (every field may be empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedures {
    pub age_requested_on: Option<NaiveDate>,
    pub age_method: Option<AgeMethod>,
    pub age_outcome: Option<AgeOutcome>,
    pub age_assessed_on: Option<NaiveDate>,
    pub guardian_court: Option<String>,
    pub guardian_appointed_on: Option<NaiveDate>,
    pub guardian_name: Option<String>,
    pub guarantor_involved_on: Option<NaiveDate>,
    pub community: Option<String>,
    pub community_since: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunicationRow {
    pub id: i32,
    pub sent_on: NaiveDate,
    pub recipient: Recipient,
    pub subject: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinorsPage {
    pub code: String,
    pub today: NaiveDate,
    pub editable: bool,
    /// A minor by her record today (or declared one): the page says when she is not.
    pub minor: bool,
    pub unaccompanied: bool,
    pub procedures: Procedures,
    /// Newest first.
    pub communications: Vec<CommunicationRow>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProceduresForm {
    #[serde(default)]
    pub age_requested_on: String,
    #[serde(default)]
    pub age_method: String,
    #[serde(default)]
    pub age_outcome: String,
    #[serde(default)]
    pub age_assessed_on: String,
    #[serde(default)]
    pub guardian_court: String,
    #[serde(default)]
    pub guardian_appointed_on: String,
    #[serde(default)]
    pub guardian_name: String,
    #[serde(default)]
    pub guarantor_involved_on: String,
    #[serde(default)]
    pub community: String,
    #[serde(default)]
    pub community_since: String,
}

impl ProceduresForm {
    pub fn validate(&self, today: NaiveDate) -> Result<Procedures, AppError> {
        let mut checks = Validation::default();
        let age_requested_on = optional_past_day(
            "age_requested_on",
            &self.age_requested_on,
            today,
            &mut checks,
        );
        let age_method = optional_choice(
            "age_method",
            &self.age_method,
            AgeMethod::from_code,
            &mut checks,
        );
        let age_outcome = optional_choice(
            "age_outcome",
            &self.age_outcome,
            AgeOutcome::from_code,
            &mut checks,
        );
        let age_assessed_on =
            optional_past_day("age_assessed_on", &self.age_assessed_on, today, &mut checks);
        // An outcome is dated and says how it was reached; it comes after the request.
        if age_outcome.is_some() && age_assessed_on.is_none() && !checks.has("age_assessed_on") {
            checks.add("age_assessed_on", Problem::Required);
        }
        if age_outcome.is_some() && age_method.is_none() && !checks.has("age_method") {
            checks.add("age_method", Problem::Required);
        }
        if age_assessed_on.is_some() && age_outcome.is_none() && !checks.has("age_outcome") {
            checks.add("age_outcome", Problem::Required);
        }
        if let (Some(requested), Some(assessed)) = (age_requested_on, age_assessed_on) {
            if assessed < requested {
                checks.add("age_assessed_on", Problem::OutOfRange);
            }
        }
        let guardian_court = optional_text(
            "guardian_court",
            &self.guardian_court,
            MAX_NAME,
            &mut checks,
        );
        let guardian_appointed_on = optional_past_day(
            "guardian_appointed_on",
            &self.guardian_appointed_on,
            today,
            &mut checks,
        );
        let guardian_name =
            optional_text("guardian_name", &self.guardian_name, MAX_NAME, &mut checks);
        // A guardian appointed has a name and a date.
        if guardian_name.is_some()
            && guardian_appointed_on.is_none()
            && !checks.has("guardian_appointed_on")
        {
            checks.add("guardian_appointed_on", Problem::Required);
        }
        let guarantor_involved_on = optional_past_day(
            "guarantor_involved_on",
            &self.guarantor_involved_on,
            today,
            &mut checks,
        );
        let community = optional_text("community", &self.community, MAX_NAME, &mut checks);
        let community_since =
            optional_past_day("community_since", &self.community_since, today, &mut checks);
        if community_since.is_some() && community.is_none() && !checks.has("community") {
            checks.add("community", Problem::Required);
        }
        checks.finish()?;
        Ok(Procedures {
            age_requested_on,
            age_method,
            age_outcome,
            age_assessed_on,
            guardian_court,
            guardian_appointed_on,
            guardian_name,
            guarantor_involved_on,
            community,
            community_since,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunicationForm {
    pub sent_on: String,
    pub recipient: String,
    #[serde(default)]
    pub subject: String,
}

#[derive(Debug)]
pub struct ValidCommunication {
    pub sent_on: NaiveDate,
    pub recipient: Recipient,
    pub subject: Option<String>,
}

impl CommunicationForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidCommunication, AppError> {
        let mut checks = Validation::default();
        let sent_on = past_day("sent_on", &self.sent_on, today, &mut checks);
        let recipient = required_choice(
            "recipient",
            &self.recipient,
            Recipient::from_code,
            &mut checks,
        );
        let subject = prose("subject", &self.subject, MAX_SUBJECT, false, &mut checks);
        checks.finish()?;
        Ok(ValidCommunication {
            sent_on: sent_on.unwrap_or(today),
            recipient: recipient.unwrap_or(Recipient::JuvenileCourt),
            subject,
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
    fn an_age_outcome_is_dated_and_says_how_it_was_reached() {
        let today = day("2026-12-06");
        let error = ProceduresForm {
            age_requested_on: "2026-11-20".into(),
            age_outcome: "minor".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(
            error.problem_for("age_assessed_on"),
            Some(Problem::Required)
        );
        assert_eq!(error.problem_for("age_method"), Some(Problem::Required));
        let early = ProceduresForm {
            age_requested_on: "2026-11-20".into(),
            age_method: "multidisciplinary".into(),
            age_outcome: "minor".into(),
            age_assessed_on: "2026-11-01".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(
            early.problem_for("age_assessed_on"),
            Some(Problem::OutOfRange)
        );
        let valid = ProceduresForm {
            age_requested_on: "2026-11-20".into(),
            age_method: "multidisciplinary".into(),
            age_outcome: "minor".into(),
            age_assessed_on: "2026-12-01".into(),
            guardian_name: "Maria Ferrero".into(),
            guardian_appointed_on: "2026-12-02".into(),
            guardian_court: "Tribunale per i minorenni di Torino".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.age_outcome, Some(AgeOutcome::Minor));
        assert_eq!(valid.guardian_name.as_deref(), Some("Maria Ferrero"));
    }

    #[test]
    fn a_guardian_has_a_date_and_a_community_a_name() {
        let today = day("2026-12-06");
        let error = ProceduresForm {
            guardian_name: "Maria Ferrero".into(),
            community_since: "2026-11-01".into(),
            guarantor_involved_on: "2026-12-07".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(
            error.problem_for("guardian_appointed_on"),
            Some(Problem::Required)
        );
        assert_eq!(error.problem_for("community"), Some(Problem::Required));
        assert_eq!(
            error.problem_for("guarantor_involved_on"),
            Some(Problem::DateInFuture)
        );
        assert_eq!(
            ProceduresForm::default().validate(today).unwrap(),
            Procedures::default()
        );
    }

    #[test]
    fn a_communication_went_to_someone_on_a_day() {
        let today = day("2026-12-06");
        let error = CommunicationForm::default().validate(today).unwrap_err();
        assert_eq!(error.problem_for("sent_on"), Some(Problem::Required));
        assert_eq!(error.problem_for("recipient"), Some(Problem::Required));
        let valid = CommunicationForm {
            sent_on: "2026-12-01".into(),
            recipient: "minors_prosecutor".into(),
            subject: "Segnalazione di minore straniera non accompagnata".into(),
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.recipient, Recipient::MinorsProsecutor);
    }
}
