//! Uploaded files, for every feature that takes them (the forum's library, a person's
//! documents): the kinds taken, the names they are stored under, and, on the server,
//! what a file is read from its bytes (the `infer` crate's magic numbers, and the parts
//! inside a DOCX or ODT zip). The name the browser sent only has to agree: a PNG called
//! `indicatori.pdf` is refused, whatever the browser claims its type to be.

#[cfg(feature = "ssr")]
use crate::kernel::error::{AppError, Problem};
use crate::kernel::fields::code_enum;

/// 10 MiB: a training handbook with pictures, a phone's scan of a permit; more belongs
/// in a link.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_FILE_NAME: usize = 200;

code_enum! {
    /// The files Anello takes (the forum's library, a person's documents), recognised by
    /// their bytes.
    FileKind {
        Pdf => "pdf",
        Docx => "docx",
        Odt => "odt",
        Png => "png",
        Jpeg => "jpeg",
        Webp => "webp",
    }
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Webp => "image/webp",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<FileKind> {
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.content_type() == content_type)
    }

    /// The names a file of this kind may have: a name that says otherwise lies.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Docx => &["docx"],
            FileKind::Odt => &["odt"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Webp => &["webp"],
        }
    }

    /// What the people who download it read: "PDF", "Word", "immagine PNG"…
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Docx => "DOCX",
            FileKind::Odt => "ODT",
            FileKind::Png => "PNG",
            FileKind::Jpeg => "JPEG",
            FileKind::Webp => "WebP",
        }
    }
}

/// Readable size: "840 KB", "2,4 MB".
pub fn size_label(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// The name a file is stored and served under: its last path component (browsers on
/// some systems send the whole path), without control characters or quotes.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.chars().count() <= MAX_FILE_NAME {
        return cleaned;
    }
    // Too long: the end of the name goes, never its extension (the bytes are checked
    // against it).
    match cleaned.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() && extension.chars().count() <= 10 => {
            let keep = MAX_FILE_NAME - extension.chars().count() - 1;
            format!(
                "{}.{extension}",
                stem.chars().take(keep).collect::<String>()
            )
        }
        _ => cleaned.chars().take(MAX_FILE_NAME).collect(),
    }
}

/// The extension of a file name, lower case.
pub fn extension_of(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty()).then(|| extension.to_lowercase())
}

#[cfg(feature = "ssr")]
/// The kind of file these bytes are, if Anello takes it.
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

/// An upload Anello keeps: its cleaned name and its kind. Refusals are field
/// errors on `file` (422): empty, too large, a kind it does not take, a name that lies.
#[cfg(feature = "ssr")]
pub fn check_upload(file_name: &str, bytes: &[u8]) -> Result<(String, FileKind), AppError> {
    let refuse = |problem| Err(AppError::invalid("file", problem));
    if bytes.is_empty() {
        return refuse(Problem::Required);
    }
    if bytes.len() > MAX_FILE_BYTES {
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
            let extension = kind.extensions()[0];
            let stem: String = name
                .chars()
                .take(MAX_FILE_NAME - extension.len() - 1)
                .collect();
            name = format!("{stem}.{extension}");
        }
    }
    Ok((name, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_paths_and_characters_that_break_headers() {
        assert_eq!(
            clean_file_name("C:\\Users\\ana\\Indicatori \"v2\".pdf"),
            "Indicatori v2.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name(".htaccess"), "htaccess");
        assert_eq!(clean_file_name("a\nb.pdf"), "ab.pdf");
        let long = clean_file_name(&format!("{}.pdf", "x".repeat(250)));
        assert_eq!(long.chars().count(), MAX_FILE_NAME);
        assert!(long.ends_with("x.pdf"));
        assert_eq!(extension_of("Guida.Breve.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension_of("senza-estensione"), None);
        assert_eq!(extension_of(".pdf"), None);
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(840 * 1024), "840 KB");
        assert_eq!(size_label(2_516_582), "2,4 MB");
    }
}

#[cfg(all(test, feature = "ssr"))]
mod byte_checks {
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
        huge.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(
            problem(check_upload("enorme.pdf", &huge)),
            Problem::FileTooLarge
        );
    }
}
