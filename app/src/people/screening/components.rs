//! The screening page (an interview with the indicator checklist) and the trainers'
//! checklist page (versions, draft, publish).

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::*;
use super::model::*;
use crate::ui::errors::{problem_message, ErrorPanel};
use crate::ui::forms::{FormErrorSummary, SelectField, TextField};
use crate::ui::pages::Loading;
use crate::ui::time::{day, moment_day_text};

pub fn group_name(group: IndicatorGroup) -> String {
    match group {
        IndicatorGroup::General => tr!("indicator-group-general"),
        IndicatorGroup::Sexual => tr!("indicator-group-sexual"),
        IndicatorGroup::Labour => tr!("indicator-group-labour"),
        IndicatorGroup::BeggingIllegal => tr!("indicator-group-begging-illegal"),
    }
}

pub fn outcome_name(outcome: ScreeningOutcome) -> String {
    match outcome {
        ScreeningOutcome::IndicatorsFound => tr!("screening-outcome-indicators-found"),
        ScreeningOutcome::NoIndicators => tr!("screening-outcome-no-indicators"),
        ScreeningOutcome::Proposal => tr!("screening-outcome-proposal"),
        ScreeningOutcome::CommissionRequest => tr!("screening-outcome-commission-request"),
        ScreeningOutcome::CommissionReferral => tr!("screening-outcome-commission-referral"),
        ScreeningOutcome::Open => tr!("screening-outcome-open"),
    }
}

/// The indicator's text in the interface language.
pub fn indicator_text(i18n: I18n, indicator: &IndicatorView) -> String {
    if *i18n.language.get().id == *"en" {
        indicator.text_en.clone()
    } else {
        indicator.text_it.clone()
    }
}

#[component]
pub fn ScreeningPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let data = Resource::new(move || code.get(), fetch_screening_start);
    let save = ServerAction::<SaveScreening>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "screening-title", { "code" => code.get() })
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(start) => view! { <ScreeningFormView start save error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ScreeningFormView(
    start: ScreeningStart,
    save: ServerAction<SaveScreening>,
    error: Signal<Option<crate::kernel::error::AppError>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let code = start.code.clone();
    let outcomes: Vec<(String, String)> = std::iter::once((String::new(), tr!("choose")))
        .chain(
            ScreeningOutcome::ALL
                .iter()
                .map(|o| (o.code().to_string(), outcome_name(*o))),
        )
        .collect();
    let groups = IndicatorGroup::ALL
        .iter()
        .map(|group| {
            let group = *group;
            let items: Vec<IndicatorView> = start
                .checklist
                .indicators
                .iter()
                .filter(|i| i.group == group)
                .cloned()
                .collect();
            view! {
                <fieldset class="field checklist-group">
                    <legend>{move || group_name(group)}</legend>
                    {items.into_iter().map(|indicator| {
                        let id = format!("indicator-{}", indicator.id);
                        let name = format!("form[observed][{}]", indicator.id);
                        view! {
                            <div class="field-check indicator">
                                <input type="checkbox" id=id.clone() name=name />
                                <label for=id>{move || indicator_text(i18n, &indicator)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <p><a href=format!("/persone/{code}")>{move_tr!("back-to-person")}</a></p>
        <h1>{move_tr!("screening-heading")} " " <span class="code">{code.clone()}</span></h1>
        <p class="lead">
            {move_tr!("screening-intro", { "version" => start.checklist.version })}
        </p>
        <section class="panel">
            <ActionForm action=save>
                <FormErrorSummary error />
                <input type="hidden" name="code" value=code.clone() />
                <input type="hidden" name="form[checklist_id]" value=start.checklist.id.to_string() />
                <TextField label=move_tr!("field-held-on") name="form[held_on]" kind="date" value=start.today.to_string() required=true error />
                {groups}
                {move || error.get().and_then(|e| e.problem_for("observed")).map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
                <SelectField label=move_tr!("field-screening-outcome") name="form[outcome]" options=outcomes required=true error />
                <div class="form-actions">
                    <Submit action=save class="button primary">{move_tr!("screening-submit")}</Submit>
                </div>
            </ActionForm>
        </section>
    }
}

/// The screenings on the person's page.
#[component]
pub fn ScreeningList(rows: Vec<ScreeningRow>, code: String, may_screen: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <section class="panel">
            <h2>{move_tr!("person-screenings")}</h2>
            {may_screen.then(|| view! {
                <p><a class="button primary" href=format!("/persone/{code}/colloquio")>{move_tr!("screening-new")}</a></p>
            })}
            {if rows.is_empty() {
                view! { <p>{move_tr!("screenings-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {rows.into_iter().map(|row| {
                            let outcome = row.outcome;
                            let count = row.observed.len();
                            let observed = row.observed.clone();
                            view! {
                                <li>
                                    <strong>{day(row.held_on)}</strong>
                                    " · " {move || outcome_name(outcome)}
                                    <br />
                                    <small>{move_tr!("screening-summary", { "count" => count, "version" => row.version, "organisation" => row.organisation.clone() })}</small>
                                    {(!observed.is_empty()).then(|| view! {
                                        <ul>
                                            {observed.into_iter().map(|indicator| view! { <li>{move || indicator_text(i18n, &indicator)}</li> }).collect_view()}
                                        </ul>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

// ---------------------------------------------------------------- trainers

#[component]
pub fn ChecklistPage() -> impl IntoView {
    let start = ServerAction::<StartChecklistDraft>::new();
    let save = ServerAction::<SaveChecklistDraft>::new();
    let publish = ServerAction::<PublishChecklist>::new();
    let data = Resource::new(
        move || {
            (
                start.version().get(),
                save.version().get(),
                publish.version().get(),
            )
        },
        |_| fetch_checklists(),
    );
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-checklists")
        }) />
        <h1>{move_tr!("nav-checklists")}</h1>
        <p class="lead">{move_tr!("checklists-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(versions) => {
                        let trainer = versions.may_edit;
                        view! { <ChecklistVersionsView versions trainer start save publish /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChecklistVersionsView(
    versions: ChecklistVersions,
    trainer: bool,
    start: ServerAction<StartChecklistDraft>,
    save: ServerAction<SaveChecklistDraft>,
    publish: ServerAction<PublishChecklist>,
) -> impl IntoView {
    let save_error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let publish_error = Signal::derive(move || publish.value().get().and_then(|r| r.err()));
    let draft = versions.draft.clone();
    let editor = trainer.then(|| match draft {
        None => view! {
            <section class="panel">
                <ActionForm action=start>
                    <p>{move_tr!("checklist-no-draft")}</p>
                    <Submit action=start class="button primary">{move_tr!("checklist-start-draft")}</Submit>
                </ActionForm>
            </section>
        }.into_any(),
        Some(draft) => {
            let groups: Vec<(String, String)> = IndicatorGroup::ALL.iter().map(|g| (g.code().to_string(), group_name(*g))).collect();
            view! {
                <section class="panel">
                    <h2>{move_tr!("checklist-draft", { "version" => draft.version })}</h2>
                    <ActionForm action=save>
                        <FormErrorSummary error=save_error />
                        {draft.indicators.iter().map(|indicator| {
                            let id = indicator.id;
                            let group = indicator.group;
                            view! {
                                <fieldset class="field indicator-edit">
                                    <legend>{move || group_name(group)}</legend>
                                    <label for=format!("it-{id}")>{move_tr!("checklist-text-it")}</label>
                                    <textarea id=format!("it-{id}") name=format!("form[text_it][{id}]") rows="2" maxlength="300">{indicator.text_it.clone()}</textarea>
                                    <label for=format!("en-{id}")>{move_tr!("checklist-text-en")}</label>
                                    <textarea id=format!("en-{id}") name=format!("form[text_en][{id}]") rows="2" maxlength="300">{indicator.text_en.clone()}</textarea>
                                    <div class="field-check">
                                        <input type="checkbox" id=format!("remove-{id}") name=format!("form[remove][{id}]") />
                                        <label for=format!("remove-{id}")>{move_tr!("checklist-remove")}</label>
                                    </div>
                                </fieldset>
                            }
                        }).collect_view()}
                        <fieldset class="field">
                            <legend>{move_tr!("checklist-new-indicator")}</legend>
                            <SelectField label=move_tr!("checklist-group") name="form[new_group]" options=groups error=save_error />
                            <TextField label=move_tr!("checklist-text-it") name="form[new_it]" error=save_error />
                            <TextField label=move_tr!("checklist-text-en") name="form[new_en]" error=save_error />
                        </fieldset>
                        <TextField label=move_tr!("checklist-changes") name="form[changes]" value=draft.changes.clone().unwrap_or_default() hint=move_tr!("checklist-changes-hint") error=save_error />
                        <div class="form-actions">
                            <Submit action=save class="button">{move_tr!("checklist-save-draft")}</Submit>
                        </div>
                    </ActionForm>
                    <ActionForm action=publish>
                        <FormErrorSummary error=publish_error />
                        <Submit action=publish class="button primary">{move_tr!("checklist-publish", { "version" => draft.version })}</Submit>
                    </ActionForm>
                </section>
            }.into_any()
        }
    });
    let i18n = expect_context::<I18n>();
    view! {
        {editor}
        {versions.versions.into_iter().enumerate().map(|(index, version)| {
            let published = version.published_at.map(moment_day_text).unwrap_or_default();
            let indicators = version.indicators.clone();
            view! {
                <details class="panel" open=index == 0>
                    <summary><h2 class="inline">{move_tr!("checklist-version", { "version" => version.version, "date" => published.clone() })}</h2></summary>
                    {version.changes.clone().map(|changes| view! { <p class="notice">{changes}</p> })}
                    {IndicatorGroup::ALL.iter().map(|group| {
                        let group = *group;
                        let items: Vec<IndicatorView> = indicators.iter().filter(|i| i.group == group).cloned().collect();
                        view! {
                            <h3>{move || group_name(group)}</h3>
                            <ul>{items.into_iter().map(|i| view! { <li>{move || indicator_text(i18n, &i)}</li> }).collect_view()}</ul>
                        }
                    }).collect_view()}
                </details>
            }
        }).collect_view()}
    }
}
