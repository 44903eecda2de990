//! Database work of the registry. Every function that reads or changes one person
//! decides the caller's access first (`access_to`) and writes its audit row in the same
//! transaction as the read or the change.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use sha2::Sha256;

use crate::audit::model::Outcome;
use crate::audit::ssr::{record, record_alone, AuditEvent};
use crate::auth::model::{CurrentUser, OrganisationKind};
use crate::auth::ssr::Ctx;
use crate::entity::{
    audit_log, consents, organisations, people, person_identities, person_organisations,
    reference_handovers, screenings, users,
};
use crate::kernel::clock::today;
use crate::kernel::dates::past_day;
use crate::kernel::db::WriteTransaction;
use crate::kernel::error::{AppError, Conflict, Problem, Validation};
use crate::kernel::fields::{join_codes, parse_codes, parse_id};
use crate::kernel::names::{organisation_names, user_names};
use crate::people::access::*;
use crate::people::model::{Exploitation, Gender, Nationality};
use crate::people::registry::model::*;
use crate::state::IdentityKey;

mod changes;
mod duplicates;
mod list;
mod person_page;
mod registration;
mod search_keys;
pub use changes::*;
pub use duplicates::*;
pub use list::*;
pub use person_page::*;
pub use registration::*;
pub use search_keys::*;

/// How many rows of the record's access log the team sees.
const ACCESS_LOG_ROWS: u64 = 50;

/// The keyed hash of a person's normalised identity (hex), or None without enough fields.
pub fn identity_hash(key: &IdentityKey, identity: &Identity) -> Option<String> {
    let normalised = normalised_identity(identity)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key.bytes()).ok()?;
    mac.update(normalised.as_bytes());
    let digest = mac.finalize().into_bytes();
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

fn age_from_record(person: &people::Model, today: NaiveDate) -> Option<i32> {
    person.birth_month.map(|month| age_on(month, today).max(0))
}

fn person_row(
    person: &people::Model,
    in_charge: &[person_organisations::Model],
    names: &HashMap<i32, String>,
    today: NaiveDate,
) -> PersonRow {
    PersonRow {
        code: person.code.clone(),
        status: PathStatus::from_stored(&person.status, PathStatus::Contact),
        gender: Gender::from_stored(&person.gender, Gender::Female),
        age: age_from_record(person, today),
        minor: minor_from_record(person, today),
        exploitation: parse_codes(&person.exploitation, Exploitation::from_code),
        organisations: in_charge
            .iter()
            .filter(|row| row.person_id == person.id)
            .filter_map(|row| names.get(&row.organisation_id).cloned())
            .collect(),
        registered_on: person.created_at.date_naive(),
        anonymised: person.anonymised_at.is_some(),
        name: None,
    }
}
