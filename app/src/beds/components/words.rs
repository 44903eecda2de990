//! The words of a bed's card, looked up once per render and language instead of once per
//! bed: a board of 1000 beds made some five thousand lookups, each through the language's
//! context and a Fluent bundle, and each a reactive closure of its own.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::kernel::when;

/// Where a message's argument goes in a template (a character of Unicode's private use
/// area: no translation contains it).
const SLOT: &str = "\u{E000}";

/// The words of the board's bed cards in the page's language. A message with an argument
/// is kept as a template (`fill`); the number of days keeps its three forms (today, one
/// day, more: the plural categories of Italian and English).
#[derive(Clone, Debug, PartialEq)]
pub struct BoardWords {
    /// Dates and times are written in it (`kernel::when`).
    language: String,
    free: String,
    occupied: String,
    held: String,
    out_of_service: String,
    arrived_today: String,
    one_day: String,
    days: String,
    planned_exit: String,
    exit_overdue: String,
    held_until: String,
    menu_for: String,
    actions_for: String,
}

impl BoardWords {
    /// The words in the current language (read inside a memo: they follow its changes).
    pub fn looked_up() -> Self {
        BoardWords {
            language: crate::ui::time::interface_language(),
            free: tr!("bed-free"),
            occupied: tr!("bed-occupied"),
            held: tr!("bed-held"),
            out_of_service: tr!("bed-out-of-service"),
            arrived_today: tr!("bed-days", { "days" => 0 }),
            one_day: tr!("bed-days", { "days" => 1 }),
            // A text argument takes the default form, the one for many days.
            days: tr!("bed-days", { "days" => SLOT }),
            planned_exit: tr!("bed-planned-exit", { "date" => SLOT }),
            exit_overdue: tr!("bed-exit-overdue"),
            held_until: tr!("bed-held-until", { "time" => SLOT }),
            menu_for: tr!("bed-menu-for", { "bed" => SLOT }),
            actions_for: tr!("board-actions-for", { "code" => SLOT }),
        }
    }

    pub fn state(&self, state: BedState) -> &str {
        match state {
            BedState::Free => &self.free,
            BedState::Occupied => &self.occupied,
            BedState::Held => &self.held,
            BedState::OutOfService => &self.out_of_service,
        }
    }

    pub fn days(&self, days: i64) -> String {
        match days {
            0 => self.arrived_today.clone(),
            1 => self.one_day.clone(),
            _ => fill(&self.days, &days.to_string()),
        }
    }

    pub fn planned_exit(&self, day: NaiveDate) -> String {
        fill(&self.planned_exit, &when::day_text(day, &self.language))
    }

    pub fn exit_overdue(&self) -> &str {
        &self.exit_overdue
    }

    /// Until when a hold lasts, day and time in Italy.
    pub fn held_until(&self, until: DateTime<Utc>) -> String {
        fill(&self.held_until, &when::moment_text(until, &self.language))
    }

    pub fn menu_for(&self, bed: &str) -> String {
        fill(&self.menu_for, bed)
    }

    pub fn actions_for(&self, code: &str) -> String {
        fill(&self.actions_for, code)
    }
}

fn fill(template: &str, value: &str) -> String {
    template.replacen(SLOT, value, 1)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The templates say what the per-bed lookups said, in both languages.
    #[test]
    fn the_words_say_what_each_lookup_said() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let until = day.and_hms_opt(9, 0, 0).unwrap().and_utc();
        for language in crate::i18n::LANGUAGES {
            let (words, expected) = crate::i18n::with_language_for_tests(language, move || {
                let expected = [
                    tr!("bed-days", { "days" => 0 }),
                    tr!("bed-days", { "days" => 1 }),
                    tr!("bed-days", { "days" => 42 }),
                    tr!("bed-menu-for", { "bed" => "Letto 3" }),
                    tr!("board-actions-for", { "code" => "TO-2026-0042" }),
                    tr!("bed-planned-exit", { "date" => when::day_text(day, language) }),
                    tr!("bed-held-until", { "time" => when::moment_text(until, language) }),
                    tr!("bed-out-of-service"),
                ];
                (BoardWords::looked_up(), expected)
            });
            let built = [
                words.days(0),
                words.days(1),
                words.days(42),
                words.menu_for("Letto 3"),
                words.actions_for("TO-2026-0042"),
                words.planned_exit(day),
                words.held_until(until),
                words.state(BedState::OutOfService).to_string(),
            ];
            assert_eq!(built, expected, "{language}");
            assert!(!built.iter().any(|text| text.contains(SLOT)));
            // 09:00 UTC is 10:00 in Rome in December.
            assert!(built[6].contains("10:00"), "{}", built[6]);
        }
    }
}
