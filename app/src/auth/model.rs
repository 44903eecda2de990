//! Wire types of sign-in, users and organisations; compiled on both sides.

use serde::{Deserialize, Serialize};

/// The shortest password accepted (`auth::password_policy` checks the rest).
pub const MIN_PASSWORD_LENGTH: usize = 12;

/// The page to open after signing in, when it is a path of this site: never another
/// site (`//elsewhere`, `https://…`, a backslash), never the sign-in page itself, never
/// an API call.
pub fn return_path(wanted: &str) -> Option<&str> {
    let safe = wanted.starts_with('/')
        && !wanted.starts_with("//")
        && !wanted.contains('\\')
        && !wanted.chars().any(char::is_control)
        && wanted.len() <= 2000
        && !wanted.starts_with("/accedi")
        && !wanted.starts_with("/api/");
    safe.then_some(wanted)
}

/// A session with no request for this long ends (the page warns two minutes before).
pub const IDLE_TIMEOUT_MINUTES: i64 = 30;

/// What a user may do in the network. A user has one or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    Coordinator,
    ReceptionManager,
    CaseWorker,
    OutreachWorker,
    Trainer,
    Partner,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Administrator,
        Role::Coordinator,
        Role::ReceptionManager,
        Role::CaseWorker,
        Role::OutreachWorker,
        Role::Trainer,
        Role::Partner,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Coordinator => "coordinator",
            Role::ReceptionManager => "reception_manager",
            Role::CaseWorker => "case_worker",
            Role::OutreachWorker => "outreach_worker",
            Role::Trainer => "trainer",
            Role::Partner => "partner",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// The three kinds of organisation in a regional network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// The Region's coordination unit.
    Coordination,
    /// A "soggetto attuatore": shelters people and runs projects.
    ImplementingBody,
    /// An "aderente alla rete": prefecture, Questura, health service, CAS/SAI... Forum only.
    Partner,
}

impl OrganisationKind {
    /// The roles a member of this kind of organisation may hold. A partner organisation
    /// (prefecture, Questura, CAS/SAI, health service...) only ever takes part in the
    /// forum: its users can never be given a role that reaches case data.
    pub fn allowed_roles(self) -> &'static [Role] {
        match self {
            OrganisationKind::Coordination => {
                &[Role::Administrator, Role::Coordinator, Role::Trainer]
            }
            OrganisationKind::ImplementingBody => &[
                Role::ReceptionManager,
                Role::CaseWorker,
                Role::OutreachWorker,
                Role::Trainer,
            ],
            OrganisationKind::Partner => &[Role::Partner],
        }
    }

    /// A kind read back from the database (see `kernel::fields::stored`).
    #[cfg(feature = "ssr")]
    pub fn from_stored(code: &str, fallback: OrganisationKind) -> OrganisationKind {
        crate::kernel::fields::stored("OrganisationKind", code, Self::from_code, fallback)
    }

    pub fn allows_role(self, role: Role) -> bool {
        self.allowed_roles().contains(&role)
    }

    pub const ALL: [OrganisationKind; 3] = [
        OrganisationKind::Coordination,
        OrganisationKind::ImplementingBody,
        OrganisationKind::Partner,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrganisationKind::Coordination => "coordination",
            OrganisationKind::ImplementingBody => "implementing_body",
            OrganisationKind::Partner => "partner",
        }
    }

    pub fn from_code(code: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// The provinces of the Piemonte and Valle d'Aosta network, with their region.
pub const PROVINCES: [(&str, &str, &str); 9] = [
    ("TO", "Torino", "Piemonte"),
    ("CN", "Cuneo", "Piemonte"),
    ("AT", "Asti", "Piemonte"),
    ("AL", "Alessandria", "Piemonte"),
    ("NO", "Novara", "Piemonte"),
    ("VC", "Vercelli", "Piemonte"),
    ("VB", "Verbano-Cusio-Ossola", "Piemonte"),
    ("BI", "Biella", "Piemonte"),
    ("AO", "Aosta", "Valle d'Aosta"),
];

pub fn province_name(code: &str) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, name, _)| *name)
}

pub fn region_of_province(code: &str) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, _, region)| *region)
}

/// The signed-in user as the pages see it: no secrets, nothing about other people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i32,
    pub organisation_name: String,
    pub organisation_kind: OrganisationKind,
    pub organisation_province: Option<String>,
    pub roles: Vec<Role>,
    pub language: Option<String>,
    /// Filled in only for the page shell (`auth/current_user`); 0 elsewhere.
    #[serde(default)]
    pub unread_notifications: u64,
    /// An administrator set her password: until she chooses her own, only her account
    /// page answers (`auth::policy::WHILE_PASSWORD_MUST_CHANGE`).
    #[serde(default)]
    pub must_change_password: bool,
}

impl CurrentUser {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn has_any_role(&self, roles: &[Role]) -> bool {
        roles.iter().any(|role| self.has_role(*role))
    }

    /// The coordinator sees the whole network's figures and contacts. The administrator
    /// manages accounts but is not, by that alone, entitled to case-related data.
    pub fn is_network_wide(&self) -> bool {
        self.has_role(Role::Coordinator)
    }
}

#[cfg(test)]
mod tests {
    use super::return_path;

    #[test]
    fn only_paths_of_this_site_are_returned_to() {
        for good in [
            "/notifiche",
            "/persone?cerca=joy",
            "/persone/TO-2026-0001#piano",
        ] {
            assert_eq!(return_path(good), Some(good));
        }
        for bad in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "notifiche",
            "",
            "/accedi",
            "/accedi?torna=/x",
            "/api/auth/sign_out",
            "/persone\n",
        ] {
            assert_eq!(return_path(bad), None, "{bad:?}");
        }
    }
}
