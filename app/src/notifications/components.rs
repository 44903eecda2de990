//! The notifications page: newest first, unread ones marked, each with its link.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::api::*;
use super::model::*;
use crate::ui::errors::ErrorPanel;
use crate::ui::pages::Loading;
use crate::ui::time::moment;

fn notification_text(kind: NotificationKind, subject: &str) -> String {
    let subject = subject.to_string();
    match kind {
        NotificationKind::Handover => tr!("notification-handover", { "code" => subject }),
        NotificationKind::ApprovalRequested => {
            tr!("notification-approval-requested", { "code" => subject })
        }
        NotificationKind::VersionApproved => {
            tr!("notification-version-approved", { "code" => subject })
        }
        NotificationKind::ForumReply => tr!("notification-forum-reply", { "title" => subject }),
        NotificationKind::ForumMention => {
            tr!("notification-forum-mention", { "title" => subject })
        }
        NotificationKind::ForumCategoryThread => {
            tr!("notification-forum-category-thread", { "title" => subject })
        }
        NotificationKind::ForumMaterialVersion => {
            tr!("notification-forum-material-version", { "title" => subject })
        }
        NotificationKind::RestrictedRoleGiven => {
            tr!("notification-restricted-role-given", { "code" => subject })
        }
        NotificationKind::PasswordSetByOther => {
            tr!("notification-password-set-by-other", { "name" => subject })
        }
        NotificationKind::CaseAccountOpened => {
            tr!("notification-case-account-opened", { "name" => subject })
        }
        NotificationKind::PossibleDuplicate => {
            tr!("notification-possible-duplicate", { "code" => subject })
        }
        NotificationKind::PlannedExitOverdue => {
            tr!("notification-planned-exit-overdue", { "code" => subject })
        }
        NotificationKind::HoldLapsing => tr!("notification-hold-lapsing", { "code" => subject }),
        NotificationKind::ComingOfAge => tr!("notification-coming-of-age", { "code" => subject }),
        NotificationKind::BedProposal => tr!("notification-bed-proposal", { "code" => subject }),
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let read = ServerAction::<MarkNotificationsRead>::new();
    let data = Resource::new(move || read.version().get(), |_| fetch_notifications());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "notifications-title")
        }) />
        <h1>{move_tr!("notifications-title")}</h1>
        <p><a href="/notifiche/impostazioni">{move_tr!("notifications-settings-link")}</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <NotificationList page read /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotificationList(
    page: NotificationsPage,
    read: ServerAction<MarkNotificationsRead>,
) -> impl IntoView {
    if page.items.is_empty() {
        return view! { <p>{move_tr!("notifications-empty")}</p> }.into_any();
    }
    let unread = page.unread;
    view! {
        <p class="lead">{move_tr!("notifications-unread", { "count" => unread })}</p>
        {(unread > 0).then(|| view! {
            <ActionForm action=read>
                <input type="hidden" name="id" value="" />
                <Submit action=read class="button secondary" quiet=true>{move_tr!("notifications-read-all")}</Submit>
            </ActionForm>
        })}
        <ul class="notification-list">
            {page.items.into_iter().map(|item| {
                let kind = item.kind;
                let subject = item.subject.clone();
                let when = item.created_at;
                view! {
                    <li class:unread=!item.read>
                        <p>
                            {(!item.read).then(|| view! { <strong class="badge">{move_tr!("notifications-new")}</strong> " " })}
                            {move || notification_text(kind, &subject)}
                        </p>
                        <p class="hint">{moment(when)}</p>
                        // A div, not a p: a form inside a paragraph is invalid HTML, and the
                        // browser's repair would not match the hydrated page.
                        <div class="button-row">
                            <a class="button small" href=item.link.clone()>{move_tr!("notifications-open")}</a>
                            {(!item.read).then(|| view! {
                                <ActionForm action=read attr:class="inline-form">
                                    <input type="hidden" name="id" value=item.id.to_string() />
                                    <Submit action=read class="button small secondary" quiet=true>{move_tr!("notifications-mark-read")}</Submit>
                                </ActionForm>
                            })}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
