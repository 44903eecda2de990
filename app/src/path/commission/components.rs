//! The Commission page of a person's file: the requests for an interview received from a
//! Territorial Commission and the referrals sent to one, each with a form to record it
//! and one to bring it up to date. Plain forms first, as everywhere.

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

pub fn request_status_name(status: RequestStatus) -> String {
    match status {
        RequestStatus::Received => tr!("commission-status-received"),
        RequestStatus::InterviewScheduled => tr!("commission-status-interview-scheduled"),
        RequestStatus::InterviewHeld => tr!("commission-status-interview-held"),
        RequestStatus::EvaluationSent => tr!("commission-status-evaluation-sent"),
        RequestStatus::Withdrawn => tr!("commission-status-withdrawn"),
    }
}

pub fn outcome_name(outcome: CommissionOutcome) -> String {
    match outcome {
        CommissionOutcome::InternationalProtection => tr!("commission-outcome-international"),
        CommissionOutcome::SubsidiaryProtection => tr!("commission-outcome-subsidiary"),
        CommissionOutcome::SpecialCase => tr!("commission-outcome-special-case"),
        CommissionOutcome::AntiTraffickingReferral => tr!("commission-outcome-anti-trafficking"),
        CommissionOutcome::Rejected => tr!("commission-outcome-rejected"),
    }
}

fn field_label(field: &str) -> String {
    match field {
        "commission" => tr!("commission-field-commission"),
        "received_on" => tr!("commission-field-received-on"),
        "status" => tr!("commission-field-status"),
        "interview_on" => tr!("commission-field-interview-on"),
        "answered_on" => tr!("commission-field-answered-on"),
        "notes" => tr!("commission-field-notes"),
        "referred_on" => tr!("commission-field-referred-on"),
        "reason" => tr!("commission-field-reason"),
        "operator" => tr!("commission-field-operator"),
        "accompanied" => tr!("commission-field-accompanied"),
        "hearing_on" => tr!("commission-field-hearing-on"),
        "outcome" => tr!("commission-field-outcome"),
        "outcome_on" => tr!("commission-field-outcome-on"),
        "record" => tr!("commission-field-record"),
        _ => field.to_string(),
    }
}

#[component]
pub fn TerritorialCommissionPage() -> impl IntoView {
    let forms = PageForms::new();
    let request = forms.action::<SaveCommissionRequest>();
    let referral = forms.action::<SaveCommissionReferral>();
    let texts = PathTexts {
        title: |i18n, code| tr!(i18n, "commission-title", { "code" => code }),
        heading: move_tr!("commission-heading"),
        field_label,
    };
    path_page(
        person_code(),
        (forms, forms.error()),
        texts,
        view! { <p class="hint">{move_tr!("commission-intro")}</p> },
        fetch_commission,
        move |page| view! { <CommissionView page request referral /> },
    )
}

#[component]
fn CommissionView(
    page: CommissionPage,
    request: ServerAction<SaveCommissionRequest>,
    referral: ServerAction<SaveCommissionReferral>,
) -> impl IntoView {
    let CommissionPage {
        code,
        today,
        editable,
        requests,
        referrals,
        colleagues,
    } = page;
    view! {
        <datalist id="commission-seats">
            {COMMISSION_SEATS.iter().map(|seat| view! { <option value=*seat></option> }).collect_view()}
        </datalist>
        {(!editable).then(|| view! { <p class="notice">{move_tr!("commission-anonymised")}</p> })}
        <section class="panel" aria-labelledby="requests-heading">
            <h2 id="requests-heading">{move_tr!("commission-requests")}</h2>
            <p class="hint">{move_tr!("commission-requests-intro")}</p>
            {if requests.is_empty() {
                view! { <p>{move_tr!("commission-requests-empty")}</p> }.into_any()
            } else {
                requests.into_iter().map(|row| {
                    let code = code.clone();
                    view! { <RequestCard code row today editable action=request /> }
                }).collect_view().into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("commission-request-add")}</summary>
                    <RequestFields code=code.clone() row=None today action=request />
                </details>
            })}
        </section>
        <section class="panel" aria-labelledby="referrals-heading">
            <h2 id="referrals-heading">{move_tr!("commission-referrals")}</h2>
            <p class="hint">{move_tr!("commission-referrals-intro")}</p>
            {if referrals.is_empty() {
                view! { <p>{move_tr!("commission-referrals-empty")}</p> }.into_any()
            } else {
                referrals.into_iter().map(|row| {
                    let (code, colleagues) = (code.clone(), colleagues.clone());
                    view! { <ReferralCard code row today editable colleagues action=referral /> }
                }).collect_view().into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("commission-referral-add")}</summary>
                    <ReferralFields code=code.clone() row=None today colleagues=colleagues.clone() action=referral />
                </details>
            })}
        </section>
    }
}

#[component]
fn RequestCard(
    code: String,
    row: RequestRow,
    today: NaiveDate,
    editable: bool,
    action: ServerAction<SaveCommissionRequest>,
) -> impl IntoView {
    let heading = format!("request-{}", row.id);
    let recorded_by = row.recorded_by.clone();
    let status = row.status;
    let (commission, received_on) = (row.commission.clone(), row.received_on);
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {move_tr!("commission-request-heading", { "commission" => commission.clone() })}
                " · " <span class="badge">{move || request_status_name(status)}</span>
            </h3>
            <dl class="facts">
                <dt>{move_tr!("commission-field-received-on")}</dt>
                <dd>{day(received_on)}</dd>
                <dt>{move_tr!("commission-field-interview-on")}</dt>
                <dd>{optional_day(row.interview_on)}</dd>
                <dt>{move_tr!("commission-field-answered-on")}</dt>
                <dd>{optional_day(row.answered_on)}</dd>
                {row.notes.clone().map(|notes| view! {
                    <dt>{move_tr!("commission-field-notes")}</dt>
                    <dd class="prose">{notes}</dd>
                })}
            </dl>
            <p class="hint">{move_tr!("recorded-by", { "name" => recorded_by.clone() })}</p>
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("commission-request-update")}</summary>
                    <RequestFields code row=Some(row.clone()) today action />
                </details>
            })}
        </article>
    }
}

/// The form of a request: empty for a new one, filled in to bring one up to date.
#[component]
fn RequestFields(
    code: String,
    row: Option<RequestRow>,
    today: NaiveDate,
    action: ServerAction<SaveCommissionRequest>,
) -> impl IntoView {
    let key = row.as_ref().map_or("new".to_string(), |r| r.id.to_string());
    let id = move |name: &str| format!("request-{name}-{key}");
    let record = row.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    let status = row.as_ref().map_or(RequestStatus::Received, |r| r.status);
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="form[record]" value=record />
            <div class="field-pair">
                <div class="field">
                    <label for=id("commission")>{move_tr!("commission-field-commission")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("commission") type="text" name="form[commission]" list="commission-seats" required=true maxlength=MAX_COMMISSION.to_string() value=row.as_ref().map(|r| r.commission.clone()).unwrap_or_default() />
                </div>
                <div class="field">
                    <label for=id("received")>{move_tr!("commission-field-received-on")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("received") type="date" name="form[received_on]" required=true max=today.to_string() value=row.as_ref().map_or(today.to_string(), |r| r.received_on.to_string()) />
                </div>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("status")>{move_tr!("commission-field-status")}</label>
                    <select id=id("status") name="form[status]" required=true>
                        {RequestStatus::ALL.iter().map(|&choice| view! {
                            <option value=choice.code() selected=choice == status>{move || request_status_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("interview")>{move_tr!("commission-field-interview-on")}</label>
                    <input id=id("interview") type="date" name="form[interview_on]" value=date_value(row.as_ref().and_then(|r| r.interview_on)) />
                </div>
            </div>
            <div class="field">
                <label for=id("answered")>{move_tr!("commission-field-answered-on")}</label>
                <p class="hint" id=id("answered-hint")>{move_tr!("commission-answered-hint")}</p>
                <input id=id("answered") type="date" name="form[answered_on]" max=today.to_string() aria-describedby=id("answered-hint") value=date_value(row.as_ref().and_then(|r| r.answered_on)) />
            </div>
            <div class="field">
                <label for=id("notes")>{move_tr!("commission-field-notes")}</label>
                <textarea id=id("notes") name="form[notes]" rows="3" maxlength=MAX_NOTES.to_string()>{row.as_ref().and_then(|r| r.notes.clone()).unwrap_or_default()}</textarea>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("commission-request-save")}</Submit>
            </div>
        </ActionForm>
    }
}

#[component]
fn ReferralCard(
    code: String,
    row: ReferralRow,
    today: NaiveDate,
    editable: bool,
    colleagues: Vec<(i32, String)>,
    action: ServerAction<SaveCommissionReferral>,
) -> impl IntoView {
    let heading = format!("referral-{}", row.id);
    let recorded_by = row.recorded_by.clone();
    let commission = row.commission.clone();
    let outcome = row.outcome;
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {move_tr!("commission-referral-heading", { "commission" => commission.clone() })}
                " · " <span class="badge">{move || match outcome {
                    Some(outcome) => outcome_name(outcome),
                    None => tr!("commission-outcome-pending"),
                }}</span>
            </h3>
            <dl class="facts">
                <dt>{move_tr!("commission-field-referred-on")}</dt>
                <dd>{day(row.referred_on)}</dd>
                <dt>{move_tr!("commission-field-operator")}</dt>
                <dd>{row.operator.clone().unwrap_or_else(|| "—".to_string())}</dd>
                <dt>{move_tr!("commission-field-hearing-on")}</dt>
                <dd>
                    {optional_day(row.hearing_on)}
                    {row.accompanied.then(|| view! { " · " <span class="badge">{move_tr!("commission-accompanied")}</span> })}
                </dd>
                <dt>{move_tr!("commission-field-outcome-on")}</dt>
                <dd>{optional_day(row.outcome_on)}</dd>
                {row.reason.clone().map(|reason| view! {
                    <dt>{move_tr!("commission-field-reason")}</dt>
                    <dd class="prose">{reason}</dd>
                })}
            </dl>
            <p class="hint">{move_tr!("recorded-by", { "name" => recorded_by.clone() })}</p>
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("commission-referral-update")}</summary>
                    <ReferralFields code row=Some(row.clone()) today colleagues action />
                </details>
            })}
        </article>
    }
}

/// The form of a referral: empty for a new one, filled in to bring one up to date.
#[component]
fn ReferralFields(
    code: String,
    row: Option<ReferralRow>,
    today: NaiveDate,
    colleagues: Vec<(i32, String)>,
    action: ServerAction<SaveCommissionReferral>,
) -> impl IntoView {
    let key = row.as_ref().map_or("new".to_string(), |r| r.id.to_string());
    let id = move |name: &str| format!("referral-{name}-{key}");
    let record = row.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    let operator = row.as_ref().and_then(|r| r.operator_id);
    let outcome = row.as_ref().and_then(|r| r.outcome);
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="form[record]" value=record />
            <div class="field-pair">
                <div class="field">
                    <label for=id("commission")>{move_tr!("commission-field-commission")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("commission") type="text" name="form[commission]" list="commission-seats" required=true maxlength=MAX_COMMISSION.to_string() value=row.as_ref().map(|r| r.commission.clone()).unwrap_or_default() />
                </div>
                <div class="field">
                    <label for=id("referred")>{move_tr!("commission-field-referred-on")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("referred") type="date" name="form[referred_on]" required=true max=today.to_string() value=row.as_ref().map_or(today.to_string(), |r| r.referred_on.to_string()) />
                </div>
            </div>
            <div class="field">
                <label for=id("reason")>{move_tr!("commission-field-reason")}</label>
                <textarea id=id("reason") name="form[reason]" rows="3" maxlength=MAX_NOTES.to_string()>{row.as_ref().and_then(|r| r.reason.clone()).unwrap_or_default()}</textarea>
            </div>
            <div class="field">
                <label for=id("operator")>{move_tr!("commission-field-operator")}</label>
                <select id=id("operator") name="form[operator]">
                    <option value="">"—"</option>
                    {colleagues.into_iter().map(|(colleague, name)| view! {
                        <option value=colleague.to_string() selected=operator == Some(colleague)>{name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("hearing")>{move_tr!("commission-field-hearing-on")}</label>
                    <input id=id("hearing") type="date" name="form[hearing_on]" value=date_value(row.as_ref().and_then(|r| r.hearing_on)) />
                </div>
                <div class="field field-check">
                    <input id=id("accompanied") type="checkbox" name="form[accompanied]" checked=row.as_ref().is_some_and(|r| r.accompanied) />
                    <label for=id("accompanied")>{move_tr!("commission-field-accompanied")}</label>
                </div>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("outcome")>{move_tr!("commission-field-outcome")}</label>
                    <select id=id("outcome") name="form[outcome]">
                        <option value="">{move_tr!("commission-outcome-pending")}</option>
                        {CommissionOutcome::ALL.iter().map(|&choice| view! {
                            <option value=choice.code() selected=outcome == Some(choice)>{move || outcome_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("outcome-on")>{move_tr!("commission-field-outcome-on")}</label>
                    <input id=id("outcome-on") type="date" name="form[outcome_on]" max=today.to_string() value=date_value(row.as_ref().and_then(|r| r.outcome_on)) />
                </div>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("commission-referral-save")}</Submit>
            </div>
        </ActionForm>
    }
}
