//! The judicial page of a person's file: her complaint and the proceedings, the
//! prosecutor's opinion for the art. 18 permit, and the hearings. Only her reference
//! operator and the plan's legal advisor open it; the page says so.

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

fn police_body_name(body: PoliceBody) -> String {
    match body {
        PoliceBody::StatePolice => tr!("judicial-police-state"),
        PoliceBody::Carabinieri => tr!("judicial-police-carabinieri"),
        PoliceBody::FinancePolice => tr!("judicial-police-finance"),
        PoliceBody::LocalPolice => tr!("judicial-police-local"),
        PoliceBody::LabourInspectorate => tr!("judicial-police-labour"),
        PoliceBody::Other => tr!("judicial-police-other"),
    }
}

fn opinion_name(opinion: Opinion) -> String {
    match opinion {
        Opinion::NotRequested => tr!("judicial-opinion-not-requested"),
        Opinion::Requested => tr!("judicial-opinion-requested"),
        Opinion::Favourable => tr!("judicial-opinion-favourable"),
        Opinion::Unfavourable => tr!("judicial-opinion-unfavourable"),
    }
}

fn hearing_kind_name(kind: HearingKind) -> String {
    match kind {
        HearingKind::Testimony => tr!("judicial-hearing-testimony"),
        HearingKind::EvidentiaryHearing => tr!("judicial-hearing-evidentiary"),
        HearingKind::Preliminary => tr!("judicial-hearing-preliminary"),
        HearingKind::Trial => tr!("judicial-hearing-trial"),
        HearingKind::Other => tr!("judicial-hearing-other"),
    }
}

fn field_label(field: &str) -> String {
    match field {
        "filed_on" => tr!("judicial-field-filed-on"),
        "police_body" => tr!("judicial-field-police-body"),
        "complaint_place" => tr!("judicial-field-complaint-place"),
        "prosecutor_office" => tr!("judicial-field-prosecutor-office"),
        "proceedings_number" => tr!("judicial-field-number"),
        "opinion" => tr!("judicial-field-opinion"),
        "opinion_on" => tr!("judicial-field-opinion-on"),
        "witness" => tr!("judicial-field-witness"),
        "lawyer" => tr!("judicial-field-lawyer"),
        "notes" => tr!("judicial-field-notes"),
        "proceedings" => tr!("judicial-field-proceedings"),
        "hearing_on" => tr!("judicial-field-hearing-on"),
        "kind" => tr!("judicial-field-kind"),
        "court" => tr!("judicial-field-court"),
        "accompanied" => tr!("judicial-field-accompanied"),
        "record" => tr!("commission-field-record"),
        _ => field.to_string(),
    }
}

/// "Procura di Torino, 1234/26" for a hearing's proceedings, or its complaint's date.
fn proceedings_label(row: &ProceedingsRow) -> String {
    match (&row.prosecutor_office, &row.proceedings_number) {
        (Some(office), Some(number)) => format!("{office}, {number}"),
        (Some(office), None) => office.clone(),
        _ => row
            .filed_on
            .map(|filed| tr!("judicial-complaint-of", { "date" => crate::ui::time::day_text(filed) }))
            .unwrap_or_else(|| format!("#{}", row.id)),
    }
}

#[component]
pub fn JudicialRoutePage() -> impl IntoView {
    let forms = PageForms::new();
    let proceedings = forms.action::<SaveJudicialProceedings>();
    let hearing = forms.action::<SaveJudicialHearing>();
    let texts = PathTexts {
        title: |i18n, code| tr!(i18n, "judicial-title", { "code" => code }),
        heading: move_tr!("judicial-heading"),
        field_label,
    };
    path_page(
        person_code(),
        (forms, forms.error()),
        texts,
        view! { <p class="notice warning">{move_tr!("judicial-restricted")}</p> },
        fetch_judicial,
        move |page| view! { <JudicialView page proceedings hearing /> },
    )
}

#[component]
fn JudicialView(
    page: JudicialPage,
    proceedings: ServerAction<SaveJudicialProceedings>,
    hearing: ServerAction<SaveJudicialHearing>,
) -> impl IntoView {
    let JudicialPage {
        code,
        today,
        editable,
        proceedings: rows,
        hearings,
    } = page;
    let choices: Vec<(i32, String)> = rows
        .iter()
        .map(|row| (row.id, proceedings_label(row)))
        .collect();
    view! {
        <section class="panel" aria-labelledby="proceedings-heading">
            <h2 id="proceedings-heading">{move_tr!("judicial-proceedings")}</h2>
            {if rows.is_empty() {
                view! { <p>{move_tr!("judicial-proceedings-empty")}</p> }.into_any()
            } else {
                rows.into_iter().map(|row| {
                    let code = code.clone();
                    view! { <ProceedingsCard code row today editable action=proceedings /> }
                }).collect_view().into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("judicial-proceedings-add")}</summary>
                    <ProceedingsFields code=code.clone() row=None today action=proceedings />
                </details>
            })}
        </section>
        <section class="panel" aria-labelledby="hearings-heading">
            <h2 id="hearings-heading">{move_tr!("judicial-hearings")}</h2>
            {if hearings.is_empty() {
                view! { <p>{move_tr!("judicial-hearings-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {hearings.into_iter().map(|row| {
                            let kind = row.kind;
                            let of = choices.iter().find(|(id, _)| *id == row.proceedings_id).map(|(_, label)| label.clone()).unwrap_or_default();
                            view! {
                                <li class:overdue=row.hearing_on < today>
                                    {day(row.hearing_on)} " · " <strong>{move || hearing_kind_name(kind)}</strong>
                                    {row.court.clone().map(|court| view! { " · " {court} })}
                                    " · " {of}
                                    {row.accompanied.then(|| view! { " · " <span class="badge">{move_tr!("judicial-accompanied")}</span> })}
                                    {row.notes.clone().map(|notes| view! { <p class="prose">{notes}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(editable && !choices.is_empty()).then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("judicial-hearing-add")}</summary>
                    <HearingFields code=code.clone() choices=choices.clone() action=hearing />
                </details>
            })}
        </section>
    }
}

#[component]
fn ProceedingsCard(
    code: String,
    row: ProceedingsRow,
    today: NaiveDate,
    editable: bool,
    action: ServerAction<SaveJudicialProceedings>,
) -> impl IntoView {
    let heading = format!("proceedings-{}", row.id);
    let (opinion, body, recorded_by) = (row.opinion, row.police_body, row.recorded_by.clone());
    let dash = || "—".to_string();
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {proceedings_label(&row)}
                " · " <span class="badge">{move || opinion_name(opinion)}</span>
            </h3>
            <dl class="facts">
                <dt>{move_tr!("judicial-field-filed-on")}</dt>
                <dd>
                    {optional_day(row.filed_on)}
                    {body.map(|body| view! { " · " {move || police_body_name(body)} })}
                    {row.complaint_place.clone().map(|place| view! { " · " {place} })}
                </dd>
                <dt>{move_tr!("judicial-field-prosecutor-office")}</dt>
                <dd>{row.prosecutor_office.clone().unwrap_or_else(dash)}</dd>
                <dt>{move_tr!("judicial-field-number")}</dt>
                <dd>{row.proceedings_number.clone().unwrap_or_else(dash)}</dd>
                <dt>{move_tr!("judicial-field-opinion-on")}</dt>
                <dd>{optional_day(row.opinion_on)}</dd>
                <dt>{move_tr!("judicial-field-witness")}</dt>
                <dd>{move || if row.witness { tr!("answer-yes") } else { tr!("answer-no") }}</dd>
                <dt>{move_tr!("judicial-field-lawyer")}</dt>
                <dd>{row.lawyer.clone().unwrap_or_else(dash)}</dd>
                {row.notes.clone().map(|notes| view! {
                    <dt>{move_tr!("judicial-field-notes")}</dt>
                    <dd class="prose">{notes}</dd>
                })}
            </dl>
            <p class="hint">{move_tr!("recorded-by", { "name" => recorded_by.clone() })}</p>
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("judicial-proceedings-update")}</summary>
                    <ProceedingsFields code row=Some(row.clone()) today action />
                </details>
            })}
        </article>
    }
}

#[component]
fn ProceedingsFields(
    code: String,
    row: Option<ProceedingsRow>,
    today: NaiveDate,
    action: ServerAction<SaveJudicialProceedings>,
) -> impl IntoView {
    let key = row.as_ref().map_or("new".to_string(), |r| r.id.to_string());
    let id = move |name: &str| format!("proceedings-{name}-{key}");
    let record = row.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    let text = |value: Option<&String>| value.cloned().unwrap_or_default();
    let body = row.as_ref().and_then(|r| r.police_body);
    let opinion = row.as_ref().map_or(Opinion::NotRequested, |r| r.opinion);
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="form[record]" value=record />
            <div class="field-pair">
                <div class="field">
                    <label for=id("filed")>{move_tr!("judicial-field-filed-on")}</label>
                    <input id=id("filed") type="date" name="form[filed_on]" max=today.to_string() value=date_value(row.as_ref().and_then(|r| r.filed_on)) />
                </div>
                <div class="field">
                    <label for=id("body")>{move_tr!("judicial-field-police-body")}</label>
                    <select id=id("body") name="form[police_body]">
                        <option value="">"—"</option>
                        {PoliceBody::ALL.iter().map(|&choice| view! {
                            <option value=choice.code() selected=body == Some(choice)>{move || police_body_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for=id("place")>{move_tr!("judicial-field-complaint-place")}</label>
                <input id=id("place") type="text" name="form[complaint_place]" maxlength=MAX_PLACE.to_string() value=text(row.as_ref().and_then(|r| r.complaint_place.as_ref())) />
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("office")>{move_tr!("judicial-field-prosecutor-office")}</label>
                    <input id=id("office") type="text" name="form[prosecutor_office]" maxlength=MAX_OFFICE.to_string() value=text(row.as_ref().and_then(|r| r.prosecutor_office.as_ref())) />
                </div>
                <div class="field">
                    <label for=id("number")>{move_tr!("judicial-field-number")}</label>
                    <input id=id("number") type="text" name="form[proceedings_number]" maxlength=MAX_NUMBER.to_string() autocomplete="off" value=text(row.as_ref().and_then(|r| r.proceedings_number.as_ref())) />
                </div>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("opinion")>{move_tr!("judicial-field-opinion")}</label>
                    <select id=id("opinion") name="form[opinion]">
                        {Opinion::ALL.iter().map(|&choice| view! {
                            <option value=choice.code() selected=choice == opinion>{move || opinion_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("opinion-on")>{move_tr!("judicial-field-opinion-on")}</label>
                    <input id=id("opinion-on") type="date" name="form[opinion_on]" max=today.to_string() value=date_value(row.as_ref().and_then(|r| r.opinion_on)) />
                </div>
            </div>
            <div class="field field-check">
                <input id=id("witness") type="checkbox" name="form[witness]" checked=row.as_ref().is_some_and(|r| r.witness) />
                <label for=id("witness")>{move_tr!("judicial-field-witness")}</label>
            </div>
            <div class="field">
                <label for=id("lawyer")>{move_tr!("judicial-field-lawyer")}</label>
                <input id=id("lawyer") type="text" name="form[lawyer]" maxlength=MAX_OFFICE.to_string() value=text(row.as_ref().and_then(|r| r.lawyer.as_ref())) />
            </div>
            <div class="field">
                <label for=id("notes")>{move_tr!("judicial-field-notes")}</label>
                <textarea id=id("notes") name="form[notes]" rows="3" maxlength=MAX_NOTES.to_string()>{text(row.as_ref().and_then(|r| r.notes.as_ref()))}</textarea>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("judicial-proceedings-save")}</Submit>
            </div>
        </ActionForm>
    }
}

#[component]
fn HearingFields(
    code: String,
    choices: Vec<(i32, String)>,
    action: ServerAction<SaveJudicialHearing>,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <div class="field">
                <label for="hearing-proceedings">{move_tr!("judicial-field-proceedings")}</label>
                <select id="hearing-proceedings" name="form[proceedings]" required=true>
                    {choices.into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for="hearing-on">{move_tr!("judicial-field-hearing-on")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id="hearing-on" type="date" name="form[hearing_on]" required=true />
                </div>
                <div class="field">
                    <label for="hearing-kind">{move_tr!("judicial-field-kind")}</label>
                    <select id="hearing-kind" name="form[kind]" required=true>
                        {HearingKind::ALL.iter().map(|&choice| view! {
                            <option value=choice.code()>{move || hearing_kind_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="hearing-court">{move_tr!("judicial-field-court")}</label>
                <input id="hearing-court" type="text" name="form[court]" maxlength=MAX_OFFICE.to_string() />
            </div>
            <div class="field field-check">
                <input id="hearing-accompanied" type="checkbox" name="form[accompanied]" />
                <label for="hearing-accompanied">{move_tr!("judicial-field-accompanied")}</label>
            </div>
            <div class="field">
                <label for="hearing-notes">{move_tr!("judicial-field-notes")}</label>
                <textarea id="hearing-notes" name="form[notes]" rows="2" maxlength=MAX_NOTES.to_string()></textarea>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("judicial-hearing-save")}</Submit>
            </div>
        </ActionForm>
    }
}
