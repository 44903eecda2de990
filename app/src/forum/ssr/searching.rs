//! Searching the forum.

use super::*;

// ---------------------------------------------------------------------------------------
// Search

/// Searches what this reader may read. Bad filters are field errors (422); a category she
/// may not read is as unknown as one that does not exist.
pub async fn search_page(ctx: &Ctx, form: SearchForm) -> Result<SearchPage, AppError> {
    use crate::forum::search::{matching_posts, Filters};

    let user = ctx.user()?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let readable = readable_categories(&ctx.db, &permissions).await?;
    let choices: Vec<(String, Bilingual)> = readable
        .iter()
        .map(|category| (category.code.clone(), category_name(category)))
        .collect();

    let mut checks = crate::kernel::error::Validation::default();
    let query = form.q.split_whitespace().collect::<Vec<_>>().join(" ");
    if query.chars().count() > MAX_QUERY {
        checks.add("q", Problem::TooLong);
    }
    let categories_searched: Vec<i32> = match form.category.trim() {
        "" => readable.iter().map(|category| category.id).collect(),
        code => match readable.iter().find(|category| category.code == code) {
            Some(category) => vec![category.id],
            None => {
                checks.add("category", Problem::UnknownChoice);
                Vec::new()
            }
        },
    };
    let tag = match form.tag.trim() {
        "" => None,
        tag if is_tag(tag) => Some(tag.to_string()),
        _ => {
            checks.add("tag", Problem::UnknownChoice);
            None
        }
    };
    let from = crate::kernel::dates::optional_day("from", &form.from, &mut checks);
    let to = crate::kernel::dates::optional_day("to", &form.to, &mut checks);
    checks.finish()?;
    if query.is_empty() {
        return Ok(SearchPage {
            searched: false,
            hits: Vec::new(),
            materials: Vec::new(),
            categories: choices,
        });
    }

    let written_by = match form.author.trim().trim_start_matches('@') {
        "" => None,
        wanted => Some(authors_matching(&ctx.db, wanted).await?),
    };
    let filters = Filters {
        categories: categories_searched,
        tag,
        authors: written_by,
        from,
        to,
        with_attachments: !form.attachments.trim().is_empty(),
    };
    let materials =
        crate::forum::materials::ssr::search_hits(&ctx.db, &query, &filters, &readable).await?;
    let ids = matching_posts(&ctx.db, &query, &filters, SEARCH_RESULTS).await?;
    let hits = post_hits(&ctx.db, &ids, &query, &readable).await?;
    Ok(SearchPage {
        searched: true,
        hits,
        materials,
        categories: choices,
    })
}

/// The users a search's author filter names: by handle ("laura.ferrero") or by part of
/// the name, in any case.
async fn authors_matching<C: ConnectionTrait>(
    conn: &C,
    wanted: &str,
) -> Result<Vec<i32>, AppError> {
    let wanted = wanted.to_lowercase();
    let handle = handle_of(&wanted.replace('.', " "));
    Ok(users::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter(|author| {
            handle_of(&author.display_name) == handle
                || author.display_name.to_lowercase().contains(&wanted)
        })
        .map(|author| author.id)
        .collect())
}

/// The hits for the posts found (`ids`, best first), each with its thread, category,
/// author and the words around the query; a post whose thread is gone is left out.
async fn post_hits<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
    query: &str,
    readable: &[categories::Model],
) -> Result<Vec<SearchHit>, AppError> {
    use crate::forum::search::snippet;

    let found: HashMap<i32, posts::Model> = posts::Entity::find()
        .filter(posts::Column::Id.is_in(ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|post| (post.id, post))
        .collect();
    let thread_ids: Vec<i32> = found.values().map(|post| post.thread_id).collect();
    let threads_by_id = find_threads(conn, thread_ids).await?;
    let people = authors(
        conn,
        found
            .values()
            .map(|post| post.author_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let names = category_names(readable);
    Ok(ids
        .iter()
        .filter_map(|id| {
            let post = found.get(id)?;
            let thread = threads_by_id.get(&post.thread_id)?;
            let text = guarded_text(post.opening, &thread.title, &post.body);
            Some(SearchHit {
                thread_id: thread.id,
                post_id: post.id,
                thread_title: thread.title.clone(),
                category_name: names.get(&thread.category_id).cloned().unwrap_or_default(),
                author: author_or_unknown(&people, post.author_id),
                created_at: post.created_at,
                snippet: snippet(&text, query, 30),
            })
        })
        .collect())
}
