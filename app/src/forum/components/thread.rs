//! A thread: its posts, the reply form and what a moderator may do.

use super::*;
use crate::ui::submit::Submit;

/// The thread page's actions, shared by its forms: each success reloads the thread.
#[derive(Clone, Copy)]
pub struct ThreadActions {
    pub(super) reply: ServerAction<Reply>,
    pub(super) edit: ServerAction<EditPost>,
    pub(super) accept: ServerAction<AcceptAnswer>,
    pub(super) watch: ServerAction<WatchThread>,
    pub(super) flag: ServerAction<FlagPost>,
    pub(super) moderate_post: ServerAction<ModeratePost>,
    pub(super) moderate_thread: ServerAction<ModerateThread>,
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

    fn last_error(&self) -> Option<crate::kernel::error::AppError> {
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
pub(super) fn ThreadView(page: ThreadPage, actions: ThreadActions) -> impl IntoView {
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
                <Submit action=actions.watch class="button small secondary">
                    {move || if watching { tr!("forum-unwatch") } else { tr!("forum-watch") }}
                </Submit>
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
pub(super) fn ThreadModeration(page: ThreadPage, actions: ThreadActions) -> impl IntoView {
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
                            <Submit action=actions.moderate_thread class="button small secondary">{move || action_name(action)}</Submit>
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
                    <Submit action=actions.moderate_thread class="button small">{move_tr!("forum-mod-move")}</Submit>
                </ActionForm>
            })}
        </details>
    }
}

#[component]
pub(super) fn PostItem(
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
    view! {
        <li id=anchor class="forum-post" class:accepted=post.accepted class:opening=post.opening aria-labelledby=heading.clone()>
            <header class="forum-post-meta">
                <p id=heading.clone()>
                    <strong>{post.author.name.clone()}</strong>
                    {(!post.author.handle.is_empty()).then(|| view! { " " <span class="hint">"@" {post.author.handle.clone()}</span> })}
                    " · " {post.author.organisation.clone()} " · " {moment_day(post.created_at)}
                    {post.edited_at.map(|at| view! { " · " <span class="hint">{move_tr!("forum-edited")} " " {moment_day(at)}</span> })}
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
                {can_accept.then(|| view! {
                    <AcceptButton thread post=id accepted=post.accepted action=actions.accept />
                })}
                {may_moderate.then(|| view! {
                    <PostModerationButtons post=id hidden=post.hidden state=post.state moderate_post=actions.moderate_post />
                })}
            </div>
            {post.source.clone().map(|source| view! { <EditPostForm post=id source action=actions.edit /> })}
            {(!hidden_from_me && !post.flagged_by_me && post.state == PostState::Published).then(|| view! {
                <FlagPostForm post=id action=actions.flag />
            })}
            {post.flagged_by_me.then(|| view! { <p class="hint">{move_tr!("forum-flagged")}</p> })}
            {(!revisions.is_empty()).then(|| view! { <PostHistory revisions=revisions.clone() /> })}
        </li>
    }
}

/// The button that makes a reply the thread's accepted answer, or takes the mark back.
#[component]
fn AcceptButton(
    thread: i32,
    post: i32,
    accepted: bool,
    action: ServerAction<AcceptAnswer>,
) -> impl IntoView {
    // An empty post takes the mark back.
    let (value, label) = if accepted {
        (String::new(), "forum-unaccept")
    } else {
        (post.to_string(), "forum-accept")
    };
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="thread" value=thread.to_string() />
            <input type="hidden" name="post" value=value />
            <Submit action=action class="button small primary">{move || if label == "forum-accept" { tr!("forum-accept") } else { tr!("forum-unaccept") }}</Submit>
        </ActionForm>
    }
}

/// A moderator's buttons for one post: approve or reject it while it waits, hide or show it.
#[component]
fn PostModerationButtons(
    post: i32,
    hidden: bool,
    state: PostState,
    moderate_post: ServerAction<ModeratePost>,
) -> impl IntoView {
    let mut shown = vec![if hidden {
        ModerationAction::Unhide
    } else {
        ModerationAction::Hide
    }];
    if state == PostState::Pending {
        shown.insert(0, ModerationAction::Reject);
        shown.insert(0, ModerationAction::Approve);
    }
    shown.into_iter().map(|action| view! {
        <ActionForm action=moderate_post attr:class="inline-form">
            <input type="hidden" name="post" value=post.to_string() />
            <input type="hidden" name="action" value=action.code() />
            <input type="hidden" name="note" value="" />
            <input type="hidden" name="back" value="" />
            <Submit action=moderate_post class="button small secondary">{move || action_name(action)}</Submit>
        </ActionForm>
    }).collect_view()
}

/// The author's form to edit her post, folded, starting from its Markdown `source`.
#[component]
fn EditPostForm(post: i32, source: String, action: ServerAction<EditPost>) -> impl IntoView {
    view! {
        <details class="forum-edit">
            <summary>{move_tr!("forum-edit")}</summary>
            <ActionForm action attr:class="forum-form">
                <input type="hidden" name="post" value=post.to_string() />
                <div class="field">
                    <label for=format!("edit-{post}")>{move_tr!("forum-field-text")}</label>
                    <textarea id=format!("edit-{post}") name="body" rows="8" required=true>{source}</textarea>
                </div>
                <Submit action=action class="button small">{move_tr!("forum-save-edit")}</Submit>
            </ActionForm>
        </details>
    }
}

/// The folded form to flag a post to the moderators, with a reason.
#[component]
fn FlagPostForm(post: i32, action: ServerAction<FlagPost>) -> impl IntoView {
    view! {
        <details class="forum-flag">
            <summary>{move_tr!("forum-flag")}</summary>
            <ActionForm action attr:class="forum-form">
                <input type="hidden" name="post" value=post.to_string() />
                <div class="field">
                    <label for=format!("flag-{post}")>{move_tr!("forum-flag-reason")}</label>
                    <textarea id=format!("flag-{post}") name="reason" rows="3" required=true maxlength=MAX_FLAG_REASON.to_string()></textarea>
                </div>
                <Submit action=action class="button small secondary">{move_tr!("forum-flag-send")}</Submit>
            </ActionForm>
        </details>
    }
}

/// A post's earlier texts, newest first, folded (for moderators).
#[component]
fn PostHistory(revisions: Vec<Revision>) -> impl IntoView {
    let revision_count = revisions.len();
    view! {
        <details class="forum-history">
            <summary>{move_tr!("forum-history", { "count" => revision_count })}</summary>
            <ol>
                {revisions.iter().map(|revision| view! {
                    <li>
                        <p class="hint">{revision.written_by.clone()} " · " {moment_day(revision.written_at)}</p>
                        <pre class="forum-source">{revision.body.clone()}</pre>
                    </li>
                }).collect_view()}
            </ol>
        </details>
    }
}

#[component]
pub(super) fn ReplyForm(thread: i32, quote: String, action: ServerAction<Reply>) -> impl IntoView {
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
                <Submit action=action class="button primary">{move_tr!("forum-send-reply")}</Submit>
            </ActionForm>
        </section>
    }
}
