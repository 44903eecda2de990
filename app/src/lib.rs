//! Anello: the application shared by the server (SSR) and the browser (hydration).
//! Feature folders: each holds its wire types (`model`), server functions (`api`),
//! database code (`ssr`, server only) and components side by side.

#![recursion_limit = "256"]

pub mod account;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod beds;
pub mod forum;
pub mod home;
pub mod i18n;
pub mod kernel;
pub mod network;
pub mod notices;
pub mod notifications;
pub mod pages;
pub mod path;
pub mod people;
pub mod planner;
pub mod reports;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod state;

#[cfg(all(test, feature = "ssr"))]
mod fuzz_properties;
#[cfg(all(test, feature = "ssr"))]
pub(crate) mod testing;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, MetaTags, Title};
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, MatchNestedRoutes, SsrMode};

use crate::i18n::I18nProvider;
use crate::ui::layout::AppLayout;
use crate::ui::pages::NotFoundPage;

/// The HTML document around the application. The `<html lang>` attribute is owned by the
/// i18n layer, so it is not written here.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Before `HydrationScripts`: the script that loads the browser bundle must carry the
    // nonce of this response's CSP header, or the browser refuses to run it.
    #[cfg(feature = "ssr")]
    {
        provide_request_nonce();
    }
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                // Staff can add Anello to a phone's home screen; it opens on the contact log.
                <link rel="manifest" href="/manifest.webmanifest" />
                <meta name="theme-color" content="#0066cc" />
                <AutoReload options=options.clone() />
                // With hashed file names (release builds) both name this build's files,
                // which are then cached by browsers for a year.
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nProvider>
            <Link rel="icon" href="/favicon.svg" />
            <Title formatter=|page: String| format!("{page} · Anello") />
            <Router>
                <AppLayout>
                    // Async rendering: a page's data (and so its status code: 403, 404...)
                    // is known before the first byte goes out.
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view={Lazy::<pages::Home>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/accedi") view={Lazy::<pages::SignIn>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/amministrazione/organizzazioni")
                            view={Lazy::<pages::Organisations>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/amministrazione/utenti")
                            view={Lazy::<pages::Users>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/registro-attivita") view={Lazy::<pages::Audit>::new()} ssr=SsrMode::Async />
                        // Not split out: the contact log is in the main bundle (pages.rs).
                        <Route
                            path=path!("/contatti")
                            view=crate::people::contacts::components::ContactLogPage
                            ssr=SsrMode::Async
                        />
                        <PeopleRoutes />
                        <Route path=path!("/il-mio-lavoro") view={Lazy::<pages::MyWork>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/servizi") view={Lazy::<pages::Services>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/notifiche") view={Lazy::<pages::Notifications>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/il-mio-account") view={Lazy::<pages::Account>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/password-dimenticata") view={Lazy::<pages::ForgotPassword>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/reimposta-password/:token") view={Lazy::<pages::ResetPassword>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view=crate::notices::components::PrivacyPage />
                        <Route path=path!("/accessibilita") view=crate::notices::components::AccessibilityPage />
                        <Route
                            path=path!("/notifiche/impostazioni")
                            view={Lazy::<pages::EmailSettings>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/notifiche/disiscrizione/:token")
                            view={Lazy::<pages::Unsubscribe>::new()}
                            ssr=SsrMode::Async
                        />
                        <ForumRoutes />
                        <ReportRoutes />
                        <Route path=path!("/indicatori") view={Lazy::<pages::Checklist>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/azioni-di-sistema") view={Lazy::<pages::NetworkEvents>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/azioni-di-sistema/:id") view={Lazy::<pages::NetworkEvent>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/lista-attesa") view={Lazy::<pages::WaitingList>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/posti-letto") view={Lazy::<pages::Board>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/strutture") view={Lazy::<pages::Structures>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/strutture/:id/presenze")
                            view={Lazy::<pages::Timeline>::new()}
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </AppLayout>
            </Router>
        </I18nProvider>
    }
}

/// The registry of people: the list, duplicates, registration and each person's pages.
#[component(transparent)]
fn PeopleRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/persone") view={Lazy::<pages::PeopleList>::new()} ssr=SsrMode::Async />
        <Route
            path=path!("/persone/doppioni")
            view={Lazy::<pages::Duplicates>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/nuova")
            view={Lazy::<pages::RegisterPerson>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code")
            view={Lazy::<pages::PersonDetail>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/colloquio")
            view={Lazy::<pages::Screening>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/progetto")
            view={Lazy::<pages::PersonalPlan>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/progetto/versioni")
            view={Lazy::<pages::PlanVersions>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/progetto/stampa")
            view={Lazy::<pages::PlanPrint>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/progetto/famiglia")
            view={Lazy::<pages::FamilyPlan>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/commissione")
            view={Lazy::<pages::Commission>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/giudiziario")
            view={Lazy::<pages::Judicial>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/minore")
            view={Lazy::<pages::Minors>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/documenti")
            view={Lazy::<pages::Documents>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/spese")
            view={Lazy::<pages::Spending>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/trasferimenti")
            view={Lazy::<pages::Transfers>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/persone/:code/diario")
            view={Lazy::<pages::CaseDiary>::new()}
            ssr=SsrMode::Async
        />
    }
    .into_inner()
    // `erase_components` builds make this return type `AnyNestedRoute`: erase in both.
    .into_any_nested_route()
}

/// The forum: categories, threads, drafts, search, materials and moderation.
#[component(transparent)]
fn ForumRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/forum") view={Lazy::<pages::Forum>::new()} ssr=SsrMode::Async />
        <Route
            path=path!("/forum/categoria/:code")
            view={Lazy::<pages::ForumCategory>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/forum/categoria/:code/nuova")
            view={Lazy::<pages::NewThread>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/forum/discussioni/:id")
            view={Lazy::<pages::ForumThread>::new()}
            ssr=SsrMode::Async
        />
        <Route path=path!("/forum/bozze/:id") view={Lazy::<pages::ForumDraft>::new()} ssr=SsrMode::Async />
        <Route path=path!("/forum/cerca") view={Lazy::<pages::ForumSearch>::new()} ssr=SsrMode::Async />
        <Route path=path!("/forum/materiali") view={Lazy::<pages::Library>::new()} ssr=SsrMode::Async />
        <Route
            path=path!("/forum/materiali/nuovo")
            view={Lazy::<pages::NewMaterial>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/forum/materiali/:id")
            view={Lazy::<pages::Material>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/forum/materiali/bozze/:id")
            view={Lazy::<pages::MaterialDraft>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/forum/moderazione")
            view={Lazy::<pages::ForumModeration>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/amministrazione/forum")
            view={Lazy::<pages::ForumRules>::new()}
            ssr=SsrMode::Async
        />
    }
    .into_inner()
    // `erase_components` builds make this return type `AnyNestedRoute`: erase in both.
    .into_any_nested_route()
}

/// The reports for funders: the report, its figures, its print version, the dashboards.
#[component(transparent)]
fn ReportRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/rapporti") view={Lazy::<pages::Report>::new()} ssr=SsrMode::Async />
        <Route path=path!("/spese") view={Lazy::<pages::Budgets>::new()} ssr=SsrMode::Async />
        <Route
            path=path!("/rapporti/elenco")
            view={Lazy::<pages::Figure>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/rapporti/stampa")
            view={Lazy::<pages::ReportPrint>::new()}
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/rapporti/cruscotto")
            view={Lazy::<pages::Dashboards>::new()}
            ssr=SsrMode::Async
        />
    }
    .into_inner()
    // `erase_components` builds make this return type `AnyNestedRoute`: erase in both.
    .into_any_nested_route()
}

/// The Content-Security-Policy header is written by the server's security middleware with
/// a fresh nonce per response; the same nonce must mark Leptos' inline scripts, so it
/// replaces the one `leptos_axum` generates for each request.
#[cfg(feature = "ssr")]
fn provide_request_nonce() {
    if let Some(parts) = use_context::<http::request::Parts>() {
        if let Some(nonce) = parts.extensions.get::<CspNonce>() {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0.clone()));
        }
    }
}

/// The per-response CSP nonce, put in the request's extensions by the server.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);
