//! The admin pages: organisations and users. Plain forms that also work without JavaScript.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{list_organisations, list_users, SaveOrganisation, SaveUser, SetUserActive};
use super::model::{OrganisationRow, UserFilter, UserRow};
use crate::auth::model::{province_name, OrganisationKind, Role, PROVINCES};
use crate::home::role_name;
use crate::kernel::error::AppError;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::{
    field_error, organisation_choices, FilterSelect, FormErrorSummary, SelectField, TextField,
};
use crate::ui::pages::Loading;
use crate::ui::toasts::use_toasts;

pub fn organisation_kind_name(kind: OrganisationKind) -> String {
    match kind {
        OrganisationKind::Coordination => tr!("org-kind-coordination"),
        OrganisationKind::ImplementingBody => tr!("org-kind-implementing-body"),
        OrganisationKind::Partner => tr!("org-kind-partner"),
    }
}

fn query_param(name: &'static str) -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get(name).filter(|v| !v.is_empty()))
}

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let editing = query_param("modifica");
    let saved = query_param("salvata");
    let save = ServerAction::<SaveOrganisation>::new();
    let organisations = Resource::new(
        move || (saved.get(), save.version().get()),
        |_| list_organisations(),
    );
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-organisations")
        }) />
        <h1>{move_tr!("nav-organisations")}</h1>
        {move || saved.get().map(|_| view! { <p class="notice success" role="status">{move_tr!("saved")}</p> })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match organisations.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(rows) => {
                        let edited = editing
                            .get()
                            .and_then(|id| id.parse::<i32>().ok())
                            .and_then(|id| rows.iter().find(|row| row.id == id).cloned());
                        view! {
                            <OrganisationTable rows />
                            <OrganisationEditor edited save error />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrganisationTable(rows: Vec<OrganisationRow>) -> impl IntoView {
    let count = rows.len();
    view! {
        <div class="table-wrap">
            <table>
                <caption>{move_tr!("org-table-caption", { "count" => count })}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("field-name")}</th>
                        <th scope="col">{move_tr!("field-org-kind")}</th>
                        <th scope="col">{move_tr!("field-province")}</th>
                        <th scope="col">{move_tr!("field-users")}</th>
                        <th scope="col">{move_tr!("field-status")}</th>
                        <th scope="col">
                            <span class="visually-hidden">{move_tr!("actions")}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let province = row
                                .province
                                .as_deref()
                                .and_then(province_name)
                                .map(str::to_string)
                                .unwrap_or_else(|| row.region.clone());
                            let kind = row.kind;
                            view! {
                                <tr>
                                    <th scope="row">{row.name.clone()}</th>
                                    <td data-label=move || tr!("field-org-kind")>{move || organisation_kind_name(kind)}</td>
                                    <td data-label=move || tr!("field-province")>{province}</td>
                                    <td data-label=move || tr!("field-users")>{row.users}</td>
                                    <td data-label=move || tr!("field-status")>
                                        <StatusBadge active=row.active />
                                    </td>
                                    <td>
                                        <a href=format!("?modifica={}#modifica", row.id) class="button secondary small">
                                            {move_tr!("edit")}
                                            <span class="visually-hidden">" " {row.name.clone()}</span>
                                        </a>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn StatusBadge(active: bool) -> impl IntoView {
    if active {
        view! { <span class="badge badge-ok">{move_tr!("status-active")}</span> }.into_any()
    } else {
        view! { <span class="badge badge-off">{move_tr!("status-inactive")}</span> }.into_any()
    }
}

#[component]
fn OrganisationEditor(
    edited: Option<OrganisationRow>,
    save: ServerAction<SaveOrganisation>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let is_new = edited.is_none();
    let row = edited.unwrap_or(OrganisationRow {
        id: 0,
        name: String::new(),
        kind: OrganisationKind::ImplementingBody,
        province: None,
        region: String::new(),
        active: true,
        users: 0,
    });
    let kinds = OrganisationKind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), organisation_kind_name(k)))
        .collect();
    let mut provinces = vec![(String::new(), tr!("province-none"))];
    provinces.extend(
        PROVINCES
            .iter()
            .map(|(code, name, _)| (code.to_string(), format!("{name} ({code})"))),
    );
    view! {
        <section class="panel" id="modifica">
            <h2>
                {
                    let name = row.name.clone();
                    if is_new { move_tr!("org-new") } else { move_tr!("org-edit", { "name" => name.clone() }) }
                }
            </h2>
            <ActionForm action=save>
                <FormErrorSummary error />
                <input type="hidden" name="form[id]" value=if is_new { String::new() } else { row.id.to_string() } />
                <TextField label=move_tr!("field-name") name="form[name]" value=row.name.clone() required=true error />
                <SelectField
                    label=move_tr!("field-org-kind")
                    name="form[kind]"
                    options=kinds
                    selected=row.kind.code().to_string()
                    required=true
                    error
                />
                <SelectField
                    label=move_tr!("field-province")
                    name="form[province]"
                    options=provinces
                    selected=row.province.clone().unwrap_or_default()
                    error
                />
                <div class="field field-check">
                    <input type="checkbox" id="org-active" name="form[active]" checked=row.active />
                    <label for="org-active">{move_tr!("status-active")}</label>
                </div>
                <div class="form-actions">
                    <Submit quiet=true action=save class="button primary">
                        {move_tr!("save")}
                    </Submit>
                    {(!is_new).then(|| view! { <a href="?" class="button secondary">{move_tr!("cancel")}</a> })}
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let query = use_query_map();
    let editing = query_param("modifica");
    let saved = query_param("salvato");
    let save = ServerAction::<SaveUser>::new();
    let set_active = ServerAction::<SetUserActive>::new();
    let filter = Memo::new(move |_| UserFilter {
        search: query.read().get("cerca").unwrap_or_default(),
        organisation_id: query.read().get("organizzazione").unwrap_or_default(),
    });
    let users = Resource::new(
        move || {
            (
                filter.get(),
                saved.get(),
                save.version().get(),
                set_active.version().get(),
            )
        },
        |(filter, ..)| list_users(filter),
    );
    let organisations = Resource::new(|| (), |_| list_organisations());
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let toggle_error = Signal::derive(move || set_active.value().get().and_then(|r| r.err()));
    // With JavaScript the list refreshes in place, so the change is confirmed by a toast.
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(())) = set_active.value().get() {
            toasts.push(tr!("saved"));
        }
    });
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-users")
        }) />
        <h1>{move_tr!("nav-users")}</h1>
        {move || saved.get().map(|_| view! { <p class="notice success" role="status">{move_tr!("saved")}</p> })}
        <FormErrorSummary error=toggle_error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let organisations = match organisations.await {
                    Ok(organisations) => organisations,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let rows = match users.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let edited = editing
                    .get()
                    .and_then(|id| id.parse::<i32>().ok())
                    .and_then(|id| rows.iter().find(|row| row.id == id).cloned());
                let filter = filter.get_untracked();
                view! {
                    <UserFilterForm filter organisations=organisations.clone() />
                    <UserTable rows set_active />
                    <UserEditor edited organisations save error />
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn UserFilterForm(filter: UserFilter, organisations: Vec<OrganisationRow>) -> impl IntoView {
    view! {
        <form method="get" class="filters" role="search">
            <div class="field">
                <label for="filter-search">{move_tr!("filter-search")}</label>
                <input id="filter-search" type="search" name="cerca" value=filter.search.clone() />
            </div>
            <FilterSelect label=move_tr!("field-organisation") id="filter-organisation" name="organizzazione"
                choices=organisation_choices(organisations.into_iter().map(|o| (o.id, o.name)).collect())
                current=filter.organisation_id.clone() />
            <Submit class="button secondary">{move_tr!("filter-apply")}</Submit>
        </form>
    }
}

#[component]
fn UserTable(rows: Vec<UserRow>, set_active: ServerAction<SetUserActive>) -> impl IntoView {
    let count = rows.len();
    view! {
        <div class="table-wrap">
            <table>
                <caption>{move_tr!("user-table-caption", { "count" => count })}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("field-display-name")}</th>
                        <th scope="col">{move_tr!("field-email")}</th>
                        <th scope="col">{move_tr!("field-organisation")}</th>
                        <th scope="col">{move_tr!("field-roles")}</th>
                        <th scope="col">{move_tr!("field-status")}</th>
                        <th scope="col">
                            <span class="visually-hidden">{move_tr!("actions")}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let roles = row.roles.clone();
                            view! {
                                <tr>
                                    <th scope="row">{row.display_name.clone()}</th>
                                    <td data-label=move || tr!("field-email")>{row.email.clone()}</td>
                                    <td data-label=move || tr!("field-organisation")>{row.organisation_name.clone()}</td>
                                    <td data-label=move || tr!("field-roles")>
                                        {move || roles.iter().map(|r| role_name(*r)).collect::<Vec<_>>().join(", ")}
                                    </td>
                                    <td data-label=move || tr!("field-status")>
                                        <StatusBadge active=row.active />
                                    </td>
                                    <td>
                                    <div class="row-actions">
                                        <a href=format!("?modifica={}#modifica", row.id) class="button secondary small">
                                            {move_tr!("edit")}
                                            <span class="visually-hidden">" " {row.display_name.clone()}</span>
                                        </a>
                                        <ActionForm action=set_active>
                                            <input type="hidden" name="id" value=row.id />
                                            <input type="hidden" name="active" value=(!row.active).to_string() />
                                            <Submit action=set_active class="button secondary small">
                                                {if row.active { move_tr!("user-disable") } else { move_tr!("user-enable") }}
                                                <span class="visually-hidden">" " {row.display_name.clone()}</span>
                                            </Submit>
                                        </ActionForm>
                                    </div>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn role_field(role: Role) -> &'static str {
    match role {
        Role::Administrator => "form[role_administrator]",
        Role::Coordinator => "form[role_coordinator]",
        Role::ReceptionManager => "form[role_reception_manager]",
        Role::CaseWorker => "form[role_case_worker]",
        Role::OutreachWorker => "form[role_outreach_worker]",
        Role::Trainer => "form[role_trainer]",
        Role::Partner => "form[role_partner]",
    }
}

#[component]
fn UserEditor(
    edited: Option<UserRow>,
    organisations: Vec<OrganisationRow>,
    save: ServerAction<SaveUser>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let is_new = edited.is_none();
    let row = edited.unwrap_or(UserRow {
        id: 0,
        email: String::new(),
        display_name: String::new(),
        organisation_id: 0,
        organisation_name: String::new(),
        roles: Vec::new(),
        language: None,
        active: true,
    });
    let mut organisation_options = vec![(String::new(), tr!("choose"))];
    organisation_options.extend(
        organisations
            .into_iter()
            .map(|o| (o.id.to_string(), o.name)),
    );
    let languages = vec![
        (String::new(), tr!("language-browser")),
        ("it".to_string(), "Italiano".to_string()),
        ("en".to_string(), "English".to_string()),
    ];
    let roles_problem = move || error.get().and_then(|e| e.problem_for("roles"));
    view! {
        <section class="panel" id="modifica">
            <h2>
                {
                    let name = row.display_name.clone();
                    if is_new { move_tr!("user-new") } else { move_tr!("user-edit", { "name" => name.clone() }) }
                }
            </h2>
            <ActionForm action=save>
                <FormErrorSummary error />
                <input type="hidden" name="form[id]" value=if is_new { String::new() } else { row.id.to_string() } />
                <TextField label=move_tr!("field-display-name") name="form[display_name]" value=row.display_name.clone() required=true error />
                <TextField label=move_tr!("field-email") name="form[email]" kind="email" value=row.email.clone() required=true autocomplete="off" error />
                <SelectField
                    label=move_tr!("field-organisation")
                    name="form[organisation_id]"
                    options=organisation_options
                    selected=if is_new { String::new() } else { row.organisation_id.to_string() }
                    required=true
                    error
                />
                <fieldset class="field" aria-describedby="roles-error">
                    <legend>{move_tr!("field-roles")}</legend>
                    {Role::ALL
                        .into_iter()
                        .map(|role| {
                            let id = format!("role-{}", role.code());
                            view! {
                                <div class="field-check">
                                    <input type="checkbox" id=id.clone() name=role_field(role) checked=row.roles.contains(&role) />
                                    <label for=id>{move || role_name(role)}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                    {field_error(roles_problem, "roles-error".to_string())}
                </fieldset>
                <SelectField label=move_tr!("field-language") name="form[language]" options=languages selected=row.language.clone().unwrap_or_default() error />
                <TextField
                    label=move_tr!("field-password")
                    name="form[password]"
                    kind="password"
                    required=is_new
                    autocomplete="new-password"
                    hint=if is_new { move_tr!("password-hint-new") } else { move_tr!("password-hint-existing") }
                    error
                />
                <div class="form-actions">
                    <Submit quiet=true action=save class="button primary">
                        {move_tr!("save")}
                    </Submit>
                    {(!is_new).then(|| view! { <a href="?" class="button secondary">{move_tr!("cancel")}</a> })}
                </div>
            </ActionForm>
        </section>
    }
}
