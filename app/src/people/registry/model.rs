//! Wire types of the registry of people. The pseudonymous part (code, status, gender,
//! age, exploitation) and the identity part travel in separate types: a page gets an
//! `Identity` only when the server decided the user may see it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, optional_choice, optional_text, required_text};
use crate::people::model::{exploitation_choices, Exploitation, Gender, Nationality};

code_enum! {
    /// Where a person is on the path (seed 000).
    PathStatus {
        Contact => "contact",
        Screening => "screening",
        Proposal => "proposal",
        TakenInCharge => "taken_in_charge",
        Placed => "placed",
        Inclusion => "inclusion",
        Exited => "exited",
    }
}

code_enum! {
    /// How a path ended.
    ExitOutcome {
        Autonomy => "autonomy",
        VoluntaryReturn => "voluntary_return",
        Transfer => "transfer",
        DropOut => "drop_out",
        Other => "other",
    }
}

code_enum! {
    /// Processing by the organisations in charge, or sharing with one named organisation.
    ConsentKind {
        Processing => "processing",
        Sharing => "sharing",
    }
}

/// What a user may see of one person, decided on the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonAccess {
    /// On the team of an organisation in charge (or the coordinator with consent).
    Identity,
    /// Entitled to the person's path, not to who she is: the network code only.
    CodeOnly,
}

/// Age in whole years on `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> i32 {
    let mut age = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The 18th birthday (29 February births come of age on 1 March).
pub fn eighteenth_birthday(birth: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(birth.year() + 18, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(birth.year() + 18, 3, 1))
        .unwrap_or(birth)
}

/// How many days before the 18th birthday the team is warned on her page and "Il mio
/// lavoro".
pub const COMING_OF_AGE_ALERT_DAYS: i64 = 90;

/// How many days before the 18th birthday her reference operators get a notification:
/// time to prepare the permit, the end of guardianship and a place for adults.
pub const COMING_OF_AGE_NOTICE_DAYS: i64 = 60;

pub const MAX_NAME_LENGTH: usize = 120;
pub const MAX_LONG_TEXT: usize = 240;
pub const MAX_PHONE_LENGTH: usize = 40;

/// The registration and identity form. Exploitation types are checkboxes
/// `form[exploitation][<code>]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonForm {
    #[serde(default)]
    pub given_names: String,
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub declared_minor: Option<String>,
    #[serde(default)]
    pub gender: String,
    #[serde(default)]
    pub nationality: String,
    #[serde(default)]
    pub languages: String,
    #[serde(default)]
    pub documents: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub unaccompanied: Option<String>,
    #[serde(default)]
    pub guardian: String,
    #[serde(default)]
    pub province: String,
    /// The network code of the mother (or father) a child is registered with.
    #[serde(default)]
    pub family_head: String,
    /// Consent to processing given at registration.
    #[serde(default)]
    pub consent_processing: Option<String>,
    #[serde(default)]
    pub exploitation: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidPerson {
    pub identity: Identity,
    pub gender: Gender,
    pub declared_minor: bool,
    pub unaccompanied: bool,
    pub province: String,
    pub family_head: Option<String>,
    pub consent_processing: bool,
    pub exploitation: Vec<Exploitation>,
}

/// Who a person is. Only ever built for users with `PersonAccess::Identity`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub given_names: String,
    pub family_name: String,
    pub aliases: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub nationality: Option<Nationality>,
    pub languages: Option<String>,
    pub documents: Option<String>,
    pub phone: Option<String>,
    pub guardian: Option<String>,
}

impl PersonForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidPerson, AppError> {
        let mut checks = Validation::default();
        let given_names = required_text(
            "given_names",
            &self.given_names,
            MAX_NAME_LENGTH,
            &mut checks,
        );
        let family_name = required_text(
            "family_name",
            &self.family_name,
            MAX_NAME_LENGTH,
            &mut checks,
        );
        let aliases = optional_text("aliases", &self.aliases, MAX_LONG_TEXT, &mut checks);
        let date_of_birth = date_of_birth_field(&self.date_of_birth, today, &mut checks);
        let declared_minor = self.declared_minor.is_some();
        if let Some(birth) = date_of_birth {
            if declared_minor && age_on(birth, today) >= 18 {
                checks.add("declared_minor", Problem::Contradiction);
            }
        }
        let gender = gender_field(&self.gender, &mut checks);
        let nationality = optional_choice(
            "nationality",
            &self.nationality,
            Nationality::from_code,
            &mut checks,
        );
        let languages = optional_text("languages", &self.languages, MAX_NAME_LENGTH, &mut checks);
        let documents = optional_text("documents", &self.documents, MAX_LONG_TEXT, &mut checks);
        let phone = phone_field(&self.phone, &mut checks);
        let unaccompanied = self.unaccompanied.is_some();
        let guardian = optional_text("guardian", &self.guardian, MAX_LONG_TEXT, &mut checks);
        // A known date of birth decides; the box only speaks when the date is unknown.
        let is_minor = match date_of_birth {
            Some(birth) => age_on(birth, today) < 18,
            None => declared_minor,
        };
        if unaccompanied && !is_minor {
            checks.add("unaccompanied", Problem::Contradiction);
        }
        let province = province_field(&self.province, &mut checks);
        let family_head = family_head_field(&self.family_head, &mut checks);
        let exploitation = exploitation_choices(&self.exploitation, &mut checks);
        checks.finish()?;
        Ok(ValidPerson {
            identity: Identity {
                given_names,
                family_name,
                aliases,
                date_of_birth,
                nationality,
                languages,
                documents,
                phone,
                guardian,
            },
            gender: gender.unwrap_or(Gender::Female),
            declared_minor,
            unaccompanied,
            province,
            family_head,
            consent_processing: self.consent_processing.is_some(),
            exploitation,
        })
    }
}

/// An optional date of birth: a real day, not in the future, at most 100 years ago.
fn date_of_birth_field(
    value: &str,
    today: NaiveDate,
    checks: &mut Validation,
) -> Option<NaiveDate> {
    match value.trim() {
        "" => None,
        value => match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(day) if day > today => {
                checks.add("date_of_birth", Problem::DateInFuture);
                None
            }
            Ok(day) if age_on(day, today) > 100 => {
                checks.add("date_of_birth", Problem::OutOfRange);
                None
            }
            Ok(day) => Some(day),
            Err(_) => {
                checks.add("date_of_birth", Problem::InvalidDate);
                None
            }
        },
    }
}

/// The required gender, one of the known codes.
fn gender_field(value: &str, checks: &mut Validation) -> Option<Gender> {
    match Gender::from_code(value.trim()) {
        Some(gender) => Some(gender),
        None if value.trim().is_empty() => {
            checks.add("gender", Problem::Required);
            None
        }
        None => {
            checks.add("gender", Problem::UnknownChoice);
            None
        }
    }
}

/// An optional phone number: digits and the usual separators only.
fn phone_field(value: &str, checks: &mut Validation) -> Option<String> {
    let phone = optional_text("phone", value, MAX_PHONE_LENGTH, checks);
    if let Some(phone) = &phone {
        let valid = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-/.".contains(c));
        if !valid {
            checks.add("phone", Problem::InvalidPhone);
        }
    }
    phone
}

/// The required province of registration, upper-cased, one of the known ones.
fn province_field(value: &str, checks: &mut Validation) -> String {
    let province = value.trim().to_uppercase();
    if province.is_empty() {
        checks.add("province", Problem::Required);
    } else if crate::auth::model::province_name(&province).is_none() {
        checks.add("province", Problem::UnknownChoice);
    }
    province
}

/// The optional network code of the family head, upper-cased.
fn family_head_field(value: &str, checks: &mut Validation) -> Option<String> {
    match value.trim().to_uppercase() {
        code if code.is_empty() => None,
        code if is_network_code(&code) => Some(code),
        _ => {
            checks.add("family_head", Problem::UnknownChoice);
            None
        }
    }
}

/// `TO-2026-0042`: two letters, a year, a number of at least four digits.
pub fn is_network_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    matches!(parts.as_slice(), [province, year, number]
        if province.len() == 2 && province.chars().all(|c| c.is_ascii_uppercase())
        && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())
        && (4..=6).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit()))
}

pub fn network_code(province: &str, year: i32, number: i32) -> String {
    format!("{province}-{year}-{number:04}")
}

/// The de-duplication key's input: names without accents, case, punctuation or order,
/// and the date of birth. None without a date of birth (names alone match too often).
pub fn normalised_identity(identity: &Identity) -> Option<String> {
    let birth = identity.date_of_birth?;
    let mut words = crate::kernel::folding::folded_words(&format!(
        "{} {}",
        identity.given_names, identity.family_name
    ));
    words.sort();
    Some(format!("{}|{}", words.join(" "), birth))
}

/// The search key of an identity: the folded words of her names and aliases, each with a
/// space before it, so that a search word matches the start of any of them
/// (`LIKE '% word%'`).
pub fn search_key(identity: &Identity) -> String {
    let names = format!(
        "{} {} {}",
        identity.given_names,
        identity.family_name,
        identity.aliases.as_deref().unwrap_or_default()
    );
    crate::kernel::folding::folded_words(&names)
        .iter()
        .map(|word| format!(" {word}"))
        .collect()
}

/// A birth date typed in a search: `31/12/2000`, `31.12.2000` or `2000-12-31`.
pub fn typed_birth_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// Filters of the people list, as the query string carries them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFilter {
    /// A code or part of one, for every person the list shows; among the people whose
    /// identity the reader may see, also the start of a name or alias, or a birth date.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub exploitation: String,
    /// "minor" or "adult".
    #[serde(default)]
    pub age: String,
    #[serde(default)]
    pub page: String,
}

pub const PEOPLE_PAGE_SIZE: u64 = 25;

/// One line of the people list: no identity field, but her name when a search by name
/// found her for a reader who may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub code: String,
    pub name: Option<String>,
    pub status: PathStatus,
    pub gender: Gender,
    pub age: Option<i32>,
    pub minor: bool,
    pub exploitation: Vec<Exploitation>,
    pub organisations: Vec<String>,
    pub registered_on: NaiveDate,
    pub anonymised: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleList {
    pub rows: Vec<PersonRow>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    pub organisations: Vec<(i32, String)>,
    pub may_register: bool,
    /// The coordinator reviews possible duplicates across organisations.
    pub may_link_duplicates: bool,
}

/// An organisation in charge of the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InCharge {
    pub organisation_id: i32,
    pub organisation: String,
    pub reference: Option<String>,
    pub since: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRow {
    pub id: i32,
    pub kind: ConsentKind,
    pub organisation: Option<String>,
    pub given_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
}

/// One opening or change of the person's record, for her team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogRow {
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    pub who: String,
    pub organisation: String,
    pub action: String,
    pub outcome: String,
}

/// The person page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPage {
    pub person: PersonRow,
    pub access: PersonAccess,
    pub identity: Option<Identity>,
    pub province: String,
    pub unaccompanied: bool,
    pub exit_outcome: Option<ExitOutcome>,
    /// Days to the 18th birthday when within the alert window (team only).
    pub coming_of_age_in_days: Option<i64>,
    pub family_head: Option<String>,
    pub children: Vec<String>,
    pub in_charge: Vec<InCharge>,
    pub consents: Vec<ConsentRow>,
    /// Another record may be of the same person (team only; where, only the coordinator
    /// learns: `people::registry::duplicates`).
    pub possible_duplicate: bool,
    pub duplicate_of: Option<String>,
    /// The record's opening and change log (team only).
    pub access_log: Vec<AccessLogRow>,
    /// Screening interviews, newest first, each with the checklist version it used.
    pub screenings: Vec<crate::people::screening::model::ScreeningRow>,
    /// Her open entry on the waiting list for shelter, if any.
    pub waiting: Option<crate::people::waiting::model::WaitingRow>,
    /// Whether the user may change the record (team, front-line roles).
    pub may_manage: bool,
    /// Whether the user reads her judicial route (reference operator, legal advisor).
    #[serde(default)]
    pub reads_judicial: bool,
    pub is_coordinator: bool,
    /// Implementing bodies (and the coordination) that may be added or named in a consent.
    pub organisation_choices: Vec<(i32, String)>,
    /// Colleagues of the user's organisation who can be reference operator.
    pub reference_choices: Vec<(i32, String)>,
    /// The current reference operator of the user's own organisation.
    pub own_reference: Option<i32>,
}

/// Records that may describe the same person (same keyed hash), for the coordinator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateRecord {
    pub code: String,
    pub organisation: String,
    pub registered_on: NaiveDate,
    pub status: PathStatus,
    /// The code of the record this one was linked to, if linked.
    pub linked_to: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateGroup {
    pub records: Vec<DuplicateRecord>,
}

/// Changes to the path: status, exit outcome, exploitation types.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathForm {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub exit_outcome: String,
    #[serde(default)]
    pub exploitation: BTreeMap<String, String>,
}

impl PathForm {
    pub fn validate(
        &self,
    ) -> Result<(PathStatus, Option<ExitOutcome>, Vec<Exploitation>), AppError> {
        let mut checks = Validation::default();
        let status = PathStatus::from_code(self.status.trim());
        if status.is_none() {
            checks.add("status", Problem::UnknownChoice);
        }
        let exit_outcome = match self.exit_outcome.trim() {
            "" => None,
            code => {
                let parsed = ExitOutcome::from_code(code);
                if parsed.is_none() {
                    checks.add("exit_outcome", Problem::UnknownChoice);
                }
                parsed
            }
        };
        if status == Some(PathStatus::Exited) && exit_outcome.is_none() {
            checks.add("exit_outcome", Problem::Required);
        }
        let exploitation = exploitation_choices(&self.exploitation, &mut checks);
        checks.finish()?;
        let status = status.unwrap_or(PathStatus::Contact);
        let exit_outcome = if status == PathStatus::Exited {
            exit_outcome
        } else {
            None
        };
        Ok((status, exit_outcome, exploitation))
    }
}

/// Adding an organisation to the joint take-in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InChargeForm {
    #[serde(default)]
    pub organisation_id: String,
    /// Only the coordinator may add without a sharing consent, and must say why.
    #[serde(default)]
    pub override_reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub organisation_id: String,
    #[serde(default)]
    pub given_on: String,
}

#[cfg(test)]
mod tests;
