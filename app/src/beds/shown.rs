//! The board as the browser shows it, kept up to date by the live events: each event's
//! delta (`live::BoardDelta`) is applied in place, without asking the server for the
//! whole board again. Pure data, so that it is tested without a browser.

use super::live::BoardDelta;
use super::model::{BedChoice, BedState, StructureCard};
use crate::people::waiting::model::WaitingRow;

/// The parts of the board that change with placements and beds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// Each structure's card, with the version it was last replaced at (the page
    /// renders a card again only when its version changes).
    pub structures: Vec<(StructureCard, u64)>,
    pub waiting: Vec<WaitingRow>,
    /// Free beds and all beds of the structures the filter keeps, those "free beds only"
    /// leaves out included.
    pub free_beds: usize,
    pub total_beds: usize,
    versions: u64,
}

impl Shown {
    pub fn new(
        structures: Vec<StructureCard>,
        waiting: Vec<WaitingRow>,
        free_beds: usize,
        total_beds: usize,
    ) -> Shown {
        Shown {
            structures: structures.into_iter().map(|card| (card, 0)).collect(),
            waiting,
            free_beds,
            total_beds,
            versions: 0,
        }
    }

    pub fn card(&self, id: i32) -> Option<&StructureCard> {
        self.structures
            .iter()
            .find(|(card, _)| card.id == id)
            .map(|(card, _)| card)
    }

    /// Applies one event's delta: touched cards replaced (the address her board may show
    /// is kept: a delta never carries one), new ones put in their place by province and
    /// name, cards "free beds only" leaves out removed, waiting-list entries added or
    /// removed in the list's order.
    pub fn apply(&mut self, delta: BoardDelta) {
        for mut card in delta.structures {
            match self.structures.iter().position(|(c, _)| c.id == card.id) {
                Some(index) => {
                    let old = &self.structures[index].0;
                    card.address = old.address.clone();
                    card.address_visible_until = old.address_visible_until;
                    // Already shown (her own board read again first): not rendered again.
                    if *old == card {
                        continue;
                    }
                    self.free_beds =
                        (self.free_beds + card.free_beds).saturating_sub(old.free_beds);
                    self.total_beds =
                        (self.total_beds + card.beds.len()).saturating_sub(old.beds.len());
                    self.versions += 1;
                    self.structures[index] = (card, self.versions);
                }
                None => {
                    self.versions += 1;
                    // Left out by "free beds only" until now: its beds were counted.
                    self.free_beds += card.free_beds;
                    let place = self.structures.partition_point(|(c, _)| {
                        (c.province.as_str(), c.name.as_str())
                            < (card.province.as_str(), card.name.as_str())
                    });
                    self.structures.insert(place, (card, self.versions));
                }
            }
        }
        for id in delta.hidden {
            if let Some(index) = self.structures.iter().position(|(c, _)| c.id == id) {
                let (old, _) = self.structures.remove(index);
                self.free_beds = self.free_beds.saturating_sub(old.free_beds);
            }
        }
        for row in delta.waiting {
            self.waiting.retain(|r| r.id != row.id);
            self.waiting.push(row);
        }
        self.waiting.retain(|r| !delta.waiting_gone.contains(&r.id));
        self.waiting.sort_by_key(WaitingRow::list_order);
    }

    /// The board read again (her own change answered, or catching up after a gap):
    /// cards equal to those on screen keep their version, so that only changed ones are
    /// rendered again and a field she is filling in on another card keeps its text.
    /// Whether anything on screen changes.
    pub fn merge(&mut self, fresh: Shown) -> bool {
        let mut structures = Vec::with_capacity(fresh.structures.len());
        for (card, _) in fresh.structures {
            match self.structures.iter().find(|(old, _)| old.id == card.id) {
                Some((old, version)) if *old == card => structures.push((card, *version)),
                _ => {
                    self.versions += 1;
                    structures.push((card, self.versions));
                }
            }
        }
        let keys = |list: &[(StructureCard, u64)]| -> Vec<(i32, u64)> {
            list.iter()
                .map(|(card, version)| (card.id, *version))
                .collect()
        };
        let changed = keys(&structures) != keys(&self.structures)
            || fresh.waiting != self.waiting
            || (fresh.free_beds, fresh.total_beds) != (self.free_beds, self.total_beds);
        self.structures = structures;
        self.waiting = fresh.waiting;
        self.free_beds = fresh.free_beds;
        self.total_beds = fresh.total_beds;
        changed
    }

    /// The free beds this user may fill: every "place in" and "move to" list offers them.
    pub fn free_choices(&self) -> Vec<BedChoice> {
        self.structures
            .iter()
            .filter(|(card, _)| card.may_manage)
            .flat_map(|(card, _)| {
                card.beds
                    .iter()
                    .filter(|bed| bed.state == BedState::Free)
                    .map(|bed| BedChoice {
                        bed_id: bed.id,
                        label: format!("{} — {}", card.name, bed.label),
                    })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beds::model::{BedSlot, StructureKind};
    use crate::people::waiting::model::{TargetGroup, Urgency};

    fn bed(id: i32, state: BedState, code: Option<&str>) -> BedSlot {
        BedSlot {
            id,
            label: format!("Letto {id}"),
            room: None,
            state,
            person_code: code.map(str::to_string),
            arrived_on: None,
            days_since_arrival: None,
            planned_exit_on: None,
            exit_overdue: false,
            held_until: None,
            out_of_service_reason: None,
        }
    }

    fn house(id: i32, province: &str, name: &str, beds: Vec<BedSlot>) -> StructureCard {
        StructureCard {
            id,
            name: name.to_string(),
            kind: StructureKind::SecondReception,
            province: province.to_string(),
            organisation: "Cooperativa".to_string(),
            target_groups: vec![TargetGroup::Women],
            rooms: Vec::new(),
            free_beds: beds.iter().filter(|b| b.state == BedState::Free).count(),
            beds,
            may_manage: true,
            may_reveal_address: true,
            address: None,
            address_visible_until: None,
        }
    }

    fn waiting(id: i32, urgency: Urgency) -> WaitingRow {
        WaitingRow {
            id,
            code: format!("TO-2026-{id:04}"),
            urgency,
            target_group: TargetGroup::Women,
            children: 0,
            minor: false,
            disability: false,
            language: None,
            preferred_province: None,
            wanted_from: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            waiting_days: 3,
            organisation: "Cooperativa".to_string(),
        }
    }

    fn board() -> Shown {
        let mut ginestra = house(
            2,
            "TO",
            "Casa Ginestra",
            vec![bed(21, BedState::Free, None), bed(22, BedState::Free, None)],
        );
        ginestra.address = Some("Via Immaginaria 1".into());
        Shown::new(
            vec![
                house(
                    1,
                    "CN",
                    "Casa Betulla",
                    vec![bed(11, BedState::Occupied, Some("CN-2026-0001"))],
                ),
                ginestra,
            ],
            // In the list's order, as the server sends it.
            vec![waiting(6, Urgency::High), waiting(5, Urgency::Normal)],
            2,
            3,
        )
    }

    #[test]
    fn a_placement_from_the_waiting_list_changes_one_card_and_the_list() {
        let mut shown = board();
        let placed = house(
            2,
            "TO",
            "Casa Ginestra",
            vec![
                bed(21, BedState::Occupied, Some("TO-2026-0005")),
                bed(22, BedState::Free, None),
            ],
        );
        shown.apply(BoardDelta {
            structures: vec![placed],
            waiting_gone: vec![5],
            ..BoardDelta::default()
        });
        let card = shown.card(2).unwrap();
        assert_eq!(card.beds[0].person_code.as_deref(), Some("TO-2026-0005"));
        // The address her board showed stays: a delta never carries one.
        assert_eq!(card.address.as_deref(), Some("Via Immaginaria 1"));
        assert_eq!((shown.free_beds, shown.total_beds), (1, 3));
        assert_eq!(shown.waiting.iter().map(|r| r.id).collect::<Vec<_>>(), [6]);
        // Only the touched card has a new version: the other is not rendered again.
        assert_eq!(shown.structures[0].1, 0);
        assert_ne!(shown.structures[1].1, 0);
        assert_eq!(
            shown
                .free_choices()
                .iter()
                .map(|c| c.bed_id)
                .collect::<Vec<_>>(),
            [22]
        );
    }

    #[test]
    fn free_beds_only_boards_lose_a_full_house_and_get_it_back_in_its_place() {
        let mut shown = board();
        shown.apply(BoardDelta {
            hidden: vec![2],
            ..BoardDelta::default()
        });
        assert_eq!(shown.structures.len(), 1);
        assert_eq!((shown.free_beds, shown.total_beds), (0, 3));
        let back = house(3, "AT", "Casa Tiglio", vec![bed(31, BedState::Free, None)]);
        shown.apply(BoardDelta {
            structures: vec![back],
            ..BoardDelta::default()
        });
        let names: Vec<&str> = shown
            .structures
            .iter()
            .map(|(c, _)| c.name.as_str())
            .collect();
        assert_eq!(names, ["Casa Tiglio", "Casa Betulla"]);
        assert_eq!(shown.free_beds, 1);
    }

    #[test]
    fn a_change_shown_twice_renders_its_card_once() {
        let mut shown = board();
        let held = house(
            2,
            "TO",
            "Casa Ginestra",
            vec![bed(21, BedState::Held, None), bed(22, BedState::Free, None)],
        );
        // Her own board read again (it carries the address she revealed)…
        let mut fresh = board();
        fresh.structures[1].0.beds = held.beds.clone();
        fresh.structures[1].0.free_beds = 1;
        fresh.free_beds = 1;
        assert!(shown.merge(fresh.clone()));
        let version = shown.structures[1].1;
        assert_ne!(version, 0);
        assert_eq!(
            shown.structures[0].1, 0,
            "the untouched card keeps its version"
        );
        // …then the change's live event, which brings nothing new.
        shown.apply(BoardDelta {
            structures: vec![held],
            ..BoardDelta::default()
        });
        assert_eq!(shown.structures[1].1, version);
        assert_eq!((shown.free_beds, shown.total_beds), (1, 3));
        // And read again once more: nothing to show.
        assert!(!shown.merge(fresh));
        assert_eq!(shown.structures[1].1, version);
    }

    #[test]
    fn a_board_read_again_drops_a_house_the_filter_no_longer_keeps() {
        let mut shown = board();
        let mut fresh = board();
        fresh.structures.remove(0);
        fresh.total_beds = 2;
        assert!(shown.merge(fresh));
        assert_eq!(shown.structures.len(), 1);
        assert_eq!(shown.structures[0].1, 0);
        assert_eq!((shown.free_beds, shown.total_beds), (2, 2));
    }

    #[test]
    fn an_undone_placement_puts_her_back_in_her_place_on_the_list() {
        let mut shown = board();
        shown.apply(BoardDelta {
            waiting: vec![waiting(4, Urgency::Immediate)],
            ..BoardDelta::default()
        });
        assert_eq!(
            shown.waiting.iter().map(|r| r.id).collect::<Vec<_>>(),
            [4, 6, 5]
        );
    }
}
