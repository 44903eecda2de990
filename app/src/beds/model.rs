//! Wire types of the bed board. Occupied beds carry the person's network code, never a
//! name; structures carry no address.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::fields::code_enum;
use crate::people::waiting::model::{TargetGroup, WaitingRow};

code_enum! {
    StructureKind {
        Emergency => "emergency",
        SafeHouse => "safe_house",
        SecondReception => "second_reception",
        SupportedFlat => "supported_flat",
    }
}

code_enum! {
    /// Why a stay in a bed ended (a move to another bed is recorded as "transfer").
    StayEnd {
        EndOfStay => "end_of_stay",
        Autonomy => "autonomy",
        VoluntaryReturn => "voluntary_return",
        TransferOut => "transfer_out",
        DropOut => "drop_out",
        Other => "other",
    }
}

/// The end reason of a placement that became a move to another bed.
pub const MOVED_TO_ANOTHER_BED: &str = "transfer";

/// How long after a change on the board its author may take it back.
pub const UNDO_SECONDS: i64 = 60;

code_enum! {
    /// The kind of change the board offers to take back.
    UndoAction {
        Place => "bed.place",
        Move => "bed.move",
        Exit => "bed.discharge",
    }
}

/// The user's last change on the board, while it may still be taken back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoOffer {
    pub action: UndoAction,
    /// The network code of the person the change was about.
    pub code: String,
    pub seconds_left: i64,
}

/// Emergency stays are planned for about three months (seed 001).
pub const EMERGENCY_STAY_DAYS: i64 = 90;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BedState {
    Free,
    Occupied,
    Held,
    OutOfService,
}

/// A bed as the board shows it. What a bed does not have is left out of its JSON rather
/// than sent as `null`: a free bed was 7 nulls, and a board of 1000 beds goes out twice
/// (the page's hydration data, and each read again), and its cards in every live event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BedSlot {
    pub id: i32,
    pub label: String,
    /// The room it is in (one of its structure's `rooms`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<i32>,
    pub state: BedState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_since_arrival: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_exit_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exit_overdue: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_until: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_service_reason: Option<String>,
}

/// A room of a structure: its name and floor (0 the ground floor).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomView {
    pub id: i32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<i16>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureCard {
    pub id: i32,
    pub name: String,
    pub kind: StructureKind,
    pub province: String,
    pub organisation: String,
    pub target_groups: Vec<TargetGroup>,
    /// Its rooms in their order; the board groups the beds by them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rooms: Vec<RoomView>,
    pub beds: Vec<BedSlot>,
    pub free_beds: usize,
    /// Whether the user may place, move and discharge here.
    pub may_manage: bool,
    /// Staff of the owning organisation may reveal the address, giving a reason.
    pub may_reveal_address: bool,
    /// The address, only while this user's reveal lasts (a few minutes).
    pub address: Option<String>,
    pub address_visible_until: Option<chrono::DateTime<chrono::Utc>>,
}

impl StructureCard {
    /// Whether the board's search (`?cerca=`) keeps this card: part of its name, or of the
    /// code of a guest on it, in any case. An empty search keeps all. The search is not a
    /// filter of what the board receives: the page renders only the cards it keeps
    /// (without JavaScript, the filter form sends it), and in the browser it answers as
    /// she types, from the board she already has, without asking the server.
    pub fn matches(&self, search: &str) -> bool {
        let search = search.trim().to_lowercase();
        search.is_empty()
            || self.name.to_lowercase().contains(&search)
            || self.has_guest_matching(&search)
    }

    /// Whether the code of a guest on this card contains the search, in any case; an
    /// empty search names no guest.
    pub fn has_guest_matching(&self, search: &str) -> bool {
        let search = search.trim().to_lowercase();
        !search.is_empty()
            && self.beds.iter().any(|bed| {
                bed.person_code
                    .as_ref()
                    .is_some_and(|code| code.to_lowercase().contains(&search))
            })
    }
}

/// How long a revealed address stays on the user's board.
pub const ADDRESS_VISIBLE_MINUTES: i64 = 5;
pub const MAX_REASON_LENGTH: usize = 300;
/// The longest hold on a bed: an incoming person arrives within two days or the bed
/// goes back to the board.
pub const MAX_HOLD_HOURS: i64 = 48;

/// Filters of the board, as the query string carries them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub free_only: String,
}

/// A free bed the user may place someone in, for the "move to…" forms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BedChoice {
    pub bed_id: i32,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub structures: Vec<StructureCard>,
    pub waiting: Vec<WaitingRow>,
    pub free_beds: usize,
    pub total_beds: usize,
    pub organisations: Vec<(i32, String)>,
    pub today: NaiveDate,
    /// This user's last change, if it may still be taken back.
    pub undo: Option<UndoOffer>,
}

/// A structure as its managers see it on the structures page (never its address).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedStructure {
    pub id: i32,
    pub name: String,
    pub kind: StructureKind,
    pub province: String,
    pub organisation_id: i32,
    pub organisation: String,
    pub target_groups: Vec<TargetGroup>,
    pub has_address: bool,
    pub active: bool,
    pub rooms: Vec<ManagedRoom>,
    pub beds: Vec<ManagedBed>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedRoom {
    pub id: i32,
    pub name: String,
    pub floor: Option<i16>,
    /// How many beds it has; a room without beds can be removed.
    pub beds: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedBed {
    pub id: i32,
    pub label: String,
    /// Its room's id, if it is in one.
    pub room: Option<i32>,
    /// A bed that has ever had a guest is kept for the history; it can go out of service.
    pub removable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructuresPage {
    pub structures: Vec<ManagedStructure>,
    /// The organisations the user may create structures for (one, or all for the coordinator).
    pub organisations: Vec<(i32, String)>,
}

/// The structure form; target groups are checkboxes `form[targets][<code>]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureForm {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub organisation_id: String,
    #[serde(default)]
    pub targets: std::collections::BTreeMap<String, String>,
    /// Empty keeps the current address: the form never shows it.
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub active: Option<String>,
}

pub const MAX_STRUCTURE_NAME: usize = 120;
pub const MAX_ADDRESS_LENGTH: usize = 240;
pub const MAX_BED_LABEL: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidStructure {
    pub id: Option<i32>,
    pub name: String,
    pub kind: StructureKind,
    pub province: String,
    pub organisation_id: Option<i32>,
    pub targets: Vec<TargetGroup>,
    pub address: Option<String>,
    pub active: bool,
}

impl StructureForm {
    pub fn validate(&self) -> Result<ValidStructure, crate::kernel::error::AppError> {
        use crate::kernel::error::{Problem, Validation};
        let mut checks = Validation::default();
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            checks.add("name", Problem::Required);
        } else if name.chars().count() > MAX_STRUCTURE_NAME {
            checks.add("name", Problem::TooLong);
        }
        let kind = StructureKind::from_code(self.kind.trim());
        if kind.is_none() {
            checks.add("kind", Problem::Required);
        }
        let province = self.province.trim().to_uppercase();
        if crate::auth::model::province_name(&province).is_none() {
            checks.add("province", Problem::UnknownChoice);
        }
        let mut targets = Vec::new();
        for code in self.targets.keys() {
            match TargetGroup::from_code(code) {
                Some(group) => targets.push(group),
                None => checks.add("targets", Problem::UnknownChoice),
            }
        }
        if targets.is_empty() {
            checks.add("targets", Problem::Required);
        }
        targets.sort();
        let address = self
            .address
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if address.chars().count() > MAX_ADDRESS_LENGTH {
            checks.add("address", Problem::TooLong);
        }
        let id = self.id.trim().parse::<i32>().ok();
        let organisation_id = self.organisation_id.trim().parse::<i32>().ok();
        checks.finish()?;
        Ok(ValidStructure {
            id,
            name,
            kind: kind.unwrap_or(StructureKind::SecondReception),
            province,
            organisation_id,
            targets,
            address: (!address.is_empty()).then_some(address),
            active: self.active.is_some(),
        })
    }
}

/// One stay on the timeline, clipped to the month shown (days are 1-based).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineStay {
    pub code: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub first_day: u32,
    pub last_day: u32,
    pub exit_overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineRow {
    pub bed: String,
    pub stays: Vec<TimelineStay>,
}

/// Days of presence and occupancy of one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthPresence {
    /// `YYYY-MM`.
    pub month: String,
    pub days_of_presence: i64,
    pub bed_days: i64,
    /// Percent, rounded down.
    pub occupancy: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub structure: String,
    pub month: String,
    pub previous_month: String,
    pub next_month: String,
    pub days_in_month: u32,
    /// Today's day in the month shown, if it is the current month.
    pub today_day: Option<u32>,
    pub rows: Vec<TimelineRow>,
    pub presence: Vec<MonthPresence>,
}

/// Days a stay counts in `[from, to)`: the day of arrival counts, the day of leaving
/// does not (a night in the structure is a day of presence); an open stay runs to `today`
/// included.
pub fn presence_days(
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
    today: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> i64 {
    let end = ended_on.unwrap_or(today + chrono::Duration::days(1));
    let start = started_on.max(from);
    let stop = end.min(to);
    (stop - start).num_days().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_of_presence_count_nights_within_the_period() {
        let (from, to) = (day(2026, 10, 1), day(2026, 11, 1));
        let today = day(2026, 11, 22);
        // Arrived 28 Sept, left 3 Oct: 1, 2 October count.
        assert_eq!(
            presence_days(day(2026, 9, 28), Some(day(2026, 10, 3)), today, from, to),
            2
        );
        // Still there: the whole of October.
        assert_eq!(presence_days(day(2026, 9, 1), None, today, from, to), 31);
        // Arrived and left the same day: no night.
        assert_eq!(
            presence_days(day(2026, 10, 5), Some(day(2026, 10, 5)), today, from, to),
            0
        );
        // An open stay counts up to today included.
        assert_eq!(
            presence_days(
                day(2026, 11, 20),
                None,
                today,
                day(2026, 11, 1),
                day(2026, 12, 1)
            ),
            3
        );
    }

    #[test]
    fn a_bed_leaves_out_what_it_does_not_have_and_reads_back_the_same() {
        let free = BedSlot {
            id: 7,
            label: "Letto 1".into(),
            room: None,
            state: BedState::Free,
            person_code: None,
            arrived_on: None,
            days_since_arrival: None,
            planned_exit_on: None,
            exit_overdue: false,
            held_until: None,
            out_of_service_reason: None,
        };
        let json = serde_json::to_string(&free).unwrap();
        assert_eq!(json, r#"{"id":7,"label":"Letto 1","state":"Free"}"#);
        assert_eq!(serde_json::from_str::<BedSlot>(&json).unwrap(), free);
        let guest = BedSlot {
            person_code: Some("TO-2026-0001".into()),
            state: BedState::Occupied,
            arrived_on: Some(day(2026, 11, 2)),
            days_since_arrival: Some(33),
            exit_overdue: true,
            ..free
        };
        let json = serde_json::to_string(&guest).unwrap();
        assert!(json.contains(r#""exit_overdue":true"#), "{json}");
        assert_eq!(serde_json::from_str::<BedSlot>(&json).unwrap(), guest);
    }

    #[test]
    fn the_search_keeps_a_house_by_its_name_or_a_guest_code_in_any_case() {
        let guest = BedSlot {
            id: 1,
            label: "Letto 1".into(),
            room: None,
            state: BedState::Occupied,
            person_code: Some("TO-2026-0042".into()),
            arrived_on: None,
            days_since_arrival: None,
            planned_exit_on: None,
            exit_overdue: false,
            held_until: None,
            out_of_service_reason: None,
        };
        let card = StructureCard {
            id: 3,
            name: "Casa Ginestra".into(),
            kind: StructureKind::SecondReception,
            province: "TO".into(),
            organisation: "Cooperativa".into(),
            target_groups: vec![],
            rooms: Vec::new(),
            beds: vec![guest],
            free_beds: 0,
            may_manage: true,
            may_reveal_address: false,
            address: None,
            address_visible_until: None,
        };
        for kept in ["", "  ", "ginestra", "CASA GIN", "to-2026-0042", "0042"] {
            assert!(card.matches(kept), "{kept:?}");
        }
        for left in ["Magnolia", "CN-2026", "0043"] {
            assert!(!card.matches(left), "{left:?}");
        }
    }
}
