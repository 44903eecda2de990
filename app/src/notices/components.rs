//! The notices' pages: headings and paragraphs from the translation files, so that both
//! languages say the same (each key written out: the translation check reads them).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use crate::ui::pages::page_title;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "privacy-title")
        }) />
        <article class="panel notice-page">
            <h1>{move_tr!("privacy-title")}</h1>
            <p class="lead">{move_tr!("privacy-lead")}</p>
            <section>
                <h2>{move_tr!("privacy-controller-title")}</h2>
                <p>{move_tr!("privacy-controller")}</p>
            </section>
            <section>
                <h2>{move_tr!("privacy-data-title")}</h2>
                <p>{move_tr!("privacy-data")}</p>
                <p>{move_tr!("privacy-data-not")}</p>
            </section>
            <section>
                <h2>{move_tr!("privacy-purposes-title")}</h2>
                <p>{move_tr!("privacy-purposes")}</p>
                <p>{move_tr!("privacy-basis")}</p>
            </section>
            <section>
                <h2>{move_tr!("privacy-keeping-title")}</h2>
                <p>{move_tr!("privacy-keeping")}</p>
            </section>
            <section>
                <h2>{move_tr!("privacy-recipients-title")}</h2>
                <p>{move_tr!("privacy-recipients")}</p>
            </section>
            <section>
                <h2>{move_tr!("privacy-rights-title")}</h2>
                <p>{move_tr!("privacy-rights")}</p>
                <p>{move_tr!("privacy-complaint")}</p>
            </section>
            <section>
                <h2>{move_tr!("privacy-cookies-title")}</h2>
                <p>{move_tr!("privacy-cookies")}</p>
            </section>
        </article>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "accessibility-title")
        }) />
        <article class="panel notice-page">
            <h1>{move_tr!("accessibility-title")}</h1>
            <p class="lead">{move_tr!("accessibility-lead")}</p>
            <section>
                <h2>{move_tr!("accessibility-status-title")}</h2>
                <p>{move_tr!("accessibility-status")}</p>
                <p>{move_tr!("accessibility-checks")}</p>
            </section>
            <section>
                <h2>{move_tr!("accessibility-limits-title")}</h2>
                <p>{move_tr!("accessibility-limits")}</p>
            </section>
            <section>
                <h2>{move_tr!("accessibility-feedback-title")}</h2>
                <p>{move_tr!("accessibility-feedback")}</p>
                <p>{move_tr!("accessibility-enforcement")}</p>
            </section>
            <section>
                <h2>{move_tr!("accessibility-prepared-title")}</h2>
                <p>{move_tr!("accessibility-prepared")}</p>
            </section>
        </article>
    }
}
