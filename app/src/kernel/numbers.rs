//! Numbers as the reader writes them: a decimal comma in Italian, a point in English, on
//! pages and in the spreadsheets they export alike.

/// A number of tenths (a rate in per mille is a percentage in tenths): `12,5` in
/// Italian, `12.5` in English.
pub fn tenths_text(tenths: i64, language: &str) -> String {
    let point = if language.starts_with("en") { '.' } else { ',' };
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}{point}{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_in_italian_a_point_in_english() {
        assert_eq!(tenths_text(125, "it"), "12,5");
        assert_eq!(tenths_text(125, "en"), "12.5");
        assert_eq!(tenths_text(-5, "it"), "-0,5");
        assert_eq!(tenths_text(0, "it"), "0,0");
    }
}
