//! What the parts of the path share: the dated steps they put on "Il mio lavoro".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::fields::code_enum;

code_enum! {
    /// A date of the path that someone of the team has to keep: the anti-trafficking
    /// interview a Commission asked for; the hearing before the Commission after the
    /// network's referral; a hearing passed whose outcome is not recorded yet; a
    /// hearing of the criminal proceedings (shown only to who reads the judicial route);
    /// an age assessment still without its outcome a month after the request; a
    /// document (a permit, a passport) expiring with nothing newer of its kind; an
    /// expense of support waiting a week for its reception manager's approval; a
    /// transfer to another project coming.
    PathDateKind {
        CommissionInterview => "commission_interview",
        CommissionHearing => "commission_hearing",
        CommissionOutcome => "commission_outcome",
        JudicialHearing => "judicial_hearing",
        AgeAssessment => "age_assessment",
        DocumentExpiry => "document_expiry",
        SpendingApproval => "spending_approval",
        Transfer => "transfer",
    }
}

/// One dated step of a person's path due soon or overdue, for "Il mio lavoro".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathDate {
    pub code: String,
    pub kind: PathDateKind,
    pub on: NaiveDate,
    /// Where in the person's file the step is kept (`/persone/<code>/commissione`).
    pub link: String,
}

impl PathDate {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.on < today
    }
}
