//! The translation keys of the report's labels and tables: the page, the CSV and the
//! workbook name a figure with the same words.

use super::*;

/// The translation key of a row or column label (the page and the CSV share them).
pub fn label_key(label: &Label) -> String {
    match label {
        Label::Gender(gender) => format!("gender-{}", gender.code().replace('_', "-")),
        Label::Exploitation(kind) => format!("exploitation-{}", kind.code().replace('_', "-")),
        Label::Channel(channel) => format!("channel-{}", channel.code().replace('_', "-")),
        Label::Structure(_) | Label::Province(_) | Label::Organisation(_) | Label::Month(_) => {
            String::new()
        }
        Label::Stage(status) => format!("status-{}", status.code().replace('_', "-")),
        Label::ExitOutcome(outcome) => format!("exit-{}", outcome.code().replace('_', "-")),
        Label::Spending(category) => {
            format!("spending-category-{}", category.code().replace('_', "-"))
        }
        Label::EventKind(kind) => format!("network-kind-{}", kind.code().replace('_', "-")),
        Label::Audience(audience) => {
            format!("network-audience-{}", audience.code().replace('_', "-"))
        }
        Label::StructureKind(kind) => format!("structure-{}", kind.code().replace('_', "-")),
        Label::Rule(rule) => format!("rule-name-{}", rule.code().replace('_', "-")),
        other => format!(
            "report-label-{}",
            match other {
                Label::Continuing => "continuing",
                Label::NewTakeIns => "new",
                Label::Total => "total",
                Label::Minors => "minors",
                Label::Adults => "adults",
                Label::Evaluations => "evaluations",
                Label::StillOpen => "still-open",
                Label::Proximity => "proximity",
                Label::Identified => "identified",
                Label::Proposals => "proposals",
                Label::CommissionRequests => "commission-requests",
                Label::CommissionReferrals => "commission-referrals",
                Label::HearingAccompaniments => "hearing-accompaniments",
                Label::PermitsConverted => "permits-converted",
                Label::Contacts => "contacts",
                Label::AllPeople => "all",
                Label::Internships => "internships",
                Label::WorkGrants => "work-grants",
                Label::SingleMothers => "single-mothers",
                Label::Beds => "beds",
                Label::PresenceDays => "presence-days",
                Label::AvailableDays => "available-days",
                Label::Identifications => "identifications",
                Label::TakenInCharge => "taken-in-charge",
                Label::Occupied => "occupied",
                Label::Held => "held",
                Label::OutOfService => "out-of-service",
                Label::Free => "free",
                Label::People => "people",
                Label::Euros => "euros",
                Label::TransfersIn => "transfers-in",
                Label::TransfersInTollFree => "transfers-in-toll-free",
                Label::TransfersOut => "transfers-out",
                Label::TransfersOutSafety => "transfers-out-safety",
                Label::DecisionsTaken => "decisions-taken",
                Label::DecisionsDone => "decisions-done",
                Label::Events => "events",
                Label::Present => "present",
                Label::UnaccompaniedBeforeHearing => "unaccompanied-before-hearing",
                Label::BornInProject => "born-in-project",
                Label::BornInPeriod => "born-in-period",
                Label::WholeStay => "whole-stay",
                Label::StaysEnded => "stays-ended",
                Label::AverageDays => "average-days",
                Label::PlacedFromWaiting => "placed-from-waiting",
                Label::StillWaiting => "still-waiting",
                Label::Refused => "refused",
                Label::SetAside => "set-aside",
                _ => "total",
            }
        ),
    }
}

/// The translation key of a table's title.
pub fn table_title_key(id: TableId) -> String {
    format!("report-table-{}", id.code().replace('_', "-"))
}
