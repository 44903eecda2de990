//! The account page, and the warning the shell shows before the idle timeout.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

use super::api::{fetch_account, ChangePassword, EndSession, KeepAlive};
use super::model::{AccountPage as Account, SessionView, WARN_MINUTES_BEFORE_TIMEOUT};
use crate::auth::model::MIN_PASSWORD_LENGTH;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::{urlencode, FormErrorSummary, TextField};
use crate::ui::pages::{page_title, Loading};
use crate::ui::time::moment;

#[component]
pub fn AccountPage() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let end = ServerAction::<EndSession>::new();
    let data = Resource::new(
        move || (change.version().get(), end.version().get()),
        |_| fetch_account(),
    );
    let query = use_query_map();
    // After a plain form's redirect the query says what was done; after an action, its value.
    let changed = move || {
        matches!(change.value().get(), Some(Ok(())))
            || query.read().get("password").as_deref() == Some("cambiata")
    };
    let ended = move || {
        matches!(end.value().get(), Some(Ok(())))
            || query.read().get("sessione").as_deref() == Some("chiusa")
    };
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "account-title")
        }) />
        <h1>{move_tr!("account-title")}</h1>
        {move || changed().then(|| view! { <p class="notice success" role="status">{move_tr!("account-password-changed")}</p> })}
        {move || ended().then(|| view! { <p class="notice success" role="status">{move_tr!("account-session-ended")}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(account) => view! {
                        {account.must_change_password.then(|| view! {
                            <p class="notice warning" role="alert">{move_tr!("account-must-change")}</p>
                        })}
                        <AccountSummary account=account.clone() />
                        <PasswordForm change />
                        <SessionsList sessions=account.sessions end />
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountSummary(account: Account) -> impl IntoView {
    view! {
        <section class="panel">
            <dl class="facts">
                <dt>{move_tr!("field-display-name")}</dt>
                <dd>{account.display_name}</dd>
                <dt>{move_tr!("field-email")}</dt>
                <dd>{account.email}</dd>
                <dt>{move_tr!("field-organisation")}</dt>
                <dd>{account.organisation_name}</dd>
            </dl>
        </section>
    }
}

#[component]
fn PasswordForm(change: ServerAction<ChangePassword>) -> impl IntoView {
    let error = Signal::derive(move || change.value().get().and_then(|result| result.err()));
    view! {
        <section class="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{move_tr!("account-password-title")}</h2>
            <p>{move_tr!("account-password-intro")}</p>
            <ActionForm action=change>
                <FormErrorSummary error />
                <TextField label=move_tr!("account-password-current") name="form[current]" kind="password"
                    required=true autocomplete="current-password" error />
                <TextField label=move_tr!("account-password-new") name="form[new]" kind="password"
                    required=true autocomplete="new-password" error
                    hint=Signal::derive(move || tr!("account-password-hint", { "length" => MIN_PASSWORD_LENGTH })) />
                <TextField label=move_tr!("account-password-repeat") name="form[repeat]" kind="password"
                    required=true autocomplete="new-password" error />
                <Submit quiet=true action=change class="button primary" busy_label=move_tr!("account-password-pending")>
                    {move_tr!("account-password-submit")}
                </Submit>
            </ActionForm>
        </section>
    }
}

#[component]
fn SessionsList(sessions: Vec<SessionView>, end: ServerAction<EndSession>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{move_tr!("account-sessions-title")}</h2>
            <p>{move_tr!("account-sessions-intro")}</p>
            <ul class="session-list">
                {sessions.into_iter().map(|session| {
                    let device = if session.device.is_empty() { None } else { Some(session.device.clone()) };
                    let handle = session.handle.clone();
                    view! {
                        <li>
                            <strong>{move || device.clone().unwrap_or_else(|| tr!("account-session-unknown-device"))}</strong>
                            {session.current.then(|| view! { " " <span class="badge">{move_tr!("account-session-this")}</span> })}
                            <br />
                            <small>
                                {session.signed_in_at.map(|at| view! { {move_tr!("account-session-since")} " " {moment(at)} })}
                                {session.last_seen_at.map(|at| view! { " · " {move_tr!("account-session-last-used")} " " {moment(at)} })}
                            </small>
                            {(!session.current).then(|| view! {
                                <ActionForm action=end attr:class="inline-form">
                                    <input type="hidden" name="handle" value=handle.clone() />
                                    <Submit quiet=true action=end class="button secondary small">
                                        {move_tr!("account-session-end")}
                                    </Submit>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IdlePhase {
    Quiet,
    Warning,
    Expired,
}

/// Two minutes before the idle timeout (no request for 30 minutes ends a session), a
/// dialog offers to stay signed in; at the timeout it says so, with a link to sign in
/// again in another tab. What she was typing stays on this page either way. The clock
/// starts again at every page and every form sent, which reach the server and refresh
/// the session.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let phase = RwSignal::new(IdlePhase::Quiet);
    let keep = ServerAction::<KeepAlive>::new();
    let location = use_location();
    let activity = RwSignal::new(0u32);
    let timers = StoredValue::new(Vec::<TimeoutHandle>::new());
    Effect::new(move |_| {
        let handle =
            window_event_listener(leptos::ev::submit, move |_| activity.update(|n| *n += 1));
        on_cleanup(move || handle.remove());
    });
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        activity.track();
        keep.version().track();
        phase.set(IdlePhase::Quiet);
        timers.update_value(|handles| handles.drain(..).for_each(|handle| handle.clear()));
        let timeout = crate::auth::model::IDLE_TIMEOUT_MINUTES;
        let warn_after =
            std::time::Duration::from_secs(((timeout - WARN_MINUTES_BEFORE_TIMEOUT) * 60) as u64);
        let expire_after = std::time::Duration::from_secs((timeout * 60) as u64);
        let mut handles = Vec::new();
        if let Ok(handle) =
            set_timeout_with_handle(move || phase.set(IdlePhase::Warning), warn_after)
        {
            handles.push(handle);
        }
        if let Ok(handle) =
            set_timeout_with_handle(move || phase.set(IdlePhase::Expired), expire_after)
        {
            handles.push(handle);
        }
        timers.set_value(handles);
    });
    let stay = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if phase.get() == IdlePhase::Warning {
            if let Some(button) = stay.get() {
                let _ = button.focus();
            }
        }
    });
    let sign_in_again = move || {
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        format!("/accedi?torna={}", urlencode(&here))
    };
    view! {
        <Show when=move || phase.get() == IdlePhase::Warning>
            <div class="idle-warning" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text">
                <h2 id="idle-title">{move_tr!("idle-warning-title")}</h2>
                <p id="idle-text">{move_tr!("idle-warning-text", { "minutes" => WARN_MINUTES_BEFORE_TIMEOUT })}</p>
                <button type="button" class="button primary" node_ref=stay on:click=move |_| { keep.dispatch(KeepAlive {}); }>
                    {move_tr!("idle-warning-stay")}
                </button>
            </div>
        </Show>
        <Show when=move || phase.get() == IdlePhase::Expired>
            <div class="idle-warning" role="alert">
                <h2>{move_tr!("idle-expired-title")}</h2>
                <p>{move_tr!("idle-expired-text")}</p>
                <a class="button primary" href=sign_in_again target="_blank" rel="noopener">{move_tr!("idle-expired-sign-in")}</a>
            </div>
        </Show>
    }
}
