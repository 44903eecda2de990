//! The minors' page of a person's file: what the procedures say now, a form to bring
//! them up to date, and the communications to the courts and the Guarantor.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use super::api::*;
use super::model::*;
use crate::path::page::{path_page, person_code, PathTexts};
use crate::ui::forms::date_value;
use crate::ui::page_forms::PageForms;
use crate::ui::submit::Submit;
use crate::ui::time::{day, optional_day};

fn method_name(method: AgeMethod) -> String {
    match method {
        AgeMethod::Multidisciplinary => tr!("minors-method-multidisciplinary"),
        AgeMethod::Documents => tr!("minors-method-documents"),
        AgeMethod::Medical => tr!("minors-method-medical"),
        AgeMethod::Interview => tr!("minors-method-interview"),
        AgeMethod::Other => tr!("minors-method-other"),
    }
}

fn outcome_name(outcome: AgeOutcome) -> String {
    match outcome {
        AgeOutcome::Minor => tr!("minors-outcome-minor"),
        AgeOutcome::Adult => tr!("minors-outcome-adult"),
        AgeOutcome::Undetermined => tr!("minors-outcome-undetermined"),
    }
}

fn recipient_name(recipient: Recipient) -> String {
    match recipient {
        Recipient::JuvenileCourt => tr!("minors-to-juvenile-court"),
        Recipient::MinorsProsecutor => tr!("minors-to-prosecutor"),
        Recipient::Guarantor => tr!("minors-to-guarantor"),
        Recipient::Guardian => tr!("minors-to-guardian"),
        Recipient::SocialServices => tr!("minors-to-social-services"),
    }
}

fn field_label(field: &str) -> String {
    match field {
        "age_requested_on" => tr!("minors-field-age-requested-on"),
        "age_method" => tr!("minors-field-age-method"),
        "age_outcome" => tr!("minors-field-age-outcome"),
        "age_assessed_on" => tr!("minors-field-age-assessed-on"),
        "guardian_court" => tr!("minors-field-guardian-court"),
        "guardian_appointed_on" => tr!("minors-field-guardian-appointed-on"),
        "guardian_name" => tr!("minors-field-guardian-name"),
        "guarantor_involved_on" => tr!("minors-field-guarantor-on"),
        "community" => tr!("minors-field-community"),
        "community_since" => tr!("minors-field-community-since"),
        "sent_on" => tr!("minors-field-sent-on"),
        "recipient" => tr!("minors-field-recipient"),
        "subject" => tr!("minors-field-subject"),
        _ => field.to_string(),
    }
}

#[component]
pub fn MinorsProceduresPage() -> impl IntoView {
    let forms = PageForms::new();
    let procedures = forms.action::<SaveMinorProcedures>();
    let communication = forms.action::<AddMinorCommunication>();
    let texts = PathTexts {
        title: |i18n, code| tr!(i18n, "minors-title", { "code" => code }),
        heading: move_tr!("minors-heading"),
        field_label,
    };
    path_page(
        person_code(),
        (forms, forms.error()),
        texts,
        view! { <p class="hint">{move_tr!("minors-intro")}</p> },
        fetch_minors,
        move |page| view! { <MinorsView page procedures communication /> },
    )
}

#[component]
fn MinorsView(
    page: MinorsPage,
    procedures: ServerAction<SaveMinorProcedures>,
    communication: ServerAction<AddMinorCommunication>,
) -> impl IntoView {
    let MinorsPage {
        code,
        today,
        editable,
        minor,
        unaccompanied,
        procedures: now,
        communications,
    } = page;
    let dash = || "—".to_string();
    let (method, outcome) = (now.age_method, now.age_outcome);
    view! {
        {(!minor).then(|| view! { <p class="notice">{move_tr!("minors-not-a-minor")}</p> })}
        {unaccompanied.then(|| view! { <p class="notice warning">{move_tr!("minors-unaccompanied")}</p> })}
        <section class="panel" aria-labelledby="procedures-heading">
            <h2 id="procedures-heading">{move_tr!("minors-procedures")}</h2>
            <dl class="facts">
                <dt>{move_tr!("minors-field-age-requested-on")}</dt>
                <dd>{optional_day(now.age_requested_on)}</dd>
                <dt>{move_tr!("minors-field-age-outcome")}</dt>
                <dd>
                    {move || outcome.map(outcome_name).unwrap_or_else(|| tr!("minors-outcome-pending"))}
                    {method.map(|method| view! { " · " {move || method_name(method)} })}
                    {now.age_assessed_on.map(|on| view! { " · " {day(on)} })}
                </dd>
                <dt>{move_tr!("minors-field-guardian-name")}</dt>
                <dd>
                    {now.guardian_name.clone().unwrap_or_else(dash)}
                    {now.guardian_court.clone().map(|court| view! { " · " {court} })}
                    {now.guardian_appointed_on.map(|on| view! { " · " {day(on)} })}
                </dd>
                <dt>{move_tr!("minors-field-guarantor-on")}</dt>
                <dd>{optional_day(now.guarantor_involved_on)}</dd>
                <dt>{move_tr!("minors-field-community")}</dt>
                <dd>
                    {now.community.clone().unwrap_or_else(dash)}
                    {now.community_since.map(|on| view! { " · " {move_tr!("minors-since", { "date" => crate::ui::time::day_text(on) })} })}
                </dd>
            </dl>
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("minors-update")}</summary>
                    <ProceduresFields code=code.clone() now=now.clone() today action=procedures />
                </details>
            })}
        </section>
        <section class="panel" aria-labelledby="communications-heading">
            <h2 id="communications-heading">{move_tr!("minors-communications")}</h2>
            {if communications.is_empty() {
                view! { <p>{move_tr!("minors-communications-empty")}</p> }.into_any()
            } else {
                view! {
                    <ol class="diary">
                        {communications.into_iter().map(|row| {
                            let recipient = row.recipient;
                            view! {
                                <li class="diary-note">
                                    <p class="diary-meta">{day(row.sent_on)} " · " <strong>{move || recipient_name(recipient)}</strong></p>
                                    {row.subject.clone().map(|subject| view! { <p class="prose">{subject}</p> })}
                                    <p class="hint">{move_tr!("recorded-by", { "name" => row.recorded_by.clone() })}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("minors-communication-add")}</summary>
                    <CommunicationFields code=code.clone() today action=communication />
                </details>
            })}
        </section>
    }
}

#[component]
fn ProceduresFields(
    code: String,
    now: Procedures,
    today: NaiveDate,
    action: ServerAction<SaveMinorProcedures>,
) -> impl IntoView {
    let max = today.to_string();
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <fieldset class="choices">
                <legend>{move_tr!("minors-age-assessment")}</legend>
                <div class="field-pair">
                    <div class="field">
                        <label for="age-requested">{move_tr!("minors-field-age-requested-on")}</label>
                        <input id="age-requested" type="date" name="form[age_requested_on]" max=max.clone() value=date_value(now.age_requested_on) />
                    </div>
                    <div class="field">
                        <label for="age-method">{move_tr!("minors-field-age-method")}</label>
                        <select id="age-method" name="form[age_method]">
                            <option value="">"—"</option>
                            {AgeMethod::ALL.iter().map(|&choice| view! {
                                <option value=choice.code() selected=now.age_method == Some(choice)>{move || method_name(choice)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field-pair">
                    <div class="field">
                        <label for="age-outcome">{move_tr!("minors-field-age-outcome")}</label>
                        <select id="age-outcome" name="form[age_outcome]">
                            <option value="">{move_tr!("minors-outcome-pending")}</option>
                            {AgeOutcome::ALL.iter().map(|&choice| view! {
                                <option value=choice.code() selected=now.age_outcome == Some(choice)>{move || outcome_name(choice)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="age-assessed">{move_tr!("minors-field-age-assessed-on")}</label>
                        <input id="age-assessed" type="date" name="form[age_assessed_on]" max=max.clone() value=date_value(now.age_assessed_on) />
                    </div>
                </div>
            </fieldset>
            <fieldset class="choices">
                <legend>{move_tr!("minors-guardian")}</legend>
                <div class="field">
                    <label for="guardian-name">{move_tr!("minors-field-guardian-name")}</label>
                    <input id="guardian-name" type="text" name="form[guardian_name]" maxlength=MAX_NAME.to_string() autocomplete="off" value=text(&now.guardian_name) />
                </div>
                <div class="field-pair">
                    <div class="field">
                        <label for="guardian-court">{move_tr!("minors-field-guardian-court")}</label>
                        <input id="guardian-court" type="text" name="form[guardian_court]" maxlength=MAX_NAME.to_string() value=text(&now.guardian_court) />
                    </div>
                    <div class="field">
                        <label for="guardian-on">{move_tr!("minors-field-guardian-appointed-on")}</label>
                        <input id="guardian-on" type="date" name="form[guardian_appointed_on]" max=max.clone() value=date_value(now.guardian_appointed_on) />
                    </div>
                </div>
            </fieldset>
            <div class="field">
                <label for="guarantor-on">{move_tr!("minors-field-guarantor-on")}</label>
                <input id="guarantor-on" type="date" name="form[guarantor_involved_on]" max=max.clone() value=date_value(now.guarantor_involved_on) />
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for="community">{move_tr!("minors-field-community")}</label>
                    <input id="community" type="text" name="form[community]" maxlength=MAX_NAME.to_string() value=text(&now.community) />
                </div>
                <div class="field">
                    <label for="community-since">{move_tr!("minors-field-community-since")}</label>
                    <input id="community-since" type="date" name="form[community_since]" max=max value=date_value(now.community_since) />
                </div>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("minors-save")}</Submit>
            </div>
        </ActionForm>
    }
}

#[component]
fn CommunicationFields(
    code: String,
    today: NaiveDate,
    action: ServerAction<AddMinorCommunication>,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <div class="field-pair">
                <div class="field">
                    <label for="communication-on">{move_tr!("minors-field-sent-on")}</label>
                    <input id="communication-on" type="date" name="form[sent_on]" required=true max=today.to_string() value=today.to_string() />
                </div>
                <div class="field">
                    <label for="communication-to">{move_tr!("minors-field-recipient")}</label>
                    <select id="communication-to" name="form[recipient]" required=true>
                        {Recipient::ALL.iter().map(|&choice| view! {
                            <option value=choice.code()>{move || recipient_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="communication-subject">{move_tr!("minors-field-subject")}</label>
                <textarea id="communication-subject" name="form[subject]" rows="3" maxlength=MAX_SUBJECT.to_string()></textarea>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("minors-communication-save")}</Submit>
            </div>
        </ActionForm>
    }
}
