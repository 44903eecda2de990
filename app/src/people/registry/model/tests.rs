//! Tests of the registry's model: identity fields, codes and the list's filters.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn form() -> PersonForm {
    PersonForm {
        given_names: " Blessing  Joy ".into(),
        family_name: "Okafor".into(),
        date_of_birth: "2009-01-10".into(),
        gender: "female".into(),
        nationality: "NG".into(),
        province: "to".into(),
        unaccompanied: Some("on".into()),
        exploitation: BTreeMap::from([("sexual_street".into(), "on".into())]),
        ..Default::default()
    }
}

#[test]
fn a_registration_is_normalised() {
    let valid = form().validate(today()).unwrap();
    assert_eq!(valid.identity.given_names, "Blessing Joy");
    assert_eq!(valid.province, "TO");
    assert!(valid.unaccompanied);
    assert_eq!(valid.exploitation, vec![Exploitation::SexualStreet]);
}

#[test]
fn contradictions_and_bad_values_are_refused() {
    let mut adult = form();
    adult.date_of_birth = "1990-05-05".into();
    adult.declared_minor = Some("on".into());
    adult.phone = "call me maybe".into();
    adult.family_head = "mother".into();
    let error = adult.validate(today()).unwrap_err();
    assert_eq!(
        error.problem_for("declared_minor"),
        Some(Problem::Contradiction)
    );
    assert_eq!(
        error.problem_for("unaccompanied"),
        Some(Problem::Contradiction)
    );
    assert_eq!(error.problem_for("phone"), Some(Problem::InvalidPhone));
    assert_eq!(
        error.problem_for("family_head"),
        Some(Problem::UnknownChoice)
    );
    let empty = PersonForm {
        date_of_birth: "2030-01-01".into(),
        ..Default::default()
    };
    let error = empty.validate(today()).unwrap_err();
    assert_eq!(error.problem_for("given_names"), Some(Problem::Required));
    assert_eq!(error.problem_for("gender"), Some(Problem::Required));
    assert_eq!(
        error.problem_for("date_of_birth"),
        Some(Problem::DateInFuture)
    );
}

#[test]
fn ages_and_the_eighteenth_birthday() {
    let birth = NaiveDate::from_ymd_opt(2009, 1, 10).unwrap();
    assert_eq!(age_on(birth, today()), 17);
    assert_eq!(
        eighteenth_birthday(birth),
        NaiveDate::from_ymd_opt(2027, 1, 10).unwrap()
    );
    let leap = NaiveDate::from_ymd_opt(2008, 2, 29).unwrap();
    assert_eq!(
        eighteenth_birthday(leap),
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    );
}

#[test]
fn the_same_person_normalises_to_the_same_key() {
    let one = form().validate(today()).unwrap().identity;
    let mut other = one.clone();
    other.given_names = "JOY blessing".into();
    other.family_name = "Okafor".into();
    assert_eq!(normalised_identity(&one), normalised_identity(&other));
    other.family_name = "Okàfor".into();
    assert_eq!(normalised_identity(&one), normalised_identity(&other));
    other.date_of_birth = None;
    assert_eq!(normalised_identity(&other), None);
}

#[test]
fn network_codes() {
    assert_eq!(network_code("TO", 2026, 42), "TO-2026-0042");
    assert!(is_network_code("TO-2026-0042"));
    assert!(!is_network_code("TO-26-0042"));
    assert!(!is_network_code("<script>"));
}
