//! Breadcrumbs on nested pages ("Home › Persone › TO-2026-0007 › Progetto"), drawn by the
//! layout from the address alone, so that no nested page can forget them and none needs
//! to read anything to draw them: a person is named by her code, as everywhere outside her
//! own pages. A page one step from the home page has none (the navigation says where it is).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::hooks::use_location;

use super::nav::nav_label;

/// A place of the application that has a parent other than the home page, or is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A section of the navigation (its address).
    Section(&'static str),
    Person(String),
    Duplicates,
    NewPerson,
    Interview,
    Project,
    Versions,
    Print,
    Family,
    Commission,
    Judicial,
    Minors,
    Documents,
    Spending,
    Transfers,
    Diary,
    NotificationSettings,
    Attendance,
    Category,
    NewThread,
    Thread,
    Draft,
    ForumSearch,
    Materials,
    NewMaterial,
    Material,
    Moderation,
    ReportList,
    ReportPrint,
    Dashboard,
    NetworkEvent,
}

/// One step of the trail: its address and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub href: String,
    pub place: Place,
}

/// Where an address is, and its parent's address (None: a section, under the home page).
fn place_of(path: &str) -> Option<(Place, Option<String>)> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let under = |parent: &str| Some(parent.to_string());
    let (place, parent) = match segments.as_slice() {
        ["persone"] => (Place::Section("/persone"), None),
        ["notifiche"] => (Place::Section("/notifiche"), None),
        ["strutture"] => (Place::Section("/strutture"), None),
        ["forum"] => (Place::Section("/forum"), None),
        ["rapporti"] => (Place::Section("/rapporti"), None),
        ["spese"] => (Place::Section("/spese"), None),
        ["azioni-di-sistema"] => (Place::Section("/azioni-di-sistema"), None),
        ["azioni-di-sistema", _] => (Place::NetworkEvent, under("/azioni-di-sistema")),
        ["persone", "doppioni"] => (Place::Duplicates, under("/persone")),
        ["persone", "nuova"] => (Place::NewPerson, under("/persone")),
        ["persone", code] => (Place::Person((*code).to_string()), under("/persone")),
        ["persone", code, rest @ ..] => {
            let person = format!("/persone/{code}");
            let project = format!("{person}/progetto");
            match rest {
                ["colloquio"] => (Place::Interview, Some(person)),
                ["progetto"] => (Place::Project, Some(person)),
                ["diario"] => (Place::Diary, Some(person)),
                ["progetto", "versioni"] => (Place::Versions, Some(project)),
                ["progetto", "stampa"] => (Place::Print, Some(project)),
                ["progetto", "famiglia"] => (Place::Family, Some(project)),
                ["commissione"] => (Place::Commission, Some(person)),
                ["giudiziario"] => (Place::Judicial, Some(person)),
                ["minore"] => (Place::Minors, Some(person)),
                ["documenti"] => (Place::Documents, Some(person)),
                ["spese"] => (Place::Spending, Some(person)),
                ["trasferimenti"] => (Place::Transfers, Some(person)),
                _ => return None,
            }
        }
        ["notifiche", "impostazioni"] => (Place::NotificationSettings, under("/notifiche")),
        ["strutture", _, "presenze"] => (Place::Attendance, under("/strutture")),
        ["forum", "categoria", _] => (Place::Category, under("/forum")),
        ["forum", "categoria", code, "nuova"] => {
            (Place::NewThread, Some(format!("/forum/categoria/{code}")))
        }
        ["forum", "discussioni", _] => (Place::Thread, under("/forum")),
        ["forum", "bozze", _] => (Place::Draft, under("/forum")),
        ["forum", "cerca"] => (Place::ForumSearch, under("/forum")),
        ["forum", "moderazione"] => (Place::Moderation, under("/forum")),
        ["forum", "materiali"] => (Place::Materials, under("/forum")),
        ["forum", "materiali", "nuovo"] => (Place::NewMaterial, under("/forum/materiali")),
        ["forum", "materiali", "bozze", _] => (Place::Draft, under("/forum/materiali")),
        ["forum", "materiali", _] => (Place::Material, under("/forum/materiali")),
        ["rapporti", "elenco"] => (Place::ReportList, under("/rapporti")),
        ["rapporti", "stampa"] => (Place::ReportPrint, under("/rapporti")),
        ["rapporti", "cruscotto"] => (Place::Dashboard, under("/rapporti")),
        _ => return None,
    };
    Some((place, parent))
}

/// The trail to an address, from the first section down to it; empty for the home page,
/// a section and any page outside the table.
pub fn trail(path: &str) -> Vec<Crumb> {
    let mut crumbs = Vec::new();
    let mut next = Some(path.trim_end_matches('/').to_string());
    while let Some(href) = next {
        let Some((place, parent)) = place_of(&href) else {
            return Vec::new();
        };
        crumbs.push(Crumb { href, place });
        next = parent;
    }
    crumbs.reverse();
    if crumbs.len() < 2 {
        return Vec::new();
    }
    crumbs
}

fn label(place: &Place) -> String {
    match place {
        Place::Section("/notifiche") => tr!("notifications-title"),
        Place::Section(href) => nav_label(href),
        Place::Person(code) => code.clone(),
        Place::Duplicates => tr!("crumb-duplicates"),
        Place::NewPerson => tr!("crumb-new-person"),
        Place::Interview => tr!("crumb-interview"),
        Place::Project => tr!("crumb-project"),
        Place::Versions => tr!("crumb-versions"),
        Place::Print => tr!("crumb-print"),
        Place::Family => tr!("crumb-family"),
        Place::Commission => tr!("crumb-commission"),
        Place::Judicial => tr!("crumb-judicial"),
        Place::Minors => tr!("crumb-minors"),
        Place::Documents => tr!("crumb-documents"),
        Place::Spending => tr!("crumb-spending"),
        Place::Transfers => tr!("crumb-transfers"),
        Place::Diary => tr!("crumb-diary"),
        Place::NotificationSettings => tr!("crumb-notification-settings"),
        Place::Attendance => tr!("crumb-attendance"),
        Place::Category => tr!("crumb-category"),
        Place::NewThread => tr!("crumb-new-thread"),
        Place::Thread => tr!("crumb-thread"),
        Place::Draft => tr!("crumb-draft"),
        Place::ForumSearch => tr!("crumb-forum-search"),
        Place::Materials => tr!("crumb-materials"),
        Place::NewMaterial => tr!("crumb-new-material"),
        Place::Material => tr!("crumb-material"),
        Place::Moderation => tr!("crumb-moderation"),
        Place::ReportList => tr!("crumb-report-list"),
        Place::ReportPrint => tr!("crumb-report-print"),
        Place::Dashboard => tr!("crumb-dashboard"),
        Place::NetworkEvent => tr!("crumb-network-event"),
    }
}

/// The trail of the page shown, as Designers Italia draws it: a labelled navigation, the
/// home page first, the current page last and not a link.
///
/// While the page hydrates it keeps the address the server drew it for: a link followed
/// before hydration ends must not change what is being hydrated (the framework would find
/// other elements than the ones it expects, and stop).
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let location = use_location();
    let drawn_for = location.pathname.get_untracked();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let path = Memo::new(move |_| {
        if hydrated.get() {
            location.pathname.get()
        } else {
            drawn_for.clone()
        }
    });
    move || {
        let crumbs = trail(&path.get());
        (!crumbs.is_empty()).then(|| {
            let last = crumbs.len() - 1;
            view! {
                <nav class="breadcrumbs" aria-label=move_tr!("crumb-label")>
                    <ol>
                        <li><a href="/">{move_tr!("nav-home")}</a></li>
                        {crumbs.into_iter().enumerate().map(|(index, crumb)| {
                            let place = crumb.place.clone();
                            let text = move || label(&place);
                            if index == last {
                                view! { <li><span aria-current="page">{text}</span></li> }.into_any()
                            } else {
                                view! { <li><a href=crumb.href>{text}</a></li> }.into_any()
                            }
                        }).collect_view()}
                    </ol>
                </nav>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hrefs(path: &str) -> Vec<String> {
        trail(path).into_iter().map(|crumb| crumb.href).collect()
    }

    #[test]
    fn a_nested_page_walks_up_to_its_section() {
        assert_eq!(
            hrefs("/persone/TO-2026-0007/progetto/versioni"),
            [
                "/persone",
                "/persone/TO-2026-0007",
                "/persone/TO-2026-0007/progetto",
                "/persone/TO-2026-0007/progetto/versioni"
            ]
        );
        assert_eq!(
            trail("/persone/TO-2026-0007")[1].place,
            Place::Person("TO-2026-0007".into())
        );
        assert_eq!(
            hrefs("/forum/categoria/indicatori/nuova"),
            [
                "/forum",
                "/forum/categoria/indicatori",
                "/forum/categoria/indicatori/nuova"
            ]
        );
        assert_eq!(
            hrefs("/forum/materiali/bozze/3"),
            ["/forum", "/forum/materiali", "/forum/materiali/bozze/3"]
        );
        assert_eq!(
            hrefs("/notifiche/impostazioni/"),
            ["/notifiche", "/notifiche/impostazioni"]
        );
    }

    #[test]
    fn sections_the_home_page_and_unknown_pages_have_none() {
        for path in [
            "/",
            "/persone",
            "/forum",
            "/amministrazione/utenti",
            "/accedi",
            "/persone/X/altro",
            "/nowhere/at/all",
        ] {
            assert!(trail(path).is_empty(), "{path}");
        }
    }
}
