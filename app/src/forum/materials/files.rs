//! What an uploaded file is, read from its bytes (the `infer` crate's magic numbers, and
//! the parts inside a DOCX or ODT zip). The name the browser sent only has to agree: a
//! PNG called `indicatori.pdf` is refused, whatever the browser claims its type to be.

use super::model::{clean_file_name, extension_of, FileKind, MAX_ATTACHMENT_BYTES};
use crate::kernel::error::{AppError, Problem};

/// The kind of file these bytes are, if the library takes it.
pub fn detect(bytes: &[u8]) -> Option<FileKind> {
    let found = infer::get(bytes)?;
    match found.mime_type() {
        "application/pdf" => Some(FileKind::Pdf),
        "image/png" => Some(FileKind::Png),
        "image/jpeg" => Some(FileKind::Jpeg),
        "image/webp" => Some(FileKind::Webp),
        other => FileKind::from_content_type(other)
            .filter(|kind| matches!(kind, FileKind::Docx | FileKind::Odt)),
    }
}

/// An upload the library keeps: its cleaned name and its kind. Refusals are field
/// errors on `file` (422): empty, too large, a kind it does not take, a name that lies.
pub fn check_upload(file_name: &str, bytes: &[u8]) -> Result<(String, FileKind), AppError> {
    let refuse = |problem| Err(AppError::invalid("file", problem));
    if bytes.is_empty() {
        return refuse(Problem::Required);
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return refuse(Problem::FileTooLarge);
    }
    let Some(kind) = detect(bytes) else {
        return refuse(Problem::FileTypeNotAllowed);
    };
    let mut name = clean_file_name(file_name);
    match extension_of(&name) {
        Some(extension) if kind.extensions().contains(&extension.as_str()) => {}
        Some(_) => return refuse(Problem::FileTypeMismatch),
        // No extension at all: the file gets the one its bytes call for.
        None => {
            if name.is_empty() {
                name = "allegato".to_string();
            }
            name = format!("{name}.{}", kind.extensions()[0]);
        }
    }
    Ok((name, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

    fn problem(result: Result<(String, FileKind), AppError>) -> Problem {
        match result {
            Err(AppError::Invalid { problems }) => problems[0].problem,
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn files_are_known_by_their_bytes() {
        assert_eq!(
            check_upload("Indicatori.pdf", PDF).unwrap(),
            ("Indicatori.pdf".to_string(), FileKind::Pdf)
        );
        assert_eq!(
            check_upload("schema.PNG", PNG).unwrap(),
            ("schema.PNG".to_string(), FileKind::Png)
        );
        assert_eq!(
            check_upload("scheda", PDF).unwrap(),
            ("scheda.pdf".to_string(), FileKind::Pdf)
        );
    }

    #[test]
    fn a_name_that_lies_about_the_type_is_refused() {
        assert_eq!(
            problem(check_upload("indicatori.pdf", PNG)),
            Problem::FileTypeMismatch
        );
        assert_eq!(
            problem(check_upload("foto.jpg", PDF)),
            Problem::FileTypeMismatch
        );
    }

    #[test]
    fn other_kinds_and_empty_or_huge_files_are_refused() {
        let html = b"<!doctype html><script>alert(1)</script>";
        assert_eq!(
            problem(check_upload("pagina.pdf", html)),
            Problem::FileTypeNotAllowed
        );
        let executable = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";
        assert_eq!(
            problem(check_upload("setup.exe", executable)),
            Problem::FileTypeNotAllowed
        );
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
        assert_eq!(
            problem(check_upload("logo.svg", svg)),
            Problem::FileTypeNotAllowed
        );
        assert_eq!(problem(check_upload("vuoto.pdf", b"")), Problem::Required);
        let mut huge = PDF.to_vec();
        huge.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
        assert_eq!(
            problem(check_upload("enorme.pdf", &huge)),
            Problem::FileTooLarge
        );
    }
}
