//! The vocabulary every record of a person shares (the contact log, the registry, the
//! waiting list, reports): gender, age band, exploitation, nationality.

use std::collections::BTreeMap;

use crate::kernel::error::{Problem, Validation};
use crate::kernel::fields::code_enum;

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
