//! Amounts of money as people type and read them: euros with a decimal comma in Italian
//! ("12,50", "1.234,56"), a point in English ("1,234.56"). Kept as whole cents, never as
//! floating point, so that the ledger's sums are exact.

use crate::kernel::error::{Problem, Validation};

/// The most one amount may be (ten million euros): a typing mistake beyond it, not a budget.
pub const MAX_CENTS: i64 = 1_000_000_000;

/// Reads "12", "12,5", "12,50", "1.234,56", "1,234.56", "1.234.567", "€ 30": euros to
/// cents. A lone separator with one or two digits after it is the decimal one. A lone
/// separator with exactly three ("1.500", "12,505") is refused as ambiguous: fifteen
/// hundred euros to an Italian, one and a half to an English reader, and a mistyped
/// third decimal would multiply the amount by a thousand. Negative amounts, more than
/// two decimals, a thousands group after a leading zero and anything but digits are
/// refused.
pub fn parse_cents(text: &str) -> Result<i64, Problem> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return Err(Problem::Required);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(Problem::InvalidAmount);
    }
    let decimal_at = match (cleaned.rfind(','), cleaned.rfind('.')) {
        // Both: the later one is the decimal separator.
        (Some(comma), Some(point)) => Some(comma.max(point)),
        (Some(at), None) | (None, Some(at)) => {
            let separator = cleaned.as_bytes()[at];
            let after = cleaned.len() - at - 1;
            let several = cleaned.bytes().filter(|b| *b == separator).count() > 1;
            if !several && after == 3 {
                return Err(Problem::InvalidAmount);
            }
            (!several).then_some(at)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal_at {
        Some(at) => (&cleaned[..at], &cleaned[at + 1..]),
        None => (cleaned.as_str(), ""),
    };
    if fraction.len() > 2 || fraction.contains([',', '.']) {
        return Err(Problem::InvalidAmount);
    }
    // Thousands separators: groups of three after the first.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && !groups[0].starts_with('0')
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well || (whole.is_empty() && fraction.is_empty()) {
        return Err(Problem::InvalidAmount);
    }
    let digits: String = groups.concat();
    let euros: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| Problem::OutOfRange)?
    };
    let cents: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(Problem::OutOfRange)?;
    if total > MAX_CENTS {
        return Err(Problem::OutOfRange);
    }
    Ok(total)
}

/// A required amount of a form, above zero.
pub fn required_cents(field: &str, text: &str, checks: &mut Validation) -> Option<i64> {
    match parse_cents(text) {
        Ok(0) => {
            checks.add(field, Problem::OutOfRange);
            None
        }
        Ok(cents) => Some(cents),
        Err(problem) => {
            checks.add(field, problem);
            None
        }
    }
}

/// Cents as the reader writes euros: "1.234,56 €" in Italian, "€1,234.56" in English.
pub fn euro_text(cents: i64, language: &str) -> String {
    let english = language.starts_with("en");
    let (thousands, point) = if english { (',', '.') } else { ('.', ',') };
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let digits = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let number = format!("{grouped}{point}{:02}", cents % 100);
    if english {
        format!("{sign}€{number}")
    } else {
        format!("{sign}{number} €")
    }
}

/// Cents as a form field shows them back ("12,50"), without thousands separators.
pub fn cents_field(cents: i64, language: &str) -> String {
    let point = if language.starts_with("en") { '.' } else { ',' };
    format!("{}{point}{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_are_read_as_italians_and_english_speakers_type_them() {
        assert_eq!(parse_cents("12"), Ok(1200));
        assert_eq!(parse_cents("12,5"), Ok(1250));
        assert_eq!(parse_cents(" 12,50 € "), Ok(1250));
        assert_eq!(parse_cents("€ 0.99"), Ok(99));
        assert_eq!(parse_cents("1.500,00"), Ok(150_000));
        assert_eq!(parse_cents("1.234,56"), Ok(123_456));
        assert_eq!(parse_cents("1,234.56"), Ok(123_456));
        assert_eq!(parse_cents("1.234.567"), Ok(123_456_700));
        assert_eq!(parse_cents(",50"), Ok(50));
    }

    #[test]
    fn what_is_not_an_amount_is_refused() {
        assert_eq!(parse_cents(""), Err(Problem::Required));
        assert_eq!(parse_cents("-5"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("12,5055"), Err(Problem::InvalidAmount));
        // Three digits after a lone separator: thousands or a mistyped decimal? Refused.
        assert_eq!(parse_cents("1.500"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("12,505"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("0.500,00"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("1,2,3"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("12.34,5.6"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("dodici"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("1e5"), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents(","), Err(Problem::InvalidAmount));
        assert_eq!(parse_cents("12.34.56"), Err(Problem::InvalidAmount));
        assert_eq!(
            parse_cents("99999999999999999999"),
            Err(Problem::OutOfRange)
        );
        assert_eq!(parse_cents("10000000,01"), Err(Problem::OutOfRange));
        let mut checks = Validation::default();
        assert_eq!(required_cents("amount", "0,00", &mut checks), None);
        assert!(checks.has("amount"));
    }

    #[test]
    fn cents_are_written_in_the_readers_language() {
        // What the pages write, the forms read back (with its thousands, two decimals).
        assert_eq!(euro_text(123_456, "it"), "1.234,56 €");
        assert_eq!(euro_text(123_456, "en"), "€1,234.56");
        assert_eq!(euro_text(5, "it"), "0,05 €");
        assert_eq!(euro_text(-2500, "it"), "-25,00 €");
        assert_eq!(euro_text(100_000_000, "en"), "€1,000,000.00");
        assert_eq!(cents_field(1250, "it"), "12,50");
        for cents in [1, 99, 1250, 123_456, 100_000_000] {
            assert_eq!(parse_cents(&euro_text(cents, "it")), Ok(cents));
            assert_eq!(parse_cents(&euro_text(cents, "en")), Ok(cents));
        }
    }
}
