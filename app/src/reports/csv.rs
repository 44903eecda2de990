//! One table of the report as CSV, in the reader's language, suppressed as every copy
//! that leaves the screen, written by the one CSV writer (`crate::kernel::csv_file`).

use super::model::{label_key, occupancy_permille, table_title_key, Count, Label, Table};
use crate::auth::model::province_name;
use crate::i18n::translate;
use crate::kernel::csv_file::CsvFile;
use crate::kernel::error::AppError;
use crate::kernel::numbers::tenths_text;
use crate::kernel::when::month_text;

pub fn label_text(language: &str, label: &Label) -> String {
    match label {
        Label::Structure(name) | Label::Organisation(name) => name.clone(),
        Label::Province(code) => province_name(code).unwrap_or(code).to_string(),
        Label::Month(first_day) => month_text(*first_day, language),
        other => translate(language, &label_key(other)),
    }
}

pub fn count_text(language: &str, count: &Count) -> String {
    match count {
        Count::Exact(value) => value.to_string(),
        Count::Below(threshold) => format!("<{threshold}"),
        Count::Withheld => translate(language, "report-withheld"),
    }
}

pub fn table_to_csv(table: &Table, language: &str) -> Result<Vec<u8>, AppError> {
    let mut file = CsvFile::for_language(language);
    let mut header = vec![translate(language, &table_title_key(table.id))];
    header.extend(table.columns.iter().map(|c| label_text(language, c)));
    let with_occupancy = table.id.occupancy_columns().is_some();
    if with_occupancy {
        header.push(translate(language, "report-label-occupancy"));
    }
    file.row(&header)?;
    for (r, row) in table.cells.iter().enumerate() {
        let mut record = vec![label_text(language, &table.rows[r])];
        record.extend(row.iter().map(|count| count_text(language, count)));
        if with_occupancy {
            record.push(match occupancy_permille(table, r) {
                Some(permille) => format!("{}%", tenths_text(permille, language)),
                None => translate(language, "report-withheld"),
            });
        }
        file.row(&record)?;
    }
    file.finish()
}
