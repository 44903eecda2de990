//! The transfers page of a person's file: the transfers to and from other projects,
//! each with a form to bring it up to date, and the forms of a new outgoing and a new
//! incoming transfer. Plain forms first, as everywhere.

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

pub fn source_name(source: ReferralSource) -> String {
    match source {
        ReferralSource::TollFree => tr!("transfers-source-toll-free"),
        ReferralSource::AntiTraffickingProject => tr!("transfers-source-project"),
        ReferralSource::TerritorialCommission => tr!("transfers-source-commission"),
        ReferralSource::Police => tr!("transfers-source-police"),
        ReferralSource::SocialServices => tr!("transfers-source-social-services"),
        ReferralSource::CasSai => tr!("transfers-source-cas-sai"),
        ReferralSource::Other => tr!("transfers-source-other"),
    }
}

fn field_label(field: &str) -> String {
    match field {
        "transfer_on" => tr!("transfers-field-transfer-on"),
        "project" => tr!("transfers-field-project"),
        "region" => tr!("transfers-field-region"),
        "reason" => tr!("transfers-field-reason"),
        "for_safety" => tr!("transfers-field-for-safety"),
        "source" => tr!("transfers-field-source"),
        "file_handed_over" => tr!("transfers-field-file"),
        "consent_on" => tr!("transfers-field-consent-on"),
        "record" => tr!("commission-field-record"),
        _ => field.to_string(),
    }
}

#[component]
pub fn TransfersPage() -> impl IntoView {
    let forms = PageForms::new();
    let outgoing = forms.action::<SaveOutgoingTransfer>();
    let incoming = forms.action::<SaveIncomingTransfer>();
    let texts = PathTexts {
        title: |i18n, code| tr!(i18n, "transfers-title", { "code" => code }),
        heading: move_tr!("transfers-heading"),
        field_label,
    };
    path_page(
        person_code(),
        (forms, forms.error()),
        texts,
        view! { <p class="hint">{move_tr!("transfers-intro")}</p> },
        fetch_transfers,
        move |page| view! { <TransfersView page outgoing incoming /> },
    )
}

#[component]
fn TransfersView(
    page: TransfersPage,
    outgoing: ServerAction<SaveOutgoingTransfer>,
    incoming: ServerAction<SaveIncomingTransfer>,
) -> impl IntoView {
    let TransfersPage {
        code,
        today,
        editable,
        transfers,
    } = page;
    view! {
        <datalist id="transfer-regions">
            {REGIONS.iter().map(|region| view! { <option value=*region></option> }).collect_view()}
        </datalist>
        {(!editable).then(|| view! { <p class="notice">{move_tr!("transfers-anonymised")}</p> })}
        <section class="panel" aria-labelledby="transfers-list-heading">
            <h2 id="transfers-list-heading">{move_tr!("transfers-list")}</h2>
            {if transfers.is_empty() {
                view! { <p>{move_tr!("transfers-empty")}</p> }.into_any()
            } else {
                transfers.into_iter().map(|row| {
                    let code = code.clone();
                    view! { <TransferCard code row today editable outgoing incoming /> }
                }).collect_view().into_any()
            }}
        </section>
        {editable.then(|| view! {
            <section class="panel" aria-labelledby="transfers-add-heading">
                <h2 id="transfers-add-heading">{move_tr!("transfers-add")}</h2>
                <details class="more-details">
                    <summary>{move_tr!("transfers-outgoing-add")}</summary>
                    <OutgoingFields code=code.clone() row=None today action=outgoing />
                </details>
                <details class="more-details">
                    <summary>{move_tr!("transfers-incoming-add")}</summary>
                    <IncomingFields code=code.clone() row=None today action=incoming />
                </details>
            </section>
        })}
    }
}

#[component]
fn TransferCard(
    code: String,
    row: TransferRow,
    today: NaiveDate,
    editable: bool,
    outgoing: ServerAction<SaveOutgoingTransfer>,
    incoming: ServerAction<SaveIncomingTransfer>,
) -> impl IntoView {
    let heading = format!("transfer-{}", row.id);
    let recorded_by = row.recorded_by.clone();
    let (project, region) = (row.project.clone(), row.region.clone());
    let direction = row.direction;
    let source = row.source;
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {move || match direction {
                    Direction::Outgoing => tr!("transfers-outgoing-heading", { "project" => project.clone(), "region" => region.clone() }),
                    Direction::Incoming => tr!("transfers-incoming-heading", { "project" => project.clone(), "region" => region.clone() }),
                }}
                {row.for_safety.then(|| view! { " " <span class="badge warning">{move_tr!("transfers-for-safety")}</span> })}
                {(row.transfer_on > today).then(|| view! { " " <span class="badge">{move_tr!("transfers-planned")}</span> })}
            </h3>
            <dl class="facts">
                <dt>{move_tr!("transfers-field-transfer-on")}</dt>
                <dd>{day(row.transfer_on)}</dd>
                {source.map(|source| view! {
                    <dt>{move_tr!("transfers-field-source")}</dt>
                    <dd>{move || source_name(source)}</dd>
                })}
                {(direction == Direction::Outgoing).then(|| view! {
                    <dt>{move_tr!("transfers-field-file")}</dt>
                    <dd>{if row.file_handed_over {
                        view! { <span>{move_tr!("transfers-file-handed-over")} " " {optional_day(row.consent_on)}</span> }.into_any()
                    } else {
                        view! { <span>{move_tr!("transfers-file-kept")}</span> }.into_any()
                    }}</dd>
                })}
                {row.reason.clone().map(|reason| view! {
                    <dt>{move_tr!("transfers-field-reason")}</dt>
                    <dd class="prose">{reason}</dd>
                })}
            </dl>
            <p class="hint">{move_tr!("recorded-by", { "name" => recorded_by.clone() })}</p>
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("transfers-update")}</summary>
                    {match direction {
                        Direction::Outgoing => view! { <OutgoingFields code row=Some(row.clone()) today action=outgoing /> }.into_any(),
                        Direction::Incoming => view! { <IncomingFields code row=Some(row.clone()) today action=incoming /> }.into_any(),
                    }}
                </details>
            })}
        </article>
    }
}

/// The day, the project and its region: the fields both directions share.
fn place_fields(
    row: Option<&TransferRow>,
    id: impl Fn(&str) -> String,
    today: NaiveDate,
    past_only: bool,
) -> impl IntoView {
    let max = past_only.then(|| today.to_string());
    view! {
        <div class="field-pair">
            <div class="field">
                <label for=id("project")>{move_tr!("transfers-field-project")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id=id("project") type="text" name="form[project]" required=true maxlength=MAX_PROJECT.to_string() value=row.map(|r| r.project.clone()).unwrap_or_default() />
            </div>
            <div class="field">
                <label for=id("region")>{move_tr!("transfers-field-region")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id=id("region") type="text" name="form[region]" list="transfer-regions" required=true maxlength=MAX_REGION.to_string() value=row.map(|r| r.region.clone()).unwrap_or_default() />
            </div>
        </div>
        <div class="field">
            <label for=id("day")>{move_tr!("transfers-field-transfer-on")} <span class="required" aria-hidden="true">" *"</span></label>
            <input id=id("day") type="date" name="form[transfer_on]" required=true max=max value=row.map_or(today.to_string(), |r| r.transfer_on.to_string()) />
        </div>
        <div class="field">
            <label for=id("reason")>{move_tr!("transfers-field-reason")}</label>
            <textarea id=id("reason") name="form[reason]" rows="3" maxlength=MAX_REASON.to_string()>{row.and_then(|r| r.reason.clone()).unwrap_or_default()}</textarea>
        </div>
    }
}

/// The form of an outgoing transfer: empty for a new one, filled in to change one.
#[component]
fn OutgoingFields(
    code: String,
    row: Option<TransferRow>,
    today: NaiveDate,
    action: ServerAction<SaveOutgoingTransfer>,
) -> impl IntoView {
    let key = row.as_ref().map_or("new".to_string(), |r| r.id.to_string());
    let id = move |name: &str| format!("outgoing-{name}-{key}");
    let record = row.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="form[record]" value=record />
            <p class="hint">{move_tr!("transfers-outgoing-hint")}</p>
            {place_fields(row.as_ref(), id.clone(), today, false)}
            <div class="field field-check">
                <input id=id("safety") type="checkbox" name="form[for_safety]" checked=row.as_ref().is_some_and(|r| r.for_safety) />
                <label for=id("safety")>{move_tr!("transfers-field-for-safety")}</label>
            </div>
            <fieldset class="field">
                <legend>{move_tr!("transfers-field-file")}</legend>
                <div class="field field-check">
                    <input id=id("file") type="checkbox" name="form[file_handed_over]" checked=row.as_ref().is_some_and(|r| r.file_handed_over) aria-describedby=id("file-hint") />
                    <label for=id("file")>{move_tr!("transfers-file-handed-over")}</label>
                </div>
                <p class="hint" id=id("file-hint")>{move_tr!("transfers-file-hint")}</p>
                <label for=id("consent")>{move_tr!("transfers-field-consent-on")}</label>
                <input id=id("consent") type="date" name="form[consent_on]" max=today.to_string() value=date_value(row.as_ref().and_then(|r| r.consent_on)) />
            </fieldset>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("transfers-outgoing-save")}</Submit>
            </div>
        </ActionForm>
    }
}

/// The form of an incoming transfer.
#[component]
fn IncomingFields(
    code: String,
    row: Option<TransferRow>,
    today: NaiveDate,
    action: ServerAction<SaveIncomingTransfer>,
) -> impl IntoView {
    let key = row.as_ref().map_or("new".to_string(), |r| r.id.to_string());
    let id = move |name: &str| format!("incoming-{name}-{key}");
    let record = row.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    let source = row.as_ref().and_then(|r| r.source);
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="form[record]" value=record />
            <div class="field">
                <label for=id("source")>{move_tr!("transfers-field-source")} <span class="required" aria-hidden="true">" *"</span></label>
                <select id=id("source") name="form[source]" required=true>
                    <option value="">{move_tr!("choose")}</option>
                    {ReferralSource::ALL.iter().map(|&choice| view! {
                        <option value=choice.code() selected=source == Some(choice)>{move || source_name(choice)}</option>
                    }).collect_view()}
                </select>
            </div>
            {place_fields(row.as_ref(), id.clone(), today, true)}
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("transfers-incoming-save")}</Submit>
            </div>
        </ActionForm>
    }
}
