//! The library's pages: the list of materials, a material with its versions and files,
//! the form of a new material, and the draft of a version (text, files, the guard's
//! findings, publication). Every action is a plain form first; the file upload stays a
//! plain multipart form even when the page is hydrated.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::*;
use super::model::*;
use crate::forum::components::{
    field_problem, local, GuardConfirm, GuardVerdict, MarkdownHint, TagChoices, TagList,
    WatchCategoryForm,
};
use crate::forum::model::MAX_TITLE;
use crate::kernel::bilingual::Bilingual;
use crate::kernel::error::{AppError, Problem};
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::FormErrorSummary;
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};
use crate::ui::time::moment_day;

// ---------------------------------------------------------------------------------------

#[component]
pub fn LibraryPage() -> impl IntoView {
    let query = use_query_map();
    let category = Memo::new(move |_| query.read().get("categoria").unwrap_or_default());
    let watch = ServerAction::<WatchCategory>::new();
    let data = Resource::new(
        move || (category.get(), watch.version().get()),
        |(category, _)| fetch_library(category),
    );
    let error = Signal::derive(move || watch.value().get().and_then(|r| r.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-library-title")
        }) />
        <p><a href="/forum">{move_tr!("forum-back")}</a></p>
        <h1>{move_tr!("forum-library-title")}</h1>
        <p class="lead">{move_tr!("forum-library-intro")}</p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <LibraryView page watch /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LibraryView(page: LibraryPage, watch: ServerAction<WatchCategory>) -> impl IntoView {
    let chosen = page.category.clone().unwrap_or_default();
    let new_material_href = if page.publishable.iter().any(|(code, _)| *code == chosen) {
        format!("/forum/materiali/nuovo?categoria={chosen}")
    } else {
        "/forum/materiali/nuovo".to_string()
    };
    let watching = page.watching_category;
    view! {
        <div class="button-row">
            {(!page.publishable.is_empty()).then(|| view! {
                <a class="button primary" href=new_material_href>{move_tr!("forum-new-material")}</a>
            })}
            {page.category.clone().map(|code| view! { <WatchCategoryForm watch code watching /> })}
        </div>
        <form method="get" action="/forum/materiali" class="filter-form">
            <div class="field">
                <label for="library-category">{move_tr!("forum-search-category")}</label>
                <select id="library-category" name="categoria">
                    <option value="" selected=chosen.is_empty()>{move_tr!("forum-search-all-categories")}</option>
                    {page.categories.into_iter().map(|(code, name)| {
                        let selected = code == chosen;
                        view! { <option value=code selected=selected>{local(&name)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Submit class="button secondary">{move_tr!("forum-filter")}</Submit>
        </form>
        {if page.materials.is_empty() {
            view! { <p>{move_tr!("forum-library-empty")}</p> }.into_any()
        } else {
            view! {
                <ul class="forum-threads">
                    {page.materials.into_iter().map(|material| view! { <MaterialRow material /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn MaterialRow(material: MaterialSummary) -> impl IntoView {
    let number = material.number;
    let files = material.attachments;
    view! {
        <li class="forum-thread">
            <p class="forum-thread-title">
                <a href=material_path(material.id)>{material.title.clone()}</a>
            </p>
            <p class="hint">
                {local(&material.category_name)} " · "
                {move_tr!("forum-material-version-number", { "number" => number })} " · "
                {material.author.map(|author| view! { {author.name} " (" {author.organisation} ") · " })}
                {moment_day(material.published_at)}
                " · " {move_tr!("forum-material-file-count", { "count" => files })}
            </p>
            {(!material.tags.is_empty()).then(|| view! { <TagList tags=material.tags.clone() /> })}
        </li>
    }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn MaterialPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let forms = PageForms::staying_open();
    let watch = forms.action::<WatchMaterial>();
    let start = forms.action::<StartVersion>();
    let data = Resource::new(
        move || (id.get(), watch.version().get()),
        |(id, _)| fetch_material(id),
    );
    let error = forms.error();
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-library-title")
        }) />
        <FormErrorSummary error />
        // A transition keeps the page (and the button just pressed, whose success shows
        // a toast) until the reloaded data arrive: a suspense drew the fallback at once,
        // and the button went before it could say "Modifiche salvate.".
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <MaterialView page watch start /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MaterialView(
    page: MaterialPage,
    watch: ServerAction<WatchMaterial>,
    start: ServerAction<StartVersion>,
) -> impl IntoView {
    let watching = page.watching;
    let material = page.id.to_string();
    let material_for_start = material.clone();
    let mut versions = page.versions.into_iter();
    let current = versions.next();
    let earlier: Vec<VersionView> = versions.collect();
    view! {
        <p>
            <a href="/forum/materiali">{move_tr!("forum-library-title")}</a> " › "
            <a href=format!("/forum/materiali?categoria={}", page.category_code)>{local(&page.category_name)}</a>
        </p>
        <h1>{page.title.clone()}</h1>
        {(!page.tags.is_empty()).then(|| view! { <TagList tags=page.tags.clone() /> })}
        <div class="button-row">
            <ActionForm action=watch attr:class="inline-form">
                <input type="hidden" name="material" value=material.clone() />
                <input type="hidden" name="on" value=if watching { "0" } else { "1" } />
                <Submit action=watch class="button secondary">
                    {move || if watching { tr!("forum-material-unwatch") } else { tr!("forum-material-watch") }}
                </Submit>
            </ActionForm>
            {match (page.may_publish, page.draft_id) {
                (true, Some(draft)) => Some(view! {
                    <a class="button primary" href=draft_path(draft)>{move_tr!("forum-material-continue-draft")}</a>
                }.into_any()),
                (true, None) => Some(view! {
                    <ActionForm action=start attr:class="inline-form">
                        <input type="hidden" name="material" value=material_for_start />
                        <Submit action=start class="button primary">{move_tr!("forum-material-new-version")}</Submit>
                    </ActionForm>
                }.into_any()),
                (false, _) => None,
            }}
        </div>
        {page.checklist.then(|| view! {
            <p class="notice">
                {move_tr!("forum-material-checklist-note")} " "
                <a href="/indicatori">{move_tr!("forum-material-checklist-link")}</a>
            </p>
        })}
        {current.map(|version| view! {
            <section class="panel material-current" aria-labelledby="material-current">
                <h2 id="material-current">{move_tr!("forum-material-current")}</h2>
                <VersionHeading version=version.clone() />
                <div class="forum-post-body" inner_html=version.html.clone()></div>
                <FileList files=version.attachments.clone() />
            </section>
        })}
        {(!earlier.is_empty()).then(|| view! {
            <h2>{move_tr!("forum-material-versions")}</h2>
            <ol class="material-versions">
                {earlier.into_iter().map(|version| view! {
                    <li>
                        <VersionHeading version=version.clone() />
                        <details>
                            <summary>{move_tr!("forum-material-show-text")}</summary>
                            <div class="forum-post-body" inner_html=version.html.clone()></div>
                        </details>
                        <FileList files=version.attachments.clone() />
                    </li>
                }).collect_view()}
            </ol>
        })}
    }
}

#[component]
fn VersionHeading(version: VersionView) -> impl IntoView {
    let number = version.number;
    view! {
        <p class="material-version-heading">
            <strong>{move_tr!("forum-material-version-number", { "number" => number })}</strong>
            " · " {moment_day(version.published_at)}
            {version.author.map(|author| view! {
                " · " {move_tr!("forum-material-published-by")} " " {author.name} " (" {author.organisation} ")"
            })}
        </p>
        {(!version.changes.is_empty()).then(|| view! {
            <p class="material-changes"><strong>{move_tr!("forum-material-changes")} ": "</strong> {version.changes.clone()}</p>
        })}
    }
}

/// The files of a version, each a download link with its kind and size.
#[component]
fn FileList(files: Vec<AttachmentView>) -> impl IntoView {
    if files.is_empty() {
        return view! { <p class="hint">{move_tr!("forum-material-no-files")}</p> }.into_any();
    }
    view! {
        <ul class="material-files" aria-label=move || tr!("forum-material-files")>
            {files.into_iter().map(|file| view! {
                <li>
                    <a href=download_path(file.id) download=file.file_name.clone()>{file.file_name.clone()}</a>
                    " "
                    <span class="hint">"(" {file.kind.label()} ", " {size_label(file.size_bytes)} ")"</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn NewMaterialPage() -> impl IntoView {
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.read().get("categoria").unwrap_or_default());
    let data = Resource::new(|| (), |_| fetch_library(String::new()));
    let create = ServerAction::<CreateMaterial>::new();
    let error: Signal<Option<AppError>> =
        Signal::derive(move || create.value().get().and_then(|result| result.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-new-material")
        }) />
        <p><a href="/forum/materiali">{move_tr!("forum-material-back")}</a></p>
        <h1>{move_tr!("forum-new-material")}</h1>
        <p class="notice">{move_tr!("forum-no-case-data")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) if page.publishable.is_empty() => view! {
                        <ErrorPanel error=AppError::Forbidden />
                    }.into_any(),
                    Ok(page) => view! {
                        <NewMaterialForm categories=page.publishable chosen=chosen.get_untracked() create error />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewMaterialForm(
    categories: Vec<(String, Bilingual)>,
    chosen: String,
    create: ServerAction<CreateMaterial>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! {
        <ActionForm action=create attr:class="forum-form">
            <FormErrorSummary error />
            <div class="field">
                <label for="material-category">{move_tr!("forum-search-category")}</label>
                <select id="material-category" name="form[category]">
                    {categories.into_iter().map(|(code, name)| {
                        let selected = code == chosen;
                        view! { <option value=code selected=selected>{local(&name)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="material-title">{move_tr!("forum-field-title")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id="material-title" name="form[title]" type="text" required=true maxlength=MAX_TITLE.to_string() />
                {field_problem(error, "title")}
            </div>
            <div class="field">
                <label for="material-body">{move_tr!("forum-material-field-description")} <span class="required" aria-hidden="true">" *"</span></label>
                <MarkdownHint id="material-body-hint" />
                <textarea id="material-body" name="form[body]" rows="10" required=true aria-describedby="material-body-hint"></textarea>
                {field_problem(error, "body")}
            </div>
            <TagChoices error />
            <p class="hint">{move_tr!("forum-material-new-hint")}</p>
            <Submit action=create class="button primary">{move_tr!("forum-material-create")}</Submit>
        </ActionForm>
    }
}

// ---------------------------------------------------------------------------------------

#[component]
pub fn MaterialDraftPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // A refused upload comes back here (it is a plain form post) with its problem.
    let upload_problem = Memo::new(move |_| {
        query
            .read()
            .get("errore")
            .and_then(|code| serde_json::from_str::<Problem>(&format!("\"{code}\"")).ok())
    });
    let forms = PageForms::staying_open();
    let save = forms.action::<SaveVersionDraft>();
    let discard = forms.action::<DiscardVersionDraft>();
    let remove = forms.action::<RemoveAttachment>();
    let data = Resource::new(
        move || (id.get(), save.version().get(), remove.version().get()),
        |(id, _, _)| fetch_version_draft(id),
    );
    let forms_error = forms.error();
    let error = Signal::derive(move || {
        forms_error.get().or_else(|| {
            upload_problem
                .get()
                .map(|problem| AppError::invalid("file", problem))
        })
    });
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-material-draft-title")
        }) />
        <h1>{move_tr!("forum-material-draft-title")}</h1>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(draft) => view! { <VersionDraftView draft save discard remove error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VersionDraftView(
    draft: VersionDraftPage,
    save: ServerAction<SaveVersionDraft>,
    discard: ServerAction<DiscardVersionDraft>,
    remove: ServerAction<RemoveAttachment>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let version = draft.id.to_string();
    let discarded_version = version.clone();
    let questioned = !draft.findings.is_empty();
    let first = draft.first;
    view! {
        <p class="hint">
            {local(&draft.category_name)} " · "
            {if first {
                view! { {draft.material_title.clone()} " · " {move_tr!("forum-material-draft-first")} }.into_any()
            } else {
                view! { <a href=material_path(draft.material_id)>{draft.material_title.clone()}</a> }.into_any()
            }}
        </p>
        <p class="notice">{move_tr!("forum-no-case-data")}</p>
        <section class="panel" aria-labelledby="draft-files">
            <h2 id="draft-files">{move_tr!("forum-material-files")}</h2>
            {if draft.attachments.is_empty() {
                view! { <p class="hint">{move_tr!("forum-material-no-files")}</p> }.into_any()
            } else {
                view! {
                    <ul class="material-files">
                        {draft.attachments.clone().into_iter().map(|file| view! {
                            <li>
                                <a href=download_path(file.id) download=file.file_name.clone()>{file.file_name.clone()}</a>
                                " " <span class="hint">"(" {file.kind.label()} ", " {size_label(file.size_bytes)} ")"</span>
                                " "
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="attachment" value=file.id.to_string() />
                                    <Submit action=remove class="button small secondary">
                                        {move_tr!("forum-material-remove-file")}
                                        <span class="visually-hidden">" " {file.file_name.clone()}</span>
                                    </Submit>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <super::upload::UploadForm draft_id=draft.id error />
        </section>
        <GuardVerdict findings=draft.findings.clone() />
        <ActionForm action=save attr:class="forum-form">
            <input type="hidden" name="version" value=version />
            <div class="field">
                <label for="draft-body">{move_tr!("forum-material-field-description")}</label>
                <MarkdownHint id="draft-body-hint" />
                <textarea id="draft-body" name="body" rows="12" required=true aria-describedby="draft-body-hint">{draft.body.clone()}</textarea>
                {field_problem(error, "body")}
            </div>
            <div class="field">
                <label for="draft-changes">
                    {move_tr!("forum-material-changes")}
                    {(!first).then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                </label>
                <p class="hint" id="draft-changes-hint">{move_tr!("forum-material-changes-hint")}</p>
                <textarea id="draft-changes" name="changes" rows="3" aria-describedby="draft-changes-hint">{draft.changes.clone()}</textarea>
                {field_problem(error, "changes")}
            </div>
            {questioned.then(|| view! { <GuardConfirm /> })}
            <div class="button-row">
                <Submit action=save class="button secondary">{move_tr!("forum-material-save")}</Submit>
                <Submit action=save class="button primary" name="publish" value="1">{move_tr!("forum-material-publish")}</Submit>
            </div>
        </ActionForm>
        <div class="button-row">
            <ActionForm action=discard attr:class="inline-form">
                <input type="hidden" name="version" value=discarded_version />
                <Submit action=discard class="button secondary">{move_tr!("forum-material-discard")}</Submit>
            </ActionForm>
        </div>
    }
}
