//! The sections of the application in the navigation, each shown to the users whose role
//! may call its main function, and their names.

use leptos_fluent::tr;

use crate::auth::model::CurrentUser;
use crate::auth::policy::{allows, Decision};

/// A section of the application, shown to users whose role may call its main function.
pub struct NavItem {
    pub href: &'static str,
    pub endpoint: &'static str,
}

pub const NAV_ITEMS: [NavItem; 17] = [
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
        href: "/azioni-di-sistema",
        endpoint: "network/events",
    },
    NavItem {
        href: "/spese",
        endpoint: "spending/budgets",
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
        "/spese" => tr!("nav-budgets"),
        "/azioni-di-sistema" => tr!("nav-network"),
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
