//! Properties of the pure parsers and writers, checked on generated input: Markdown
//! rendering and sanitising, CSV writing, date and code parsing, the search query
//! builder. `make test` runs proptest's 256 cases per property; `make fuzz` runs
//! `PROPTEST_CASES` (100 000) of each. A failure is kept by proptest (`proptest-regressions`)
//! and replayed first on the next run.

use proptest::prelude::*;

use crate::forum::markdown::render;
use crate::forum::search::{stems, words};
use crate::kernel::csv_file::{neutralised, CsvFile};
use crate::kernel::dates::{form_day, form_month, FIRST_DAY, LAST_DAY};
use crate::people::registry::model::{is_network_code, network_code};

/// Text a user might type, and text no one would: markup, scripts, control characters.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~\\n]{0,200}",
        proptest::collection::vec(
            prop_oneof![
                Just("<script>alert(1)</script>".to_string()),
                Just("<img src=x onerror=alert(1)>".to_string()),
                Just("[link](javascript:alert(1))".to_string()),
                Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
                Just("![i](http://tracker.example/p.png)".to_string()),
                Just("<iframe src=//evil>".to_string()),
                Just("<svg onload=alert(1)>".to_string()),
                Just("`code`".to_string()),
                Just("```\n<script>\n```".to_string()),
                Just("@mention".to_string()),
                Just("| a | b |\n|---|---|\n| <b>x</b> | y |".to_string()),
                "[ -~]{0,20}",
            ],
            0..12,
        )
        .prop_map(|parts| parts.join(" ")),
    ]
}

proptest! {
    /// Whatever a post says, its HTML runs nothing and loads nothing.
    #[test]
    fn prop_rendered_markdown_is_inert(text in hostile_text()) {
        let html = render(&text).to_lowercase();
        prop_assert!(!html.contains("<script"), "{html}");
        prop_assert!(!html.contains("<img"), "{html}");
        prop_assert!(!html.contains("<iframe"), "{html}");
        prop_assert!(!html.contains("<svg"), "{html}");
        // Inside the tags that remain: no event handler, no `javascript:` URL. (Outside
        // them it is text, escaped.)
        let in_tags = html.split('<').skip(1).filter_map(|tag| tag.split('>').next());
        for tag in in_tags {
            prop_assert!(!tag.contains("javascript:"), "{tag}");
            prop_assert!(
                !tag.split_whitespace().skip(1).any(|attribute| attribute.starts_with("on")),
                "{tag}"
            );
        }
    }

    /// Every cell comes back as written, except that none reads as a formula.
    #[test]
    fn prop_csv_cells_round_trip_and_never_run(
        rows in proptest::collection::vec(proptest::collection::vec(any::<String>(), 1..6), 0..8)
    ) {
        let mut file = CsvFile::for_language("it");
        for row in &rows {
            file.row(row).unwrap();
        }
        let bytes = file.finish().unwrap();
        prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let read: Vec<Vec<String>> = reader
            .records()
            .map(|record| record.unwrap().iter().map(str::to_string).collect())
            .collect();
        let expected: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|cell| neutralised(cell).into_owned()).collect())
            .collect();
        prop_assert_eq!(&read, &expected);
        for cell in read.iter().flatten() {
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }

    /// A date is read within 2000–2100 or refused; it never panics, and what is read
    /// writes back the same.
    #[test]
    fn prop_form_dates_stay_in_range(
        text in prop_oneof![
            any::<String>(),
            "[+-]?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}",
            "[0-9]{1,7}-[0-9]{1,2}",
        ]
    ) {
        if let Ok(Some(day)) = form_day(&text) {
            prop_assert!((FIRST_DAY..=LAST_DAY).contains(&day));
            prop_assert_eq!(form_day(&day.to_string()), Ok(Some(day)));
        }
        if let Some(month) = form_month(&text) {
            prop_assert!((FIRST_DAY..=LAST_DAY).contains(&month));
        }
    }

    /// Codes the network makes are codes it recognises; nothing else is.
    #[test]
    fn prop_network_codes_are_recognised_exactly(
        province in "[A-Z]{2}",
        year in 2000i32..2100,
        number in 1i32..999_999,
        text in any::<String>(),
    ) {
        prop_assert!(is_network_code(&network_code(&province, year, number)));
        if is_network_code(&text) {
            prop_assert!(text.is_ascii() && text.len() <= 14, "{text:?}");
        }
    }

    /// The search terms that reach SQLite's MATCH are letters and digits only, so that
    /// the quotes around them cannot be escaped, whatever the query.
    #[test]
    fn prop_search_terms_cannot_escape_their_quotes(query in hostile_text()) {
        for term in stems(&query).iter().chain(words(&query).iter()) {
            prop_assert!(term.chars().all(char::is_alphanumeric), "{term:?}");
            prop_assert!(!term.is_empty());
        }
    }
}
