//! Every page is a lazy route: in the browser the code of a group of pages is split out of
//! the main bundle (`cargo leptos build --split`) and downloaded when one of them is first
//! shown, so a phone opening `/contatti` does not download the bed board, the forum and the
//! reports. The server renders every page as before and names the files a page needs in
//! its `<head>` (`<link rel="preload">`), so they download beside the main bundle, not
//! after it. Navigating to a page of another group loads that group's files first; the
//! page requests its data itself, as before.
//!
//! Pages are split by group, not one by one: code shared by several split points goes
//! into a file for each combination of them, and 42 split points made 1 077 files, 222 of
//! them for the contact log alone (measured 2026-12-05). A group is pages used together
//! by the same people.
//!
//! The contact log is the one page not split out (`lib.rs` routes it directly): an
//! outreach worker opens it on a phone in the street, and as a group of its own it
//! needed 79 files, 71 of them under 4 KB compressed, each compressed apart from the
//! others (gzip: 183 KB apart, 138 KB together). In the main bundle its code and the
//! code it shares with other pages compress as one file.

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::account::components::AccountPage;
use crate::account::recovery::{ForgotPasswordPage, ResetPasswordPage};
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
use crate::network::components::NetworkEventsPage;
use crate::network::event_components::NetworkEventPage;
use crate::notifications::components::NotificationsPage;
use crate::notifications::settings_components::{EmailSettingsPage, UnsubscribePage};
use crate::path::commission::components::TerritorialCommissionPage;
use crate::path::documents::components::PersonDocumentsPage;
use crate::path::judicial::components::JudicialRoutePage;
use crate::path::minors::components::MinorsProceduresPage;
use crate::path::spending::budget_components::BudgetsPage;
use crate::path::spending::components::SupportSpendingPage;
use crate::path::transfers::components::TransfersPage;
use crate::people::registry::components::{
    DuplicatesPage, PeopleListPage, PersonDetailPage, RegisterPersonPage,
};
use crate::people::screening::components::{ChecklistPage, ScreeningPage};
use crate::people::waiting::components::WaitingListPage;
use crate::planner::agreement::components::{PlanPrintPage, PlanVersionsPage};
use crate::planner::components::{CaseDiaryPage, MyWorkPage, PersonalPlanPage, ServicesPage};
use crate::planner::family::components::FamilyPlanPage;
use crate::reports::components::{DashboardsPage, FigurePage, ReportPage, ReportPrintPage};

/// Names the files of a group of pages in the page's `<head>` (`<link rel="preload">`), so
/// that the browser downloads them beside the main bundle. Leptos registers them too, but
/// with async rendering it sometimes reads its list before the page has rendered (measured
/// on 2026-12-05: three loads of the same page, one with its 80 preloads, two with none),
/// so each group names its own from the split manifest, whose key is the group's lazy
/// function's name followed by a hash.
#[cfg(feature = "ssr")]
fn preload_group_files(group: &str) {
    use leptos_meta::Link;
    let Some(manifest) = use_context::<leptos::WasmSplitManifest>() else {
        return; // a build without --split: one bundle, preloaded by the shell
    };
    let Some(manifest) = manifest.0.try_read_value() else {
        return;
    };
    let (pkg_path, files_by_function, _) = &*manifest;
    let prefix = format!("{group}_");
    let Some(files) = files_by_function
        .iter()
        .find_map(|(function, files)| function.starts_with(&prefix).then_some(files))
    else {
        return;
    };
    for file in files {
        // `crossorigin` as the split loader's fetch() asks, or the preload is not reused.
        _ = view! {
            <Link
                rel="preload"
                href=format!("{pkg_path}/{file}.wasm")
                as_="fetch"
                type_="application/wasm"
                crossorigin="anonymous"
            />
        }
        .to_html();
    }
}

/// Declares a group of pages whose browser code is one split point: an enum naming the
/// pages, the lazy function rendering one of them, and a lazy route per page. `$preload`
/// is the name `#[lazy]` gives the function that downloads the group's files: hydration
/// awaits it before hydrating the page, which must then render at once, as the server
/// rendered it (a page still loading would not match the server's HTML).
macro_rules! page_group {
    ($(#[$doc:meta])* $render:ident / $preload:ident, $pages:ident { $($route:ident => $page:ident,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub enum $pages {
            $($route,)*
        }

        #[lazy]
        fn $render(page: $pages) -> AnyView {
            match page {
                $($pages::$route => $page().into_any(),)*
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_route: Self) -> AnyView {
                    #[cfg(feature = "ssr")]
                    preload_group_files(stringify!($render));
                    $render($pages::$route).await
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

page_group! {
    /// Signing in, and a forgotten password: the first page of every visit, kept small.
    sign_in_pages / __preload_sign_in_pages, SignInPages {
        SignIn => SignInPage,
        ForgotPassword => ForgotPasswordPage,
        ResetPassword => ResetPasswordPage,
    }
}

page_group! {
    /// Each user's own pages: home, my work, notifications and their settings, her account.
    personal_pages / __preload_personal_pages, PersonalPages {
        Home => HomePage,
        MyWork => MyWorkPage,
        Notifications => NotificationsPage,
        EmailSettings => EmailSettingsPage,
        Unsubscribe => UnsubscribePage,
        Account => AccountPage,
    }
}

page_group! {
    /// The registry: people, registration, screening, the checklist, the waiting list.
    people_pages / __preload_people_pages, PeoplePages {
        PeopleList => PeopleListPage,
        Duplicates => DuplicatesPage,
        RegisterPerson => RegisterPersonPage,
        PersonDetail => PersonDetailPage,
        Screening => ScreeningPage,
        Checklist => ChecklistPage,
        WaitingList => WaitingListPage,
    }
}

page_group! {
    /// The personalised project: plan, versions, print, family, diary, services.
    plan_pages / __preload_plan_pages, PlanPages {
        PersonalPlan => PersonalPlanPage,
        PlanVersions => PlanVersionsPage,
        PlanPrint => PlanPrintPage,
        FamilyPlan => FamilyPlanPage,
        CaseDiary => CaseDiaryPage,
        Services => ServicesPage,
    }
}

page_group! {
    /// The rest of a person's path: the Territorial Commission, the judicial route,
    /// minors' procedures, her documents, her support spending and the budgets, her
    /// transfers.
    path_pages / __preload_path_pages, PathPages {
        Commission => TerritorialCommissionPage,
        Judicial => JudicialRoutePage,
        Minors => MinorsProceduresPage,
        Documents => PersonDocumentsPage,
        Spending => SupportSpendingPage,
        Transfers => TransfersPage,
        Budgets => BudgetsPage,
    }
}

page_group! {
    /// The bed board, the structures and their occupancy.
    bed_pages / __preload_bed_pages, BedPages {
        Board => BoardPage,
        Structures => StructuresPage,
        Timeline => TimelinePage,
    }
}

page_group! {
    /// The forum and its materials library.
    forum_pages / __preload_forum_pages, ForumPages {
        Forum => ForumPage,
        ForumCategory => ForumCategoryPage,
        NewThread => NewThreadPage,
        ForumThread => ForumThreadPage,
        ForumDraft => ForumDraftPage,
        ForumSearch => ForumSearchPage,
        Library => LibraryPage,
        NewMaterial => NewMaterialPage,
        Material => MaterialPage,
        MaterialDraft => MaterialDraftPage,
        ForumModeration => ForumModerationPage,
        ForumRules => ForumRulesPage,
    }
}

page_group! {
    /// The network's own work: its calendar of training events, workshops and meetings,
    /// and one event's page.
    network_pages / __preload_network_pages, NetworkPages {
        NetworkEvents => NetworkEventsPage,
        NetworkEvent => NetworkEventPage,
    }
}

page_group! {
    /// Reports and dashboards.
    report_pages / __preload_report_pages, ReportPages {
        Report => ReportPage,
        Figure => FigurePage,
        ReportPrint => ReportPrintPage,
        Dashboards => DashboardsPage,
    }
}

page_group! {
    /// Administration: organisations, users, the audit trail.
    admin_pages / __preload_admin_pages, AdminPages {
        Organisations => OrganisationsPage,
        Users => UsersPage,
        Audit => AuditPage,
    }
}
