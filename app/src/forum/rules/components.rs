//! The forum's rules page: for each category, who reads, posts and moderates, and the
//! members named its moderators. Plain forms; a change applies to the next request.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::api::{fetch_forum_rules, SetForumModerator, SetForumRule};
use super::model::*;
use crate::admin::components::organisation_kind_name;
use crate::forum::components::local;
use crate::forum::model::AccessLevel;
use crate::home::role_name;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::FormErrorSummary;
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};

fn audience_name(audience: Audience) -> String {
    match audience {
        Audience::Everyone => tr!("forum-rules-everyone"),
        Audience::Kind(kind) => format!(
            "{}: {}",
            tr!("forum-rules-kind"),
            organisation_kind_name(kind)
        ),
        Audience::Role(role) => format!("{}: {}", tr!("forum-rules-role"), role_name(role)),
    }
}

fn rule_level_name(level: AccessLevel) -> String {
    match level {
        AccessLevel::Read => tr!("forum-rules-level-read"),
        AccessLevel::Post => tr!("forum-rules-level-post"),
        AccessLevel::Moderate => tr!("forum-rules-level-moderate"),
    }
}

#[component]
pub fn ForumRulesPage() -> impl IntoView {
    let forms = PageForms::staying_open();
    let rule = forms.action::<SetForumRule>();
    let moderator = forms.action::<SetForumModerator>();
    let data = Resource::new(
        move || (rule.version().get(), moderator.version().get()),
        |_| fetch_forum_rules(),
    );
    let error = forms.error();
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-forum-rules")
        }) />
        <h1>{move_tr!("nav-forum-rules")}</h1>
        <p class="lead">{move_tr!("forum-rules-intro")}</p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => {
                        let candidates = page.candidates.clone();
                        page.categories.into_iter().map(|category| view! {
                            <CategoryRulesPanel category candidates=candidates.clone() rule moderator />
                        }).collect_view().into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// One category's panel: its rules and its moderators, with the forms that change them.
#[component]
fn CategoryRulesPanel(
    category: CategoryRules,
    candidates: Vec<(i32, String)>,
    rule: ServerAction<SetForumRule>,
    moderator: ServerAction<SetForumModerator>,
) -> impl IntoView {
    let code = category.code.clone();
    let heading_id = format!("regole-{code}");
    let named: Vec<i32> = category.moderators.iter().map(|row| row.user_id).collect();
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel forum-rules" aria-labelledby=labelled_by>
            <h2 id=heading_id>{local(&category.name)}</h2>
            <RulesTable rules=category.rules code=code.clone() rule />
            <RuleForm code=code.clone() rule />
            <h3>{move_tr!("forum-rules-moderators")}</h3>
            <ModeratorList moderators=category.moderators code=code.clone() moderator />
            <NameModeratorForm code candidates named moderator />
        </section>
    }
}

/// The category's rules, each with a button that removes it (or a notice when there are
/// none).
#[component]
fn RulesTable(
    rules: Vec<RuleRow>,
    code: String,
    rule: ServerAction<SetForumRule>,
) -> impl IntoView {
    if rules.is_empty() {
        return view! { <p class="notice">{move_tr!("forum-rules-none")}</p> }.into_any();
    }
    let who = move || tr!("forum-rules-who");
    let may = move || tr!("forum-rules-may");
    let actions = move || tr!("forum-rules-actions");
    view! {
        <table class="data-table">
            <thead><tr><th scope="col">{who}</th><th scope="col">{may}</th><th scope="col"><span class="visually-hidden">{actions}</span></th></tr></thead>
            <tbody>
                {rules.into_iter().map(|row| {
                    let audience = row.audience;
                    let level = row.level;
                    let code = code.clone();
                    view! {
                        <tr>
                            <td>{move || audience_name(audience)}</td>
                            <td>{move || rule_level_name(level)}</td>
                            <td>
                                <ActionForm action=rule attr:class="inline-form">
                                    <input type="hidden" name="category" value=code />
                                    <input type="hidden" name="audience" value=audience.code() />
                                    <input type="hidden" name="level" value="none" />
                                    <Submit action=rule class="button small secondary">
                                        {move_tr!("forum-rules-remove")}
                                        <span class="visually-hidden">" " {move || audience_name(audience)}</span>
                                    </Submit>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The form that gives an audience a level in the category (replacing its rule, if any).
#[component]
fn RuleForm(code: String, rule: ServerAction<SetForumRule>) -> impl IntoView {
    let audience_id = format!("regola-chi-{code}");
    let level_id = format!("regola-livello-{code}");
    view! {
        <ActionForm action=rule attr:class="filter-form">
            <input type="hidden" name="category" value=code />
            <div class="field">
                <label for=audience_id.clone()>{move_tr!("forum-rules-who")}</label>
                <select id=audience_id name="audience">
                    {Audience::all().into_iter().map(|audience| view! {
                        <option value=audience.code()>{move || audience_name(audience)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=level_id.clone()>{move_tr!("forum-rules-may")}</label>
                <select id=level_id name="level">
                    {AccessLevel::ALL.iter().copied().map(|level| view! {
                        <option value=level.code()>{move || rule_level_name(level)}</option>
                    }).collect_view()}
                </select>
            </div>
            <Submit action=rule class="button secondary">{move_tr!("forum-rules-save")}</Submit>
        </ActionForm>
    }
}

/// The members named moderators of the category, each with a button that removes her
/// (or a hint when there are none).
#[component]
fn ModeratorList(
    moderators: Vec<ModeratorRow>,
    code: String,
    moderator: ServerAction<SetForumModerator>,
) -> impl IntoView {
    if moderators.is_empty() {
        return view! { <p class="hint">{move_tr!("forum-rules-no-moderators")}</p> }.into_any();
    }
    view! {
        <ul class="material-files">
            {moderators.into_iter().map(|row| {
                let code = code.clone();
                view! {
                <li>
                    {row.name.clone()} " (" {row.organisation.clone()} ")"
                    <ActionForm action=moderator attr:class="inline-form">
                        <input type="hidden" name="category" value=code />
                        <input type="hidden" name="user" value=row.user_id.to_string() />
                        <input type="hidden" name="on" value="0" />
                        <Submit action=moderator class="button small secondary">
                            {move_tr!("forum-rules-remove")}
                            <span class="visually-hidden">" " {row.name.clone()}</span>
                        </Submit>
                    </ActionForm>
                </li>
            }}).collect_view()}
        </ul>
    }
    .into_any()
}

/// The form that names one of the `candidates` not yet `named` a moderator of the category.
#[component]
fn NameModeratorForm(
    code: String,
    candidates: Vec<(i32, String)>,
    named: Vec<i32>,
    moderator: ServerAction<SetForumModerator>,
) -> impl IntoView {
    let moderator_id = format!("moderatore-{code}");
    view! {
        <ActionForm action=moderator attr:class="filter-form">
            <input type="hidden" name="category" value=code />
            <input type="hidden" name="on" value="1" />
            <div class="field">
                <label for=moderator_id.clone()>{move_tr!("forum-rules-name-moderator")}</label>
                <select id=moderator_id name="user">
                    {candidates.into_iter().filter(|(id, _)| !named.contains(id)).map(|(id, label)| view! {
                        <option value=id.to_string()>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <Submit action=moderator class="button secondary">{move_tr!("forum-rules-add-moderator")}</Submit>
        </ActionForm>
    }
}
