//! Wire types of the knowledge forum and the validation of its forms. Compiled on both
//! sides; nothing here ever carries case data: the forum knows users, organisations and
//! what they wrote, never the people the network shelters.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::model::PROVINCES;
pub use crate::kernel::bilingual::Bilingual;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;
use crate::people::model::Exploitation;

code_enum! {
    /// What a user may do in a category; each level includes the ones before it.
    AccessLevel {
        Read => "read",
        Post => "post",
        Moderate => "moderate",
    }
}

code_enum! {
    /// Where a post is on its way to the readers. A draft is held by the personal-data
    /// guard (only its author sees it, on its draft page); a pending post is a new user's,
    /// waiting for a moderator; a rejected one was refused and only its author sees it.
    PostState {
        Draft => "draft",
        Pending => "pending",
        Published => "published",
        Rejected => "rejected",
    }
}

code_enum! {
    /// The kinds of text the personal-data guard points out.
    FindingKind {
        Phone => "phone",
        Email => "email",
        Address => "address",
        Document => "document",
        TaxCode => "tax_code",
        Structure => "structure",
    }
}

code_enum! {
    /// The moderators' actions, as their log records them.
    ModerationAction {
        Approve => "approve",
        Reject => "reject",
        Hide => "hide",
        Unhide => "unhide",
        DismissFlags => "dismiss_flags",
        Pin => "pin",
        Unpin => "unpin",
        Lock => "lock",
        Unlock => "unlock",
        Move => "move",
    }
}

impl ModerationAction {
    /// The actions on a single post (the rest act on a thread or a category).
    pub const ON_POSTS: [ModerationAction; 5] = [
        ModerationAction::Approve,
        ModerationAction::Reject,
        ModerationAction::Hide,
        ModerationAction::Unhide,
        ModerationAction::DismissFlags,
    ];
    pub const ON_THREADS: [ModerationAction; 5] = [
        ModerationAction::Pin,
        ModerationAction::Unpin,
        ModerationAction::Lock,
        ModerationAction::Unlock,
        ModerationAction::Move,
    ];
}

/// Threads shown on one page of a category.
pub const THREADS_PER_PAGE: u64 = 30;
pub const MAX_TITLE: usize = 160;
pub const MIN_TITLE: usize = 5;
pub const MAX_BODY: usize = 20_000;
pub const MAX_FLAG_REASON: usize = 1_000;
pub const MAX_TAGS: usize = 6;

/// A thread's tags: exploitation types and provinces, by code (`sexual_street`, `TO`).
pub fn is_tag(code: &str) -> bool {
    Exploitation::from_code(code).is_some() || PROVINCES.iter().any(|(c, _, _)| *c == code)
}

/// Every tag, exploitation types first, in a stable order for the forms.
pub fn all_tags() -> Vec<&'static str> {
    Exploitation::ALL
        .iter()
        .map(|kind| kind.code())
        .chain(PROVINCES.iter().map(|(code, _, _)| *code))
        .collect()
}

/// The handle that mentions a user: her name in lower case, accents dropped, words
/// joined by dots ("Sara Colombo" is `@sara.colombo`).
pub fn handle_of(display_name: &str) -> String {
    let mut handle = String::new();
    for word in display_name.split_whitespace() {
        let word: String = crate::kernel::folding::folded(word)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        if word.is_empty() {
            continue;
        }
        if !handle.is_empty() {
            handle.push('.');
        }
        handle.push_str(&word);
    }
    handle
}

/// The handles mentioned in a text (`@sara.colombo`), once each, in order. A handle
/// ends at a character that cannot be part of one; a trailing dot is punctuation.
pub fn mentioned_handles(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let starts = chars[index] == '@'
            && (index == 0 || !(chars[index - 1].is_alphanumeric() || chars[index - 1] == '.'));
        if !starts {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '.') {
            end += 1;
        }
        let handle: String = chars[index + 1..end].iter().collect::<String>();
        let handle = handle.trim_end_matches('.').to_lowercase();
        if !handle.is_empty() && !found.contains(&handle) {
            found.push(handle);
        }
        index = end.max(index + 1);
    }
    found
}

/// A stretch of text the guard thinks may be personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub code: String,
    pub name: Bilingual,
    pub description: Bilingual,
    pub level: AccessLevel,
    pub threads: u64,
    pub unread: u64,
    pub last_post_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumOverview {
    pub categories: Vec<CategorySummary>,
    /// Posts and flags waiting in the categories this user moderates.
    pub moderates: bool,
    pub queue: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub handle: String,
    pub organisation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub id: i32,
    pub title: String,
    pub author: Author,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    pub last_post_at: DateTime<Utc>,
    pub replies: i32,
    pub pinned: bool,
    pub locked: bool,
    pub answered: bool,
    pub unread: bool,
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPage {
    /// She follows the category: told of new threads and material versions.
    pub watching: bool,
    pub code: String,
    pub name: Bilingual,
    pub description: Bilingual,
    pub level: AccessLevel,
    pub tag: Option<String>,
    pub threads: Vec<ThreadSummary>,
    pub page: u64,
    pub has_more: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub body: String,
    pub written_by: String,
    pub written_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostView {
    pub id: i32,
    pub author: Author,
    pub opening: bool,
    pub state: PostState,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    /// Sanitised on the server; empty when the post is hidden from this reader.
    pub html: String,
    pub hidden: bool,
    pub accepted: bool,
    /// The Markdown, for the author's edit form only.
    pub source: Option<String>,
    /// Earlier texts, for moderators only.
    pub revisions: Vec<Revision>,
    pub flagged_by_me: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    pub id: i32,
    pub category_code: String,
    pub category_name: Bilingual,
    pub title: String,
    pub state: PostState,
    pub pinned: bool,
    pub locked: bool,
    pub tags: Vec<String>,
    pub accepted_post_id: Option<i32>,
    pub watching: bool,
    pub may_reply: bool,
    pub may_moderate: bool,
    /// The asker (or a moderator) accepts an answer.
    pub may_accept: bool,
    pub posts: Vec<PostView>,
    /// A quoted post, ready in the reply box (`?cita=<id>`).
    pub quote: String,
    /// Where a moderator may move the thread: (code, name).
    pub move_targets: Vec<(String, Bilingual)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPage {
    pub post_id: i32,
    pub thread_id: i32,
    pub thread_title: String,
    pub category_name: Bilingual,
    /// The held text: a new post, or an edit of a published one.
    pub body: String,
    pub editing: bool,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub post_id: i32,
    pub thread_id: i32,
    pub thread_title: String,
    pub category_name: Bilingual,
    pub author: Author,
    pub created_at: DateTime<Utc>,
    pub html: String,
    pub state: PostState,
    pub hidden: bool,
    /// The readers' reasons, for a flagged post.
    pub flags: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationLogRow {
    pub at: DateTime<Utc>,
    pub moderator: String,
    pub action: ModerationAction,
    pub category_name: Bilingual,
    pub thread_id: Option<i32>,
    pub thread_title: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationPage {
    pub pending: Vec<QueueItem>,
    pub flagged: Vec<QueueItem>,
    pub log: Vec<ModerationLogRow>,
}

/// Results shown for one search.
pub const SEARCH_RESULTS: u64 = 50;
pub const MAX_QUERY: usize = 200;

/// A search as the page's GET form sends it; every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    /// A ticked "has attachments" box: only materials with files.
    #[serde(default)]
    pub attachments: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub thread_id: i32,
    pub post_id: i32,
    pub thread_title: String,
    pub category_name: Bilingual,
    pub author: Author,
    pub created_at: DateTime<Utc>,
    /// Plain and highlighted pieces of the passage that matched.
    pub snippet: Vec<(String, bool)>,
}

/// A material of the library that matched, in its newest version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialHit {
    pub material_id: i32,
    pub title: String,
    pub category_name: Bilingual,
    pub author: Option<Author>,
    pub number: i32,
    pub published_at: DateTime<Utc>,
    pub attachments: usize,
    pub snippet: Vec<(String, bool)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    pub searched: bool,
    pub hits: Vec<SearchHit>,
    pub materials: Vec<MaterialHit>,
    /// The categories this reader may search: (code, name).
    pub categories: Vec<(String, Bilingual)>,
}

/// A new thread as the browser sends it; tags are checkboxes `form[tags][<code>]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewThreadForm {
    pub category: String,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

pub struct ValidThread {
    pub category: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
}

/// A title, a Markdown text and tags (ticked checkboxes `…[tags][<code>]`), checked
/// together: the shape of a new thread and of a new material.
pub fn titled_text(
    title: &str,
    body: &str,
    ticked: &BTreeMap<String, String>,
) -> Result<(String, String, Vec<String>), AppError> {
    let mut checks = Validation::default();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = title.chars().count();
    if length == 0 {
        checks.add("title", Problem::Required);
    } else if length < MIN_TITLE {
        checks.add("title", Problem::TooShort);
    } else if length > MAX_TITLE {
        checks.add("title", Problem::TooLong);
    }
    let body = post_body("body", body, &mut checks);
    let mut tags = Vec::new();
    for code in ticked.keys() {
        if is_tag(code) {
            tags.push(code.clone());
        } else {
            checks.add("tags", Problem::UnknownChoice);
        }
    }
    if tags.len() > MAX_TAGS {
        checks.add("tags", Problem::OutOfRange);
    }
    checks.finish()?;
    Ok((title, body, tags))
}

impl NewThreadForm {
    pub fn validate(&self) -> Result<ValidThread, AppError> {
        let (title, body, tags) = titled_text(&self.title, &self.body, &self.tags)?;
        Ok(ValidThread {
            category: self.category.trim().to_string(),
            title,
            body,
            tags,
        })
    }
}

/// The text of a post: Markdown kept as written (line breaks matter), bounded.
pub fn post_body(field: &str, value: &str, checks: &mut Validation) -> String {
    let text = value.trim().replace("\r\n", "\n");
    if text.is_empty() {
        checks.add(field, Problem::Required);
    } else if text.chars().count() > MAX_BODY {
        checks.add(field, Problem::TooLong);
    }
    text
}

/// A post's text on its own (reply, edit, draft).
pub fn validate_body(value: &str) -> Result<String, AppError> {
    let mut checks = Validation::default();
    let body = post_body("body", value, &mut checks);
    checks.finish()?;
    Ok(body)
}

/// The reply box filled with a quoted post: each line behind `> `, then a blank line.
pub fn quote_of(author_handle: &str, source: &str) -> String {
    let mut quote = format!("> @{author_handle}:\n");
    for line in source.lines() {
        quote.push_str("> ");
        quote.push_str(line);
        quote.push('\n');
    }
    quote.push('\n');
    quote
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_drop_accents_and_join_words_with_dots() {
        assert_eq!(handle_of("Sara Colombo"), "sara.colombo");
        assert_eq!(handle_of("  Niccolò   D'Àngelo "), "niccolo.dangelo");
    }

    #[test]
    fn mentions_are_found_once_and_not_inside_addresses() {
        let text =
            "Grazie @sara.colombo e @Marta.Gallo. Scrivete a info@esempio.it, @sara.colombo!";
        assert_eq!(mentioned_handles(text), vec!["sara.colombo", "marta.gallo"]);
        assert!(mentioned_handles("@ da solo").is_empty());
    }

    #[test]
    fn thread_forms_check_title_body_and_tags() {
        let mut form = NewThreadForm {
            category: "indicatori".into(),
            title: "Ciao".into(),
            body: "  ".into(),
            tags: BTreeMap::from([("nope".to_string(), "on".to_string())]),
        };
        let Err(AppError::Invalid { problems }) = form.validate() else {
            panic!("should be invalid")
        };
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["title", "body", "tags"]);
        form.title = "Indicatori nel lavoro agricolo".into();
        form.body = "Domanda".into();
        form.tags = BTreeMap::from([
            ("labour_agriculture".to_string(), "on".to_string()),
            ("CN".to_string(), "on".to_string()),
        ]);
        let valid = form.validate().unwrap();
        assert_eq!(valid.tags, ["CN", "labour_agriculture"]);
    }

    #[test]
    fn quotes_put_every_line_behind_a_marker() {
        assert_eq!(
            quote_of("sara.colombo", "uno\ndue"),
            "> @sara.colombo:\n> uno\n> due\n\n"
        );
    }
}
