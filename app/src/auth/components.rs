//! The sign-in page.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::api::SignIn;
use crate::ui::forms::{FormErrorSummary, TextField};
use crate::ui::layout::use_user_resource;

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let error = Signal::derive(move || action.value().get().and_then(|result| result.err()));
    let user = use_user_resource();
    // The page she asked for before being sent here (`ErrorPanel`), if it is one of ours.
    let query = leptos_router::hooks::use_query_map();
    let torna = query
        .read_untracked()
        .get("torna")
        .filter(|wanted| super::model::return_path(wanted).is_some());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "sign-in-title")
        }) />
        <section class="panel narrow">
            <h1>{move_tr!("sign-in-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    user.await
                        .ok()
                        .flatten()
                        .map(|user| {
                            view! {
                                <p class="notice">
                                    {move_tr!("sign-in-already", { "name" => user.display_name.clone() })}
                                    " "
                                    <a href="/">{move_tr!("nav-home")}</a>
                                </p>
                            }
                        })
                })}
            </Transition>
            <p class="lead">{move_tr!("sign-in-intro")}</p>
            {torna.is_some().then(|| view! { <p class="notice" role="status">{move_tr!("sign-in-return")}</p> })}
            {(query.read_untracked().get("password").as_deref() == Some("reimpostata")).then(|| view! {
                <p class="notice success" role="status">{move_tr!("sign-in-password-reset")}</p>
            })}
            <ActionForm action>
                {torna.map(|path| view! { <input type="hidden" name="torna" value=path /> })}
                <FormErrorSummary error />
                <TextField
                    label=move_tr!("field-email")
                    name="email"
                    kind="email"
                    required=true
                    autocomplete="username"
                    error
                />
                <TextField
                    label=move_tr!("field-password")
                    name="password"
                    kind="password"
                    required=true
                    autocomplete="current-password"
                    error
                />
                <Submit action=action class="button primary" quiet=true busy_label=move_tr!("sign-in-pending")>
                    {move_tr!("sign-in-submit")}
                </Submit>
            </ActionForm>
            <p><a href="/password-dimenticata">{move_tr!("sign-in-forgot")}</a></p>
        </section>
    }
}
