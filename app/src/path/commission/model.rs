//! Wire types and form validation of the Commission page. Compiled on both sides: the
//! server validates every form, the page only shows.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::{optional_day, optional_past_day, past_day};
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{
    code_enum, optional_choice, prose, record_id, required_choice, required_text,
};

pub const MAX_COMMISSION: usize = 80;
pub const MAX_NOTES: usize = 2000;

/// The seats of the Territorial Commissions and their sections the network deals with
/// most (seed 002 names Trieste, Udine, Forlì-Cesena, Salerno, Milano): suggestions of
/// the form's field, which takes any other name too.
pub const COMMISSION_SEATS: &[&str] = &[
    "Ancona",
    "Bari",
    "Bologna",
    "Brescia",
    "Cagliari",
    "Caserta",
    "Catania",
    "Crotone",
    "Firenze",
    "Foggia",
    "Forlì-Cesena",
    "Genova",
    "Lecce",
    "Milano",
    "Napoli",
    "Novara",
    "Padova",
    "Palermo",
    "Roma",
    "Salerno",
    "Siracusa",
    "Torino",
    "Trapani",
    "Trieste",
    "Udine",
    "Verona",
];

code_enum! {
    /// Where a Commission's request for an interview stands.
    RequestStatus {
        Received => "received",
        InterviewScheduled => "interview_scheduled",
        InterviewHeld => "interview_held",
        EvaluationSent => "evaluation_sent",
        Withdrawn => "withdrawn",
    }
}

impl RequestStatus {
    /// The interview is still to be held: its date goes on "Il mio lavoro".
    pub fn awaits_interview(self) -> bool {
        matches!(
            self,
            RequestStatus::Received | RequestStatus::InterviewScheduled
        )
    }
}

code_enum! {
    /// What the Commission decided after the hearing.
    CommissionOutcome {
        InternationalProtection => "international_protection",
        SubsidiaryProtection => "subsidiary_protection",
        SpecialCase => "special_case",
        AntiTraffickingReferral => "anti_trafficking_referral",
        Rejected => "rejected",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: i32,
    pub commission: String,
    pub received_on: NaiveDate,
    pub status: RequestStatus,
    pub interview_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub notes: Option<String>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralRow {
    pub id: i32,
    pub commission: String,
    pub referred_on: NaiveDate,
    pub reason: Option<String>,
    pub operator_id: Option<i32>,
    pub operator: Option<String>,
    pub accompanied: bool,
    pub hearing_on: Option<NaiveDate>,
    pub outcome: Option<CommissionOutcome>,
    pub outcome_on: Option<NaiveDate>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionPage {
    pub code: String,
    pub today: NaiveDate,
    /// False once the person is anonymised: nothing more is added.
    pub editable: bool,
    /// Newest first.
    pub requests: Vec<RequestRow>,
    /// Newest first.
    pub referrals: Vec<ReferralRow>,
    /// Who may follow a referral: the front-line staff of the organisations in charge.
    pub colleagues: Vec<(i32, String)>,
}

/// A request, new (`record` empty) or changed (`record` its id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    pub record: String,
    pub commission: String,
    pub received_on: String,
    pub status: String,
    #[serde(default)]
    pub interview_on: String,
    #[serde(default)]
    pub answered_on: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug)]
pub struct ValidRequest {
    pub record: Option<i32>,
    pub commission: String,
    pub received_on: NaiveDate,
    pub status: RequestStatus,
    pub interview_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// A date that cannot come before `start` (an interview before the request came).
fn not_before(
    field: &str,
    day: Option<NaiveDate>,
    start: Option<NaiveDate>,
    checks: &mut Validation,
) {
    if let (Some(day), Some(start)) = (day, start) {
        if day < start {
            checks.add(field, Problem::OutOfRange);
        }
    }
}

impl RequestForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidRequest, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let commission = required_text("commission", &self.commission, MAX_COMMISSION, &mut checks);
        let received_on = past_day("received_on", &self.received_on, today, &mut checks);
        let status = required_choice(
            "status",
            &self.status,
            RequestStatus::from_code,
            &mut checks,
        );
        let interview_on = optional_day("interview_on", &self.interview_on, &mut checks);
        not_before("interview_on", interview_on, received_on, &mut checks);
        let answered_on = optional_past_day("answered_on", &self.answered_on, today, &mut checks);
        not_before("answered_on", answered_on, received_on, &mut checks);
        // An evaluation sent back to the Commission is dated: it is what the report counts.
        if status == Some(RequestStatus::EvaluationSent) && answered_on.is_none() {
            checks.add("answered_on", Problem::Required);
        }
        if status == Some(RequestStatus::InterviewHeld)
            && interview_on.is_some_and(|day| day > today)
        {
            checks.add("interview_on", Problem::DateInFuture);
        }
        // An interview fixed or held has its day (it is what "Il mio lavoro" shows).
        let interview_dated = matches!(
            status,
            Some(RequestStatus::InterviewScheduled | RequestStatus::InterviewHeld)
        );
        if interview_dated && interview_on.is_none() && !checks.has("interview_on") {
            checks.add("interview_on", Problem::Required);
        }
        let notes = prose("notes", &self.notes, MAX_NOTES, false, &mut checks);
        checks.finish()?;
        Ok(ValidRequest {
            record,
            commission,
            received_on: received_on.unwrap_or(today),
            status: status.unwrap_or(RequestStatus::Received),
            interview_on,
            answered_on,
            notes,
        })
    }
}

/// A referral, new (`record` empty) or changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralForm {
    #[serde(default)]
    pub record: String,
    pub commission: String,
    pub referred_on: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub operator: String,
    #[serde(default)]
    pub accompanied: Option<String>,
    #[serde(default)]
    pub hearing_on: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub outcome_on: String,
}

#[derive(Debug)]
pub struct ValidReferral {
    pub record: Option<i32>,
    pub commission: String,
    pub referred_on: NaiveDate,
    pub reason: Option<String>,
    pub operator: Option<i32>,
    pub accompanied: bool,
    pub hearing_on: Option<NaiveDate>,
    pub outcome: Option<CommissionOutcome>,
    pub outcome_on: Option<NaiveDate>,
}

impl ReferralForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidReferral, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let commission = required_text("commission", &self.commission, MAX_COMMISSION, &mut checks);
        let referred_on = past_day("referred_on", &self.referred_on, today, &mut checks);
        let reason = prose("reason", &self.reason, MAX_NOTES, false, &mut checks);
        let operator = match self.operator.trim() {
            "" => None,
            id => match id.parse::<i32>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    checks.add("operator", Problem::UnknownChoice);
                    None
                }
            },
        };
        let accompanied = self.accompanied.is_some();
        let hearing_on = optional_day("hearing_on", &self.hearing_on, &mut checks);
        not_before("hearing_on", hearing_on, referred_on, &mut checks);
        // Accompanied to the hearing: the hearing has a date.
        if accompanied && hearing_on.is_none() {
            checks.add("hearing_on", Problem::Required);
        }
        let outcome = optional_choice(
            "outcome",
            &self.outcome,
            CommissionOutcome::from_code,
            &mut checks,
        );
        let outcome_on = optional_past_day("outcome_on", &self.outcome_on, today, &mut checks);
        not_before(
            "outcome_on",
            outcome_on,
            hearing_on.or(referred_on),
            &mut checks,
        );
        match (outcome.is_some(), outcome_on.is_some()) {
            (true, false) => checks.add("outcome_on", Problem::Required),
            (false, true) => checks.add("outcome", Problem::Required),
            _ => {}
        }
        checks.finish()?;
        Ok(ValidReferral {
            record,
            commission,
            referred_on: referred_on.unwrap_or(today),
            reason,
            operator,
            accompanied,
            hearing_on,
            outcome,
            outcome_on,
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
    fn a_request_is_dated_in_order_and_an_evaluation_sent_has_its_date() {
        let today = day("2026-12-06");
        let form = RequestForm {
            record: String::new(),
            commission: " Torino ".into(),
            received_on: "2026-11-20".into(),
            status: "evaluation_sent".into(),
            interview_on: "2026-11-10".into(),
            answered_on: String::new(),
            notes: String::new(),
        };
        let error = form.validate(today).unwrap_err();
        assert_eq!(error.problem_for("interview_on"), Some(Problem::OutOfRange));
        assert_eq!(error.problem_for("answered_on"), Some(Problem::Required));
        let valid = RequestForm {
            interview_on: "2026-11-27".into(),
            answered_on: "2026-12-01".into(),
            ..form
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.commission, "Torino");
        assert_eq!(valid.status, RequestStatus::EvaluationSent);
        assert_eq!(valid.record, None);
    }

    #[test]
    fn a_request_comes_from_a_named_commission_in_the_past() {
        let today = day("2026-12-06");
        let error = RequestForm {
            record: "abc".into(),
            commission: " ".into(),
            received_on: "2026-12-07".into(),
            status: "lost".into(),
            ..Default::default()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(error.problem_for("record"), Some(Problem::UnknownChoice));
        assert_eq!(error.problem_for("commission"), Some(Problem::Required));
        assert_eq!(
            error.problem_for("received_on"),
            Some(Problem::DateInFuture)
        );
        assert_eq!(error.problem_for("status"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn an_accompanied_referral_has_a_hearing_and_an_outcome_has_its_date() {
        let today = day("2026-12-06");
        let form = ReferralForm {
            record: "7".into(),
            commission: "Milano".into(),
            referred_on: "2026-10-01".into(),
            reason: "Indicatori di tratta emersi al colloquio".into(),
            operator: "3".into(),
            accompanied: Some("on".into()),
            hearing_on: String::new(),
            outcome: "special_case".into(),
            outcome_on: String::new(),
        };
        let error = form.validate(today).unwrap_err();
        assert_eq!(error.problem_for("hearing_on"), Some(Problem::Required));
        assert_eq!(error.problem_for("outcome_on"), Some(Problem::Required));
        let early = ReferralForm {
            hearing_on: "2026-09-30".into(),
            outcome_on: "2026-12-01".into(),
            ..form.clone()
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(early.problem_for("hearing_on"), Some(Problem::OutOfRange));
        let valid = ReferralForm {
            hearing_on: "2026-11-15".into(),
            outcome_on: "2026-12-01".into(),
            ..form
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.record, Some(7));
        assert_eq!(valid.operator, Some(3));
        assert!(valid.accompanied);
        assert_eq!(valid.outcome, Some(CommissionOutcome::SpecialCase));
    }

    #[test]
    fn a_date_without_outcome_or_an_unknown_operator_is_refused() {
        let error = ReferralForm {
            commission: "Trieste".into(),
            referred_on: "2026-10-01".into(),
            operator: "someone".into(),
            outcome_on: "2026-11-01".into(),
            ..Default::default()
        }
        .validate(day("2026-12-06"))
        .unwrap_err();
        assert_eq!(error.problem_for("operator"), Some(Problem::UnknownChoice));
        assert_eq!(error.problem_for("outcome"), Some(Problem::Required));
    }
}
