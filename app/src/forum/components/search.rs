//! Searching the forum.

use super::*;
use crate::ui::submit::Submit;

/// The search box at the top of the forum's pages: a plain GET form to the search page.
#[component]
pub(super) fn SearchBox(#[prop(optional, into)] value: String) -> impl IntoView {
    view! {
        <form method="get" action="/forum/cerca" class="filter-form forum-search-box" role="search">
            <div class="field">
                <label for="forum-search-q">{move_tr!("forum-search-label")}</label>
                <input id="forum-search-q" name="q" type="search" value=value maxlength=MAX_QUERY.to_string() />
            </div>
            <Submit class="button secondary">{move_tr!("forum-search")}</Submit>
        </form>
    }
}

#[component]
pub fn ForumSearchPage() -> impl IntoView {
    let query = use_query_map();
    let form = Memo::new(move |_| {
        let query = query.read();
        let get = |key: &str| query.get(key).unwrap_or_default();
        SearchForm {
            q: get("q"),
            category: get("categoria"),
            tag: get("tag"),
            author: get("autore"),
            from: get("dal"),
            to: get("al"),
            attachments: get("allegati"),
        }
    });
    let data = Resource::new(move || form.get(), search_forum);
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-search-title")
        }) />
        <p><a href="/forum">{move_tr!("forum-back")}</a></p>
        <h1>{move_tr!("forum-search-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let form = form.get_untracked();
                match data.await {
                    Err(crate::kernel::error::AppError::Invalid { problems }) => {
                        let error = crate::kernel::error::AppError::Invalid { problems };
                        view! {
                            <FormErrorSummary error=Signal::derive(move || Some(error.clone())) />
                            <SearchForm form page=None />
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <SearchForm form page=Some(page) /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn SearchForm(form: SearchForm, page: Option<SearchPage>) -> impl IntoView {
    let categories = page
        .as_ref()
        .map(|page| page.categories.clone())
        .unwrap_or_default();
    let chosen_tag = form.tag.clone();
    view! {
        <form method="get" action="/forum/cerca" class="panel forum-search" role="search">
            <div class="field">
                <label for="search-q">{move_tr!("forum-search-label")}</label>
                <input id="search-q" name="q" type="search" value=form.q.clone() maxlength=MAX_QUERY.to_string() />
            </div>
            <div class="filter-form">
                <div class="field">
                    <label for="search-category">{move_tr!("forum-search-category")}</label>
                    <select id="search-category" name="categoria">
                        <option value="">{move_tr!("forum-search-all-categories")}</option>
                        {categories.into_iter().map(|(code, name)| {
                            let selected = code == form.category;
                            view! { <option value=code selected=selected>{local(&name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="search-tag">{move_tr!("forum-filter-tag")}</label>
                    <select id="search-tag" name="tag">
                        <option value="">{move_tr!("forum-all-tags")}</option>
                        {all_tags().into_iter().map(|tag| {
                            let selected = tag == chosen_tag;
                            view! { <option value=tag selected=selected>{move || tag_name(tag)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="search-author">{move_tr!("forum-search-author")}</label>
                    <input id="search-author" name="autore" type="text" value=form.author.clone() />
                </div>
                <div class="field">
                    <label for="search-from">{move_tr!("forum-search-from")}</label>
                    <input id="search-from" name="dal" type="date" value=form.from.clone() />
                </div>
                <div class="field">
                    <label for="search-to">{move_tr!("forum-search-to")}</label>
                    <input id="search-to" name="al" type="date" value=form.to.clone() />
                </div>
                <div class="field checkbox-field">
                    <input id="search-attachments" name="allegati" type="checkbox" value="1"
                        checked=!form.attachments.is_empty() />
                    <label for="search-attachments">{move_tr!("forum-search-attachments")}</label>
                </div>
            </div>
            <Submit class="button primary">{move_tr!("forum-search")}</Submit>
        </form>
        {page.map(|page| view! { <SearchResults page /> })}
    }
}

#[component]
pub(super) fn SearchResults(page: SearchPage) -> impl IntoView {
    if !page.searched {
        return view! { <p class="hint">{move_tr!("forum-search-hint")}</p> }.into_any();
    }
    if page.hits.is_empty() && page.materials.is_empty() {
        return view! { <p>{move_tr!("forum-search-none")}</p> }.into_any();
    }
    let count = page.hits.len() + page.materials.len();
    view! {
        <p class="lead" role="status">{move_tr!("forum-search-count", { "count" => count })}</p>
        {(!page.materials.is_empty()).then(|| view! {
            <h2>{move_tr!("forum-search-materials")}</h2>
            <ol class="forum-threads search-results">
                {page.materials.into_iter().map(|hit| {
                    let number = hit.number;
                    let files = hit.attachments;
                    view! {
                        <li class="forum-thread">
                            <p class="forum-thread-title">
                                <span class="badge">{move_tr!("forum-material")}</span> " "
                                <a href=crate::forum::materials::model::material_path(hit.material_id)>{hit.title.clone()}</a>
                            </p>
                            <p class="search-snippet"><Snippet pieces=hit.snippet /></p>
                            <p class="hint">
                                {local(&hit.category_name)} " · "
                                {move_tr!("forum-material-version-number", { "number" => number })} " · "
                                {hit.author.map(|author| view! { {author.name} " (" {author.organisation} ") · " })}
                                {moment_day(hit.published_at)}
                                {(files > 0).then(|| view! { " · " {move_tr!("forum-material-file-count", { "count" => files })} })}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        })}
        {(!page.hits.is_empty()).then(|| view! { <h2>{move_tr!("forum-search-posts")}</h2> })}
        <ol class="forum-threads search-results">
            {page.hits.into_iter().map(|hit| view! {
                <li class="forum-thread">
                    <p class="forum-thread-title">
                        <a href=format!("/forum/discussioni/{}#messaggio-{}", hit.thread_id, hit.post_id)>{hit.thread_title.clone()}</a>
                    </p>
                    <p class="search-snippet"><Snippet pieces=hit.snippet /></p>
                    <p class="hint">
                        {local(&hit.category_name)} " · " {hit.author.name.clone()} " (" {hit.author.organisation.clone()} ") · " {moment_day(hit.created_at)}
                    </p>
                </li>
            }).collect_view()}
        </ol>
    }.into_any()
}

/// A passage of a search result: the matching words marked, everything written as text.
#[component]
pub(super) fn Snippet(pieces: Vec<(String, bool)>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}
