//! Wire types and validation of the contact log. Contacts are anonymous: the form has no
//! field that could name or describe one person (no free-text notes on purpose).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::auth::model::province_name;
use crate::error::{AppError, Problem, Validation};

/// Declares a closed list of codes with `ALL`, `code()` and `from_code()`.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    };
}
pub(crate) use code_enum;

code_enum! {
    /// How the contact happened (seed 000, phase 1: emersione).
    Channel {
        StreetUnit => "street_unit",
        IndoorUnit => "indoor_unit",
        HelpDesk => "help_desk",
        TollFree => "toll_free",
        Chat => "chat",
        Police => "police",
        SocialServices => "social_services",
        HealthServices => "health_services",
        Caritas => "caritas",
        CasSai => "cas_sai",
        TerritorialCommission => "territorial_commission",
    }
}

code_enum! {
    Gender {
        Female => "female",
        Male => "male",
        Transgender => "transgender",
    }
}

code_enum! {
    /// Approximate age, as an outreach worker can judge it on the street.
    AgeBand {
        Under16 => "under_16",
        From16To17 => "16_17",
        From18To24 => "18_24",
        From25To34 => "25_34",
        From35To49 => "35_49",
        From50 => "50_plus",
        Unknown => "unknown",
    }
}

impl AgeBand {
    pub fn is_minor(self) -> bool {
        matches!(self, AgeBand::Under16 | AgeBand::From16To17)
    }

    pub fn is_adult(self) -> bool {
        !self.is_minor() && self != AgeBand::Unknown
    }
}

code_enum! {
    /// Suspected forms of exploitation (all seeds).
    Exploitation {
        SexualStreet => "sexual_street",
        SexualIndoor => "sexual_indoor",
        LabourAgriculture => "labour_agriculture",
        LabourConstruction => "labour_construction",
        LabourCatering => "labour_catering",
        LabourDomesticCare => "labour_domestic_care",
        Begging => "begging",
        IllegalActivities => "illegal_activities",
        ForcedMarriage => "forced_marriage",
        DomesticServitude => "domestic_servitude",
    }
}

code_enum! {
    /// Nationality as a closed list (ISO 3166 codes): the countries the Piemonte network
    /// meets most often, then "another country". A list, not free text, so that nothing
    /// typed here can name or describe one person, and the figures add up.
    Nationality {
        Nigeria => "NG",
        Romania => "RO",
        Albania => "AL",
        Morocco => "MA",
        China => "CN",
        IvoryCoast => "CI",
        Ghana => "GH",
        Senegal => "SN",
        Gambia => "GM",
        Guinea => "GN",
        Mali => "ML",
        Cameroon => "CM",
        Eritrea => "ER",
        Somalia => "SO",
        Egypt => "EG",
        Tunisia => "TN",
        Pakistan => "PK",
        Bangladesh => "BD",
        India => "IN",
        SriLanka => "LK",
        Philippines => "PH",
        Thailand => "TH",
        Ukraine => "UA",
        Moldova => "MD",
        Bulgaria => "BG",
        Brazil => "BR",
        Peru => "PE",
        Colombia => "CO",
        Venezuela => "VE",
        Italy => "IT",
        Other => "other",
    }
}

pub const MAX_PEOPLE_PER_ROW: i32 = 200;
pub const MAX_AREA_LENGTH: usize = 120;

/// Contacts older than this are typing mistakes more often than late entries.
pub const MAX_DAYS_BACK: i64 = 366;

/// The contact form as the browser sends it. Exploitation types are checkboxes named
/// `form[exploitation][<code>]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    pub occurred_on: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub gender: String,
    #[serde(default)]
    pub age_band: String,
    /// Only read when the age band is unknown.
    #[serde(default)]
    pub minor: Option<String>,
    #[serde(default)]
    pub nationality: String,
    #[serde(default)]
    pub people_count: String,
    #[serde(default)]
    pub exploitation: BTreeMap<String, String>,
    /// The network code of a registered person this contact was with (empty: anonymous).
    #[serde(default)]
    pub person_code: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidContact {
    pub occurred_on: NaiveDate,
    pub channel: Channel,
    pub province: String,
    pub area: Option<String>,
    pub gender: Gender,
    pub age_band: AgeBand,
    pub minor: bool,
    pub nationality: Option<Nationality>,
    pub people_count: i32,
    pub exploitation: Vec<Exploitation>,
    pub person_code: Option<String>,
}

/// Free text with runs of spaces collapsed; None when empty; too long is a field error.
pub fn optional_text(
    field: &str,
    value: &str,
    max: usize,
    checks: &mut Validation,
) -> Option<String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.chars().count() > max {
        checks.add(field, Problem::TooLong);
    }
    (!value.is_empty()).then_some(value)
}

/// Like `optional_text`, and empty is a field error.
pub fn required_text(field: &str, value: &str, max: usize, checks: &mut Validation) -> String {
    let value = optional_text(field, value, max, checks);
    if value.is_none() {
        checks.add(field, Problem::Required);
    }
    value.unwrap_or_default()
}

/// The longest text searched for: past it a database refuses the pattern (SQLite's LIKE
/// stops at 50 000 bytes) and no one types it.
pub const MAX_SEARCH: usize = 200;

/// The words of a search box, spaces collapsed; a longer one is a field error (422).
pub fn search_text(field: &str, value: &str) -> Result<String, AppError> {
    let mut checks = Validation::default();
    let text = optional_text(field, value, MAX_SEARCH, &mut checks).unwrap_or_default();
    checks.finish()?;
    Ok(text)
}

/// The ticked exploitation types of a form (`form[exploitation][<code>]`), sorted.
pub fn exploitation_choices(
    ticked: &BTreeMap<String, String>,
    checks: &mut Validation,
) -> Vec<Exploitation> {
    let mut kinds = Vec::new();
    for code in ticked.keys() {
        match Exploitation::from_code(code) {
            Some(kind) => kinds.push(kind),
            None => checks.add("exploitation", Problem::UnknownChoice),
        }
    }
    kinds.sort();
    kinds
}

/// A closed-list answer that may be left empty (not known, not asked).
pub fn optional_choice<T>(
    field: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    checks: &mut Validation,
) -> Option<T> {
    match value.trim() {
        "" => None,
        code => {
            let parsed = parse(code);
            if parsed.is_none() {
                checks.add(field, Problem::UnknownChoice);
            }
            parsed
        }
    }
}

fn choice<T>(
    field: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    checks: &mut Validation,
) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        checks.add(field, Problem::Required);
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        checks.add(field, Problem::UnknownChoice);
    }
    parsed
}

impl ContactForm {
    /// Validates against `today` (the server's date), so that tests can fix the day.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidContact, AppError> {
        let mut checks = Validation::default();
        let occurred_on = match NaiveDate::parse_from_str(self.occurred_on.trim(), "%Y-%m-%d") {
            Ok(day) if day > today => {
                checks.add("occurred_on", Problem::DateInFuture);
                None
            }
            Ok(day) if (today - day).num_days() > MAX_DAYS_BACK => {
                checks.add("occurred_on", Problem::OutOfRange);
                None
            }
            Ok(day) => Some(day),
            Err(_) if self.occurred_on.trim().is_empty() => {
                checks.add("occurred_on", Problem::Required);
                None
            }
            Err(_) => {
                checks.add("occurred_on", Problem::InvalidDate);
                None
            }
        };
        let channel = choice("channel", &self.channel, Channel::from_code, &mut checks);
        let province = self.province.trim().to_uppercase();
        if province.is_empty() {
            checks.add("province", Problem::Required);
        } else if province_name(&province).is_none() {
            checks.add("province", Problem::UnknownChoice);
        }
        let area = optional_text("area", &self.area, MAX_AREA_LENGTH, &mut checks);
        let gender = choice("gender", &self.gender, Gender::from_code, &mut checks);
        let age_band = choice("age_band", &self.age_band, AgeBand::from_code, &mut checks);
        let minor_ticked = self.minor.is_some();
        let minor = match age_band {
            Some(band) if band.is_adult() && minor_ticked => {
                checks.add("minor", Problem::Contradiction);
                false
            }
            Some(band) => band.is_minor() || minor_ticked,
            None => minor_ticked,
        };
        // Empty: not known or not asked.
        let nationality = optional_choice(
            "nationality",
            &self.nationality,
            Nationality::from_code,
            &mut checks,
        );
        let people_count = match self.people_count.trim() {
            "" => Some(1),
            text => match text.parse::<i32>() {
                Ok(n) if (1..=MAX_PEOPLE_PER_ROW).contains(&n) => Some(n),
                _ => {
                    checks.add("people_count", Problem::OutOfRange);
                    None
                }
            },
        };
        let exploitation = exploitation_choices(&self.exploitation, &mut checks);
        let person_code = match self.person_code.trim().to_uppercase() {
            code if code.is_empty() => None,
            code if crate::people::registry::model::is_network_code(&code) => {
                if people_count.is_some_and(|n| n > 1) {
                    // A group of people met together cannot be one registered person.
                    checks.add("person_code", Problem::Contradiction);
                }
                Some(code)
            }
            _ => {
                checks.add("person_code", Problem::UnknownChoice);
                None
            }
        };
        checks.finish()?;
        Ok(ValidContact {
            occurred_on: occurred_on.unwrap_or(today),
            channel: channel.unwrap_or(Channel::StreetUnit),
            province,
            area,
            gender: gender.unwrap_or(Gender::Female),
            age_band: age_band.unwrap_or(AgeBand::Unknown),
            minor,
            nationality,
            people_count: people_count.unwrap_or(1),
            exploitation,
            person_code,
        })
    }
}

/// A logged contact as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRow {
    pub id: i32,
    pub occurred_on: NaiveDate,
    pub channel: Channel,
    pub province: String,
    pub area: Option<String>,
    pub gender: Gender,
    pub age_band: AgeBand,
    pub minor: bool,
    pub nationality: Option<Nationality>,
    pub exploitation: Vec<Exploitation>,
    pub people_count: i32,
    pub organisation: String,
    pub logged_by: String,
    /// The person's network code when the contact was linked to her.
    pub person_code: Option<String>,
}

/// The contact page's data: what to pre-fill, and the recent contacts the user may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactLog {
    pub today: NaiveDate,
    pub default_channel: Channel,
    pub default_province: String,
    pub recent: Vec<ContactRow>,
    /// Contacts and people in the last 7 days, in the user's scope.
    pub week_contacts: u64,
    pub week_people: u64,
    pub network_wide: bool,
}

pub fn parse_codes<T: Copy>(joined: &str, from_code: fn(&str) -> Option<T>) -> Vec<T> {
    joined
        .split(',')
        .filter_map(|code| from_code(code.trim()))
        .collect()
}

pub fn join_codes<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn street_contact() -> ContactForm {
        ContactForm {
            occurred_on: "2026-11-21".into(),
            channel: "street_unit".into(),
            province: "to".into(),
            area: "  Corso   Giulio Cesare ".into(),
            gender: "female".into(),
            age_band: "18_24".into(),
            nationality: "NG".into(),
            people_count: "3".into(),
            exploitation: BTreeMap::from([("sexual_street".into(), "on".into())]),
            ..Default::default()
        }
    }

    #[test]
    fn a_street_contact_is_normalised() {
        let valid = street_contact().validate(today()).unwrap();
        assert_eq!(valid.province, "TO");
        assert_eq!(valid.area.as_deref(), Some("Corso Giulio Cesare"));
        assert_eq!(valid.people_count, 3);
        assert_eq!(valid.exploitation, vec![Exploitation::SexualStreet]);
        assert_eq!(valid.nationality, Some(Nationality::Nigeria));
        assert!(!valid.minor);
    }

    #[test]
    fn minors_come_from_the_band_or_the_box_and_never_contradict_it() {
        let mut form = street_contact();
        form.age_band = "16_17".into();
        assert!(form.validate(today()).unwrap().minor);
        form.age_band = "unknown".into();
        form.minor = Some("on".into());
        assert!(form.validate(today()).unwrap().minor);
        form.age_band = "25_34".into();
        assert_eq!(
            form.validate(today()).unwrap_err().problem_for("minor"),
            Some(Problem::Contradiction)
        );
    }

    #[test]
    fn dates_counts_and_codes_are_checked() {
        let mut form = street_contact();
        form.occurred_on = "2026-11-23".into();
        form.people_count = "0".into();
        form.channel = "carrier pigeon".into();
        form.exploitation.insert("unknown_kind".into(), "on".into());
        form.nationality = "Atlantis".into();
        let error = form.validate(today()).unwrap_err();
        assert_eq!(
            error.problem_for("occurred_on"),
            Some(Problem::DateInFuture)
        );
        assert_eq!(error.problem_for("people_count"), Some(Problem::OutOfRange));
        assert_eq!(error.problem_for("channel"), Some(Problem::UnknownChoice));
        assert_eq!(
            error.problem_for("exploitation"),
            Some(Problem::UnknownChoice)
        );
        assert_eq!(
            error.problem_for("nationality"),
            Some(Problem::UnknownChoice)
        );
        form.occurred_on = "2024-01-01".into();
        assert_eq!(
            form.validate(today())
                .unwrap_err()
                .problem_for("occurred_on"),
            Some(Problem::OutOfRange)
        );
        form.occurred_on = "21/11/2026".into();
        assert_eq!(
            form.validate(today())
                .unwrap_err()
                .problem_for("occurred_on"),
            Some(Problem::InvalidDate)
        );
    }

    #[test]
    fn codes_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(Channel::from_code(channel.code()), Some(*channel));
        }
        let joined = join_codes(
            &[Exploitation::Begging, Exploitation::SexualIndoor],
            Exploitation::code,
        );
        assert_eq!(joined, "begging,sexual_indoor");
        assert_eq!(
            parse_codes(&joined, Exploitation::from_code),
            vec![Exploitation::Begging, Exploitation::SexualIndoor]
        );
    }
}
