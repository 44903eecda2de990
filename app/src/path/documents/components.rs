//! The documents page of a person's file: her papers, newest first, each downloaded by a
//! plain link (audited on the server), and the form that files a new one (a plain
//! multipart form, with its progress shown once the page has hydrated).

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::hooks::use_query_map;

use super::api::*;
use super::model::*;
use crate::kernel::error::problems_from_query;
use crate::kernel::files::{size_label, MAX_FILE_BYTES};
use crate::path::page::{path_page, person_code, PathTexts};
use crate::ui::forms::Choices;
use crate::ui::page_forms::PageForms;
use crate::ui::submit::{Submission, Submit};
use crate::ui::time::{day, moment_day_text};
use crate::ui::upload::{send_with_progress, Failure, Progress, UploadStatus};

pub fn kind_name(kind: DocumentKind) -> String {
    match kind {
        DocumentKind::Consent => tr!("documents-kind-consent"),
        DocumentKind::Permit => tr!("documents-kind-permit"),
        DocumentKind::Identity => tr!("documents-kind-identity"),
        DocumentKind::Medical => tr!("documents-kind-medical"),
        DocumentKind::Legal => tr!("documents-kind-legal"),
        DocumentKind::School => tr!("documents-kind-school"),
        DocumentKind::Receipt => tr!("documents-kind-receipt"),
        DocumentKind::Other => tr!("documents-kind-other"),
    }
}

pub fn confidentiality_name(level: Confidentiality) -> String {
    match level {
        Confidentiality::Team => tr!("documents-confidentiality-team"),
        Confidentiality::Restricted => tr!("documents-confidentiality-restricted"),
    }
}

fn field_label(field: &str) -> String {
    match field {
        "kind" => tr!("documents-field-kind"),
        "dated_on" => tr!("documents-field-dated-on"),
        "expires_on" => tr!("documents-field-expires-on"),
        "confidentiality" => tr!("documents-field-confidentiality"),
        "description" => tr!("documents-field-description"),
        "file" => tr!("documents-field-file"),
        "record" => tr!("commission-field-record"),
        _ => field.to_string(),
    }
}

#[component]
pub fn PersonDocumentsPage() -> impl IntoView {
    let forms = PageForms::new();
    let remove = forms.action::<RemoveDocument>();
    // A refused upload comes back here (it is a plain form post) with its problems.
    let query = use_query_map();
    let returned = Memo::new(move |_| {
        query
            .read()
            .get("errore")
            .and_then(|text| problems_from_query(&text))
    });
    let forms_error = forms.error();
    // The address's problems are the last upload's, until another form answers.
    let error = Signal::derive(move || {
        forms_error
            .get()
            .or_else(|| (forms.answers() == 0).then(|| returned.get()).flatten())
    });
    let texts = PathTexts {
        title: |i18n, code| tr!(i18n, "documents-title", { "code" => code }),
        heading: move_tr!("documents-heading"),
        field_label,
    };
    path_page(
        person_code(),
        (forms, error),
        texts,
        view! { <p class="hint">{move_tr!("documents-intro")}</p> },
        fetch_documents,
        move |page| view! { <DocumentsView page remove error /> },
    )
}

#[component]
fn DocumentsView(
    page: DocumentsPage,
    remove: ServerAction<RemoveDocument>,
    error: Signal<Option<crate::kernel::error::AppError>>,
) -> impl IntoView {
    let DocumentsPage {
        code,
        today,
        editable,
        reads_restricted,
        documents,
        withheld,
    } = page;
    view! {
        {(!editable).then(|| view! { <p class="notice">{move_tr!("documents-anonymised")}</p> })}
        <section class="panel" aria-labelledby="documents-list-heading">
            <h2 id="documents-list-heading">{move_tr!("documents-list")}</h2>
            {if documents.is_empty() {
                view! { <p>{move_tr!("documents-empty")}</p> }.into_any()
            } else {
                documents.into_iter().map(|row| {
                    let code = code.clone();
                    view! { <DocumentCard code row today editable action=remove /> }
                }).collect_view().into_any()
            }}
            {(withheld > 0).then(|| view! {
                <p class="notice">{move_tr!("documents-withheld", { "count" => withheld })}</p>
            })}
        </section>
        {editable.then(|| view! { <UploadDocument code today reads_restricted error /> })}
    }
}

#[component]
fn DocumentCard(
    code: String,
    row: DocumentRow,
    today: NaiveDate,
    editable: bool,
    action: ServerAction<RemoveDocument>,
) -> impl IntoView {
    let heading = format!("document-{}", row.id);
    let (kind, level) = (row.kind, row.confidentiality);
    let uploaded_by = row.uploaded_by.clone();
    let expired = row.expires_on.is_some_and(|on| on < today);
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {move || kind_name(kind)}
                {row.description.clone().map(|text| view! { " · " {text} })}
                {(level == Confidentiality::Restricted).then(|| view! {
                    " " <span class="badge">{move || confidentiality_name(level)}</span>
                })}
            </h3>
            <dl class="facts">
                <dt>{move_tr!("documents-field-dated-on")}</dt>
                <dd>{day(row.dated_on)}</dd>
                {row.expires_on.map(|on| view! {
                    <dt>{move_tr!("documents-field-expires-on")}</dt>
                    <dd class:overdue=expired>
                        {day(on)}
                        {expired.then(|| view! { " · " <strong>{move_tr!("documents-expired")}</strong> })}
                    </dd>
                })}
                <dt>{move_tr!("documents-field-file")}</dt>
                <dd>
                    <a href=document_path(&code, row.id) download=row.file_name.clone()>{row.file_name.clone()}</a>
                    " " <span class="hint">"(" {row.file_kind.label()} ", " {size_label(row.size_bytes)} ")"</span>
                </dd>
            </dl>
            <p class="hint">
                {move_tr!("documents-uploaded-by", {
                    "name" => uploaded_by.clone(),
                    "date" => moment_day_text(row.uploaded_at),
                })}
            </p>
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("documents-remove")}</summary>
                    <ActionForm action attr:class="stack-form">
                        <input type="hidden" name="code" value=code.clone() />
                        <input type="hidden" name="form[record]" value=row.id.to_string() />
                        <p class="hint">{move_tr!("documents-remove-hint")}</p>
                        <div class="form-actions">
                            <Submit action class="button danger">{move_tr!("documents-remove-confirm")}</Submit>
                        </div>
                    </ActionForm>
                </details>
            })}
        </article>
    }
}

#[component]
fn UploadDocument(
    code: String,
    today: NaiveDate,
    reads_restricted: bool,
    error: Signal<Option<crate::kernel::error::AppError>>,
) -> impl IntoView {
    let progress: Progress = RwSignal::new(None);
    let failed: Failure = RwSignal::new(None);
    let busy = Signal::derive(move || progress.get().is_some());
    let page = documents_path(&code);
    let problem = move |field: &'static str| {
        move || {
            error.get().and_then(|error| error.problem_for(field)).map(|problem| {
                view! { <p class="field-error">{crate::ui::errors::problem_message(problem)}</p> }
            })
        }
    };
    let levels = if reads_restricted {
        Confidentiality::ALL.to_vec()
    } else {
        vec![Confidentiality::Team]
    };
    let options = levels
        .into_iter()
        .map(|level| {
            let label = Signal::derive(move || confidentiality_name(level));
            (level.code(), label, level == Confidentiality::Team)
        })
        .collect();
    let max_mb = MAX_FILE_BYTES / (1024 * 1024);
    view! {
        <section class="panel" aria-labelledby="documents-add-heading">
            <h2 id="documents-add-heading">{move_tr!("documents-add")}</h2>
            <form method="post" enctype="multipart/form-data" action=page.clone() class="stack-form"
                on:submit=move |event| send_with_progress(&event, progress, failed, page.clone())>
                <div class="field-pair">
                    <div class="field">
                        <label for="document-kind">{move_tr!("documents-field-kind")}</label>
                        <select id="document-kind" name="kind" required=true>
                            <option value="">{move_tr!("choose")}</option>
                            {DocumentKind::ALL.iter().map(|&kind| view! {
                                <option value=kind.code()>{move || kind_name(kind)}</option>
                            }).collect_view()}
                        </select>
                        {problem("kind")}
                    </div>
                    <div class="field">
                        <label for="document-dated-on">{move_tr!("documents-field-dated-on")}</label>
                        <input id="document-dated-on" type="date" name="dated_on" required=true
                            max=today.to_string() value=today.to_string() />
                        {problem("dated_on")}
                    </div>
                </div>
                <div class="field">
                    <label for="document-expires-on">{move_tr!("documents-field-expires-on")}</label>
                    <p class="hint" id="document-expires-hint">{move_tr!("documents-expires-hint")}</p>
                    <input id="document-expires-on" type="date" name="expires_on" aria-describedby="document-expires-hint" />
                    {problem("expires_on")}
                </div>
                <div class="field">
                    <label for="document-description">{move_tr!("documents-field-description")}</label>
                    <input id="document-description" type="text" name="description" maxlength=MAX_DESCRIPTION.to_string() autocomplete="off" />
                    {problem("description")}
                </div>
                <Choices legend=move_tr!("documents-field-confidentiality") name="confidentiality"
                    options error key="confidentiality" />
                {(!reads_restricted).then(|| view! { <p class="hint">{move_tr!("documents-restricted-hint")}</p> })}
                <div class="field">
                    <label for="document-file">{move_tr!("documents-field-file")}</label>
                    <p class="hint" id="document-file-hint">{move_tr!("documents-file-hint", { "mb" => max_mb })}</p>
                    <input id="document-file" name="file" type="file" required=true
                        accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp" aria-describedby="document-file-hint" />
                    {problem("file")}
                </div>
                <UploadStatus id="document-file-progress" progress failed
                    failed_text=move_tr!("documents-upload-failed") />
                <div class="form-actions">
                    <Submit action=Submission::running(busy) class="button primary">{move_tr!("documents-send")}</Submit>
                </div>
            </form>
        </section>
    }
}
