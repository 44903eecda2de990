//! The forms of a structure's rooms (seed 001: the rooms of a house, where a mother and
//! her children are placed together), read and checked; their server functions are in
//! `api`, beside the beds'.

use serde::{Deserialize, Serialize};

use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{parse_id, required_text};

pub const MAX_ROOM_NAME: usize = 64;
/// Floors a house may have, from the cellar to the roof.
pub const FLOORS: std::ops::RangeInclusive<i16> = -2..=20;

/// A room to add (`id` empty) or to rename.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomForm {
    #[serde(default)]
    pub id: String,
    pub structure_id: String,
    pub name: String,
    #[serde(default)]
    pub floor: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRoom {
    pub id: Option<i32>,
    pub structure_id: i32,
    pub name: String,
    pub floor: Option<i16>,
}

impl RoomForm {
    pub fn validate(&self) -> Result<ValidRoom, AppError> {
        let mut checks = Validation::default();
        let id = (!self.id.trim().is_empty())
            .then(|| parse_id("id", &self.id, &mut checks))
            .flatten();
        let structure_id = parse_id("structure_id", &self.structure_id, &mut checks);
        let name = required_text("name", &self.name, MAX_ROOM_NAME, &mut checks);
        let floor = match self.floor.trim() {
            "" => None,
            text => match text.parse::<i16>() {
                Ok(floor) if FLOORS.contains(&floor) => Some(floor),
                Ok(_) => {
                    checks.add("floor", Problem::OutOfRange);
                    None
                }
                Err(_) => {
                    checks.add("floor", Problem::OutOfRange);
                    None
                }
            },
        };
        checks.finish()?;
        Ok(ValidRoom {
            id,
            structure_id: structure_id.ok_or(AppError::BadRequest)?,
            name,
            floor,
        })
    }
}

/// A room id chosen in a select: empty is "no room".
pub fn chosen_room(text: &str) -> Result<Option<i32>, AppError> {
    match text.trim() {
        "" => Ok(None),
        id => {
            let mut checks = Validation::default();
            let room = parse_id("room", id, &mut checks);
            checks.finish()?;
            Ok(room)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_has_a_name_and_maybe_a_floor_within_a_house() {
        let form = |name: &str, floor: &str| RoomForm {
            id: String::new(),
            structure_id: "3".into(),
            name: name.into(),
            floor: floor.into(),
        };
        let valid = form("  Stanza   azzurra ", "1").validate().unwrap();
        assert_eq!(
            (valid.name.as_str(), valid.floor, valid.id),
            ("Stanza azzurra", Some(1), None)
        );
        assert_eq!(form("Mansarda", "").validate().unwrap().floor, None);
        assert_eq!(form("Cantina", "-1").validate().unwrap().floor, Some(-1));
        for (name, floor, field) in [
            ("", "1", "name"),
            ("A", "99", "floor"),
            ("A", "primo", "floor"),
        ] {
            match form(name, floor).validate() {
                Err(AppError::Invalid { problems }) => assert_eq!(problems[0].field, field),
                other => panic!("{name}/{floor}: {other:?}"),
            }
        }
        assert_eq!(chosen_room("").unwrap(), None);
        assert_eq!(chosen_room("12").unwrap(), Some(12));
        assert!(chosen_room("x").is_err());
    }
}
