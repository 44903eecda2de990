//! Dates and times on a page, in the interface's language and in Italy's time zone
//! (`kernel::when`), each inside a `<time>` element that carries the exact value.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_fluent::I18n;

use crate::kernel::when;

/// The interface's language (`"it"`, `"en"`); Italian outside a page.
pub fn interface_language() -> String {
    use_context::<I18n>()
        .map(|i18n| i18n.language.get().id.to_string())
        .unwrap_or_default()
}

/// A calendar day as text (`06/12/2026`, `6 Dec 2026`), for attributes and sentences.
pub fn day_text(day: NaiveDate) -> String {
    when::day_text(day, &interface_language())
}

/// A moment as text, day and time in Italy.
pub fn moment_text(moment: DateTime<Utc>) -> String {
    when::moment_text(moment, &interface_language())
}

/// The day of a moment in Italy, as text.
pub fn moment_day_text(moment: DateTime<Utc>) -> String {
    when::moment_day_text(moment, &interface_language())
}

/// A month as text (`12/2026`, `Dec 2026`).
pub fn month_text(first_day: NaiveDate) -> String {
    when::month_text(first_day, &interface_language())
}

/// A calendar day.
pub fn day(day: NaiveDate) -> impl IntoView {
    view! { <time datetime=day.to_string()>{move || day_text(day)}</time> }
}

/// A calendar day, or a dash when there is none.
pub fn optional_day(value: Option<NaiveDate>) -> AnyView {
    match value {
        Some(value) => day(value).into_any(),
        None => "—".into_any(),
    }
}

/// The day of a moment, in Italy.
pub fn moment_day(moment: DateTime<Utc>) -> impl IntoView {
    view! {
        <time datetime=moment.to_rfc3339()>
            {move || moment_day_text(moment)}
        </time>
    }
}

/// A moment, day and time in Italy.
pub fn moment(moment: DateTime<Utc>) -> impl IntoView {
    view! { <time datetime=moment.to_rfc3339()>{move || moment_text(moment)}</time> }
}
