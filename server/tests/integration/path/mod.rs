//! The rest of a person's path: each part is read and changed by the team in charge
//! only, audited, on both databases; another organisation gets 403 with an audit row,
//! and a partner of the forum never reaches it.

mod commission;
mod documents;
mod judicial;
mod minors;
mod spending;
mod transfers;

pub(super) const CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const RECEPTION: &str = "accoglienza@anello.test";
pub(super) const OTHER_BODY: &str = "operatrice.cuneo@anello.test";
pub(super) const PARTNER: &str = "partner@anello.test";
pub(super) const COORDINATOR: &str = "coordinatrice@anello.test";
