//! The forum's pages: the categories, a category's threads, a thread with its replies,
//! the draft page of the personal-data guard, and the moderators' queue. Every action is
//! a plain form first; the hydrated page only saves the reload.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::*;
use super::model::*;
use crate::auth::model::province_name;
use crate::kernel::error::AppError;
use crate::people::components::exploitation_name;
use crate::people::model::Exploitation;
use crate::ui::errors::{problem_message, ErrorPanel};
use crate::ui::forms::Choices;
use crate::ui::forms::FormErrorSummary;
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};
use crate::ui::time::{interface_language, moment, moment_day};

mod category;
mod drafts;
mod moderation;
mod new_thread;
mod overview;
mod search;
mod thread;
pub use category::*;
pub use drafts::*;
pub use moderation::*;
pub use new_thread::*;
pub use overview::*;
pub use search::*;
pub use thread::*;

pub(crate) fn local(text: &Bilingual) -> String {
    text.in_language(&interface_language()).to_string()
}

pub(crate) fn tag_name(code: &str) -> String {
    match Exploitation::from_code(code) {
        Some(kind) => exploitation_name(kind),
        None => province_name(code).unwrap_or(code).to_string(),
    }
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

/// What the guard made of a held post or material: the passages it questioned, or that
/// it found nothing.
#[component]
pub(crate) fn GuardVerdict(findings: Vec<Finding>) -> impl IntoView {
    if findings.is_empty() {
        view! { <p class="notice">{move_tr!("forum-guard-clear")}</p> }.into_any()
    } else {
        view! { <GuardWarning findings /> }.into_any()
    }
}

/// The author's tick that what the guard questioned may be published all the same.
#[component]
pub(crate) fn GuardConfirm() -> impl IntoView {
    view! {
        <label class="checkbox personal-data-confirm" for="draft-confirm">
            <input type="checkbox" id="draft-confirm" name="confirm" value="on" />
            {move_tr!("forum-guard-confirm")}
        </label>
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

/// The problem of one field of a form's last submission, under the field.
pub(crate) fn field_problem(
    error: Signal<Option<AppError>>,
    field: &'static str,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    move || {
        error
            .get()
            .and_then(|error| error.problem_for(field))
            .map(|problem| {
                view! { <p class="field-error">{problem_message(problem)}</p> }.into_any()
            })
    }
}

/// The tag checkboxes of a new thread or material.
#[component]
pub(crate) fn TagChoices(error: Signal<Option<AppError>>) -> impl IntoView {
    let options: Vec<(&'static str, Signal<String>, bool)> = all_tags()
        .into_iter()
        .map(|tag| (tag, Signal::derive(move || tag_name(tag)), false))
        .collect();
    view! {
        <Choices
            legend=Signal::derive(move || tr!("forum-tags"))
            name="form[tags]"
            kind="checkbox"
            options
            error
            key="tags"
        />
    }
}

/// The button that follows a category, or stops following it (on the category's page
/// and in its library).
#[component]
pub(crate) fn WatchCategoryForm(
    watch: ServerAction<crate::forum::materials::api::WatchCategory>,
    code: String,
    watching: bool,
) -> impl IntoView {
    view! {
        <ActionForm action=watch attr:class="inline-form">
            <input type="hidden" name="category" value=code />
            <input type="hidden" name="on" value=if watching { "0" } else { "1" } />
            <Submit action=watch class="button secondary">
                {move || if watching {
                    tr!("forum-unwatch-category")
                } else {
                    tr!("forum-watch-category")
                }}
            </Submit>
        </ActionForm>
    }
}
