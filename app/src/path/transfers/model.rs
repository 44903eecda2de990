//! Wire types and form validation of a person's transfers between projects and regions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::{optional_past_day, past_day, required_day};
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, prose, record_id, required_choice, required_text};

pub const MAX_PROJECT: usize = 120;
pub const MAX_REGION: usize = 40;
pub const MAX_REASON: usize = 2000;

/// The regions of Italy (and "abroad"), suggested by the form's field.
pub const REGIONS: &[&str] = &[
    "Abruzzo",
    "Basilicata",
    "Calabria",
    "Campania",
    "Emilia-Romagna",
    "Friuli-Venezia Giulia",
    "Lazio",
    "Liguria",
    "Lombardia",
    "Marche",
    "Molise",
    "Piemonte",
    "Puglia",
    "Sardegna",
    "Sicilia",
    "Toscana",
    "Trentino-Alto Adige",
    "Umbria",
    "Valle d'Aosta",
    "Veneto",
];

code_enum! {
    /// Whether she leaves for another project or comes from one.
    Direction {
        Outgoing => "outgoing",
        Incoming => "incoming",
    }
}

code_enum! {
    /// Who referred an incoming person: the national toll-free number against
    /// trafficking (Numero Verde 800 290 290), another project of the national system,
    /// a Territorial Commission, the police, social services, a CAS or SAI reception, or
    /// someone else.
    ReferralSource {
        TollFree => "toll_free",
        AntiTraffickingProject => "anti_trafficking_project",
        TerritorialCommission => "territorial_commission",
        Police => "police",
        SocialServices => "social_services",
        CasSai => "cas_sai",
        Other => "other",
    }
}

/// Where a person's transfers are.
pub fn transfers_path(code: &str) -> String {
    format!("/persone/{}/trasferimenti", code.trim().to_uppercase())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferRow {
    pub id: i32,
    pub direction: Direction,
    pub transfer_on: NaiveDate,
    pub project: String,
    pub region: String,
    pub reason: Option<String>,
    pub for_safety: bool,
    pub source: Option<ReferralSource>,
    pub file_handed_over: bool,
    pub consent_on: Option<NaiveDate>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransfersPage {
    pub code: String,
    pub today: NaiveDate,
    pub editable: bool,
    /// Newest first, both directions.
    pub transfers: Vec<TransferRow>,
}

/// An outgoing transfer, new (`record` empty) or changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingForm {
    #[serde(default)]
    pub record: String,
    pub transfer_on: String,
    pub project: String,
    pub region: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub for_safety: Option<String>,
    #[serde(default)]
    pub file_handed_over: Option<String>,
    #[serde(default)]
    pub consent_on: String,
}

/// A transfer checked, either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidTransfer {
    pub record: Option<i32>,
    pub direction: Direction,
    pub transfer_on: NaiveDate,
    pub project: String,
    pub region: String,
    pub reason: Option<String>,
    pub for_safety: bool,
    pub source: Option<ReferralSource>,
    pub file_handed_over: bool,
    pub consent_on: Option<NaiveDate>,
}

impl OutgoingForm {
    /// An outgoing transfer may be planned (a day to come); her file goes to the
    /// receiving project only with the day she consented to it, not after the transfer.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidTransfer, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let transfer_on = required_day("transfer_on", &self.transfer_on, &mut checks);
        let project = required_text("project", &self.project, MAX_PROJECT, &mut checks);
        let region = required_text("region", &self.region, MAX_REGION, &mut checks);
        let reason = prose("reason", &self.reason, MAX_REASON, false, &mut checks);
        let file_handed_over = self.file_handed_over.is_some();
        let consent_on = optional_past_day("consent_on", &self.consent_on, today, &mut checks);
        if file_handed_over && consent_on.is_none() && !checks.has("consent_on") {
            checks.add("consent_on", Problem::Required);
        }
        if let (Some(consent), Some(transfer)) = (consent_on, transfer_on) {
            if file_handed_over && consent > transfer {
                checks.add("consent_on", Problem::OutOfRange);
            }
        }
        checks.finish()?;
        Ok(ValidTransfer {
            record,
            direction: Direction::Outgoing,
            transfer_on: transfer_on.unwrap_or(today),
            project,
            region,
            reason,
            for_safety: self.for_safety.is_some(),
            source: None,
            file_handed_over,
            consent_on: consent_on.filter(|_| file_handed_over),
        })
    }
}

/// An incoming transfer, new or changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingForm {
    #[serde(default)]
    pub record: String,
    pub transfer_on: String,
    pub project: String,
    pub region: String,
    pub source: String,
    #[serde(default)]
    pub reason: String,
}

impl IncomingForm {
    /// She has arrived: the day is past.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidTransfer, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let transfer_on = past_day("transfer_on", &self.transfer_on, today, &mut checks);
        let project = required_text("project", &self.project, MAX_PROJECT, &mut checks);
        let region = required_text("region", &self.region, MAX_REGION, &mut checks);
        let source = required_choice(
            "source",
            &self.source,
            ReferralSource::from_code,
            &mut checks,
        );
        let reason = prose("reason", &self.reason, MAX_REASON, false, &mut checks);
        checks.finish()?;
        Ok(ValidTransfer {
            record,
            direction: Direction::Incoming,
            transfer_on: transfer_on.unwrap_or(today),
            project,
            region,
            reason,
            for_safety: false,
            source,
            file_handed_over: false,
            consent_on: None,
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
    fn her_file_goes_with_her_only_with_her_consent_given_before() {
        let today = day("2026-12-07");
        let form = OutgoingForm {
            record: String::new(),
            transfer_on: "2026-12-20".into(),
            project: " Progetto  Oltre la Strada ".into(),
            region: "Emilia-Romagna".into(),
            reason: "Rischio di essere rintracciata dalla rete".into(),
            for_safety: Some("on".into()),
            file_handed_over: Some("on".into()),
            consent_on: String::new(),
        };
        let error = form.validate(today).unwrap_err();
        assert_eq!(error.problem_for("consent_on"), Some(Problem::Required));
        let valid = OutgoingForm {
            consent_on: "2026-12-05".into(),
            ..form.clone()
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.project, "Progetto Oltre la Strada");
        assert!(valid.for_safety && valid.file_handed_over);
        assert_eq!(valid.consent_on, Some(day("2026-12-05")));
        assert_eq!(valid.direction, Direction::Outgoing);
        // Consent after the transfer: too late for the file that went with her.
        let late = OutgoingForm {
            transfer_on: "2026-12-01".into(),
            consent_on: "2026-12-05".into(),
            ..form.clone()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(late.problem_for("consent_on"), Some(Problem::OutOfRange));
        // Without the file, no consent day is kept.
        let without = OutgoingForm {
            file_handed_over: None,
            consent_on: "2026-12-05".into(),
            ..form
        }
        .validate(today)
        .unwrap();
        assert_eq!(without.consent_on, None);
    }

    #[test]
    fn an_incoming_transfer_has_arrived_and_names_who_referred_her() {
        let today = day("2026-12-07");
        let error = IncomingForm {
            record: "x".into(),
            transfer_on: "2026-12-08".into(),
            project: String::new(),
            region: "r".repeat(MAX_REGION + 1),
            source: "friend".into(),
            reason: String::new(),
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(error.problem_for("record"), Some(Problem::UnknownChoice));
        assert_eq!(
            error.problem_for("transfer_on"),
            Some(Problem::DateInFuture)
        );
        assert_eq!(error.problem_for("project"), Some(Problem::Required));
        assert_eq!(error.problem_for("region"), Some(Problem::TooLong));
        assert_eq!(error.problem_for("source"), Some(Problem::UnknownChoice));
        let valid = IncomingForm {
            record: String::new(),
            transfer_on: "2026-11-30".into(),
            project: "Progetto Piam".into(),
            region: "Piemonte".into(),
            source: "toll_free".into(),
            reason: String::new(),
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.source, Some(ReferralSource::TollFree));
        assert_eq!(valid.direction, Direction::Incoming);
    }
}
