//! The person-page section where her team records what the bed board's rules look at:
//! the authorisation of a minor's placement, and the people she must be kept apart from.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use super::api::*;
use super::rules::*;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::FormErrorSummary;
use crate::ui::page_forms::PageForms;
use crate::ui::pages::Loading;
use crate::ui::time::day;

fn authorisation_kind_name(kind: AuthorisationKind) -> String {
    match kind {
        AuthorisationKind::Guardian => tr!("authorisation-guardian"),
        AuthorisationKind::JuvenileCourt => tr!("authorisation-juvenile-court"),
    }
}

fn kept_apart_reason_name(reason: KeptApartReason) -> String {
    match reason {
        KeptApartReason::Recruiter => tr!("kept-apart-recruiter"),
        KeptApartReason::WitnessAndAccused => tr!("kept-apart-witness-accused"),
        KeptApartReason::Other => tr!("kept-apart-other"),
    }
}

fn withdrawn_text() -> String {
    tr!("authorisation-withdrawn")
}

#[derive(Clone, Copy)]
struct SafeguardActions {
    authorise: ServerAction<RecordAuthorisation>,
    withdraw: ServerAction<WithdrawAuthorisation>,
    add: ServerAction<AddKeptApart>,
    remove: ServerAction<RemoveKeptApart>,
}

#[component]
pub fn SafeguardsSection(code: String) -> impl IntoView {
    let forms = PageForms::staying_open();
    let actions = SafeguardActions {
        authorise: forms.action(),
        withdraw: forms.action(),
        add: forms.action(),
        remove: forms.action(),
    };
    let data = Resource::new(
        move || (code.clone(), forms.answers()),
        |(code, _)| fetch_safeguards(code),
    );
    let error = forms.error();
    view! {
        <section class="panel" aria-labelledby="safeguards-heading">
            <h2 id="safeguards-heading">{move_tr!("safeguards-title")}</h2>
            <p class="hint">{move_tr!("safeguards-intro")}</p>
            <FormErrorSummary error />
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok(found) => view! { <SafeguardsView found actions /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SafeguardsView(found: Safeguards, actions: SafeguardActions) -> impl IntoView {
    let code = found.code.clone();
    let apart_code = found.code.clone();
    view! {
        <h3>{move_tr!("authorisation-title")}</h3>
        {if found.authorisations.is_empty() {
            view! { <p>{move_tr!("authorisation-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {found.authorisations.into_iter().map(|row| {
                        let kind = row.kind;
                        let code = code.clone();
                        view! {
                            <li>
                                <strong>{move || authorisation_kind_name(kind)}</strong>
                                " · " {row.reference.clone()} " · " {day(row.granted_on)}
                                {row.withdrawn.then(|| view! { " " <span class="badge">{withdrawn_text()}</span> })}
                                {(!row.withdrawn).then(|| view! {
                                    <ActionForm action=actions.withdraw attr:class="inline-form">
                                        <input type="hidden" name="code" value=code.clone() />
                                        <input type="hidden" name="authorisation_id" value=row.id.to_string() />
                                        <Submit action=actions.withdraw class="button small">{move_tr!("authorisation-withdraw")}</Submit>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {if found.minor {
            view! { <AuthorisationForm code=found.code.clone() action=actions.authorise /> }.into_any()
        } else {
            view! { <p class="hint">{move_tr!("authorisation-adult")}</p> }.into_any()
        }}
        <h3>{move_tr!("kept-apart-title")}</h3>
        {if found.kept_apart.is_empty() {
            view! { <p>{move_tr!("kept-apart-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {found.kept_apart.into_iter().map(|row| {
                        let reason = row.reason;
                        let code = apart_code.clone();
                        view! {
                            <li>
                                {match row.other_code.clone() {
                                    Some(other) => view! {
                                        <a class="code" href=format!("/persone/{other}")>{other.clone()}</a>
                                    }.into_any(),
                                    None => view! { <span>{move_tr!("kept-apart-other-team")}</span> }.into_any(),
                                }}
                                " · " {move || kept_apart_reason_name(reason)}
                                {if row.removable {
                                    view! {
                                        <ActionForm action=actions.remove attr:class="inline-form">
                                            <input type="hidden" name="code" value=code.clone() />
                                            <input type="hidden" name="pair_id" value=row.id.to_string() />
                                            <Submit action=actions.remove class="button small">{move_tr!("kept-apart-remove")}</Submit>
                                        </ActionForm>
                                    }.into_any()
                                } else {
                                    view! { <p class="hint">{move_tr!("kept-apart-recorded-elsewhere")}</p> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <KeptApartForm code=found.code action=actions.add />
    }
}

#[component]
fn AuthorisationForm(code: String, action: ServerAction<RecordAuthorisation>) -> impl IntoView {
    let today = chrono::Utc::now().date_naive().to_string();
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <div class="field">
                <label for="authorisation-kind">{move_tr!("authorisation-kind")}</label>
                <select id="authorisation-kind" name="kind" required=true>
                    {AuthorisationKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.code()>{move || authorisation_kind_name(k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="authorisation-reference">{move_tr!("authorisation-reference")}</label>
                <p class="hint" id="authorisation-reference-hint">{move_tr!("authorisation-reference-hint")}</p>
                <input id="authorisation-reference" type="text" name="reference" required=true maxlength="120" aria-describedby="authorisation-reference-hint" />
            </div>
            <div class="field">
                <label for="authorisation-date">{move_tr!("authorisation-granted-on")}</label>
                <input id="authorisation-date" type="date" name="granted_on" max=today.clone() value=today required=true />
            </div>
            <div class="form-actions">
                <Submit action=action class="button primary">{move_tr!("authorisation-record")}</Submit>
            </div>
        </ActionForm>
    }
}

#[component]
fn KeptApartForm(code: String, action: ServerAction<AddKeptApart>) -> impl IntoView {
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <div class="field">
                <label for="kept-apart-code">{move_tr!("kept-apart-other-code")}</label>
                <p class="hint" id="kept-apart-code-hint">{move_tr!("code-example")}</p>
                <input id="kept-apart-code" type="text" name="other_code" required=true autocomplete="off" aria-describedby="kept-apart-code-hint" />
            </div>
            <div class="field">
                <label for="kept-apart-reason">{move_tr!("kept-apart-reason")}</label>
                <select id="kept-apart-reason" name="reason" required=true>
                    {KeptApartReason::ALL.iter().map(|r| {
                        let r = *r;
                        view! { <option value=r.code()>{move || kept_apart_reason_name(r)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="form-actions">
                <Submit action=action class="button">{move_tr!("kept-apart-add")}</Submit>
            </div>
        </ActionForm>
    }
}
