//! Wire types and validation of the contact log. Contacts are anonymous: the form has no
//! field that could name or describe one person (no free-text notes on purpose).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::auth::model::province_name;
use crate::kernel::dates::past_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{code_enum, optional_choice, optional_text, required_choice};
use crate::people::model::{exploitation_choices, AgeBand, Exploitation, Gender, Nationality};

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
    /// The id a phone made for a contact it kept while without signal (a UUID; empty
    /// from a connected page): the same id sent again is the same contact.
    #[serde(default)]
    pub client_id: String,
}

/// The answer to a contact sent: its id; or, from the phone's service worker when the
/// signal dropped on the way (`style/assets/sw.js`), none and `kept`: it waits on the
/// phone and will be sent when the connection returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedContact {
    pub id: Option<i32>,
    #[serde(default)]
    pub kept: bool,
}

/// The longest client-made id taken (a UUID is 36 characters).
pub const MAX_CLIENT_ID: usize = 40;

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
    pub client_id: Option<String>,
}

impl ContactForm {
    /// Validates against `today` (the server's date), so that tests can fix the day.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidContact, AppError> {
        let mut checks = Validation::default();
        // A contact is logged within days of it: older dates are a typing slip.
        let occurred_on = match past_day("occurred_on", &self.occurred_on, today, &mut checks) {
            Some(day) if (today - day).num_days() > MAX_DAYS_BACK => {
                checks.add("occurred_on", Problem::OutOfRange);
                None
            }
            day => day,
        };
        let channel = required_choice("channel", &self.channel, Channel::from_code, &mut checks);
        let province = self.province.trim().to_uppercase();
        if province.is_empty() {
            checks.add("province", Problem::Required);
        } else if province_name(&province).is_none() {
            checks.add("province", Problem::UnknownChoice);
        }
        let area = optional_text("area", &self.area, MAX_AREA_LENGTH, &mut checks);
        let gender = required_choice("gender", &self.gender, Gender::from_code, &mut checks);
        let age_band = required_choice("age_band", &self.age_band, AgeBand::from_code, &mut checks);
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
        let client_id = match self.client_id.trim().to_ascii_lowercase() {
            id if id.is_empty() => None,
            id if (8..=MAX_CLIENT_ID).contains(&id.len())
                && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') =>
            {
                Some(id)
            }
            _ => {
                checks.add("client_id", Problem::UnknownChoice);
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
            client_id,
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
    fn a_client_made_id_is_kept_in_lower_case_and_anything_else_refused() {
        let mut form = street_contact();
        assert_eq!(form.validate(today()).unwrap().client_id, None);
        form.client_id = " 5F0C3A9E-7B1D-4C2A-9E8F-1A2B3C4D5E6F ".into();
        assert_eq!(
            form.validate(today()).unwrap().client_id.as_deref(),
            Some("5f0c3a9e-7b1d-4c2a-9e8f-1a2b3c4d5e6f")
        );
        for bad in [
            "abc",
            "5f0c3a9e 7b1d",
            "g5f0c3a9e-7b1d",
            &"a".repeat(MAX_CLIENT_ID + 1),
        ] {
            form.client_id = bad.to_string();
            assert_eq!(
                form.validate(today()).unwrap_err().problem_for("client_id"),
                Some(Problem::UnknownChoice),
                "{bad}"
            );
        }
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
        use crate::kernel::fields::{join_codes, parse_codes};
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
