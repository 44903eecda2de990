//! Anello: the application shared by the server (SSR) and the browser (hydration).
//! Feature folders: each holds its wire types (`model`), server functions (`api`),
//! database code (`ssr`, server only) and components side by side.

#![recursion_limit = "256"]

pub mod admin;
pub mod audit;
pub mod auth;
pub mod beds;
pub mod dates;
pub mod error;
pub mod forum;
pub mod home;
pub mod i18n;
pub mod notifications;
pub mod people;
pub mod planner;
pub mod reports;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod csv_file;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod state;

#[cfg(all(test, feature = "ssr"))]
mod fuzz_properties;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::admin::components::{OrganisationsPage, UsersPage};
use crate::audit::components::AuditPage;
use crate::auth::components::SignInPage;
use crate::beds::components::{BoardPage, StructuresPage, TimelinePage};
use crate::forum::components::{
    ForumCategoryPage, ForumDraftPage, ForumModerationPage, ForumPage, ForumSearchPage,
    ForumThreadPage, NewThreadPage,
};
use crate::forum::materials::components::{
    LibraryPage, MaterialDraftPage, MaterialPage, NewMaterialPage,
};
use crate::forum::rules::components::ForumRulesPage;
use crate::home::HomePage;
use crate::i18n::I18nProvider;
use crate::notifications::components::NotificationsPage;
use crate::notifications::settings_components::{EmailSettingsPage, UnsubscribePage};
use crate::people::components::ContactLogPage;
use crate::people::registry::components::{
    DuplicatesPage, PeopleListPage, PersonDetailPage, RegisterPersonPage,
};
use crate::people::screening::components::{ChecklistPage, ScreeningPage};
use crate::people::waiting::components::WaitingListPage;
use crate::planner::agreement::components::{PlanPrintPage, PlanVersionsPage};
use crate::planner::components::{CaseDiaryPage, MyWorkPage, PersonalPlanPage, ServicesPage};
use crate::planner::family::components::FamilyPlanPage;
use crate::reports::components::{DashboardsPage, FigurePage, ReportPage, ReportPrintPage};
use crate::ui::layout::AppLayout;
use crate::ui::pages::NotFoundPage;

/// The HTML document around the application. The `<html lang>` attribute is owned by the
/// i18n layer, so it is not written here.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Before `HydrationScripts`: the script that loads the browser bundle must carry the
    // nonce of this response's CSP header, or the browser refuses to run it.
    #[cfg(feature = "ssr")]
    provide_request_nonce();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
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
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/accedi") view=SignInPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/amministrazione/organizzazioni")
                            view=OrganisationsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/amministrazione/utenti")
                            view=UsersPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/registro-attivita") view=AuditPage ssr=SsrMode::Async />
                        <Route path=path!("/contatti") view=ContactLogPage ssr=SsrMode::Async />
                        <Route path=path!("/persone") view=PeopleListPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/persone/doppioni")
                            view=DuplicatesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/nuova")
                            view=RegisterPersonPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code")
                            view=PersonDetailPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code/colloquio")
                            view=ScreeningPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code/progetto")
                            view=PersonalPlanPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code/progetto/versioni")
                            view=PlanVersionsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code/progetto/stampa")
                            view=PlanPrintPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code/progetto/famiglia")
                            view=FamilyPlanPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/persone/:code/diario")
                            view=CaseDiaryPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/il-mio-lavoro") view=MyWorkPage ssr=SsrMode::Async />
                        <Route path=path!("/servizi") view=ServicesPage ssr=SsrMode::Async />
                        <Route path=path!("/notifiche") view=NotificationsPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/notifiche/impostazioni")
                            view=EmailSettingsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/notifiche/disiscrizione/:token")
                            view=UnsubscribePage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/forum") view=ForumPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/forum/categoria/:code")
                            view=ForumCategoryPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/forum/categoria/:code/nuova")
                            view=NewThreadPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/forum/discussioni/:id")
                            view=ForumThreadPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/forum/bozze/:id") view=ForumDraftPage ssr=SsrMode::Async />
                        <Route path=path!("/forum/cerca") view=ForumSearchPage ssr=SsrMode::Async />
                        <Route path=path!("/forum/materiali") view=LibraryPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/forum/materiali/nuovo")
                            view=NewMaterialPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/forum/materiali/:id")
                            view=MaterialPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/forum/materiali/bozze/:id")
                            view=MaterialDraftPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/forum/moderazione")
                            view=ForumModerationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/amministrazione/forum")
                            view=ForumRulesPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/rapporti") view=ReportPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/rapporti/elenco")
                            view=FigurePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/rapporti/stampa")
                            view=ReportPrintPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/rapporti/cruscotto")
                            view=DashboardsPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/indicatori") view=ChecklistPage ssr=SsrMode::Async />
                        <Route path=path!("/lista-attesa") view=WaitingListPage ssr=SsrMode::Async />
                        <Route path=path!("/posti-letto") view=BoardPage ssr=SsrMode::Async />
                        <Route path=path!("/strutture") view=StructuresPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/strutture/:id/presenze")
                            view=TimelinePage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </AppLayout>
            </Router>
        </I18nProvider>
    }
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
