//! Full-text search of the forum, in Italian. On SQLite the application stems every word
//! (Snowball's Italian stemmer, so "sfruttamento" and "sfruttate" meet at "sfrutt") and
//! FTS5 matches and ranks (bm25); on PostgreSQL the `italian` text-search configuration
//! does the same with `tsvector` and `ts_rank`. Accents are folded on both. The database
//! only says which posts match: whether the reader may see each one is decided by the
//! same joins that list threads (published, not hidden, in a category she reads).

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use rust_stemmers::{Algorithm, Stemmer};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

use crate::kernel::error::AppError;

static ITALIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Italian));

/// The words of a text, folded (`kernel::folding`).
pub fn words(text: &str) -> Vec<String> {
    crate::kernel::folding::folded_words(text)
}

pub fn stem(word: &str) -> String {
    ITALIAN.stem(word).into_owned()
}

/// The stems of a text, in order (repeats kept: they weigh in the ranking).
pub fn stems(text: &str) -> Vec<String> {
    words(text).iter().map(|word| stem(word)).collect()
}

/// The two full-text indexes: posts (the row id is the post's) and materials (the row
/// id is the material's; the text is its newest published version).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchIndex {
    Posts,
    Materials,
}

impl SearchIndex {
    fn table(self) -> &'static str {
        match self {
            SearchIndex::Posts => "forum_search",
            SearchIndex::Materials => "forum_material_search",
        }
    }

    /// The column that holds the indexed row's id on PostgreSQL.
    fn key(self) -> &'static str {
        match self {
            SearchIndex::Posts => "post_id",
            SearchIndex::Materials => "material_id",
        }
    }
}

/// Writes (or rewrites) the index row of a post. `text` is what readers search: the
/// post, and the title for the question that opened a thread.
pub async fn index_post<C: ConnectionTrait>(
    conn: &C,
    post_id: i32,
    text: &str,
) -> Result<(), AppError> {
    index_text(conn, SearchIndex::Posts, post_id, text).await
}

/// Writes (or rewrites) one row of an index.
pub async fn index_text<C: ConnectionTrait>(
    conn: &C,
    index: SearchIndex,
    id: i32,
    text: &str,
) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    let (table, key) = (index.table(), index.key());
    match backend {
        DbBackend::Postgres => {
            let folded = words(text).join(" ");
            conn.execute_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "INSERT INTO {table} ({key}, document) \
                     VALUES ($1, to_tsvector('italian', $2)) \
                     ON CONFLICT ({key}) DO UPDATE SET document = EXCLUDED.document"
                ),
                [id.into(), folded.into()],
            ))
            .await?;
        }
        _ => {
            conn.execute_raw(Statement::from_sql_and_values(
                backend,
                format!("DELETE FROM {table} WHERE rowid = ?"),
                [id.into()],
            ))
            .await?;
            conn.execute_raw(Statement::from_sql_and_values(
                backend,
                format!("INSERT INTO {table} (rowid, terms) VALUES (?, ?)"),
                [id.into(), stems(text).join(" ").into()],
            ))
            .await?;
        }
    }
    Ok(())
}

/// What a search may be narrowed to, already checked.
pub struct Filters {
    /// The categories searched: those the reader may read, or the one she chose of them.
    pub categories: Vec<i32>,
    pub tag: Option<String>,
    pub authors: Option<Vec<i32>>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only what has files attached (materials; posts have none).
    pub with_attachments: bool,
}

/// A query under construction: its SQL values, and the placeholders that refer to them
/// in the syntax of the backend.
struct Bound {
    backend: DbBackend,
    values: Vec<Value>,
}

impl Bound {
    fn new(backend: DbBackend) -> Self {
        Bound {
            backend,
            values: Vec::new(),
        }
    }

    fn placeholder(&mut self, value: Value) -> String {
        self.values.push(value);
        match self.backend {
            DbBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_string(),
        }
    }

    /// `AND <column> >= start of from AND <column> < the day after to`.
    fn dates(&mut self, sql: &mut String, column: &str, filters: &Filters) {
        if let Some(from) = filters.from {
            let start = from.and_hms_opt(0, 0, 0).map(|at| at.and_utc());
            let start = self.placeholder(start.into());
            sql.push_str(&format!(" AND {column} >= {start}"));
        }
        if let Some(to) = filters.to {
            let end = to
                .succ_opt()
                .and_then(|day| day.and_hms_opt(0, 0, 0))
                .map(|at| at.and_utc());
            let end = self.placeholder(end.into());
            sql.push_str(&format!(" AND {column} < {end}"));
        }
    }

    async fn ids<C: ConnectionTrait>(self, conn: &C, sql: String) -> Result<Vec<i32>, AppError> {
        let rows = conn
            .query_all_raw(Statement::from_sql_and_values(
                self.backend,
                sql,
                self.values,
            ))
            .await?;
        Ok(rows
            .iter()
            .filter_map(|row| row.try_get_by_index::<i32>(0).ok())
            .collect())
    }
}

/// The query's stems, each once.
fn query_terms(query: &str) -> Vec<String> {
    let mut terms = stems(query);
    terms.dedup();
    terms
}

/// How many of the index's best matches are checked against the reader's rights at
/// first. Each further round checks twice as many as the last, so a search whose best
/// matches are mostly out of the reader's sight still reads each match at most twice.
const FIRST_WINDOW: u64 = 200;
/// The largest window: its ids are written into one statement (a few tens of KB).
const LAST_WINDOW: u64 = 6_400;

/// The ids of the published, visible posts matching `query`, best first. Posts carry no
/// files, so a search for attachments finds none.
pub async fn matching_posts<C: ConnectionTrait>(
    conn: &C,
    query: &str,
    filters: &Filters,
    limit: u64,
) -> Result<Vec<i32>, AppError> {
    if filters.with_attachments {
        return Ok(Vec::new());
    }
    best_visible(
        conn,
        SearchIndex::Posts,
        query,
        filters,
        limit,
        FIRST_WINDOW,
    )
    .await
}

/// The ids of the published materials matching `query`, best first: the newest version
/// of each is what is indexed, and what the author and date filters look at.
pub async fn matching_materials<C: ConnectionTrait>(
    conn: &C,
    query: &str,
    filters: &Filters,
    limit: u64,
) -> Result<Vec<i32>, AppError> {
    best_visible(
        conn,
        SearchIndex::Materials,
        query,
        filters,
        limit,
        FIRST_WINDOW,
    )
    .await
}

/// The best `limit` matches of `query` in `index` that pass the filters (which carry the
/// reader's rights). The index ranks its matches by itself and hands over a window of
/// the best; only those are looked up and checked. Scoring every match, joining each to
/// its thread and checking it before keeping 50 took 606 ms at 100 000 posts.
async fn best_visible<C: ConnectionTrait>(
    conn: &C,
    index: SearchIndex,
    query: &str,
    filters: &Filters,
    limit: u64,
    first_window: u64,
) -> Result<Vec<i32>, AppError> {
    let terms = query_terms(query);
    let nobody = filters.authors.as_ref().is_some_and(Vec::is_empty);
    if terms.is_empty() || filters.categories.is_empty() || nobody || limit == 0 {
        return Ok(Vec::new());
    }
    let wanted = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut found = Vec::new();
    let (mut offset, mut window) = (0, first_window.max(limit));
    loop {
        let candidates = best_matches(conn, index, query, &terms, offset, window).await?;
        let seen = candidates.len() as u64;
        if !candidates.is_empty() {
            let kept = passing(conn, index, &candidates, filters).await?;
            found.extend(candidates.into_iter().filter(|id| kept.contains(id)));
        }
        if found.len() >= wanted || seen < window {
            break;
        }
        offset += window;
        window = window.saturating_mul(2).min(LAST_WINDOW);
    }
    found.truncate(wanted);
    Ok(found)
}

/// The ids of the index's matches of the query from `offset`, `count` of them, best
/// first (ties: the newest row first). The database scores every match, but in its own
/// index: nothing else is read.
async fn best_matches<C: ConnectionTrait>(
    conn: &C,
    index: SearchIndex,
    query: &str,
    terms: &[String],
    offset: u64,
    count: u64,
) -> Result<Vec<i32>, AppError> {
    let backend = conn.get_database_backend();
    let mut bound = Bound::new(backend);
    let table = index.table();
    let sql = match backend {
        DbBackend::Postgres => {
            let folded = bound.placeholder(words(query).join(" ").into());
            let key = index.key();
            format!(
                "SELECT s.{key} FROM {table} s, plainto_tsquery('italian', {folded}) q \
                 WHERE s.document @@ q \
                 ORDER BY ts_rank(s.document, q) DESC, s.{key} DESC LIMIT {count} OFFSET {offset}"
            )
        }
        _ => {
            // Every stem is letters and digits only, so quoting cannot be escaped.
            let expression = terms
                .iter()
                .map(|term| format!("\"{term}\""))
                .collect::<Vec<_>>()
                .join(" ");
            let expression = bound.placeholder(expression.into());
            format!(
                "SELECT rowid FROM {table} WHERE {table} MATCH {expression} \
                 ORDER BY bm25({table}), rowid DESC LIMIT {count} OFFSET {offset}"
            )
        }
    };
    bound.ids(conn, sql).await
}

/// Which of the `candidates` the reader may see and the filters keep: published, not
/// hidden, in a category searched, with the tag, author and dates asked for.
async fn passing<C: ConnectionTrait>(
    conn: &C,
    index: SearchIndex,
    candidates: &[i32],
    filters: &Filters,
) -> Result<HashSet<i32>, AppError> {
    let backend = conn.get_database_backend();
    let mut bound = Bound::new(backend);
    let categories = join_ids(&filters.categories);
    let ids = join_ids(candidates);
    let mut sql = match index {
        SearchIndex::Posts => format!(
            "SELECT p.id FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id \
             WHERE p.id IN ({ids}) AND p.state = 'published' AND p.hidden = {false_} \
             AND t.state = 'published' AND t.category_id IN ({categories})",
            false_ = if backend == DbBackend::Postgres {
                "FALSE"
            } else {
                "0"
            },
        ),
        SearchIndex::Materials => format!(
            "SELECT m.id FROM forum_materials m \
             JOIN forum_material_versions v ON v.id = m.current_version_id \
             WHERE m.id IN ({ids}) AND m.category_id IN ({categories})"
        ),
    };
    let (tags, tagged, author, published) = match index {
        SearchIndex::Posts => (
            "SELECT thread_id FROM forum_thread_tags",
            "t.id",
            "p.author_id",
            "p.created_at",
        ),
        SearchIndex::Materials => (
            "SELECT material_id FROM forum_material_tags",
            "m.id",
            "v.author_id",
            "v.published_at",
        ),
    };
    if let Some(tag) = &filters.tag {
        let tag = bound.placeholder(tag.clone().into());
        sql.push_str(&format!(" AND {tagged} IN ({tags} WHERE tag = {tag})"));
    }
    if let Some(authors) = &filters.authors {
        sql.push_str(&format!(" AND {author} IN ({})", join_ids(authors)));
    }
    bound.dates(&mut sql, published, filters);
    if filters.with_attachments && index == SearchIndex::Materials {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM forum_material_attachments a WHERE a.version_id = v.id)",
        );
    }
    Ok(bound.ids(conn, sql).await?.into_iter().collect())
}

/// Ids come from the database, never from the request: safe to write into the query.
fn join_ids(ids: &[i32]) -> String {
    ids.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}

/// A short passage of `text` around the first words matching the query, split into
/// plain and highlighted pieces (the page writes them as text, never as HTML).
pub fn snippet(text: &str, query: &str, width: usize) -> Vec<(String, bool)> {
    let wanted: Vec<String> = stems(query);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let hit = |token: &str| words(token).iter().any(|word| wanted.contains(&stem(word)));
    let first = tokens.iter().position(|token| hit(token)).unwrap_or(0);
    let start = first.saturating_sub(width / 3);
    let end = (start + width).min(tokens.len());
    let mut pieces: Vec<(String, bool)> = Vec::new();
    if start > 0 {
        pieces.push(("… ".to_string(), false));
    }
    for (index, token) in tokens[start..end].iter().enumerate() {
        let separator = if index + 1 < end - start { " " } else { "" };
        let highlighted = hit(token);
        match pieces.last_mut() {
            Some((text, marked)) if *marked == highlighted && !highlighted => {
                text.push_str(token);
                text.push_str(separator);
            }
            _ => {
                pieces.push((token.to_string(), highlighted));
                if !separator.is_empty() {
                    pieces.push((separator.to_string(), false));
                }
            }
        }
    }
    if end < tokens.len() {
        pieces.push((" …".to_string(), false));
    }
    pieces
}

#[cfg(test)]
mod tests;
