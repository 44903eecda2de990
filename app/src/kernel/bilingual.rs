//! Names the network keeps in both languages of the interface: forum categories (seeded
//! in both), the service catalogue (the coordinator writes both). One type for all.

use serde::{Deserialize, Serialize};

/// A name in Italian and English; a page shows the one of its interface.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub it: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(it: &str, en: &str) -> Bilingual {
        Bilingual {
            it: it.to_string(),
            en: en.to_string(),
        }
    }

    /// The name in `language` (`"en"`); Italian, the network's first language, otherwise.
    pub fn in_language(&self, language: &str) -> &str {
        if language == "en" {
            &self.en
        } else {
            &self.it
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_unless_english_is_asked_for() {
        let name = Bilingual::new("Corso di italiano", "Italian course");
        assert_eq!(name.in_language("en"), "Italian course");
        assert_eq!(name.in_language("it"), "Corso di italiano");
        assert_eq!(name.in_language("fr"), "Corso di italiano");
    }
}
