//! The names, in the interface's language, of the vocabulary people's records share.

use leptos::prelude::Signal;
use leptos_fluent::tr;

use crate::people::model::{AgeBand, Exploitation, Gender, Nationality};

pub fn gender_name(gender: Gender) -> String {
    match gender {
        Gender::Female => tr!("gender-female"),
        Gender::Male => tr!("gender-male"),
        Gender::Transgender => tr!("gender-transgender"),
    }
}

pub fn age_band_name(band: AgeBand) -> String {
    match band {
        AgeBand::Under16 => tr!("age-under-16"),
        AgeBand::From16To17 => tr!("age-16-17"),
        AgeBand::From18To24 => tr!("age-18-24"),
        AgeBand::From25To34 => tr!("age-25-34"),
        AgeBand::From35To49 => tr!("age-35-49"),
        AgeBand::From50 => tr!("age-50-plus"),
        AgeBand::Unknown => tr!("age-unknown"),
    }
}

pub fn exploitation_name(kind: Exploitation) -> String {
    match kind {
        Exploitation::SexualStreet => tr!("exploitation-sexual-street"),
        Exploitation::SexualIndoor => tr!("exploitation-sexual-indoor"),
        Exploitation::LabourAgriculture => tr!("exploitation-labour-agriculture"),
        Exploitation::LabourConstruction => tr!("exploitation-labour-construction"),
        Exploitation::LabourCatering => tr!("exploitation-labour-catering"),
        Exploitation::LabourDomesticCare => tr!("exploitation-labour-domestic-care"),
        Exploitation::Begging => tr!("exploitation-begging"),
        Exploitation::IllegalActivities => tr!("exploitation-illegal-activities"),
        Exploitation::ForcedMarriage => tr!("exploitation-forced-marriage"),
        Exploitation::DomesticServitude => tr!("exploitation-domestic-servitude"),
    }
}

/// The kinds of exploitation as the options of a checkbox group (`Choices`), those in
/// `ticked` already ticked: the contact log, registration and the path form offer the
/// same list.
pub fn exploitation_options(ticked: &[Exploitation]) -> Vec<(&'static str, Signal<String>, bool)> {
    Exploitation::ALL
        .iter()
        .map(|k| {
            (
                k.code(),
                Signal::derive(move || exploitation_name(*k)),
                ticked.contains(k),
            )
        })
        .collect()
}

pub fn nationality_name(nationality: Nationality) -> String {
    match nationality {
        Nationality::Nigeria => tr!("nationality-ng"),
        Nationality::Romania => tr!("nationality-ro"),
        Nationality::Albania => tr!("nationality-al"),
        Nationality::Morocco => tr!("nationality-ma"),
        Nationality::China => tr!("nationality-cn"),
        Nationality::IvoryCoast => tr!("nationality-ci"),
        Nationality::Ghana => tr!("nationality-gh"),
        Nationality::Senegal => tr!("nationality-sn"),
        Nationality::Gambia => tr!("nationality-gm"),
        Nationality::Guinea => tr!("nationality-gn"),
        Nationality::Mali => tr!("nationality-ml"),
        Nationality::Cameroon => tr!("nationality-cm"),
        Nationality::Eritrea => tr!("nationality-er"),
        Nationality::Somalia => tr!("nationality-so"),
        Nationality::Egypt => tr!("nationality-eg"),
        Nationality::Tunisia => tr!("nationality-tn"),
        Nationality::Pakistan => tr!("nationality-pk"),
        Nationality::Bangladesh => tr!("nationality-bd"),
        Nationality::India => tr!("nationality-in"),
        Nationality::SriLanka => tr!("nationality-lk"),
        Nationality::Philippines => tr!("nationality-ph"),
        Nationality::Thailand => tr!("nationality-th"),
        Nationality::Ukraine => tr!("nationality-ua"),
        Nationality::Moldova => tr!("nationality-md"),
        Nationality::Bulgaria => tr!("nationality-bg"),
        Nationality::Brazil => tr!("nationality-br"),
        Nationality::Peru => tr!("nationality-pe"),
        Nationality::Colombia => tr!("nationality-co"),
        Nationality::Venezuela => tr!("nationality-ve"),
        Nationality::Italy => tr!("nationality-it"),
        Nationality::Other => tr!("nationality-other"),
    }
}
