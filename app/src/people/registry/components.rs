//! Pages of the registry: the list of people, registration, and the person's page.
//! A page shows identity fields only when the server sent them: it never decides.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::ui::forms::urlencode;

use super::api::*;
use crate::auth::model::PROVINCES;
use crate::people::components::{exploitation_name, gender_name, nationality_name};
use crate::people::model::{Exploitation, Gender, Nationality};
use crate::people::registry::model::*;
use crate::people::screening::components::ScreeningList;
use crate::people::waiting::api::{AddToWaitingList, WithdrawFromWaitingList};
use crate::people::waiting::components::WaitingSection;
use crate::ui::errors::{problem_message, ErrorPanel};
use crate::ui::forms::Choices;
use crate::ui::forms::{FormError, FormErrorSummary, SelectField, TextField};
use crate::ui::pages::Loading;
use crate::ui::time::day;

mod duplicates;
mod list;
mod person;
mod registration;
pub use duplicates::*;
pub use list::*;
pub use person::*;
pub use registration::*;

pub fn status_name(status: PathStatus) -> String {
    match status {
        PathStatus::Contact => tr!("status-contact"),
        PathStatus::Screening => tr!("status-screening"),
        PathStatus::Proposal => tr!("status-proposal"),
        PathStatus::TakenInCharge => tr!("status-taken-in-charge"),
        PathStatus::Placed => tr!("status-placed"),
        PathStatus::Inclusion => tr!("status-inclusion"),
        PathStatus::Exited => tr!("status-exited"),
    }
}

pub fn exit_outcome_name(outcome: ExitOutcome) -> String {
    match outcome {
        ExitOutcome::Autonomy => tr!("exit-autonomy"),
        ExitOutcome::VoluntaryReturn => tr!("exit-voluntary-return"),
        ExitOutcome::Transfer => tr!("exit-transfer"),
        ExitOutcome::DropOut => tr!("exit-drop-out"),
        ExitOutcome::Other => tr!("exit-other"),
    }
}

fn consent_kind_name(kind: ConsentKind) -> String {
    match kind {
        ConsentKind::Processing => tr!("consent-processing"),
        ConsentKind::Sharing => tr!("consent-sharing"),
    }
}

fn kinds_text(kinds: &[Exploitation]) -> String {
    if kinds.is_empty() {
        "—".to_string()
    } else {
        kinds
            .iter()
            .map(|k| exploitation_name(*k))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "Donna, 17 anni, minore" — the pseudonymous description of a person.
fn who_text(row: &PersonRow) -> String {
    let mut parts = vec![gender_name(row.gender)];
    if let Some(age) = row.age {
        parts.push(tr!("person-age", { "age" => age }));
    }
    if row.minor {
        parts.push(tr!("person-minor"));
    }
    parts.join(", ")
}
