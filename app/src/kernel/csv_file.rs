//! Every CSV file Anello writes (report tables, a person's data export), through one
//! writer: UTF-8 with a byte-order mark so that spreadsheets read accents right, cells
//! split as the reader's spreadsheet expects, and cells that a spreadsheet would run as a
//! formula neutralised.
//!
//! Italian Excel and LibreOffice split a CSV on `;`, since the comma is their decimal
//! separator: a comma-separated file opened there put each row in one cell. Italian files
//! are therefore written with `;` and decimal commas; English ones with `,` and decimal
//! points, as English spreadsheets expect.
//!
//! A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
//! Excel and LibreOffice (CSV injection): a name typed as `=HYPERLINK(…)` in a form
//! would become a live link in the coordinator's spreadsheet. Such a cell is written with
//! a leading `'`, which spreadsheets show as text.

use std::borrow::Cow;

use crate::kernel::error::AppError;

/// A CSV file being written, row by row.
pub struct CsvFile {
    writer: csv::Writer<Vec<u8>>,
}

/// The cell separator for a reader of `language`.
pub fn separator(language: &str) -> u8 {
    if language.starts_with("en") {
        b','
    } else {
        b';'
    }
}

/// The cell as a spreadsheet will read it: never as a formula.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

impl CsvFile {
    /// An empty file for a reader of `language`.
    pub fn for_language(language: &str) -> CsvFile {
        CsvFile {
            // Rows of different lengths (a person's export has sections) are written as
            // they are: the default writer refuses them, which was a 500 in the middle of
            // a download.
            writer: csv::WriterBuilder::new()
                .flexible(true)
                .delimiter(separator(language))
                .from_writer(Vec::new()),
        }
    }

    pub fn row<I, S>(&mut self, cells: I) -> Result<(), AppError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|cell| neutralised(cell.as_ref()).into_owned())
            .collect();
        self.writer.write_record(&cells).map_err(|error| {
            tracing::error!(%error, "writing a CSV row");
            AppError::Internal
        })
    }

    /// The file's bytes, byte-order mark first.
    pub fn finish(self) -> Result<Vec<u8>, AppError> {
        let body = self.writer.into_inner().map_err(|error| {
            tracing::error!(error = %error.error(), "finishing a CSV file");
            AppError::Internal
        })?;
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(body);
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::numbers::tenths_text;

    #[test]
    fn formula_cells_are_written_as_text() {
        let dangerous = [
            "=HYPERLINK(\"http://x\")",
            "+39 333",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ];
        let mut file = CsvFile::for_language("en");
        file.row(dangerous.iter().chain(&["Anna"])).unwrap();
        file.row(["normale", "", "1,5%", "4", "5", "6", "7"])
            .unwrap();
        let bytes = file.finish().unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[3..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for (index, cell) in dangerous.iter().enumerate() {
            assert_eq!(&rows[0][index], format!("'{cell}"));
        }
        assert_eq!(&rows[0][6], "Anna");
        assert_eq!(
            rows[1].iter().collect::<Vec<_>>(),
            ["normale", "", "1,5%", "4", "5", "6", "7"]
        );
    }

    #[test]
    fn italian_files_split_on_semicolons_and_keep_decimal_commas_whole() {
        let mut file = CsvFile::for_language("it");
        file.row(["Città", "Tasso", "Persone"]).unwrap();
        file.row(["Forlì", &tenths_text(125, "it"), "7"]).unwrap();
        let bytes = file.finish().unwrap();
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "Città;Tasso;Persone\nForlì;12,5;7\n");
    }
}
