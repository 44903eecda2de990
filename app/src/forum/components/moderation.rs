//! The moderation queue: reported posts and held drafts.

use super::*;
use crate::ui::submit::Submit;

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
pub(super) fn ModerationView(
    page: ModerationPage,
    act: ServerAction<ModeratePost>,
) -> impl IntoView {
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
                                        <td data-label=labels[0].clone()>{moment(row.at)}</td>
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
pub(super) fn QueueEntry(
    item: QueueItem,
    act: ServerAction<ModeratePost>,
    actions: Vec<ModerationAction>,
) -> impl IntoView {
    let post = item.post_id.to_string();
    view! {
        <article class="forum-post queue-item">
            <p class="forum-post-meta">
                <strong>{item.author.name.clone()}</strong> " · " {item.author.organisation.clone()}
                " · " {moment_day(item.created_at)} " · " {local(&item.category_name)} " · "
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
                            <Submit action=act class="button small">{move || action_name(action)}</Submit>
                        </ActionForm>
                    }
                }).collect_view()}
            </div>
        </article>
    }
}
