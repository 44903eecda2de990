//! Authorisation in one place: who may call which server function.
//!
//! Every `#[server]` function names its endpoint here; `auth::ssr::guard` looks the
//! endpoint up and refuses (403, audited) whoever the table does not allow. A function
//! missing from the table is refused to everybody, and the role × function matrix test
//! fails, so a new function cannot ship without a decision. Record-level scope (which
//! organisation's users, which structure) is checked by the feature's `ssr` code with
//! the helpers on `CurrentUser`.
//!
//! The pages use the same table to decide which links to show; that is a courtesy, the
//! server decides.

use super::model::{CurrentUser, Role};

/// Who may call a server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (signing in, choosing the language).
    Public,
    /// Any signed-in user, whatever the role.
    SignedIn,
    /// Signed-in users with at least one of these roles.
    AnyOf(&'static [Role]),
}

const NETWORK_ADMINS: &[Role] = &[Role::Administrator, Role::Coordinator];
/// Who meets people: they log contacts.
const FRONT_LINE: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
];
/// Who reads the (anonymous) contact log: the front line of their organisation and the
/// coordinator for the whole network.
const CONTACT_READERS: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::Coordinator,
];

/// Who works with people's records: the front line (within their organisation's people)
/// and the coordinator (network-wide, identities only with consent).
const PEOPLE_READERS: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::Coordinator,
];

/// Who reads the funder report (the same as those who work with people's records).
pub const REPORT_READERS: &[Role] = PEOPLE_READERS;

/// Who reads the indicator checklist: those who screen, the coordinator, and the trainers
/// who write it. (The forum will show published versions to partners as materials.)
const CHECKLIST_READERS: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::Coordinator,
    Role::Trainer,
];

/// Who works on the bed board: reception managers (placing in their organisation's
/// structures) and the coordinator (everywhere).
const BOARD_USERS: &[Role] = &[Role::ReceptionManager, Role::Coordinator];

/// Who reads the service catalogue of personalised projects: the teams that plan with
/// it and the coordinator who keeps it.
const CATALOGUE_READERS: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::Coordinator,
];

/// Who may be asked to approve a version of a personalised project: the coordinator, and
/// a reception manager of an organisation in charge (decided per record). The team
/// reads the versions; the supervisor asked reads them too, to approve.
const PLAN_SUPERVISORS: &[Role] = &[Role::Coordinator, Role::ReceptionManager];
const VERSION_READERS: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::Coordinator,
];

/// Who keeps "Il mio lavoro": the front line for the people they work with, and every
/// member who may own a decision of a coordination meeting (`network`).
pub const MY_WORK_USERS: &[Role] = &[
    Role::OutreachWorker,
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::Coordinator,
    Role::Trainer,
];

/// Who organises the network's training events, workshops and meetings: they create
/// events and change those of their own organisation (the coordinator every event).
pub const EVENT_ORGANISERS: &[Role] = &[Role::Coordinator, Role::Trainer, Role::ReceptionManager];

/// Every server function of Anello, by endpoint (the part after `/api/`).
pub const SERVER_FUNCTIONS: &[(&str, Access)] = &[
    ("auth/sign_in", Access::Public),
    ("auth/sign_out", Access::SignedIn),
    ("auth/current_user", Access::Public),
    ("auth/set_language", Access::Public),
    ("auth/keep_alive", Access::SignedIn),
    // A forgotten password: anyone may ask; the link decides (`account::reset`).
    ("auth/password/forgot", Access::Public),
    ("auth/password/reset", Access::Public),
    ("auth/password/by_mail", Access::Public),
    // Her own account: every signed-in user, for herself only (`account::ssr`).
    ("account/page", Access::SignedIn),
    ("account/password", Access::SignedIn),
    ("account/session/end", Access::SignedIn),
    ("home/overview", Access::SignedIn),
    ("admin/organisations", Access::AnyOf(NETWORK_ADMINS)),
    ("admin/organisations/save", Access::AnyOf(NETWORK_ADMINS)),
    ("admin/users", Access::AnyOf(NETWORK_ADMINS)),
    ("admin/users/save", Access::AnyOf(NETWORK_ADMINS)),
    ("admin/users/set_active", Access::AnyOf(NETWORK_ADMINS)),
    // The forum's rules: who reads, posts and moderates each category.
    ("admin/forum", Access::AnyOf(NETWORK_ADMINS)),
    ("admin/forum/rule", Access::AnyOf(NETWORK_ADMINS)),
    ("admin/forum/moderator", Access::AnyOf(NETWORK_ADMINS)),
    ("audit/entries", Access::AnyOf(NETWORK_ADMINS)),
    // The funder report: the coordinator for the network, the staff of a body for their
    // own organisation (decided in `reports::ssr`); never partners or trainers.
    ("reports/funder", Access::AnyOf(REPORT_READERS)),
    ("reports/figure", Access::AnyOf(REPORT_READERS)),
    ("reports/dashboards", Access::AnyOf(REPORT_READERS)),
    ("people/contacts", Access::AnyOf(CONTACT_READERS)),
    ("people/contacts/log", Access::AnyOf(FRONT_LINE)),
    ("people/list", Access::AnyOf(PEOPLE_READERS)),
    ("people/register", Access::AnyOf(FRONT_LINE)),
    ("people/person", Access::AnyOf(PEOPLE_READERS)),
    ("people/identity/save", Access::AnyOf(FRONT_LINE)),
    ("people/path/save", Access::AnyOf(FRONT_LINE)),
    ("people/organisations/add", Access::AnyOf(PEOPLE_READERS)),
    ("people/organisations/remove", Access::AnyOf(PEOPLE_READERS)),
    ("people/organisations/reference", Access::AnyOf(FRONT_LINE)),
    ("people/consents/record", Access::AnyOf(FRONT_LINE)),
    ("people/consents/withdraw", Access::AnyOf(FRONT_LINE)),
    ("people/anonymise", Access::AnyOf(PEOPLE_READERS)),
    ("beds/board", Access::AnyOf(BOARD_USERS)),
    ("beds/place", Access::AnyOf(BOARD_USERS)),
    ("beds/move", Access::AnyOf(BOARD_USERS)),
    ("beds/discharge", Access::AnyOf(BOARD_USERS)),
    ("beds/undo", Access::AnyOf(BOARD_USERS)),
    ("beds/address/reveal", Access::AnyOf(BOARD_USERS)),
    ("beds/hold", Access::AnyOf(BOARD_USERS)),
    ("beds/service", Access::AnyOf(BOARD_USERS)),
    ("beds/structures", Access::AnyOf(BOARD_USERS)),
    ("beds/timeline", Access::AnyOf(BOARD_USERS)),
    ("beds/structures/save", Access::AnyOf(BOARD_USERS)),
    ("beds/beds/add", Access::AnyOf(BOARD_USERS)),
    ("beds/beds/remove", Access::AnyOf(BOARD_USERS)),
    ("beds/beds/room", Access::AnyOf(BOARD_USERS)),
    ("beds/rooms/save", Access::AnyOf(BOARD_USERS)),
    ("beds/rooms/remove", Access::AnyOf(BOARD_USERS)),
    // What the bed board's rules look at, recorded by the person's team.
    ("beds/safeguards", Access::AnyOf(FRONT_LINE)),
    ("beds/safeguards/authorise", Access::AnyOf(FRONT_LINE)),
    (
        "beds/safeguards/authorisation/withdraw",
        Access::AnyOf(FRONT_LINE),
    ),
    ("beds/safeguards/apart/add", Access::AnyOf(FRONT_LINE)),
    (
        "beds/safeguards/apart/remove",
        Access::AnyOf(PEOPLE_READERS),
    ),
    ("people/duplicates", Access::AnyOf(&[Role::Coordinator])),
    (
        "people/duplicates/link",
        Access::AnyOf(&[Role::Coordinator]),
    ),
    ("people/waiting_list", Access::AnyOf(PEOPLE_READERS)),
    ("people/waiting_list/add", Access::AnyOf(FRONT_LINE)),
    (
        "people/waiting_list/withdraw",
        Access::AnyOf(PEOPLE_READERS),
    ),
    ("people/screenings/start", Access::AnyOf(FRONT_LINE)),
    ("people/screenings/save", Access::AnyOf(FRONT_LINE)),
    ("people/checklists", Access::AnyOf(CHECKLIST_READERS)),
    ("people/checklists/draft", Access::AnyOf(&[Role::Trainer])),
    (
        "people/checklists/draft/save",
        Access::AnyOf(&[Role::Trainer]),
    ),
    ("people/checklists/publish", Access::AnyOf(&[Role::Trainer])),
    // Personalised projects: the person's team only (front-line users of an organisation
    // in charge, decided per record in `planner::ssr`); the coordinator keeps the
    // catalogue of services but does not read plans.
    ("planner/plan", Access::AnyOf(FRONT_LINE)),
    ("planner/open", Access::AnyOf(FRONT_LINE)),
    ("planner/phase", Access::AnyOf(FRONT_LINE)),
    ("planner/team/add", Access::AnyOf(FRONT_LINE)),
    ("planner/team/remove", Access::AnyOf(FRONT_LINE)),
    ("planner/assessment", Access::AnyOf(FRONT_LINE)),
    ("planner/goals/add", Access::AnyOf(FRONT_LINE)),
    ("planner/goals/status", Access::AnyOf(FRONT_LINE)),
    ("planner/actions/add", Access::AnyOf(FRONT_LINE)),
    ("planner/actions/update", Access::AnyOf(FRONT_LINE)),
    ("planner/diary", Access::AnyOf(FRONT_LINE)),
    ("planner/diary/add", Access::AnyOf(FRONT_LINE)),
    ("planner/reviews/schedule", Access::AnyOf(FRONT_LINE)),
    ("planner/reviews/record", Access::AnyOf(FRONT_LINE)),
    ("planner/permits/save", Access::AnyOf(FRONT_LINE)),
    ("planner/permits/convert", Access::AnyOf(FRONT_LINE)),
    ("planner/work/add", Access::AnyOf(FRONT_LINE)),
    ("planner/work/update", Access::AnyOf(FRONT_LINE)),
    ("planner/exit", Access::AnyOf(FRONT_LINE)),
    ("planner/my_work", Access::AnyOf(MY_WORK_USERS)),
    ("planner/services", Access::AnyOf(CATALOGUE_READERS)),
    ("planner/services/add", Access::AnyOf(&[Role::Coordinator])),
    (
        "planner/services/active",
        Access::AnyOf(&[Role::Coordinator]),
    ),
    ("planner/versions", Access::AnyOf(VERSION_READERS)),
    ("planner/versions/agree", Access::AnyOf(FRONT_LINE)),
    ("planner/versions/approve", Access::AnyOf(PLAN_SUPERVISORS)),
    ("planner/print", Access::AnyOf(FRONT_LINE)),
    ("planner/family", Access::AnyOf(FRONT_LINE)),
    ("planner/family/need", Access::AnyOf(FRONT_LINE)),
    ("planner/family/joint_work", Access::AnyOf(FRONT_LINE)),
    // The rest of the path: the team in charge only (decided per person in `path::ssr`).
    ("path/commission", Access::AnyOf(FRONT_LINE)),
    ("path/commission/request", Access::AnyOf(FRONT_LINE)),
    ("path/commission/referral", Access::AnyOf(FRONT_LINE)),
    // Further narrowed to the reference operator and the legal advisor (`path::judicial`).
    ("path/judicial", Access::AnyOf(FRONT_LINE)),
    ("path/judicial/proceedings", Access::AnyOf(FRONT_LINE)),
    ("path/judicial/hearing", Access::AnyOf(FRONT_LINE)),
    ("path/minors", Access::AnyOf(FRONT_LINE)),
    ("path/minors/procedures", Access::AnyOf(FRONT_LINE)),
    ("path/minors/communication", Access::AnyOf(FRONT_LINE)),
    ("path/documents", Access::AnyOf(FRONT_LINE)),
    ("path/documents/remove", Access::AnyOf(FRONT_LINE)),
    // Support spending: the team records, a reception manager of the organisation that
    // paid approves (decided per record); budgets are the reception managers' to set
    // for their organisation and the coordinator's to read for all.
    ("path/spending", Access::AnyOf(FRONT_LINE)),
    ("path/spending/expense", Access::AnyOf(FRONT_LINE)),
    (
        "path/spending/approve",
        Access::AnyOf(&[Role::ReceptionManager]),
    ),
    ("path/spending/remove", Access::AnyOf(FRONT_LINE)),
    ("spending/budgets", Access::AnyOf(BOARD_USERS)),
    ("path/transfers", Access::AnyOf(FRONT_LINE)),
    ("path/transfers/outgoing", Access::AnyOf(FRONT_LINE)),
    ("path/transfers/incoming", Access::AnyOf(FRONT_LINE)),
    (
        "spending/budgets/save",
        Access::AnyOf(&[Role::ReceptionManager]),
    ),
    (
        "spending/budgets/remove",
        Access::AnyOf(&[Role::ReceptionManager]),
    ),
    ("notifications/list", Access::SignedIn),
    ("notifications/read", Access::SignedIn),
    ("notifications/email", Access::SignedIn),
    ("notifications/email/save", Access::SignedIn),
    // The unsubscribe link of an e-mail works without signing in: its token is the key.
    ("notifications/unsubscribe", Access::Public),
    // The forum is every member's, partners included; what each may read, write or
    // moderate is decided per category from the rules in the database (`forum::ssr`).
    ("forum/overview", Access::SignedIn),
    ("forum/category", Access::SignedIn),
    ("forum/thread", Access::SignedIn),
    ("forum/threads/new", Access::SignedIn),
    ("forum/replies/new", Access::SignedIn),
    ("forum/posts/edit", Access::SignedIn),
    ("forum/drafts", Access::SignedIn),
    ("forum/drafts/publish", Access::SignedIn),
    ("forum/drafts/discard", Access::SignedIn),
    ("forum/accept", Access::SignedIn),
    ("forum/watch", Access::SignedIn),
    ("forum/flag", Access::SignedIn),
    ("forum/moderation", Access::SignedIn),
    ("forum/moderate/post", Access::SignedIn),
    ("forum/moderate/thread", Access::SignedIn),
    ("forum/search", Access::SignedIn),
    ("forum/categories/watch", Access::SignedIn),
    ("forum/materials", Access::SignedIn),
    ("forum/material", Access::SignedIn),
    ("forum/materials/new", Access::SignedIn),
    ("forum/materials/versions/new", Access::SignedIn),
    ("forum/materials/draft", Access::SignedIn),
    ("forum/materials/draft/save", Access::SignedIn),
    ("forum/materials/draft/discard", Access::SignedIn),
    ("forum/materials/attachments/remove", Access::SignedIn),
    ("forum/materials/watch", Access::SignedIn),
    // The network's own work: every member reads the calendar and registers herself
    // (meetings are refused to partners in `network::ssr`); the organisers change the
    // events of their organisation; a decision is closed by its owner or an organiser.
    ("network/events", Access::SignedIn),
    ("network/event", Access::SignedIn),
    ("network/register", Access::SignedIn),
    ("network/events/save", Access::AnyOf(EVENT_ORGANISERS)),
    ("network/events/minutes", Access::AnyOf(EVENT_ORGANISERS)),
    ("network/events/material", Access::AnyOf(EVENT_ORGANISERS)),
    ("network/participants/add", Access::AnyOf(EVENT_ORGANISERS)),
    (
        "network/participants/remove",
        Access::AnyOf(EVENT_ORGANISERS),
    ),
    ("network/attendance", Access::AnyOf(EVENT_ORGANISERS)),
    ("network/decisions/add", Access::AnyOf(EVENT_ORGANISERS)),
    ("network/decisions/done", Access::AnyOf(MY_WORK_USERS)),
];

pub fn access_for(endpoint: &str) -> Option<Access> {
    SERVER_FUNCTIONS
        .iter()
        .find(|(name, _)| *name == endpoint)
        .map(|(_, access)| *access)
}

/// What a user whose password an administrator set may still call: until she has chosen
/// her own, her account page and nothing else of the network's work.
pub const WHILE_PASSWORD_MUST_CHANGE: &[&str] = &[
    "auth/sign_out",
    "auth/keep_alive",
    "account/page",
    "account/password",
];

/// Whether `user` (None: not signed in) may call the function at `endpoint`.
pub fn allows(endpoint: &str, user: Option<&CurrentUser>) -> Decision {
    match (access_for(endpoint), user) {
        (None, _) => Decision::Forbidden,
        (Some(Access::Public), _) => Decision::Allowed,
        (Some(_), None) => Decision::NotSignedIn,
        (Some(_), Some(user))
            if user.must_change_password && !WHILE_PASSWORD_MUST_CHANGE.contains(&endpoint) =>
        {
            Decision::MustChangePassword
        }
        (Some(Access::SignedIn), Some(_)) => Decision::Allowed,
        (Some(Access::AnyOf(roles)), Some(user)) if user.has_any_role(roles) => Decision::Allowed,
        (Some(Access::AnyOf(_)), Some(_)) => Decision::Forbidden,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    NotSignedIn,
    Forbidden,
    MustChangePassword,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::OrganisationKind;

    fn user_with(roles: Vec<Role>) -> CurrentUser {
        CurrentUser {
            id: 1,
            email: "a@b.c".into(),
            display_name: "A".into(),
            organisation_id: 1,
            organisation_name: "Org".into(),
            organisation_kind: OrganisationKind::ImplementingBody,
            organisation_province: Some("TO".into()),
            roles,
            language: None,
            unread_notifications: 0,
            must_change_password: false,
        }
    }

    #[test]
    fn a_password_set_by_an_administrator_opens_only_the_account_page() {
        let mut user = user_with(vec![Role::CaseWorker]);
        user.must_change_password = true;
        assert_eq!(
            allows("people/list", Some(&user)),
            Decision::MustChangePassword
        );
        assert_eq!(allows("account/password", Some(&user)), Decision::Allowed);
        assert_eq!(allows("auth/current_user", Some(&user)), Decision::Allowed);
        user.must_change_password = false;
        assert_eq!(allows("people/list", Some(&user)), Decision::Allowed);
    }

    #[test]
    fn unknown_endpoints_are_refused_to_everybody() {
        let admin = user_with(vec![Role::Administrator]);
        assert_eq!(allows("nope/never", Some(&admin)), Decision::Forbidden);
        assert_eq!(allows("nope/never", None), Decision::Forbidden);
    }

    #[test]
    fn partner_cannot_manage_users() {
        let partner = user_with(vec![Role::Partner]);
        assert_eq!(allows("admin/users", Some(&partner)), Decision::Forbidden);
        assert_eq!(allows("admin/users", None), Decision::NotSignedIn);
        let coordinator = user_with(vec![Role::Coordinator]);
        assert_eq!(allows("admin/users", Some(&coordinator)), Decision::Allowed);
    }

    #[test]
    fn endpoints_are_listed_once() {
        let mut names: Vec<_> = SERVER_FUNCTIONS.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
