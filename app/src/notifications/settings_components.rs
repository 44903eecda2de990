//! The e-mail settings of notifications, and the page an e-mail's unsubscribe link opens.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{fetch_email_settings, SaveEmailSettings, Unsubscribe};
use super::model::{EmailMode, EmailSettings};
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::Choices;
use crate::ui::forms::FormErrorSummary;
use crate::ui::pages::{page_title, Loading};

fn mode_name(mode: EmailMode) -> String {
    match mode {
        EmailMode::Immediate => tr!("notifications-mode-immediate"),
        EmailMode::Daily => tr!("notifications-mode-daily"),
        EmailMode::Off => tr!("notifications-mode-off"),
    }
}

#[component]
pub fn EmailSettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveEmailSettings>::new();
    let data = Resource::new(move || save.version().get(), |_| fetch_email_settings());
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "notifications-settings-title")
        }) />
        <p><a href="/notifiche">{move_tr!("notifications-title")}</a></p>
        <h1>{move_tr!("notifications-settings-title")}</h1>
        <p class="lead">{move_tr!("notifications-settings-intro")}</p>
        <FormErrorSummary error />
        {move || saved().then(|| view! { <p class="notice success" role="status">{move_tr!("notifications-settings-saved")}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(settings) => view! { <EmailSettingsForm settings save error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EmailSettingsForm(
    settings: EmailSettings,
    save: ServerAction<SaveEmailSettings>,
    error: Signal<Option<crate::kernel::error::AppError>>,
) -> impl IntoView {
    let options: Vec<(&'static str, Signal<String>, bool)> = EmailMode::ALL
        .iter()
        .copied()
        .map(|mode| {
            (
                mode.code(),
                Signal::derive(move || mode_name(mode)),
                mode == settings.mode,
            )
        })
        .collect();
    let address = settings.address.clone();
    let name = settings.name.clone();
    view! {
        {(!settings.email_enabled).then(|| view! {
            <p class="notice">{move_tr!("notifications-settings-disabled")}</p>
        })}
        <ActionForm action=save attr:class="forum-form">
            <Choices
                legend=Signal::derive(move || tr!("notifications-settings-question"))
                name="mode"
                kind="radio"
                options
                error
                key="mode"
            />
            <p class="hint">{move_tr!("notifications-settings-address", { "address" => address.clone() })}</p>
            <Submit quiet=true action=save class="button primary">{move_tr!("notifications-settings-save")}</Submit>
        </ActionForm>
        <section class="panel email-preview" aria-labelledby="email-preview">
            <h2 id="email-preview">{move_tr!("notifications-settings-preview")}</h2>
            <p><strong>{move_tr!("email-subject", { "count" => 2 })}</strong></p>
            <p>{move_tr!("email-greeting", { "name" => name.clone() })}</p>
            <p>{move_tr!("email-intro", { "count" => 2 })}</p>
            <p>{move_tr!("email-intro-daily", { "count" => 2 })}</p>
            <p>{move_tr!("email-read")} " …/notifiche"</p>
            <p>{move_tr!("email-privacy")}</p>
            <p>{move_tr!("email-stop")} " …/notifiche/disiscrizione/…"</p>
        </section>
    }
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    // The server function sends the browser back here with the outcome, with or without
    // JavaScript.
    let outcome = Memo::new(move |_| query.read().get("fatto"));
    let unsubscribe = ServerAction::<Unsubscribe>::new();
    let error = Signal::derive(move || unsubscribe.value().get().and_then(|r| r.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "unsubscribe-title")
        }) />
        <h1>{move_tr!("unsubscribe-title")}</h1>
        <FormErrorSummary error />
        {move || match outcome.get().as_deref() {
            Some("1") => view! { <p class="notice success" role="status">{move_tr!("unsubscribe-done")}</p> }.into_any(),
            Some(_) => view! { <p class="notice" role="alert">{move_tr!("unsubscribe-unknown")}</p> }.into_any(),
            None => view! {
                <p class="lead">{move_tr!("unsubscribe-question")}</p>
                <ActionForm action=unsubscribe>
                    <input type="hidden" name="token" value=move || token.get() />
                    <Submit action=unsubscribe class="button primary" quiet=true>{move_tr!("unsubscribe-confirm")}</Submit>
                </ActionForm>
            }.into_any(),
        }}
    }
}
