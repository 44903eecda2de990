//! Whole-page states: loading, not found.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::errors::ErrorPanel;
use crate::kernel::error::AppError;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            {move_tr!("loading")}
        </p>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "error-not-found")
        }) />
        <ErrorPanel error=AppError::NotFound />
    }
}

/// A page's title. On the server a plain string, computed while the page renders:
/// leptos_axum reads the title after rendering, when the page's signals (the language,
/// the record's code) may already be disposed, and reading them then panicked under
/// concurrent requests. In the browser it stays reactive (language switch, next record).
pub fn page_title(text: impl Fn() -> String + Send + Sync + 'static) -> leptos::prelude::TextProp {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::TextProp::from(text())
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::TextProp::from(text)
    }
}
