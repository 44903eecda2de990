//! A budget's ledger as an Excel workbook (`rust_xlsxwriter`), for the organisation's
//! accounts and the funder's audit of expenses: a summary (the project, its period, the
//! budget, spent, waiting, left, by category) and one line per expense, by the person's
//! code, never her name. Amounts are numbers in euros a spreadsheet adds up; every text
//! is written as text, never as a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::budget_ssr::Ledger;
use super::model::SpendingCategory;
use crate::i18n::translate;
use crate::kernel::error::AppError;
use crate::kernel::when::day_text;

fn failed(error: XlsxError) -> AppError {
    tracing::error!(%error, "writing a budget's workbook");
    AppError::Internal
}

pub fn category_key(category: SpendingCategory) -> String {
    format!("spending-category-{}", category.code().replace('_', "-"))
}

fn euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// The file's name: the project's name kept to letters and digits.
pub fn file_name(ledger: &Ledger) -> String {
    let project: String = ledger
        .budget
        .project
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let project = project.trim_matches('-');
    format!(
        "spese-{}-{}.xlsx",
        if project.is_empty() {
            "budget"
        } else {
            project
        },
        ledger.budget.starts_on
    )
}

pub fn ledger_to_xlsx(ledger: &Ledger, language: &str) -> Result<Vec<u8>, AppError> {
    let mut workbook = Workbook::new();
    let formats = Formats {
        bold: Format::new().set_bold(),
        money: Format::new().set_num_format("#,##0.00 €"),
    };
    write_summary(workbook.add_worksheet(), ledger, language, &formats).map_err(failed)?;
    write_lines(workbook.add_worksheet(), ledger, language, &formats).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

struct Formats {
    bold: Format,
    money: Format,
}

/// The first sheet: what the budget is and where it stands.
fn write_summary(
    summary: &mut Worksheet,
    ledger: &Ledger,
    language: &str,
    Formats { bold, money }: &Formats,
) -> Result<(), XlsxError> {
    let t = |key: &str| translate(language, key);
    let budget = &ledger.budget;
    summary.set_name(t("spending-sheet-summary"))?;
    let texts = [
        (
            t("spending-field-organisation"),
            ledger.organisation.clone(),
        ),
        (t("budget-field-project"), budget.project.clone()),
        (
            t("budget-field-starts-on"),
            day_text(budget.starts_on, language),
        ),
        (
            t("budget-field-ends-on"),
            day_text(budget.ends_on, language),
        ),
    ];
    for (row, (label, value)) in texts.iter().enumerate() {
        summary.write_string_with_format(row as u32, 0, label, bold)?;
        summary.write_string(row as u32, 1, value)?;
    }
    let mut sums = vec![
        (t("budget-field-amount"), budget.amount_cents),
        (t("budget-spent"), budget.spent_cents),
        (t("budget-waiting"), budget.waiting_cents),
        (t("budget-left"), budget.left_cents()),
    ];
    sums.extend(
        budget
            .by_category
            .iter()
            .map(|(category, cents)| (t(&category_key(*category)), *cents)),
    );
    let first = texts.len() as u32 + 1;
    for (i, (label, cents)) in sums.iter().enumerate() {
        let row = first + i as u32;
        summary.write_string_with_format(row, 0, label, bold)?;
        summary.write_number_with_format(row, 1, euros(*cents), money)?;
    }
    summary.set_column_width(0, 36)?;
    summary.set_column_width(1, 40)?;
    Ok(())
}

/// The second sheet: one line per expense of the period.
fn write_lines(
    sheet: &mut Worksheet,
    ledger: &Ledger,
    language: &str,
    Formats { bold, money }: &Formats,
) -> Result<(), XlsxError> {
    let t = |key: &str| translate(language, key);
    sheet.set_name(t("spending-sheet-lines"))?;
    let headings = [
        "spending-field-spent-on",
        "spending-field-person",
        "spending-field-category",
        "spending-field-amount",
        "spending-field-receipt",
        "spending-field-recorded-by",
        "spending-field-approved-by",
        "spending-field-approved-on",
    ];
    for (c, key) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, t(key), bold)?;
    }
    for (r, line) in ledger.budget.lines.iter().enumerate() {
        let row = r as u32 + 1;
        let (approver, approved_on) = line
            .approved
            .clone()
            .map(|(name, day)| (name, day_text(day, language)))
            .unwrap_or_else(|| (t("spending-waiting"), String::new()));
        let receipt = t(if line.receipt {
            "spending-receipt-yes"
        } else {
            "spending-receipt-no"
        });
        let texts = [
            (0, day_text(line.spent_on, language)),
            (1, line.code.clone()),
            (2, t(&category_key(line.category))),
            (4, receipt),
            (5, line.recorded_by.clone()),
            (6, approver),
            (7, approved_on),
        ];
        for (column, text) in texts {
            sheet.write_string(row, column, text)?;
        }
        sheet.write_number_with_format(row, 3, euros(line.amount_cents), money)?;
    }
    for (column, width) in [
        (0, 14.0),
        (1, 14.0),
        (2, 24.0),
        (3, 14.0),
        (5, 28.0),
        (6, 28.0),
        (7, 14.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    Ok(())
}
