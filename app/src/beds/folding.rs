//! Which houses of the board show their beds. A board of a few houses shows every bed; a
//! network's board (over `Folding::OPEN_UP_TO` houses, 100 in a region) shows each house
//! folded to its counts until she opens it, so the houses she is looking for are a
//! scroll away rather than fifty screens. Each house is a `<details>`: it opens and
//! closes without JavaScript too, and a keyboard opens it like a button. Its parts in
//! the page are in `components/folds.rs`.

use std::collections::HashSet;

use super::model::StructureCard;

/// The houses shown open: all of them or none, except those she opened or closed, and
/// the few a search keeps while it does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folding {
    /// A network's board: more than `OPEN_UP_TO` houses, so they start folded.
    network: bool,
    all_open: bool,
    /// Houses whose state differs from `all_open`.
    toggled: HashSet<i32>,
    /// Houses open because the search keeps them (`follow_search`).
    searched: HashSet<i32>,
}

impl Folding {
    /// The most houses a board shows open when it is opened: thirty houses with their
    /// beds are a few screens on a desktop (the demo network has 28).
    pub const OPEN_UP_TO: usize = 30;
    /// The most houses a search opens: a search that keeps more ("Casa", or "TO-2026":
    /// every guest of Turin) is better answered by the counts.
    pub const SEARCH_OPENS_UP_TO: usize = 5;

    /// The board as it is opened: every house open up to `OPEN_UP_TO`, otherwise every
    /// house folded but the one that holds the person or bed whose forms are open
    /// (`touched`) and those the search opens (`follow_search`).
    pub fn for_board<'a>(
        cards: impl ExactSizeIterator<Item = &'a StructureCard> + Clone,
        touched: impl Fn(&StructureCard) -> bool,
        search: &str,
    ) -> Folding {
        let network = cards.len() > Self::OPEN_UP_TO;
        let mut folding = Folding {
            network,
            all_open: !network,
            ..Folding::default()
        };
        for card in cards.clone() {
            if touched(card) {
                folding.set(card.id, true);
            }
        }
        folding.follow_search(cards, search);
        folding
    }

    /// The houses the search keeps (by their name or a guest's code), if there are only
    /// a few: they stay open while the search keeps them (a new search replaces them).
    pub fn follow_search<'a>(
        &mut self,
        cards: impl Iterator<Item = &'a StructureCard>,
        search: &str,
    ) {
        let named: HashSet<i32> = cards
            .filter(|card| !search.trim().is_empty() && card.matches(search))
            .map(|card| card.id)
            .take(Self::SEARCH_OPENS_UP_TO + 1)
            .collect();
        self.searched = if named.len() <= Self::SEARCH_OPENS_UP_TO {
            named
        } else {
            HashSet::new()
        };
    }

    pub fn is_open(&self, house: i32) -> bool {
        (self.all_open != self.toggled.contains(&house)) || self.searched.contains(&house)
    }

    /// She opened or closed one house.
    pub fn set(&mut self, house: i32, open: bool) {
        if !open {
            self.searched.remove(&house);
        }
        if open == self.all_open {
            self.toggled.remove(&house);
        } else {
            self.toggled.insert(house);
        }
    }

    /// "Open all" or "close all": what she opened or closed one by one, and what the
    /// search opened, is forgotten.
    pub fn set_all(&mut self, open: bool) {
        self.all_open = open;
        self.toggled.clear();
        self.searched.clear();
    }

    pub fn all_open(&self) -> bool {
        self.all_open && self.toggled.is_empty()
    }

    pub fn all_closed(&self) -> bool {
        !self.all_open && self.toggled.is_empty() && self.searched.is_empty()
    }

    /// Whether this board started folded (a network's board, not a few houses).
    pub fn is_network(&self) -> bool {
        self.network
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beds::model::{BedSlot, BedState, StructureKind};

    fn house(id: i32, guest: Option<&str>) -> StructureCard {
        StructureCard {
            id,
            name: format!("Casa {id}"),
            kind: StructureKind::SecondReception,
            province: "TO".into(),
            organisation: "Rete".into(),
            target_groups: Vec::new(),
            rooms: Vec::new(),
            may_manage: true,
            may_reveal_address: false,
            address: None,
            address_visible_until: None,
            free_beds: 0,
            beds: vec![BedSlot {
                id: id * 10,
                label: "Letto 1".into(),
                room: None,
                state: if guest.is_some() {
                    BedState::Occupied
                } else {
                    BedState::Free
                },
                person_code: guest.map(str::to_string),
                arrived_on: None,
                days_since_arrival: None,
                planned_exit_on: None,
                exit_overdue: false,
                held_until: None,
                out_of_service_reason: None,
            }],
        }
    }

    fn network(houses: i32) -> Vec<StructureCard> {
        (1..=houses)
            .map(|id| house(id, (id == 7).then_some("TO-2026-0007")))
            .collect()
    }

    #[test]
    fn a_small_board_opens_every_house_and_a_network_folds_them() {
        let small = network(Folding::OPEN_UP_TO as i32);
        let folding = Folding::for_board(small.iter(), |_| false, "");
        assert!(folding.all_open() && (1..=30).all(|id| folding.is_open(id)));
        assert!(!folding.is_network());
        let large = network(100);
        let mut folding = Folding::for_board(large.iter(), |_| false, "");
        assert!(folding.all_closed() && (1..=100).all(|id| !folding.is_open(id)));
        // Still a network's board once she has opened them all.
        folding.set_all(true);
        assert!(folding.is_network() && folding.all_open());
    }

    #[test]
    fn the_chosen_house_and_a_searched_guest_open_on_a_folded_board() {
        let large = network(100);
        let folding = Folding::for_board(large.iter(), |card| card.id == 42, "to-2026-0007");
        let open: Vec<i32> = (1..=100).filter(|id| folding.is_open(*id)).collect();
        assert_eq!(open, vec![7, 42]);
        // "Casa 1" keeps twelve houses (1, 10…19, 100): their counts are what she needs.
        let folding = Folding::for_board(large.iter(), |_| false, "Casa 1");
        assert!(folding.all_closed());
        // "Casa 42" keeps one: she wants its beds.
        let folding = Folding::for_board(large.iter(), |_| false, "casa 42");
        assert!(folding.is_open(42) && !folding.is_open(41));
    }

    #[test]
    fn a_search_opens_the_few_houses_it_keeps_while_it_keeps_them() {
        // Guests TO-2026-0001 … TO-2026-0012, one a house.
        let large: Vec<StructureCard> = (1..=100)
            .map(|id| {
                let code = format!("TO-2026-{id:04}");
                house(id, (id <= 12).then_some(code.as_str()))
            })
            .collect();
        let mut folding = Folding::for_board(large.iter(), |_| false, "");
        folding.follow_search(large.iter(), "to-2026-000");
        assert!(
            folding.all_closed(),
            "nine houses: the counts answer better"
        );
        folding.follow_search(large.iter(), "TO-2026-001");
        let open: Vec<i32> = (1..=100).filter(|id| folding.is_open(*id)).collect();
        assert_eq!(open, vec![10, 11, 12]);
        // Closed by hand while searched: closed.
        folding.set(11, false);
        assert!(!folding.is_open(11));
        // A new search replaces the houses the last one opened.
        folding.follow_search(large.iter(), "TO-2026-0003");
        let open: Vec<i32> = (1..=100).filter(|id| folding.is_open(*id)).collect();
        assert_eq!(open, vec![3]);
        folding.follow_search(large.iter(), "");
        assert!(folding.all_closed());
    }

    #[test]
    fn opening_and_closing_one_house_then_all() {
        let mut folding = Folding::for_board(network(100).iter(), |_| false, "");
        folding.set(3, true);
        assert!(folding.is_open(3) && !folding.is_open(4) && !folding.all_closed());
        folding.set(3, false);
        assert!(folding.all_closed());
        folding.set_all(true);
        folding.set(5, false);
        assert!(!folding.is_open(5) && folding.is_open(6) && !folding.all_open());
        folding.set_all(false);
        assert!(folding.all_closed() && !folding.is_open(6));
    }
}
