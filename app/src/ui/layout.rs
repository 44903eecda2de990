//! The application shell: header with navigation by role, language choice and sign-out,
//! the main landmark, and the toast region.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, I18n};
use leptos_router::hooks::use_location;

use super::toasts::{provide_toasts, ToastRegion};
use crate::auth::api::{fetch_current_user, SetLanguage, SignOut};
use crate::auth::model::CurrentUser;
use crate::kernel::error::AppError;

/// The signed-in user, fetched again on every navigation so that signing in or out, or
/// being disabled, shows at once.
#[derive(Clone, Copy)]
pub struct UserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

pub fn use_user_resource() -> Resource<Result<Option<CurrentUser>, AppError>> {
    expect_context::<UserResource>().0
}

pub use super::nav::{nav_label, visible_nav, NavItem, NAV_ITEMS};

#[component]
pub fn AppLayout(children: Children) -> impl IntoView {
    let location = use_location();
    let user = Resource::new(move || location.pathname.get(), |_| fetch_current_user());
    provide_context(UserResource(user));
    provide_toasts();
    view! {
        // rel="external": the browser, not the client-side router, follows the link, so
        // focus really moves into the content (the router would only scroll to it).
        <a class="skip-link" href="#contenuto" rel="external">
            {move_tr!("skip-to-content")}
        </a>
        <header class="site-header">
            <div class="header-top">
                <a class="brand" href="/">
                    <span class="brand-name">"Anello"</span>
                    <span class="brand-tagline">{move_tr!("brand-tagline")}</span>
                </a>
                <LanguageSwitch />
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => view! { <SignedInBar user /> }.into_any(),
                        _ => ().into_any(),
                    }
                })}
            </Transition>
        </header>
        <main id="contenuto" tabindex="-1">
            <super::breadcrumbs::Breadcrumbs />
            {children()}
        </main>
        <footer class="site-footer">
            <p>{move_tr!("footer-text")}</p>
            <ul class="footer-links">
                <li><a href="/privacy">{move_tr!("footer-privacy")}</a></li>
                <li><a href="/accessibilita">{move_tr!("footer-accessibility")}</a></li>
            </ul>
        </footer>
        <ToastRegion />
    }
}

/// Keeps the bar's unread count live: the page listens to its user's count
/// (`notifications::live`) for as long as it is open; the browser reconnects by itself.
#[cfg(feature = "hydrate")]
fn listen_to_unread_count(unread: RwSignal<u64>) {
    let Ok(source) = web_sys::EventSource::new(crate::notifications::live::UNREAD_EVENTS_PATH)
    else {
        return;
    };
    gloo::events::EventListener::new(&source, "unread", move |event| {
        use wasm_bindgen::JsCast;
        let count = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|message| message.data().as_string())
            .and_then(|data| data.parse::<u64>().ok());
        if let Some(count) = count {
            unread.set(count);
        }
    })
    .forget();
    let source = StoredValue::new_local(source);
    on_cleanup(move || source.with_value(|s| s.close()));
}

#[cfg(not(feature = "hydrate"))]
fn listen_to_unread_count(_unread: RwSignal<u64>) {}

#[component]
fn SignedInBar(user: CurrentUser) -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    let items = visible_nav(&user);
    let location = use_location();
    let unread = RwSignal::new(user.unread_notifications);
    listen_to_unread_count(unread);
    let hydrated = RwSignal::new(false);
    let menu_open = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // A link followed closes the menu.
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    view! {
        <div class="user-bar">
            <p class="user-identity">
                <a class="user-name" href="/il-mio-account" title=move_tr!("account-link")
                    aria-current=move || (location.pathname.get() == "/il-mio-account").then_some("page")>
                    {user.display_name.clone()}
                </a>
                <span class="user-org">{user.organisation_name.clone()}</span>
            </p>
            <a class="notifications-link" href="/notifiche" aria-current=move || (location.pathname.get() == "/notifiche").then_some("page")>
                {move_tr!("notifications-link")}
                {move || (unread.get() > 0).then(|| view! {
                    " " <span class="count-badge">{unread.get()}</span>
                    <span class="visually-hidden">{move_tr!("notifications-unread-suffix")}</span>
                })}
            </a>
            <ActionForm action=sign_out>
                <Submit action=sign_out class="button secondary small" quiet=true>
                    {move_tr!("sign-out")}
                </Submit>
            </ActionForm>
        </div>
        <crate::account::components::IdleWarning />
        <nav class="main-nav" aria-label=move_tr!("nav-label")>
            // On a phone the fourteen links of a coordinator fold behind "Menu" once the
            // page has hydrated; before (or without JavaScript) they are all there.
            <button type="button" class="nav-toggle" aria-controls="main-nav-list"
                hidden=move || !hydrated.get()
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)>
                <span aria-hidden="true">{move || if menu_open.get() { "✕" } else { "☰" }}</span>
                {move_tr!("nav-menu")}
            </button>
            <ul id="main-nav-list" class:collapsed=move || hydrated.get() && !menu_open.get()>
                {items
                    .into_iter()
                    .map(|item| {
                        let href = item.href;
                        let current = move || {
                            (location.pathname.get() == href).then_some("page")
                        };
                        view! {
                            <li>
                                <a href=href aria-current=current>
                                    {move || nav_label(href)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Works as a plain form without JavaScript; with it, the page changes language at once.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let action = ServerAction::<SetLanguage>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some(language) = i18n.languages.iter().find(|l| *l.id == chosen) {
            i18n.language.set(language);
        }
        action.dispatch(SetLanguage { language: chosen });
    };
    view! {
        <ActionForm action>
            <div class="language-switch">
                <label for="language-select">{move_tr!("language-label")}</label>
                <select id="language-select" name="language" on:change=on_change>
                    <option value="it" selected=move || *i18n.language.get().id == *"it">
                        "Italiano"
                    </option>
                    <option value="en" selected=move || *i18n.language.get().id == *"en">
                        "English"
                    </option>
                </select>
                <noscript>
                    <Submit action=action class="button secondary small" quiet=true>
                        {move_tr!("language-apply")}
                    </Submit>
                </noscript>
            </div>
        </ActionForm>
    }
}
