//! Whole-page states: loading, not found.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::errors::ErrorPanel;
use crate::error::AppError;

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
        <Title text={
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "error-not-found")
        } />
        <ErrorPanel error=AppError::NotFound />
    }
}
