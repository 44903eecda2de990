//! Text folded for comparison, the one way every feature compares names and words:
//! lower case, Unicode compatibility decomposition (NFKD, by the `unicode-normalization`
//! crate) and no combining marks. "Kouyaté", "KOUYATE" and "Kouyate" fold alike, as do
//! Romanian "ș" and "ş", a ligature "ﬁ" and "fi", a full-width "Ａ" and "a".
//!
//! Used by the people search (`person_identities.search_key`), the de-duplication key
//! of identities, forum mentions and the forum's search words. It replaces two accent
//! tables written by hand that disagreed (one folded "ș", the other did not).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The text folded: lower case, decomposed, combining marks dropped.
pub fn folded(text: &str) -> String {
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    lower.nfkd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The folded words of a text: runs of letters and digits, everything else a separator
/// (an apostrophe too: "D'Àngelo" is "d" and "angelo").
pub fn folded_words(text: &str) -> Vec<String> {
    folded(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_compatibility_forms_fold_alike() {
        assert_eq!(folded("Kouyaté"), "kouyate");
        assert_eq!(folded("KOUYATÉ"), "kouyate");
        assert_eq!(folded("Ștefănescu"), "stefanescu");
        assert_eq!(folded("Ştefănescu"), "stefanescu");
        assert_eq!(folded("Niccolò"), "niccolo");
        assert_eq!(folded("ﬁore Ａnna"), "fiore anna");
        assert_eq!(folded("Çelik Muñoz Dvořák"), "celik munoz dvorak");
        // Already decomposed input (an "e" and a combining acute) folds the same.
        assert_eq!(folded("Kouyate\u{301}"), "kouyate");
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        assert_eq!(
            folded_words("  D'Àngelo, Ioana-Maria 2001 "),
            ["d", "angelo", "ioana", "maria", "2001"]
        );
        assert!(folded_words(" -- ").is_empty());
    }
}
