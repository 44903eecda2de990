//! The forum's pages: the categories, a category's threads, a thread with its replies,
//! the draft page of the personal-data guard, and the moderators' queue. Every action is
//! a plain form first; the hydrated page only saves the reload.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::*;
use super::model::*;
use crate::auth::model::province_name;
use crate::people::components::{exploitation_name, Choices};
use crate::people::model::Exploitation;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::FormErrorSummary;
use crate::ui::pages::{page_title, Loading};

pub(crate) fn local(text: &Bilingual) -> String {
    let language = use_context::<I18n>()
        .map(|i18n| i18n.language.get().id.to_string())
        .unwrap_or_default();
    text.in_language(&language).to_string()
}

pub(crate) fn tag_name(code: &str) -> String {
    match Exploitation::from_code(code) {
        Some(kind) => exploitation_name(kind),
        None => province_name(code).unwrap_or(code).to_string(),
    }
}

fn when(at: DateTime<Utc>) -> impl IntoView {
    view! { <time datetime=at.to_rfc3339()>{at.format("%d/%m/%Y").to_string()}</time> }
}

fn level_name(level: AccessLevel) -> String {
    match level {
        AccessLevel::Read => tr!("forum-level-read"),
        AccessLevel::Post => tr!("forum-level-post"),
        AccessLevel::Moderate => tr!("forum-level-moderate"),
    }
}

pub(crate) fn finding_name(kind: FindingKind) -> String {
    match kind {
        FindingKind::Phone => tr!("forum-finding-phone"),
        FindingKind::Email => tr!("forum-finding-email"),
        FindingKind::Address => tr!("forum-finding-address"),
        FindingKind::Document => tr!("forum-finding-document"),
        FindingKind::TaxCode => tr!("forum-finding-tax-code"),
        FindingKind::Structure => tr!("forum-finding-structure"),
    }
}

/// What the personal-data guard questioned, above a held post or material. A
/// structure's name is not quoted back (see `forum::ssr::findings`).
#[component]
pub(crate) fn GuardWarning(findings: Vec<Finding>) -> impl IntoView {
    view! {
        <div class="personal-data-warning" role="alert">
            <h2>{move_tr!("forum-guard-heading")}</h2>
            <p>{move_tr!("forum-guard-intro")}</p>
            <ul>
                {findings.into_iter().map(|finding| {
                    let kind = finding.kind;
                    if finding.text.is_empty() {
                        view! { <li><strong>{move || finding_name(kind)}</strong></li> }.into_any()
                    } else {
                        view! { <li><strong>{move || finding_name(kind)}</strong> ": " <mark>{finding.text}</mark></li> }.into_any()
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

fn action_name(action: ModerationAction) -> String {
    match action {
        ModerationAction::Approve => tr!("forum-mod-approve"),
        ModerationAction::Reject => tr!("forum-mod-reject"),
        ModerationAction::Hide => tr!("forum-mod-hide"),
        ModerationAction::Unhide => tr!("forum-mod-unhide"),
        ModerationAction::DismissFlags => tr!("forum-mod-dismiss-flags"),
        ModerationAction::Pin => tr!("forum-mod-pin"),
        ModerationAction::Unpin => tr!("forum-mod-unpin"),
        ModerationAction::Lock => tr!("forum-mod-lock"),
        ModerationAction::Unlock => tr!("forum-mod-unlock"),
        ModerationAction::Move => tr!("forum-mod-move"),
    }
}

fn state_badge(state: PostState) -> Option<AnyView> {
    match state {
        PostState::Pending => Some(
            view! { <span class="badge warning">{move_tr!("forum-state-pending")}</span> }
                .into_any(),
        ),
        PostState::Rejected => Some(
            view! { <span class="badge danger">{move_tr!("forum-state-rejected")}</span> }
                .into_any(),
        ),
        PostState::Draft => {
            Some(view! { <span class="badge">{move_tr!("forum-state-draft")}</span> }.into_any())
        }
        PostState::Published => None,
    }
}

/// The Markdown help under every text box.
#[component]
pub(crate) fn MarkdownHint(id: &'static str) -> impl IntoView {
    view! { <p class="hint" id=id>{move_tr!("forum-markdown-hint")}</p> }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn ForumPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| fetch_forum());
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-title")
        }) />
        <h1>{move_tr!("forum-title")}</h1>
        <p class="lead">{move_tr!("forum-intro")}</p>
        <SearchBox />
        <p><a class="button secondary" href="/forum/materiali">{move_tr!("forum-library-title")}</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(overview) => view! { <CategoryList overview /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CategoryList(overview: ForumOverview) -> impl IntoView {
    let queue = overview.queue;
    view! {
        {overview.moderates.then(|| view! {
            <p class="notice">
                <a href="/forum/moderazione">{move_tr!("forum-moderation-link", { "count" => queue })}</a>
            </p>
        })}
        <ul class="forum-categories">
            {overview.categories.into_iter().map(|category| {
                let level = category.level;
                let unread = category.unread;
                let threads = category.threads;
                view! {
                    <li class="forum-category">
                        <h2><a href=format!("/forum/categoria/{}", category.code)>{local(&category.name)}</a></h2>
                        <p>{local(&category.description)}</p>
                        <p class="hint">
                            {move_tr!("forum-thread-count", { "count" => threads })}
                            {(unread > 0).then(|| view! {
                                " · " <strong class="badge">{move_tr!("forum-unread-count", { "count" => unread })}</strong>
                            })}
                            " · " {move || level_name(level)}
                            {category.last_post_at.map(|at| view! { " · " {move_tr!("forum-last-activity")} " " {when(at)} })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn ForumCategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let tag = Memo::new(move |_| query.read().get("tag").unwrap_or_default());
    let page = Memo::new(move |_| query.read().get("pagina").unwrap_or_default());
    let watch = ServerAction::<super::materials::api::WatchCategory>::new();
    let data = Resource::new(
        move || (code.get(), tag.get(), page.get(), watch.version().get()),
        |(code, tag, page, _)| fetch_category(code, tag, page),
    );
    let error = Signal::derive(move || watch.value().get().and_then(|r| r.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-title")
        }) />
        <p><a href="/forum">{move_tr!("forum-back")}</a></p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <CategoryView page watch /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CategoryView(
    page: CategoryPage,
    watch: ServerAction<super::materials::api::WatchCategory>,
) -> impl IntoView {
    let watching = page.watching;
    let code = page.code.clone();
    let may_post = page.level >= AccessLevel::Post;
    let current_tag = page.tag.clone().unwrap_or_default();
    let next_page = page.has_more.then(|| {
        let tag = current_tag.clone();
        format!("/forum/categoria/{code}?tag={tag}&pagina={}", page.page + 1)
    });
    let previous_page = (page.page > 0).then(|| {
        let tag = current_tag.clone();
        format!("/forum/categoria/{code}?tag={tag}&pagina={}", page.page - 1)
    });
    view! {
        <h1>{local(&page.name)}</h1>
        <p class="lead">{local(&page.description)}</p>
        <div class="button-row">
            {may_post.then(|| view! {
                <a class="button primary" href=format!("/forum/categoria/{code}/nuova")>{move_tr!("forum-new-thread")}</a>
            })}
            <a class="button secondary" href=format!("/forum/materiali?categoria={code}")>{move_tr!("forum-library-of-category")}</a>
            <ActionForm action=watch attr:class="inline-form">
                <input type="hidden" name="category" value=code.clone() />
                <input type="hidden" name="on" value=if watching { "0" } else { "1" } />
                <button type="submit" class="button secondary">
                    {move || if watching { tr!("forum-unwatch-category") } else { tr!("forum-watch-category") }}
                </button>
            </ActionForm>
        </div>
        <p class="hint">{move_tr!("forum-watch-category-hint")}</p>
        <form method="get" action=format!("/forum/categoria/{}", page.code) class="filter-form">
            <div class="field">
                <label for="forum-tag">{move_tr!("forum-filter-tag")}</label>
                <select id="forum-tag" name="tag">
                    <option value="" selected=current_tag.is_empty()>{move_tr!("forum-all-tags")}</option>
                    {all_tags().into_iter().map(|tag| {
                        let selected = tag == current_tag;
                        view! { <option value=tag selected=selected>{move || tag_name(tag)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button secondary">{move_tr!("forum-filter")}</button>
        </form>
        {if page.threads.is_empty() {
            view! { <p>{move_tr!("forum-no-threads")}</p> }.into_any()
        } else {
            view! {
                <ul class="forum-threads">
                    {page.threads.into_iter().map(|thread| view! { <ThreadRow thread /> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <nav class="pager" aria-label=move || tr!("forum-pages")>
            {previous_page.map(|href| view! { <a href=href>{move_tr!("forum-previous-page")}</a> })}
            " "
            {next_page.map(|href| view! { <a href=href>{move_tr!("forum-next-page")}</a> })}
        </nav>
    }
}

#[component]
fn ThreadRow(thread: ThreadSummary) -> impl IntoView {
    let replies = thread.replies;
    view! {
        <li class="forum-thread" class:unread=thread.unread>
            <p class="forum-thread-title">
                {thread.unread.then(|| view! { <strong class="badge">{move_tr!("forum-new")}</strong> " " })}
                {thread.pinned.then(|| view! { <span class="badge">{move_tr!("forum-pinned")}</span> " " })}
                {thread.locked.then(|| view! { <span class="badge">{move_tr!("forum-locked")}</span> " " })}
                {thread.answered.then(|| view! { <span class="badge success">{move_tr!("forum-answered")}</span> " " })}
                {state_badge(thread.state)}
                <a href=format!("/forum/discussioni/{}", thread.id)>{thread.title.clone()}</a>
            </p>
            <p class="hint">
                {thread.author.name.clone()} " (" {thread.author.organisation.clone()} ") · "
                {when(thread.created_at)} " · " {move_tr!("forum-reply-count", { "count" => replies })}
                " · " {move_tr!("forum-last-activity")} " " {when(thread.last_post_at)}
            </p>
            {(!thread.tags.is_empty()).then(|| view! { <TagList tags=thread.tags.clone() /> })}
        </li>
    }
}

#[component]
pub(crate) fn TagList(tags: Vec<String>) -> impl IntoView {
    view! {
        <ul class="tag-list" aria-label=move || tr!("forum-tags")>
            {tags.into_iter().map(|tag| view! { <li class="tag">{move || tag_name(&tag)}</li> }).collect_view()}
        </ul>
    }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn NewThreadPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let create = ServerAction::<CreateThread>::new();
    let error: Signal<Option<crate::error::AppError>> =
        Signal::derive(move || create.value().get().and_then(|result| result.err()));
    let tag_choices: Vec<(&'static str, Signal<String>, bool)> = all_tags()
        .into_iter()
        .map(|tag| (tag, Signal::derive(move || tag_name(tag)), false))
        .collect();
    let problem = move |field: &'static str| {
        move || {
            error
                .get()
                .and_then(|error| error.problem_for(field))
                .map(|problem| view! { <p class="field-error">{crate::ui::errors::problem_message(problem)}</p> })
        }
    };
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-new-thread")
        }) />
        <p><a href=move || format!("/forum/categoria/{}", code.get())>{move_tr!("forum-back-to-category")}</a></p>
        <h1>{move_tr!("forum-new-thread")}</h1>
        <p class="notice">{move_tr!("forum-no-case-data")}</p>
        <ActionForm action=create attr:class="forum-form">
            <FormErrorSummary error />
            <input type="hidden" name="form[category]" value=move || code.get() />
            <div class="field">
                <label for="thread-title">{move_tr!("forum-field-title")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id="thread-title" name="form[title]" type="text" required=true maxlength=MAX_TITLE.to_string() />
                {problem("title")}
            </div>
            <div class="field">
                <label for="thread-body">{move_tr!("forum-field-question")} <span class="required" aria-hidden="true">" *"</span></label>
                <MarkdownHint id="thread-body-hint" />
                <textarea id="thread-body" name="form[body]" rows="10" required=true aria-describedby="thread-body-hint"></textarea>
                {problem("body")}
            </div>
            <Choices
                legend=Signal::derive(move || tr!("forum-tags"))
                name="form[tags]"
                kind="checkbox"
                options=tag_choices
                error
                key="tags"
            />
            <p class="hint">{move_tr!("forum-tags-hint")}</p>
            <button type="submit" class="button primary">{move_tr!("forum-publish")}</button>
        </ActionForm>
    }
}

// ---------------------------------------------------------------------------------------

/// The thread page's actions, shared by its forms: each success reloads the thread.
#[derive(Clone, Copy)]
struct ThreadActions {
    reply: ServerAction<Reply>,
    edit: ServerAction<EditPost>,
    accept: ServerAction<AcceptAnswer>,
    watch: ServerAction<WatchThread>,
    flag: ServerAction<FlagPost>,
    moderate_post: ServerAction<ModeratePost>,
    moderate_thread: ServerAction<ModerateThread>,
}

impl ThreadActions {
    fn new() -> Self {
        ThreadActions {
            reply: ServerAction::new(),
            edit: ServerAction::new(),
            accept: ServerAction::new(),
            watch: ServerAction::new(),
            flag: ServerAction::new(),
            moderate_post: ServerAction::new(),
            moderate_thread: ServerAction::new(),
        }
    }

    fn versions(&self) -> (usize, usize, usize, usize, usize, usize, usize) {
        (
            self.reply.version().get(),
            self.edit.version().get(),
            self.accept.version().get(),
            self.watch.version().get(),
            self.flag.version().get(),
            self.moderate_post.version().get(),
            self.moderate_thread.version().get(),
        )
    }

    fn last_error(&self) -> Option<crate::error::AppError> {
        [
            self.reply.value().get().and_then(|r| r.err()),
            self.edit.value().get().and_then(|r| r.err()),
            self.accept.value().get().and_then(|r| r.err()),
            self.watch.value().get().and_then(|r| r.err()),
            self.flag.value().get().and_then(|r| r.err()),
            self.moderate_post.value().get().and_then(|r| r.err()),
            self.moderate_thread.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

#[component]
pub fn ForumThreadPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let quote = Memo::new(move |_| query.read().get("cita").unwrap_or_default());
    let actions = ThreadActions::new();
    let data = Resource::new(
        move || (id.get(), quote.get(), actions.versions()),
        |(id, quote, _)| fetch_thread(id, quote),
    );
    let error = Signal::derive(move || actions.last_error());
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-title")
        }) />
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <ThreadView page actions /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ThreadView(page: ThreadPage, actions: ThreadActions) -> impl IntoView {
    let thread = page.id;
    let accepted = page.accepted_post_id;
    let may_accept = page.may_accept;
    let may_moderate = page.may_moderate;
    let locked = page.locked;
    let watching = page.watching;
    view! {
        <p>
            <a href="/forum">{move_tr!("forum-title")}</a> " › "
            <a href=format!("/forum/categoria/{}", page.category_code)>{local(&page.category_name)}</a>
        </p>
        <h1>{page.title.clone()}</h1>
        <p>
            {page.pinned.then(|| view! { <span class="badge">{move_tr!("forum-pinned")}</span> " " })}
            {locked.then(|| view! { <span class="badge">{move_tr!("forum-locked")}</span> " " })}
            {accepted.map(|post| view! {
                <a class="badge success" href=format!("#messaggio-{post}")>{move_tr!("forum-go-to-answer")}</a>
            })}
            {state_badge(page.state)}
        </p>
        {(!page.tags.is_empty()).then(|| view! { <TagList tags=page.tags.clone() /> })}
        <div class="button-row">
            <ActionForm action=actions.watch attr:class="inline-form">
                <input type="hidden" name="thread" value=thread.to_string() />
                <input type="hidden" name="watch" value=if watching { "off" } else { "on" } />
                <button type="submit" class="button small secondary">
                    {move || if watching { tr!("forum-unwatch") } else { tr!("forum-watch") }}
                </button>
            </ActionForm>
        </div>
        {may_moderate.then(|| view! { <ThreadModeration page=page.clone() actions /> })}
        <ol class="forum-posts">
            {page.posts.into_iter().map(|post| {
                view! { <PostItem thread post may_accept may_moderate locked actions /> }
            }).collect_view()}
        </ol>
        {if page.may_reply {
            view! { <ReplyForm thread quote=page.quote.clone() action=actions.reply /> }.into_any()
        } else if locked {
            view! { <p class="notice">{move_tr!("forum-locked-notice")}</p> }.into_any()
        } else {
            ().into_any()
        }}
    }
}

#[component]
fn ThreadModeration(page: ThreadPage, actions: ThreadActions) -> impl IntoView {
    let thread = page.id.to_string();
    let pin = if page.pinned {
        ModerationAction::Unpin
    } else {
        ModerationAction::Pin
    };
    let lock = if page.locked {
        ModerationAction::Unlock
    } else {
        ModerationAction::Lock
    };
    let has_targets = !page.move_targets.is_empty();
    view! {
        <details class="panel">
            <summary>{move_tr!("forum-moderation-tools")}</summary>
            <div class="button-row">
                {[pin, lock].into_iter().map(|action| {
                    let thread = thread.clone();
                    view! {
                        <ActionForm action=actions.moderate_thread attr:class="inline-form">
                            <input type="hidden" name="thread" value=thread />
                            <input type="hidden" name="action" value=action.code() />
                            <input type="hidden" name="category" value="" />
                            <input type="hidden" name="note" value="" />
                            <button type="submit" class="button small secondary">{move || action_name(action)}</button>
                        </ActionForm>
                    }
                }).collect_view()}
            </div>
            {has_targets.then(|| view! {
                <ActionForm action=actions.moderate_thread attr:class="forum-form">
                    <input type="hidden" name="thread" value=thread.clone() />
                    <input type="hidden" name="action" value="move" />
                    <div class="field">
                        <label for="move-category">{move_tr!("forum-move-to")}</label>
                        <select id="move-category" name="category">
                            {page.move_targets.iter().map(|(code, name)| view! {
                                <option value=code.clone()>{local(name)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="move-note">{move_tr!("forum-mod-note")}</label>
                        <input id="move-note" name="note" type="text" maxlength=MAX_FLAG_REASON.to_string() />
                    </div>
                    <button type="submit" class="button small">{move_tr!("forum-mod-move")}</button>
                </ActionForm>
            })}
        </details>
    }
}

#[component]
fn PostItem(
    thread: i32,
    post: PostView,
    may_accept: bool,
    may_moderate: bool,
    locked: bool,
    actions: ThreadActions,
) -> impl IntoView {
    let id = post.id;
    let anchor = format!("messaggio-{id}");
    let heading = format!("messaggio-{id}-autore");
    let hidden_from_me = post.hidden && post.html.is_empty();
    let can_accept =
        may_accept && !post.opening && !post.hidden && post.state == PostState::Published;
    let revisions = post.revisions.clone();
    let revision_count = revisions.len();
    view! {
        <li id=anchor class="forum-post" class:accepted=post.accepted class:opening=post.opening aria-labelledby=heading.clone()>
            <header class="forum-post-meta">
                <p id=heading.clone()>
                    <strong>{post.author.name.clone()}</strong>
                    {(!post.author.handle.is_empty()).then(|| view! { " " <span class="hint">"@" {post.author.handle.clone()}</span> })}
                    " · " {post.author.organisation.clone()} " · " {when(post.created_at)}
                    {post.edited_at.map(|at| view! { " · " <span class="hint">{move_tr!("forum-edited")} " " {when(at)}</span> })}
                </p>
                <p>
                    {post.accepted.then(|| view! { <span class="badge success">{move_tr!("forum-accepted-answer")}</span> " " })}
                    {post.hidden.then(|| view! { <span class="badge danger">{move_tr!("forum-hidden")}</span> " " })}
                    {state_badge(post.state)}
                </p>
            </header>
            {if hidden_from_me {
                view! { <p class="hint">{move_tr!("forum-hidden-notice")}</p> }.into_any()
            } else {
                view! { <div class="forum-post-body" inner_html=post.html.clone()></div> }.into_any()
            }}
            <div class="button-row">
                {(!hidden_from_me && !locked).then(|| view! {
                    <a class="button small secondary" href=format!("/forum/discussioni/{thread}?cita={id}#risposta")>{move_tr!("forum-quote")}</a>
                })}
                {can_accept.then(|| {
                    let (value, label) = if post.accepted {
                        (String::new(), "forum-unaccept")
                    } else {
                        (id.to_string(), "forum-accept")
                    };
                    view! {
                        <ActionForm action=actions.accept attr:class="inline-form">
                            <input type="hidden" name="thread" value=thread.to_string() />
                            <input type="hidden" name="post" value=value />
                            <button type="submit" class="button small primary">{move || if label == "forum-accept" { tr!("forum-accept") } else { tr!("forum-unaccept") }}</button>
                        </ActionForm>
                    }
                })}
                {may_moderate.then(|| {
                    let mut shown = vec![if post.hidden { ModerationAction::Unhide } else { ModerationAction::Hide }];
                    if post.state == PostState::Pending {
                        shown.insert(0, ModerationAction::Reject);
                        shown.insert(0, ModerationAction::Approve);
                    }
                    shown.into_iter().map(|action| view! {
                        <ActionForm action=actions.moderate_post attr:class="inline-form">
                            <input type="hidden" name="post" value=id.to_string() />
                            <input type="hidden" name="action" value=action.code() />
                            <input type="hidden" name="note" value="" />
                            <input type="hidden" name="back" value="" />
                            <button type="submit" class="button small secondary">{move || action_name(action)}</button>
                        </ActionForm>
                    }).collect_view()
                })}
            </div>
            {post.source.clone().map(|source| view! {
                <details class="forum-edit">
                    <summary>{move_tr!("forum-edit")}</summary>
                    <ActionForm action=actions.edit attr:class="forum-form">
                        <input type="hidden" name="post" value=id.to_string() />
                        <div class="field">
                            <label for=format!("edit-{id}")>{move_tr!("forum-field-text")}</label>
                            <textarea id=format!("edit-{id}") name="body" rows="8" required=true>{source}</textarea>
                        </div>
                        <button type="submit" class="button small">{move_tr!("forum-save-edit")}</button>
                    </ActionForm>
                </details>
            })}
            {(!hidden_from_me && !post.flagged_by_me && post.state == PostState::Published).then(|| view! {
                <details class="forum-flag">
                    <summary>{move_tr!("forum-flag")}</summary>
                    <ActionForm action=actions.flag attr:class="forum-form">
                        <input type="hidden" name="post" value=id.to_string() />
                        <div class="field">
                            <label for=format!("flag-{id}")>{move_tr!("forum-flag-reason")}</label>
                            <textarea id=format!("flag-{id}") name="reason" rows="3" required=true maxlength=MAX_FLAG_REASON.to_string()></textarea>
                        </div>
                        <button type="submit" class="button small secondary">{move_tr!("forum-flag-send")}</button>
                    </ActionForm>
                </details>
            })}
            {post.flagged_by_me.then(|| view! { <p class="hint">{move_tr!("forum-flagged")}</p> })}
            {(!revisions.is_empty()).then(|| view! {
                <details class="forum-history">
                    <summary>{move_tr!("forum-history", { "count" => revision_count })}</summary>
                    <ol>
                        {revisions.iter().map(|revision| view! {
                            <li>
                                <p class="hint">{revision.written_by.clone()} " · " {when(revision.written_at)}</p>
                                <pre class="forum-source">{revision.body.clone()}</pre>
                            </li>
                        }).collect_view()}
                    </ol>
                </details>
            })}
        </li>
    }
}

#[component]
fn ReplyForm(thread: i32, quote: String, action: ServerAction<Reply>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="risposta-titolo">
            <h2 id="risposta-titolo">{move_tr!("forum-reply")}</h2>
            <ActionForm action attr:class="forum-form" attr:id="risposta">
                <input type="hidden" name="thread" value=thread.to_string() />
                <div class="field">
                    <label for="reply-body">{move_tr!("forum-field-text")}</label>
                    <MarkdownHint id="reply-body-hint" />
                    <textarea id="reply-body" name="body" rows="8" required=true aria-describedby="reply-body-hint">{quote}</textarea>
                </div>
                <button type="submit" class="button primary">{move_tr!("forum-send-reply")}</button>
            </ActionForm>
        </section>
    }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn ForumDraftPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let publish = ServerAction::<PublishDraft>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    let data = Resource::new(
        move || (id.get(), publish.version().get()),
        |(id, _)| fetch_draft(id),
    );
    let error = Signal::derive(move || {
        publish
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| discard.value().get().and_then(|r| r.err()))
    });
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-draft-title")
        }) />
        <h1>{move_tr!("forum-draft-title")}</h1>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(draft) => view! { <DraftView draft publish discard /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DraftView(
    draft: DraftPage,
    publish: ServerAction<PublishDraft>,
    discard: ServerAction<DiscardDraft>,
) -> impl IntoView {
    let post = draft.post_id.to_string();
    let discarded_post = post.clone();
    let questioned = !draft.findings.is_empty();
    view! {
        <p class="hint">
            {local(&draft.category_name)} " · "
            <a href=format!("/forum/discussioni/{}", draft.thread_id)>{draft.thread_title.clone()}</a>
        </p>
        {if questioned {
            view! {
                <GuardWarning findings=draft.findings.clone() />
            }.into_any()
        } else {
            view! { <p class="notice">{move_tr!("forum-guard-clear")}</p> }.into_any()
        }}
        <ActionForm action=publish attr:class="forum-form">
            <input type="hidden" name="post" value=post.clone() />
            <div class="field">
                <label for="draft-body">{move_tr!("forum-field-text")}</label>
                <MarkdownHint id="draft-body-hint" />
                <textarea id="draft-body" name="body" rows="10" required=true aria-describedby="draft-body-hint">{draft.body.clone()}</textarea>
            </div>
            {if questioned {
                view! {
                    <label class="checkbox personal-data-confirm" for="draft-confirm">
                        <input type="checkbox" id="draft-confirm" name="confirm" value="on" />
                        {move_tr!("forum-guard-confirm")}
                    </label>
                }.into_any()
            } else {
                view! { <input type="hidden" name="confirm" value="" /> }.into_any()
            }}
            <button type="submit" class="button primary">{move_tr!("forum-publish")}</button>
        </ActionForm>
        <div class="button-row">
            <ActionForm action=discard attr:class="inline-form">
                <input type="hidden" name="post" value=discarded_post />
                <button type="submit" class="button secondary">{move_tr!("forum-discard")}</button>
            </ActionForm>
        </div>
    }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn ForumModerationPage() -> impl IntoView {
    let act = ServerAction::<ModeratePost>::new();
    let data = Resource::new(move || act.version().get(), |_| fetch_moderation());
    let error = Signal::derive(move || act.value().get().and_then(|r| r.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-moderation-title")
        }) />
        <p><a href="/forum">{move_tr!("forum-back")}</a></p>
        <h1>{move_tr!("forum-moderation-title")}</h1>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <ModerationView page act /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ModerationView(page: ModerationPage, act: ServerAction<ModeratePost>) -> impl IntoView {
    // Outside the view: the translations check does not see this key inside the table.
    let date_heading = move_tr!("forum-log-date");
    let labels = [
        tr!("forum-log-date"),
        tr!("forum-log-who"),
        tr!("forum-log-what"),
        tr!("forum-log-where"),
        tr!("forum-mod-note"),
    ];
    view! {
        <section class="panel" aria-labelledby="queue-pending">
            <h2 id="queue-pending">{move_tr!("forum-queue-pending")}</h2>
            {if page.pending.is_empty() {
                view! { <p>{move_tr!("forum-queue-empty")}</p> }.into_any()
            } else {
                page.pending.into_iter().map(|item| view! {
                    <QueueEntry item act actions=vec![ModerationAction::Approve, ModerationAction::Reject] />
                }).collect_view().into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="queue-flagged">
            <h2 id="queue-flagged">{move_tr!("forum-queue-flagged")}</h2>
            {if page.flagged.is_empty() {
                view! { <p>{move_tr!("forum-queue-empty")}</p> }.into_any()
            } else {
                page.flagged.into_iter().map(|item| {
                    let hide = if item.hidden { ModerationAction::Unhide } else { ModerationAction::Hide };
                    view! { <QueueEntry item act actions=vec![hide, ModerationAction::DismissFlags] /> }
                }).collect_view().into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="moderation-log">
            <h2 id="moderation-log">{move_tr!("forum-moderation-log")}</h2>
            {if page.log.is_empty() {
                view! { <p>{move_tr!("forum-log-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{date_heading}</th>
                                <th scope="col">{move_tr!("forum-log-who")}</th>
                                <th scope="col">{move_tr!("forum-log-what")}</th>
                                <th scope="col">{move_tr!("forum-log-where")}</th>
                                <th scope="col">{move_tr!("forum-mod-note")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.log.into_iter().map(|row| {
                                let action = row.action;
                                view! {
                                    <tr>
                                        <td data-label=labels[0].clone()>{when(row.at)}</td>
                                        <td data-label=labels[1].clone()>{row.moderator.clone()}</td>
                                        <td data-label=labels[2].clone()>{move || action_name(action)}</td>
                                        <td data-label=labels[3].clone()>
                                            {local(&row.category_name)}
                                            {row.thread_id.zip(row.thread_title.clone()).map(|(id, title)| view! {
                                                " · " <a href=format!("/forum/discussioni/{id}")>{title}</a>
                                            })}
                                        </td>
                                        <td data-label=labels[4].clone()>{row.note.clone().unwrap_or_default()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn QueueEntry(
    item: QueueItem,
    act: ServerAction<ModeratePost>,
    actions: Vec<ModerationAction>,
) -> impl IntoView {
    let post = item.post_id.to_string();
    view! {
        <article class="forum-post queue-item">
            <p class="forum-post-meta">
                <strong>{item.author.name.clone()}</strong> " · " {item.author.organisation.clone()}
                " · " {when(item.created_at)} " · " {local(&item.category_name)} " · "
                <a href=format!("/forum/discussioni/{}#messaggio-{}", item.thread_id, item.post_id)>{item.thread_title.clone()}</a>
            </p>
            <div class="forum-post-body" inner_html=item.html.clone()></div>
            {(!item.flags.is_empty()).then(|| view! {
                <ul class="flag-reasons">
                    {item.flags.iter().map(|(who, reason)| view! { <li><strong>{who.clone()}</strong> ": " {reason.clone()}</li> }).collect_view()}
                </ul>
            })}
            <div class="button-row">
                {actions.into_iter().map(|action| {
                    let post = post.clone();
                    view! {
                        <ActionForm action=act attr:class="inline-form">
                            <input type="hidden" name="post" value=post />
                            <input type="hidden" name="action" value=action.code() />
                            <input type="hidden" name="note" value="" />
                            <input type="hidden" name="back" value="coda" />
                            <button type="submit" class="button small">{move || action_name(action)}</button>
                        </ActionForm>
                    }
                }).collect_view()}
            </div>
        </article>
    }
}

// ---------------------------------------------------------------------------------------

/// The search box at the top of the forum's pages: a plain GET form to the search page.
#[component]
fn SearchBox(#[prop(optional, into)] value: String) -> impl IntoView {
    view! {
        <form method="get" action="/forum/cerca" class="filter-form forum-search-box" role="search">
            <div class="field">
                <label for="forum-search-q">{move_tr!("forum-search-label")}</label>
                <input id="forum-search-q" name="q" type="search" value=value maxlength=MAX_QUERY.to_string() />
            </div>
            <button type="submit" class="button secondary">{move_tr!("forum-search")}</button>
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
                    Err(crate::error::AppError::Invalid { problems }) => {
                        let error = crate::error::AppError::Invalid { problems };
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
fn SearchForm(form: SearchForm, page: Option<SearchPage>) -> impl IntoView {
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
            <button type="submit" class="button primary">{move_tr!("forum-search")}</button>
        </form>
        {page.map(|page| view! { <SearchResults page /> })}
    }
}

#[component]
fn SearchResults(page: SearchPage) -> impl IntoView {
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
                                <a href=super::materials::model::material_path(hit.material_id)>{hit.title.clone()}</a>
                            </p>
                            <p class="search-snippet"><Snippet pieces=hit.snippet /></p>
                            <p class="hint">
                                {local(&hit.category_name)} " · "
                                {move_tr!("forum-material-version-number", { "number" => number })} " · "
                                {hit.author.map(|author| view! { {author.name} " (" {author.organisation} ") · " })}
                                {when(hit.published_at)}
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
                        {local(&hit.category_name)} " · " {hit.author.name.clone()} " (" {hit.author.organisation.clone()} ") · " {when(hit.created_at)}
                    </p>
                </li>
            }).collect_view()}
        </ol>
    }.into_any()
}

/// A passage of a search result: the matching words marked, everything written as text.
#[component]
fn Snippet(pieces: Vec<(String, bool)>) -> impl IntoView {
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
