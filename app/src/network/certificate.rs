//! Certificates of attendance as PDF: one A4 landscape page in Italian (the language of
//! the network's papers, with the English title beneath), written with `pdf-writer` in
//! the standard Helvetica every PDF reader has, so no font is shipped. Helvetica's
//! standard encoding covers Western European letters (WinAnsi); a letter outside it (a
//! Romanian "ș", a Polish "ł") is printed without its accent, and only what has no
//! Latin form at all becomes "?".

use chrono::NaiveDate;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::model::EventKind;
use crate::kernel::when::day_text;

/// What a certificate says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    pub participant: String,
    pub participant_organisation: String,
    pub title: String,
    pub kind: EventKind,
    pub held_on: NaiveDate,
    pub hours: Option<i32>,
    pub place: String,
    pub trainers: String,
    pub organiser: String,
    /// Event and registration: the certificate's number, to check it against the list.
    pub number: String,
}

/// The bytes of WinAnsiEncoding for 0x80–0x9F (the rest of Latin-1 is itself).
const WIN_ANSI_EXTRA: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

fn win_ansi_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x20..0x7F).contains(&code) || (0xA0..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    WIN_ANSI_EXTRA
        .iter()
        .find(|(known, _)| *known == c)
        .map(|(_, byte)| *byte)
}

/// `text` in WinAnsiEncoding: a letter outside it loses its accent, or becomes "?".
pub fn win_ansi(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(byte) = win_ansi_byte(c) {
            bytes.push(byte);
            continue;
        }
        let plain: Vec<u8> = c
            .to_string()
            .nfkd()
            .filter(|d| !is_combining_mark(*d))
            .filter_map(win_ansi_byte)
            .collect();
        if plain.is_empty() {
            bytes.push(b'?');
        } else {
            bytes.extend(plain);
        }
    }
    bytes
}

/// `text` cut into lines of at most `width` characters, at spaces.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes lines of text from the top of the page down.
struct Page {
    content: Content,
    y: f32,
}

const LEFT: f32 = 72.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

impl Page {
    /// Writes `text` in lines of the page's width, at most `most` of them (the last
    /// ending in "…" when cut), so that the longest fields still fit in the frame.
    fn lines(&mut self, font: Name, size: f32, text: &str, most: usize) {
        // Helvetica's letters average about half their size in width.
        let width = ((842.0 - 2.0 * LEFT) / (size * 0.52)) as usize;
        let mut lines = wrapped(text, width);
        if lines.len() > most {
            lines.truncate(most);
            if let Some(last) = lines.last_mut() {
                let kept: String = last.chars().take(width.saturating_sub(1)).collect();
                *last = format!("{kept}…");
            }
        }
        for line in lines {
            self.content
                .begin_text()
                .set_font(font, size)
                .next_line(LEFT, self.y)
                .show(Str(&win_ansi(&line)))
                .end_text();
            self.y -= size * 1.35;
        }
    }

    fn line(&mut self, font: Name, size: f32, text: &str) {
        self.lines(font, size, text, 1);
    }

    fn gap(&mut self, points: f32) {
        self.y -= points;
    }
}

/// The certificate as a PDF document.
pub fn certificate_pdf(certificate: &Certificate) -> Vec<u8> {
    let (catalog, pages, page_id, regular, bold, contents, info) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, 842.0, 595.0));
    page.parent(pages);
    page.contents(contents);
    page.resources()
        .fonts()
        .pair(REGULAR, regular)
        .pair(BOLD, bold);
    page.finish();
    for (id, name) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
        pdf.type1_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info)
        .title(TextStr(&format!(
            "Attestato di partecipazione {}",
            certificate.number
        )))
        .creator(TextStr("Anello"));

    let mut text = Page {
        content: Content::new(),
        y: 500.0,
    };
    // A frame in the network's blue, as on its pages.
    text.content
        .set_stroke_rgb(0.0, 0.4, 0.8)
        .set_line_width(3.0)
        .rect(36.0, 36.0, 770.0, 523.0)
        .stroke();
    write_text(&mut text, certificate);
    let content = text.content.finish();
    pdf.stream(contents, &content);
    pdf.finish()
}

/// The certificate's words, from the top of the frame down.
fn write_text(text: &mut Page, certificate: &Certificate) {
    text.content.set_fill_rgb(0.1, 0.1, 0.1);
    text.line(BOLD, 30.0, "Attestato di partecipazione");
    text.line(REGULAR, 13.0, "Certificate of attendance");
    text.gap(24.0);
    text.line(REGULAR, 14.0, "Si attesta che");
    text.lines(BOLD, 24.0, &certificate.participant, 2);
    text.lines(REGULAR, 14.0, &certificate.participant_organisation, 2);
    text.gap(12.0);
    let what = match certificate.kind {
        EventKind::Workshop => "ha partecipato al workshop",
        _ => "ha partecipato all'incontro di formazione",
    };
    text.line(REGULAR, 14.0, what);
    text.lines(BOLD, 17.0, &format!("«{}»", certificate.title), 3);
    let when = match certificate.hours {
        Some(hours) => format!(
            "tenuto il {} a {}, della durata di {hours} {}.",
            day_text(certificate.held_on, "it"),
            certificate.place,
            if hours == 1 { "ora" } else { "ore" }
        ),
        None => format!(
            "tenuto il {} a {}.",
            day_text(certificate.held_on, "it"),
            certificate.place
        ),
    };
    text.lines(REGULAR, 14.0, &when, 2);
    if !certificate.trainers.is_empty() {
        text.lines(
            REGULAR,
            14.0,
            &format!("Formatori: {}.", certificate.trainers),
            2,
        );
    }
    text.gap(18.0);
    text.lines(
        REGULAR,
        12.0,
        &format!(
            "Organizzato da {} per la rete antitratta.",
            certificate.organiser
        ),
        2,
    );
    text.line(
        REGULAR,
        10.0,
        &format!("Attestato n. {}", certificate.number),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Certificate {
        Certificate {
            participant: "Anna Rossi".into(),
            participant_organisation: "ASL Città di Torino".into(),
            title: "Riconoscere gli indicatori di tratta al pronto soccorso".into(),
            kind: EventKind::Training,
            held_on: "2026-11-20".parse().unwrap(),
            hours: Some(4),
            place: "Ospedale Maria Vittoria, Torino".into(),
            trainers: "Grace Okafor, Lucia Bianchi".into(),
            organiser: "Regione Piemonte".into(),
            number: "3-17".into(),
        }
    }

    #[test]
    fn italian_letters_are_kept_and_others_lose_only_their_accent() {
        assert_eq!(win_ansi("Città è già"), b"Citt\xe0 \xe8 gi\xe0".to_vec());
        assert_eq!(win_ansi("Ștefan Łukasz"), b"Stefan ?ukasz".to_vec());
        assert_eq!(
            win_ansi("€ – “sì”"),
            vec![0x80, b' ', 0x96, b' ', 0x93, b's', 0xEC, 0x94]
        );
        assert_eq!(win_ansi("名"), b"?".to_vec());
    }

    #[test]
    fn the_longest_fields_stay_inside_the_frame() {
        let word = |n: usize| "parola ".repeat(n / 7);
        let longest = Certificate {
            participant: word(120),
            participant_organisation: word(160),
            title: word(160),
            place: word(160),
            trainers: word(300),
            organiser: word(160),
            ..sample()
        };
        let mut page = Page {
            content: Content::new(),
            y: 500.0,
        };
        write_text(&mut page, &longest);
        // The frame's inner edge is at 36 points; the last line's baseline above it.
        assert!(page.y > 36.0, "{}", page.y);
    }

    #[test]
    fn long_titles_wrap_at_spaces() {
        assert_eq!(
            wrapped("uno due tre quattro", 8),
            vec!["uno due", "tre", "quattro"]
        );
    }

    #[test]
    fn a_certificate_is_a_pdf_naming_her_the_event_and_its_hours() {
        let bytes = certificate_pdf(&sample());
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
        let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(contains(b"Anna Rossi"));
        // A line with a letter past ASCII is written as a hex string of its WinAnsi bytes.
        let hex: String = win_ansi("ASL Città di Torino")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(contains(hex.as_bytes()) || contains(hex.to_uppercase().as_bytes()));
        assert!(contains(b"della durata di 4 ore"));
        assert!(contains(b"Helvetica-Bold"));
        assert!(contains(b"WinAnsiEncoding"));
    }
}
