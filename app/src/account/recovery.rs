//! A forgotten password: the page that asks for a link by e-mail (or says to ask the
//! administration when the network sends no e-mail), and the page the link opens.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{reset_by_mail, ForgotPassword, ResetPassword};
use crate::auth::model::MIN_PASSWORD_LENGTH;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::{FormErrorSummary, TextField};
use crate::ui::pages::{page_title, Loading};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let ask = ServerAction::<ForgotPassword>::new();
    let error = Signal::derive(move || ask.value().get().and_then(|result| result.err()));
    let by_mail = Resource::new(|| (), |_| reset_by_mail());
    let query = use_query_map();
    let sent = move || {
        matches!(ask.value().get(), Some(Ok(())))
            || query.read().get("inviata").as_deref() == Some("1")
    };
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forgot-title")
        }) />
        <section class="panel narrow">
            <h1>{move_tr!("forgot-title")}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match by_mail.await {
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(false) => view! { <p class="lead">{move_tr!("forgot-ask-administration")}</p> }.into_any(),
                        Ok(true) => view! {
                            {move || sent().then(|| view! { <p class="notice success" role="status">{move_tr!("forgot-sent")}</p> })}
                            <details class="more-details">
                                <summary>{move_tr!("forgot-what-mail")}</summary>
                                <p><strong>{move_tr!("reset-mail-subject")}</strong></p>
                                <p class="mail-preview">{move_tr!("reset-mail-text", {
                                    "name" => "…",
                                    "link" => "…/reimposta-password/…",
                                    "minutes" => super::model::RESET_LINK_MINUTES,
                                })}</p>
                            </details>
                            <p class="lead">{move_tr!("forgot-intro")}</p>
                            <ActionForm action=ask>
                                <FormErrorSummary error />
                                <TextField label=move_tr!("field-email") name="email" kind="email"
                                    required=true autocomplete="username" error />
                                <Submit quiet=true action=ask class="button primary">
                                    {move_tr!("forgot-submit")}
                                </Submit>
                            </ActionForm>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
            <p><a href="/accedi">{move_tr!("forgot-back")}</a></p>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let reset = ServerAction::<ResetPassword>::new();
    let error = Signal::derive(move || reset.value().get().and_then(|result| result.err()));
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "reset-title")
        }) />
        <section class="panel narrow">
            <h1>{move_tr!("reset-title")}</h1>
            <p class="lead">{move_tr!("reset-intro")}</p>
            <ActionForm action=reset>
                <FormErrorSummary error />
                <input type="hidden" name="token" value=token />
                <TextField label=move_tr!("account-password-new") name="form[new]" kind="password"
                    required=true autocomplete="new-password" error
                    hint=Signal::derive(move || tr!("account-password-hint", { "length" => MIN_PASSWORD_LENGTH })) />
                <TextField label=move_tr!("account-password-repeat") name="form[repeat]" kind="password"
                    required=true autocomplete="new-password" error />
                <Submit quiet=true action=reset class="button primary">
                    {move_tr!("reset-submit")}
                </Submit>
            </ActionForm>
            <p><a href="/password-dimenticata">{move_tr!("reset-ask-again")}</a></p>
        </section>
    }
}
