//! The application shell: header with navigation by role, language choice and sign-out,
//! the main landmark, and the toast region.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::use_location;

use crate::auth::api::{fetch_current_user, SetLanguage, SignOut};
use crate::auth::model::CurrentUser;
use crate::auth::policy::{allows, Decision};
use crate::kernel::error::AppError;

/// The signed-in user, fetched again on every navigation so that signing in or out, or
/// being disabled, shows at once.
#[derive(Clone, Copy)]
pub struct UserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

pub fn use_user_resource() -> Resource<Result<Option<CurrentUser>, AppError>> {
    expect_context::<UserResource>().0
}

/// A sections of the application, shown to users whose role may call its main function.
pub struct NavItem {
    pub href: &'static str,
    pub endpoint: &'static str,
}

pub const NAV_ITEMS: [NavItem; 15] = [
    NavItem {
        href: "/",
        endpoint: "home/overview",
    },
    NavItem {
        href: "/il-mio-lavoro",
        endpoint: "planner/my_work",
    },
    NavItem {
        href: "/contatti",
        endpoint: "people/contacts",
    },
    NavItem {
        href: "/persone",
        endpoint: "people/list",
    },
    NavItem {
        href: "/posti-letto",
        endpoint: "beds/board",
    },
    NavItem {
        href: "/strutture",
        endpoint: "beds/structures",
    },
    NavItem {
        href: "/lista-attesa",
        endpoint: "people/waiting_list",
    },
    NavItem {
        href: "/indicatori",
        endpoint: "people/checklists",
    },
    NavItem {
        href: "/servizi",
        endpoint: "planner/services",
    },
    NavItem {
        href: "/forum",
        endpoint: "forum/overview",
    },
    NavItem {
        href: "/rapporti",
        endpoint: "reports/funder",
    },
    NavItem {
        href: "/amministrazione/organizzazioni",
        endpoint: "admin/organisations",
    },
    NavItem {
        href: "/amministrazione/utenti",
        endpoint: "admin/users",
    },
    NavItem {
        href: "/amministrazione/forum",
        endpoint: "admin/forum",
    },
    NavItem {
        href: "/registro-attivita",
        endpoint: "audit/entries",
    },
];

pub fn nav_label(href: &str) -> String {
    match href {
        "/" => tr!("nav-home"),
        "/contatti" => tr!("nav-contacts"),
        "/persone" => tr!("nav-people"),
        "/indicatori" => tr!("nav-checklists"),
        "/lista-attesa" => tr!("nav-waiting-list"),
        "/posti-letto" => tr!("nav-board"),
        "/strutture" => tr!("nav-structures"),
        "/il-mio-lavoro" => tr!("nav-my-work"),
        "/servizi" => tr!("nav-services"),
        "/forum" => tr!("nav-forum"),
        "/rapporti" => tr!("nav-reports"),
        "/amministrazione/organizzazioni" => tr!("nav-organisations"),
        "/amministrazione/utenti" => tr!("nav-users"),
        "/amministrazione/forum" => tr!("nav-forum-rules"),
        _ => tr!("nav-audit"),
    }
}

pub fn visible_nav(user: &CurrentUser) -> Vec<&'static NavItem> {
    NAV_ITEMS
        .iter()
        .filter(|item| allows(item.endpoint, Some(user)) == Decision::Allowed)
        .collect()
}

#[derive(Clone, Copy)]
pub struct Toasts(RwSignal<Vec<(u64, String)>>);

impl Toasts {
    pub fn push(&self, message: String) {
        let id = self
            .0
            .with_untracked(|list| list.last().map_or(0, |(id, _)| id + 1));
        self.0.update(|list| list.push((id, message)));
        #[cfg(feature = "hydrate")]
        {
            let toasts = self.0;
            set_timeout(
                move || toasts.update(|list| list.retain(|(other, _)| *other != id)),
                std::time::Duration::from_secs(6),
            );
        }
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

#[component]
pub fn AppLayout(children: Children) -> impl IntoView {
    let location = use_location();
    let user = Resource::new(move || location.pathname.get(), |_| fetch_current_user());
    provide_context(UserResource(user));
    provide_context(Toasts(RwSignal::new(Vec::new())));
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

#[component]
fn SignedInBar(user: CurrentUser) -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    let items = visible_nav(&user);
    let location = use_location();
    let unread = user.unread_notifications;
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
                {(unread > 0).then(|| view! {
                    " " <span class="count-badge">{unread}</span>
                    <span class="visually-hidden">{move_tr!("notifications-unread-suffix")}</span>
                })}
            </a>
            <ActionForm action=sign_out>
                <button type="submit" class="button secondary small">
                    {move_tr!("sign-out")}
                </button>
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
                    <button type="submit" class="button secondary small">
                        {move_tr!("language-apply")}
                    </button>
                </noscript>
            </div>
        </ActionForm>
    }
}

#[component]
fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.0.get() key=|(id, _)| *id let:toast>
                <p class="toast">{toast.1}</p>
            </For>
        </div>
    }
}
