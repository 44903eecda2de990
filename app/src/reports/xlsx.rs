//! The funder report as the funder receives it: an Excel workbook (`rust_xlsxwriter`), a
//! first sheet saying what it is (period, scope, suppression) and one sheet per table,
//! in the reader's language. Counts are numbers a spreadsheet can add up; a suppressed
//! count stays the text "<3"; occupancy is a percentage cell. Every text is written as
//! text, never as a formula, so no name typed in a form can run in the funder's Excel.
//! Like the CSV, it leaves the screen: small counts are always suppressed.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::csv::{count_text, label_text};
use super::model::{occupancy_permille, table_title_key, Count, FunderReport, Table};
use crate::i18n::{translate, translate_with};
use crate::kernel::error::AppError;
use crate::kernel::when::day_text;

/// The longest sheet name Excel takes.
const SHEET_NAME_CHARS: usize = 31;

fn failed(error: XlsxError) -> AppError {
    tracing::error!(%error, "writing the report's workbook");
    AppError::Internal
}

/// A sheet name Excel accepts and no other sheet of the workbook has.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
        .collect();
    let mut name: String = cleaned.trim().chars().take(SHEET_NAME_CHARS).collect();
    let mut number = 2;
    while taken.iter().any(|other| other.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" {number}");
        let keep = SHEET_NAME_CHARS - suffix.chars().count();
        name = format!(
            "{}{suffix}",
            cleaned.trim().chars().take(keep).collect::<String>()
        );
        number += 1;
    }
    taken.push(name.clone());
    name
}

/// The whole report as an .xlsx file.
pub fn report_to_xlsx(report: &FunderReport, language: &str) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let mut taken = Vec::new();

    let heading = translate(language, "report-print-heading");
    let cover = workbook.add_worksheet();
    cover
        .set_name(sheet_name(&heading, &mut taken))
        .map_err(failed)?;
    let period = translate_with(
        language,
        "report-period",
        &[
            ("from", day_text(report.from, language).into()),
            ("to", day_text(report.to, language).into()),
        ],
    );
    let scope = if report.scope.organisations.is_empty() {
        translate(language, "report-scope-network")
    } else {
        report.scope.organisations.join(", ")
    };
    let suppressed = translate_with(
        language,
        "report-suppressed-notice",
        &[("threshold", report.threshold.into())],
    );
    let lines = [
        (heading.clone(), &title),
        (period, &bold),
        (scope, &bold),
        (suppressed, &Format::new()),
    ];
    for (row, (text, format)) in lines.iter().enumerate() {
        cover
            .write_string_with_format(row as u32, 0, text, format)
            .map_err(failed)?;
    }
    cover.set_column_width(0, 90).map_err(failed)?;

    for table in &report.tables {
        let sheet = workbook.add_worksheet();
        let heading = translate(language, &table_title_key(table.id));
        sheet
            .set_name(sheet_name(&heading, &mut taken))
            .map_err(failed)?;
        write_table(sheet, table, &heading, language, &bold).map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(failed)
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    heading: &str,
    language: &str,
    bold: &Format,
) -> Result<(), XlsxError> {
    let percent = Format::new().set_num_format("0.0%");
    sheet.write_string_with_format(0, 0, heading, bold)?;
    let with_occupancy = table.id.occupancy_columns().is_some();
    for (c, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(1, c as u16 + 1, label_text(language, column), bold)?;
    }
    let occupancy_column = table.columns.len() as u16 + 1;
    if with_occupancy {
        let label = translate(language, "report-label-occupancy");
        sheet.write_string_with_format(1, occupancy_column, label, bold)?;
    }
    for (r, row) in table.cells.iter().enumerate() {
        let at = r as u32 + 2;
        sheet.write_string_with_format(at, 0, label_text(language, &table.rows[r]), bold)?;
        for (c, count) in row.iter().enumerate() {
            match count {
                Count::Exact(value) => sheet.write_number(at, c as u16 + 1, *value as f64)?,
                other => sheet.write_string(at, c as u16 + 1, count_text(language, other))?,
            };
        }
        if with_occupancy {
            match occupancy_permille(table, r) {
                Some(permille) => sheet.write_number_with_format(
                    at,
                    occupancy_column,
                    permille as f64 / 1000.0,
                    &percent,
                )?,
                None => sheet.write_string(
                    at,
                    occupancy_column,
                    translate(language, "report-withheld"),
                )?,
            };
        }
    }
    sheet.set_column_width(0, 40)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel_and_never_repeat() {
        let mut taken = Vec::new();
        let long = "Accoglienze per sesso: persone/mesi [totale] e altro ancora";
        let first = sheet_name(long, &mut taken);
        let second = sheet_name(long, &mut taken);
        assert!(first.chars().count() <= SHEET_NAME_CHARS);
        assert!(!first.contains([':', '/', '[', ']']));
        assert_ne!(first, second);
        assert!(second.ends_with(" 2") && second.chars().count() <= SHEET_NAME_CHARS);
    }
}
