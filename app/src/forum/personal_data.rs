//! The personal-data guard: before a post is published, text that looks like a phone
//! number, an e-mail address, a street address, a document or tax-code number, or the
//! name of one of the network's structures is pointed out to its author, who confirms or
//! edits. It errs on the side of asking: a false alarm costs a click, a published
//! safe-house address can cost a life.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Finding, FindingKind};

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").unwrap()
});

/// Italian mobiles (3xx) and landlines (0x), with or without the country code, in the
/// groupings people write them in; the toll-free 800 numbers are public and not matched.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:\+|00)\d{2,3}[\s./-]?)?(?:3\d{2}|0\d{1,3})[\s./-]?\d{3,4}[\s./-]?\d{3,4}")
        .unwrap()
});

/// A street keyword, a capitalised name of up to five words, a house number.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?i:via|viale|v\.le|corso|c\.so|piazza|p\.zza|piazzale|largo|vicolo|strada|borgo|lungo\w+|contrada|frazione|località|loc\.)\s+\p{Lu}[\p{L}'’.]*(?:\s+[\p{L}'’.]+){0,4}?,?\s+(?:n\.?\s*|civico\s+)?\d{1,4}(?:/?[a-zA-Z])?\b",
    )
    .unwrap()
});

/// Italian passports (AA1234567), identity cards (CA12345AB), IBANs, and any code
/// written after the name of a document.
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b[A-Z]{2}\d{7}\b|\b[A-Z]{2}\d{5}[A-Z]{2}\b|\bIT\d{2}[A-Z]\d{10}[0-9A-Z]{12}\b|(?i:passaporto|permesso(?:\s+di\s+soggiorno)?|carta\s+d['’]identit[àa]|documento|patente|cedolino|codice\s+STP)\s*(?i:n\.?|nr\.?|numero|num\.?)?\s*:?\s*[A-Za-z]{0,3}\d[A-Za-z0-9]{4,14}\b",
    )
    .unwrap()
});

static TAX_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b").unwrap()
});

/// Structure names shorter than this are too likely to be ordinary words.
const MIN_STRUCTURE_NAME: usize = 6;

/// What in `text` looks like personal data, once per distinct stretch, in the order the
/// kinds are listed. `structure_names` are the network's structures (secret ones
/// included: that is what must never be written in the forum).
pub fn scan(text: &str, structure_names: &[String]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut add = |kind: FindingKind, found: &str| {
        let found = found.trim().to_string();
        if !findings.iter().any(|f| f.text == found) {
            findings.push(Finding { kind, text: found });
        }
    };
    for found in EMAIL.find_iter(text) {
        add(FindingKind::Email, found.as_str());
    }
    for found in PHONE.find_iter(text) {
        // Not the tail of a longer number (a year range, an article of law...).
        let preceded_by_digit = text[..found.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        let digits = found.as_str().chars().filter(char::is_ascii_digit).count();
        if !preceded_by_digit && digits >= 8 {
            add(FindingKind::Phone, found.as_str());
        }
    }
    for found in ADDRESS.find_iter(text) {
        add(FindingKind::Address, found.as_str());
    }
    for found in TAX_CODE.find_iter(text) {
        add(FindingKind::TaxCode, found.as_str());
    }
    for found in DOCUMENT.find_iter(text) {
        if !TAX_CODE.is_match(found.as_str()) {
            add(FindingKind::Document, found.as_str());
        }
    }
    let lowered = text.to_lowercase();
    for name in structure_names {
        let name = name.trim();
        if name.chars().count() < MIN_STRUCTURE_NAME {
            continue;
        }
        let needle = name.to_lowercase();
        if let Some(at) = find_word(&lowered, &needle) {
            // The author's own spelling, cut from the same place of the original text
            // (lower-casing keeps the length of Italian letters).
            let written = text.get(at..at + needle.len()).unwrap_or(name);
            add(FindingKind::Structure, written);
        }
    }
    findings
}

/// The byte offset of `needle` in `haystack` as a whole word.
fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(relative) = haystack[from..].find(needle) {
        let at = from + relative;
        let end = at + needle.len();
        let before = haystack[..at].chars().next_back();
        let after = haystack[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(FindingKind, String)> {
        scan(text, &["Casa Aurora".to_string(), "Casa".to_string()])
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect()
    }

    #[test]
    fn points_out_contacts_addresses_documents_and_structures() {
        let found = kinds(
            "Chiamatela al 347 123 4567 o al +39 011.5551234, scrivete a m.rossi@example.org. \
             Abita in Via Roma 12 a Torino, passaporto n. YA1234567, codice fiscale \
             RSSMRA80A41L219X; è ospite di casa aurora.",
        );
        assert_eq!(
            found,
            vec![
                (FindingKind::Email, "m.rossi@example.org".to_string()),
                (FindingKind::Phone, "347 123 4567".to_string()),
                (FindingKind::Phone, "+39 011.5551234".to_string()),
                (FindingKind::Address, "Via Roma 12".to_string()),
                (FindingKind::TaxCode, "RSSMRA80A41L219X".to_string()),
                (FindingKind::Document, "passaporto n. YA1234567".to_string()),
                (FindingKind::Structure, "casa aurora".to_string()),
            ]
        );
    }

    #[test]
    fn ordinary_prose_passes() {
        let text = "In via di principio l'art. 18 del D.Lgs. 286/1998 vale anche nel 2024: \
                    chiamate il numero verde 800 290 290. La casa è un diritto.";
        assert_eq!(kinds(text), vec![]);
    }
}
