//! What the parts of the path show outside their own pages: their dates on "Il mio lavoro".

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use super::model::{PathDate, PathDateKind};
use crate::ui::time::day_text;

pub fn path_date_name(kind: PathDateKind) -> String {
    match kind {
        PathDateKind::CommissionInterview => tr!("path-date-commission-interview"),
        PathDateKind::CommissionHearing => tr!("path-date-commission-hearing"),
        PathDateKind::CommissionOutcome => tr!("path-date-commission-outcome"),
        PathDateKind::JudicialHearing => tr!("path-date-judicial-hearing"),
        PathDateKind::AgeAssessment => tr!("path-date-age-assessment"),
        PathDateKind::DocumentExpiry => tr!("path-date-document-expiry"),
        PathDateKind::SpendingApproval => tr!("path-date-spending-approval"),
        PathDateKind::Transfer => tr!("path-date-transfer"),
    }
}

/// The dated steps of the path, overdue ones marked, each linking to its page.
#[component]
pub fn PathDates(dates: Vec<PathDate>, today: NaiveDate) -> impl IntoView {
    if dates.is_empty() {
        return view! { <p>{move_tr!("my-work-none")}</p> }.into_any();
    }
    view! {
        <ul class="plain-list">
            {dates.into_iter().map(|date| {
                let (kind, on, late) = (date.kind, date.on, date.overdue(today));
                view! {
                    <li class:overdue=late>
                        <a class="code" href=date.link.clone()>{date.code.clone()}</a>
                        " · " {move || path_date_name(kind)}
                        " · " {move || day_text(on)}
                        {late.then(|| view! { " · " <strong>{move_tr!("path-date-late")}</strong> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
