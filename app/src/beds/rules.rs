//! The rules a placement must respect, as pure functions over facts the server loads in
//! the write transaction (`ssr::rules`). A breach is refused with a translated reason,
//! or, for the rules a reception manager may set aside, accepted with an override and
//! its reason in the audit trail.

use serde::{Deserialize, Serialize};

use crate::kernel::fields::code_enum;
use crate::people::model::Gender;
use crate::people::waiting::model::TargetGroup;

// The refusal codes of every feature live with the error type (`kernel::error`).
pub use crate::kernel::error::Breach;

code_enum! {
    /// Who authorised a minor's placement without a parent.
    AuthorisationKind {
        Guardian => "guardian",
        JuvenileCourt => "juvenile_court",
    }
}

code_enum! {
    /// Why two people must never share a structure.
    KeptApartReason {
        Recruiter => "recruiter",
        WitnessAndAccused => "witness_accused",
        Other => "other",
    }
}

/// An authorisation for a minor's placement, as the team sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationRow {
    pub id: i32,
    pub kind: AuthorisationKind,
    pub reference: String,
    pub granted_on: chrono::NaiveDate,
    pub withdrawn: bool,
}

/// Someone the person must never share a structure with. Her code only reaches a reader
/// on her team too: to the others she is "a person followed by another team", and the
/// board still keeps the two apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptApartRow {
    pub id: i32,
    pub other_code: Option<String>,
    pub reason: KeptApartReason,
    /// Recorded by the reader's organisation: only it (or the coordinator) removes it.
    pub removable: bool,
}

/// What the team records for the bed board's rules, on the person's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Safeguards {
    pub code: String,
    pub minor: bool,
    pub authorisations: Vec<AuthorisationRow>,
    pub kept_apart: Vec<KeptApartRow>,
}

pub const MAX_AUTHORISATION_REFERENCE: usize = 120;

/// The shortest reason accepted for an override.
pub const MIN_OVERRIDE_REASON: usize = 10;

/// The group a person needs when nobody wrote it on the waiting list: a parent with her
/// children needs a place for mothers with children; a girl under 18, the regional
/// directive's places for girls.
pub fn needed_group(gender: Gender, minor: bool, with_children: bool) -> TargetGroup {
    match gender {
        _ if with_children => TargetGroup::MothersWithChildren,
        Gender::Female if minor => TargetGroup::Girls16To18,
        Gender::Female => TargetGroup::Women,
        Gender::Male => TargetGroup::Men,
        Gender::Transgender => TargetGroup::Transgender,
    }
}

/// One person who would take a bed: the one dragged, or a family member moving with her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mover {
    pub person_id: i32,
    pub minor: bool,
    /// Her parent moves with her (children of a family unit).
    pub with_parent: bool,
    /// A parent moving with her children.
    pub with_children: bool,
    /// An authorisation (guardian or juvenile court) is on record and not withdrawn.
    pub authorised: bool,
    /// Her age in whole years when the record tells it (from the month of birth, so
    /// never below her real age: a refusal by age is always right).
    pub age: Option<i32>,
}

/// The youngest age the network's places for girls take (regional directive: 16–18);
/// a younger girl alone goes to a community for minors, outside the board.
pub const GIRLS_AGE_FLOOR: i32 = 16;

/// What the rules look at, loaded in the write transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub structure_groups: Vec<TargetGroup>,
    /// The group the placement needs (the family's, or the person's).
    pub needed_group: TargetGroup,
    pub movers: Vec<Mover>,
    /// Adjacent free beds were found for every mover.
    pub room_for_all: bool,
    /// A family member keeps a bed in another structure.
    pub family_elsewhere: bool,
    /// Someone to be kept apart from a mover has a bed in the structure.
    pub kept_apart_present: bool,
}

/// Every rule the placement would break, in a stable order.
pub fn breaches(facts: &Facts) -> Vec<Breach> {
    let mut found = Vec::new();
    if !facts.structure_groups.contains(&facts.needed_group) {
        found.push(Breach::TargetGroup);
    }
    for mover in facts.movers.iter().filter(|m| m.minor && !m.with_parent) {
        let admits = facts.structure_groups.contains(&TargetGroup::Girls16To18)
            || (mover.with_children
                && facts
                    .structure_groups
                    .contains(&TargetGroup::MothersWithChildren));
        if !admits && !found.contains(&Breach::MinorNotAllowedHere) {
            found.push(Breach::MinorNotAllowedHere);
        }
        if !mover.authorised && !found.contains(&Breach::MinorWithoutAuthorisation) {
            found.push(Breach::MinorWithoutAuthorisation);
        }
        let too_young = mover.age.is_some_and(|age| age < GIRLS_AGE_FLOOR);
        if too_young && !mover.with_children && !found.contains(&Breach::BelowAgeFloor) {
            found.push(Breach::BelowAgeFloor);
        }
    }
    if !facts.room_for_all {
        found.push(Breach::NoRoomForFamily);
    }
    if facts.family_elsewhere {
        found.push(Breach::FamilySplit);
    }
    if facts.kept_apart_present {
        found.push(Breach::KeptApart);
    }
    found
}

/// The beds a family takes, the chosen one first: in the chosen bed's room when the room
/// has a usable bed for each of them (the nearest ones, then in board order), so that a
/// mother and her children share a room; otherwise `size` adjacent usable beds
/// (`adjacent_run`). `room_of` names each bed's room.
pub fn family_beds(
    beds: &[(i32, bool)],
    room_of: impl Fn(i32) -> Option<i32>,
    chosen: i32,
    size: usize,
) -> Option<Vec<i32>> {
    let at = beds.iter().position(|(id, _)| *id == chosen)?;
    if let (Some(room), true, true) = (room_of(chosen), beds[at].1, size > 0) {
        let mut others: Vec<(usize, usize, i32)> = beds
            .iter()
            .enumerate()
            .filter(|(_, (id, usable))| *usable && *id != chosen && room_of(*id) == Some(room))
            .map(|(index, (id, _))| (index.abs_diff(at), index, *id))
            .collect();
        if others.len() + 1 >= size {
            others.sort_unstable();
            let mut taken: Vec<(usize, i32)> = others
                .into_iter()
                .take(size - 1)
                .map(|(_, index, id)| (index, id))
                .collect();
            taken.sort_unstable();
            let mut run = vec![chosen];
            run.extend(taken.into_iter().map(|(_, id)| id));
            return Some(run);
        }
    }
    adjacent_run(beds, chosen, size)
}

/// `size` adjacent usable beds of one structure that include `chosen`, the chosen bed
/// first and the others in board order. `beds` is the structure's beds in board order,
/// each with whether the family may use it. The window starting at the chosen bed is
/// preferred, then the nearest ones.
pub fn adjacent_run(beds: &[(i32, bool)], chosen: i32, size: usize) -> Option<Vec<i32>> {
    let at = beds.iter().position(|(id, _)| *id == chosen)?;
    if size == 0 || size > beds.len() {
        return None;
    }
    let first_start = at.saturating_sub(size - 1);
    let last_start = at.min(beds.len() - size);
    let mut starts: Vec<usize> = (first_start..=last_start).collect();
    starts.sort_by_key(|start| at - start);
    let start = starts.into_iter().find(|start| {
        beds[*start..*start + size]
            .iter()
            .all(|(_, usable)| *usable)
    })?;
    let mut run = vec![chosen];
    run.extend(
        beds[start..start + size]
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| *id != chosen),
    );
    Some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adult(id: i32) -> Mover {
        Mover {
            person_id: id,
            minor: false,
            with_parent: false,
            with_children: false,
            authorised: false,
            age: Some(30),
        }
    }

    fn facts(groups: &[TargetGroup], needed: TargetGroup, movers: Vec<Mover>) -> Facts {
        Facts {
            structure_groups: groups.to_vec(),
            needed_group: needed,
            movers,
            room_for_all: true,
            family_elsewhere: false,
            kept_apart_present: false,
        }
    }

    #[test]
    fn a_woman_fits_a_structure_for_women() {
        let f = facts(&[TargetGroup::Women], TargetGroup::Women, vec![adult(1)]);
        assert!(breaches(&f).is_empty());
        let f = facts(&[TargetGroup::Men], TargetGroup::Women, vec![adult(1)]);
        assert_eq!(breaches(&f), vec![Breach::TargetGroup]);
    }

    #[test]
    fn an_unaccompanied_minor_needs_a_place_for_girls_and_an_authorisation() {
        let girl = Mover {
            minor: true,
            ..adult(1)
        };
        let f = facts(
            &[TargetGroup::Women],
            TargetGroup::Girls16To18,
            vec![girl.clone()],
        );
        assert_eq!(
            breaches(&f),
            vec![
                Breach::TargetGroup,
                Breach::MinorNotAllowedHere,
                Breach::MinorWithoutAuthorisation
            ]
        );
        let authorised = Mover {
            authorised: true,
            ..girl
        };
        let f = facts(
            &[TargetGroup::Girls16To18],
            TargetGroup::Girls16To18,
            vec![authorised],
        );
        assert!(breaches(&f).is_empty());
    }

    #[test]
    fn a_girl_younger_than_sixteen_is_refused_even_with_an_authorisation() {
        let girl = |age| Mover {
            minor: true,
            authorised: true,
            age: Some(age),
            ..adult(1)
        };
        let places = [TargetGroup::Girls16To18];
        let f = facts(&places, TargetGroup::Girls16To18, vec![girl(13)]);
        assert_eq!(breaches(&f), vec![Breach::BelowAgeFloor]);
        assert!(!Breach::BelowAgeFloor.overridable());
        let f = facts(&places, TargetGroup::Girls16To18, vec![girl(16)]);
        assert!(breaches(&f).is_empty());
        // Her age unknown (declared a minor, no month of birth): the authorisation decides.
        let unknown = Mover {
            age: None,
            ..girl(13)
        };
        let f = facts(&places, TargetGroup::Girls16To18, vec![unknown]);
        assert!(breaches(&f).is_empty());
    }

    #[test]
    fn children_with_their_mother_need_no_authorisation() {
        let mother = Mover {
            with_children: true,
            ..adult(1)
        };
        let child = Mover {
            minor: true,
            with_parent: true,
            ..adult(2)
        };
        let f = facts(
            &[TargetGroup::MothersWithChildren],
            TargetGroup::MothersWithChildren,
            vec![mother, child],
        );
        assert!(breaches(&f).is_empty());
    }

    #[test]
    fn breaches_travel_as_their_codes() {
        let json = serde_json::to_string(&Breach::NoRoomForFamily).unwrap();
        assert_eq!(json, format!("\"{}\"", Breach::NoRoomForFamily.code()));
    }

    #[test]
    fn only_some_breaches_may_be_overridden() {
        assert!(Breach::TargetGroup.overridable());
        assert!(Breach::NoRoomForFamily.overridable());
        assert!(!Breach::MinorWithoutAuthorisation.overridable());
        assert!(!Breach::MinorNotAllowedHere.overridable());
        assert!(!Breach::KeptApart.overridable());
    }

    #[test]
    fn the_needed_group_follows_the_person() {
        assert_eq!(
            needed_group(Gender::Female, false, true),
            TargetGroup::MothersWithChildren
        );
        assert_eq!(
            needed_group(Gender::Female, true, false),
            TargetGroup::Girls16To18
        );
        assert_eq!(needed_group(Gender::Male, false, false), TargetGroup::Men);
    }

    #[test]
    fn a_family_shares_the_chosen_room_when_it_has_the_beds() {
        // Beds 1–2 in room 10, 3–5 in room 20 (bed 4 taken), 6 in no room.
        let beds = [
            (1, true),
            (2, true),
            (3, true),
            (4, false),
            (5, true),
            (6, true),
        ];
        let room_of = |bed: i32| match bed {
            1 | 2 => Some(10),
            3..=5 => Some(20),
            _ => None,
        };
        // A mother and a child from bed 2: room 10, not the adjacent bed 3.
        assert_eq!(family_beds(&beds, room_of, 2, 2), Some(vec![2, 1]));
        // From bed 3, the taken bed 4 is skipped: 3 and 5 are one room.
        assert_eq!(family_beds(&beds, room_of, 3, 2), Some(vec![3, 5]));
        // Three from bed 2: room 10 is too small; three adjacent beds instead.
        assert_eq!(family_beds(&beds, room_of, 2, 3), Some(vec![2, 1, 3]));
        // Without rooms, as before.
        assert_eq!(family_beds(&beds, |_| None, 5, 2), Some(vec![5, 6]));
        assert_eq!(family_beds(&beds, room_of, 4, 1), None);
    }

    #[test]
    fn adjacent_beds_start_at_the_chosen_one_when_they_can() {
        let beds = [(1, true), (2, true), (3, true), (4, false), (5, true)];
        assert_eq!(adjacent_run(&beds, 2, 2), Some(vec![2, 3]));
        // 3 then 4 is blocked: the window 2..=3 is the nearest that fits.
        assert_eq!(adjacent_run(&beds, 3, 2), Some(vec![3, 2]));
        assert_eq!(adjacent_run(&beds, 1, 3), Some(vec![1, 2, 3]));
        assert_eq!(adjacent_run(&beds, 5, 2), None);
        assert_eq!(adjacent_run(&beds, 4, 1), None);
        assert_eq!(adjacent_run(&beds, 9, 1), None);
        assert_eq!(adjacent_run(&beds, 1, 6), None);
    }
}
