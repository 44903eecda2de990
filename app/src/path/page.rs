//! The frame every page of a person's path shares: the person's code from the address,
//! the page's title and heading, what the page is for, the error of whichever of its
//! forms was refused, and its data, loaded again after each answer. Each part brings
//! only its texts, its fetch and its view.

use std::future::Future;

use leptos::prelude::*;
use leptos_fluent::I18n;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{de::DeserializeOwned, Serialize};

use crate::kernel::error::AppError;
use crate::ui::errors::{ErrorPanel, FormProblems};
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};

/// The words of a page of the path: its title given the person's code (read while the
/// page renders on the server, hence the explicit `I18n`), its heading and how its
/// refused fields are named.
pub struct PathTexts {
    pub title: fn(I18n, String) -> String,
    pub heading: Signal<String>,
    pub field_label: fn(&str) -> String,
}

/// The person's code in the address, as the pages of the path read it.
pub fn person_code() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("code").unwrap_or_default())
}

/// A page of the path: `fetch` loads its data for the person's code (again whenever one
/// of `forms` answers), `body` draws them. `intro` sits under the heading, above the
/// refused form's `error` (the forms' own, or one the address brought back).
pub fn path_page<T, Fut, V>(
    code: Memo<String>,
    (forms, error): (PageForms, Signal<Option<AppError>>),
    texts: PathTexts,
    intro: impl IntoView + 'static,
    fetch: fn(String) -> Fut,
    body: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let PathTexts {
        title,
        heading,
        field_label,
    } = texts;
    let data = Resource::new(
        move || (code.get(), forms.answers()),
        move |(code, _)| fetch(code),
    );
    let i18n = expect_context::<I18n>();
    view! {
        <Title text=page_title(move || title(i18n, code.get())) />
        <h1>{heading} " " <span class="code">{move || code.get()}</span></h1>
        {intro}
        <FormProblems error field_label />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => body(page).into_any(),
                }
            })}
        </Suspense>
    }
}
