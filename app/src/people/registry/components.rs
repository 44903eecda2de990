//! Pages of the registry: the list of people, registration, and the person's page.
//! A page shows identity fields only when the server sent them: it never decides.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::ui::forms::urlencode;

use super::api::*;
use super::model::*;
use crate::auth::model::PROVINCES;
use crate::people::components::{exploitation_name, gender_name, nationality_name, Choices};
use crate::people::model::{Exploitation, Gender, Nationality};
use crate::people::screening::components::ScreeningList;
use crate::people::waiting::api::{AddToWaitingList, WithdrawFromWaitingList};
use crate::people::waiting::components::WaitingSection;
use crate::ui::errors::{problem_message, ErrorPanel};
use crate::ui::forms::{FormError, FormErrorSummary, SelectField, TextField};
use crate::ui::pages::Loading;

pub fn status_name(status: PathStatus) -> String {
    match status {
        PathStatus::Contact => tr!("status-contact"),
        PathStatus::Screening => tr!("status-screening"),
        PathStatus::Proposal => tr!("status-proposal"),
        PathStatus::TakenInCharge => tr!("status-taken-in-charge"),
        PathStatus::Placed => tr!("status-placed"),
        PathStatus::Inclusion => tr!("status-inclusion"),
        PathStatus::Exited => tr!("status-exited"),
    }
}

pub fn exit_outcome_name(outcome: ExitOutcome) -> String {
    match outcome {
        ExitOutcome::Autonomy => tr!("exit-autonomy"),
        ExitOutcome::VoluntaryReturn => tr!("exit-voluntary-return"),
        ExitOutcome::Transfer => tr!("exit-transfer"),
        ExitOutcome::DropOut => tr!("exit-drop-out"),
        ExitOutcome::Other => tr!("exit-other"),
    }
}

fn consent_kind_name(kind: ConsentKind) -> String {
    match kind {
        ConsentKind::Processing => tr!("consent-processing"),
        ConsentKind::Sharing => tr!("consent-sharing"),
    }
}

fn day(date: chrono::NaiveDate) -> impl IntoView {
    view! { <time datetime=date.to_string()>{date.format("%d/%m/%Y").to_string()}</time> }
}

fn kinds_text(kinds: &[Exploitation]) -> String {
    if kinds.is_empty() {
        "—".to_string()
    } else {
        kinds
            .iter()
            .map(|k| exploitation_name(*k))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "Donna, 17 anni, minore" — the pseudonymous description of a person.
fn who_text(row: &PersonRow) -> String {
    let mut parts = vec![gender_name(row.gender)];
    if let Some(age) = row.age {
        parts.push(tr!("person-age", { "age" => age }));
    }
    if row.minor {
        parts.push(tr!("person-minor"));
    }
    parts.join(", ")
}

// ---------------------------------------------------------------- list

#[component]
pub fn PeopleListPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        PeopleFilter {
            code: q.get("codice").unwrap_or_default(),
            status: q.get("stato").unwrap_or_default(),
            organisation: q.get("organizzazione").unwrap_or_default(),
            exploitation: q.get("sfruttamento").unwrap_or_default(),
            age: q.get("eta").unwrap_or_default(),
            page: q.get("pagina").unwrap_or_default(),
        }
    });
    let data = Resource::new(move || filter.get(), fetch_people);
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-people")
        }) />
        <h1>{move_tr!("nav-people")}</h1>
        <p class="lead">{move_tr!("people-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(list) => view! { <PeopleList list filter=filter.get_untracked() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn page_link(filter: &PeopleFilter, page: u64) -> String {
    let mut pairs = vec![];
    for (key, value) in [
        ("codice", &filter.code),
        ("stato", &filter.status),
        ("organizzazione", &filter.organisation),
        ("sfruttamento", &filter.exploitation),
        ("eta", &filter.age),
    ] {
        if !value.is_empty() {
            pairs.push(format!("{key}={}", urlencode(value)));
        }
    }
    pairs.push(format!("pagina={page}"));
    format!("/persone?{}", pairs.join("&"))
}

#[component]
fn PeopleList(list: PeopleList, filter: PeopleFilter) -> impl IntoView {
    let PeopleList {
        rows,
        total,
        page,
        pages,
        organisations,
        may_register,
        may_link_duplicates,
    } = list;
    let previous = (page > 1).then(|| page_link(&filter, page - 1));
    let next = (page < pages).then(|| page_link(&filter, page + 1));
    let status_options = PathStatus::ALL
        .iter()
        .map(|s| (s.code(), *s))
        .collect::<Vec<_>>();
    view! {
        {may_register.then(|| view! {
            <p><a class="button primary" href="/persone/nuova">{move_tr!("people-register")}</a></p>
        })}
        {may_link_duplicates.then(|| view! {
            <p><a class="button" href="/persone/doppioni">{move_tr!("duplicates-title")}</a></p>
        })}
        <form method="get" action="/persone" class="panel filters">
            <h2 class="visually-hidden">{move_tr!("filters")}</h2>
            <div class="field">
                <label for="filter-code">{move_tr!("field-network-code")}</label>
                <p class="hint" id="filter-code-hint">{move_tr!("filter-code-hint")}</p>
                <input id="filter-code" name="codice" value=filter.code.clone() aria-describedby="filter-code-hint" />
            </div>
            <div class="field">
                <label for="filter-status">{move_tr!("field-status")}</label>
                <select id="filter-status" name="stato">
                    <option value="">{move_tr!("filter-any")}</option>
                    {status_options.into_iter().map(|(code, status)| {
                        let selected = filter.status == code;
                        view! { <option value=code selected=selected>{move || status_name(status)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-organisation">{move_tr!("field-organisation-in-charge")}</label>
                <select id="filter-organisation" name="organizzazione">
                    <option value="">{move_tr!("filter-any")}</option>
                    {organisations.into_iter().map(|(id, name)| {
                        let selected = filter.organisation == id.to_string();
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-exploitation">{move_tr!("field-exploitation")}</label>
                <select id="filter-exploitation" name="sfruttamento">
                    <option value="">{move_tr!("filter-any")}</option>
                    {Exploitation::ALL.iter().map(|k| {
                        let k = *k;
                        let selected = filter.exploitation == k.code();
                        view! { <option value=k.code() selected=selected>{move || exploitation_name(k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-age">{move_tr!("field-age")}</label>
                <select id="filter-age" name="eta">
                    <option value="">{move_tr!("filter-any")}</option>
                    <option value="minor" selected=filter.age == "minor">{move_tr!("filter-minors")}</option>
                    <option value="adult" selected=filter.age == "adult">{move_tr!("filter-adults")}</option>
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{move_tr!("filter-apply")}</button>
            </div>
        </form>
        <section class="panel">
            <p role="status">{move_tr!("people-found", { "count" => total })}</p>
            {if rows.is_empty() {
                view! { <p>{move_tr!("people-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <caption class="visually-hidden">{move_tr!("nav-people")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move_tr!("field-network-code")}</th>
                                    <th scope="col">{move_tr!("field-status")}</th>
                                    <th scope="col">{move_tr!("people-who")}</th>
                                    <th scope="col">{move_tr!("field-exploitation")}</th>
                                    <th scope="col">{move_tr!("field-organisation-in-charge")}</th>
                                    <th scope="col">{move_tr!("people-registered-on")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let href = format!("/persone/{}", row.code);
                                    let who = who_text(&row);
                                    let status = row.status;
                                    let kinds = row.exploitation.clone();
                                    view! {
                                        <tr>
                                            <th scope="row"><a href=href class="code">{row.code.clone()}</a></th>
                                            <td data-label=move || tr!("field-status")>{move || status_name(status)}</td>
                                            <td data-label=move || tr!("people-who")>{who}</td>
                                            <td data-label=move || tr!("field-exploitation")>{move || kinds_text(&kinds)}</td>
                                            <td data-label=move || tr!("field-organisation-in-charge")>{row.organisations.join(", ")}</td>
                                            <td data-label=move || tr!("people-registered-on")>{day(row.registered_on)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label=move || tr!("pager-label")>
                {previous.map(|href| view! { <a href=href rel="prev">{move_tr!("pager-previous")}</a> })}
                <span>{move_tr!("pager-position", { "page" => page, "pages" => pages })}</span>
                {next.map(|href| view! { <a href=href rel="next">{move_tr!("pager-next")}</a> })}
            </nav>
        </section>
    }
}

// ---------------------------------------------------------------- registration

fn nationality_options(empty: String) -> Vec<(String, String)> {
    std::iter::once((String::new(), empty))
        .chain(
            Nationality::ALL
                .iter()
                .map(|n| (n.code().to_string(), nationality_name(*n))),
        )
        .collect()
}

/// The identity fields, shared by registration and the team's "edit identity" form.
#[component]
fn IdentityFields(
    current: Option<Identity>,
    gender: Option<Gender>,
    minor: bool,
    unaccompanied: bool,
    error: FormError,
) -> impl IntoView {
    let current = current.unwrap_or(Identity {
        given_names: String::new(),
        family_name: String::new(),
        aliases: None,
        date_of_birth: None,
        nationality: None,
        languages: None,
        documents: None,
        phone: None,
        guardian: None,
    });
    let genders = Gender::ALL
        .iter()
        .map(|g| {
            (
                g.code(),
                Signal::derive(move || gender_name(*g)),
                Some(*g) == gender,
            )
        })
        .collect();
    let nationality = current
        .nationality
        .map(|n| n.code().to_string())
        .unwrap_or_default();
    view! {
        <TextField label=move_tr!("field-given-names") name="form[given_names]" value=current.given_names required=true autocomplete="off" error />
        <TextField label=move_tr!("field-family-name") name="form[family_name]" value=current.family_name required=true autocomplete="off" error />
        <TextField label=move_tr!("field-aliases") name="form[aliases]" value=current.aliases.unwrap_or_default() hint=move_tr!("aliases-hint") autocomplete="off" error />
        <Choices legend=move_tr!("field-gender") name="form[gender]" key="gender" options=genders error />
        <TextField label=move_tr!("field-date-of-birth") name="form[date_of_birth]" kind="date" value=current.date_of_birth.map(|d| d.to_string()).unwrap_or_default() hint=move_tr!("date-of-birth-hint") error />
        <div class="field field-check">
            <input type="checkbox" id="person-declared-minor" name="form[declared_minor]" checked=minor />
            <label for="person-declared-minor">{move_tr!("field-declared-minor")}</label>
        </div>
        {move || error.get().and_then(|e| e.problem_for("declared_minor")).map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
        <div class="field field-check">
            <input type="checkbox" id="person-unaccompanied" name="form[unaccompanied]" checked=unaccompanied />
            <label for="person-unaccompanied">{move_tr!("field-unaccompanied")}</label>
        </div>
        {move || error.get().and_then(|e| e.problem_for("unaccompanied")).map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
        <TextField label=move_tr!("field-guardian") name="form[guardian]" value=current.guardian.unwrap_or_default() hint=move_tr!("guardian-hint") autocomplete="off" error />
        <SelectField label=move_tr!("field-nationality") name="form[nationality]" options=nationality_options(tr!("nationality-not-known")) selected=nationality error />
        <TextField label=move_tr!("field-languages") name="form[languages]" value=current.languages.unwrap_or_default() autocomplete="off" error />
        <TextField label=move_tr!("field-documents") name="form[documents]" value=current.documents.unwrap_or_default() hint=move_tr!("documents-hint") autocomplete="off" error />
        <TextField label=move_tr!("field-phone") name="form[phone]" kind="tel" value=current.phone.unwrap_or_default() autocomplete="off" error />
    }
}

#[component]
pub fn RegisterPersonPage() -> impl IntoView {
    let register = ServerAction::<RegisterPerson>::new();
    let error = Signal::derive(move || register.value().get().and_then(|r| r.err()));
    let exploitation = Exploitation::ALL
        .iter()
        .map(|k| {
            (
                k.code(),
                Signal::derive(move || exploitation_name(*k)),
                false,
            )
        })
        .collect();
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "people-register")
        }) />
        <h1>{move_tr!("people-register")}</h1>
        <p class="lead">{move_tr!("register-intro")}</p>
        <section class="panel">
            <ActionForm action=register>
                <FormErrorSummary error />
                <IdentityFields current=None gender=None minor=false unaccompanied=false error />
                <Choices legend=move_tr!("field-exploitation") name="form[exploitation]" key="exploitation" kind="checkbox" options=exploitation error />
                <SelectField
                    label=move_tr!("field-province-in-charge")
                    name="form[province]"
                    options=PROVINCES.iter().map(|(code, name, _)| (code.to_string(), format!("{name} ({code})"))).collect()
                    required=true
                    error
                />
                <TextField label=move_tr!("field-family-head") name="form[family_head]" hint=move_tr!("family-head-hint") error />
                <div class="field field-check">
                    <input type="checkbox" id="person-consent" name="form[consent_processing]" />
                    <label for="person-consent">{move_tr!("field-consent-processing-today")}</label>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary" disabled=move || register.pending().get()>
                        {move_tr!("register-submit")}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

// ---------------------------------------------------------------- the person's page

#[component]
pub fn PersonDetailPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let identity = ServerAction::<SaveIdentity>::new();
    let path = ServerAction::<SavePath>::new();
    let add = ServerAction::<AddOrganisationInCharge>::new();
    let remove = ServerAction::<RemoveOrganisationInCharge>::new();
    let reference = ServerAction::<SetReferenceOperator>::new();
    let consent = ServerAction::<RecordConsent>::new();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let wait = ServerAction::<AddToWaitingList>::new();
    let unwait = ServerAction::<WithdrawFromWaitingList>::new();
    let anonymise = ServerAction::<AnonymisePerson>::new();
    let versions = move || {
        (
            identity.version().get(),
            path.version().get(),
            add.version().get(),
            remove.version().get(),
            reference.version().get(),
            consent.version().get(),
            withdraw.version().get(),
            wait.version().get(),
            unwait.version().get(),
            anonymise.version().get(),
        )
    };
    let data = Resource::new(
        move || (code.get(), versions()),
        |(code, _)| fetch_person(code),
    );
    let actions = PersonActions {
        identity,
        path,
        add,
        remove,
        reference,
        consent,
        withdraw,
        wait,
        unwait,
        anonymise,
    };
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "person-title", { "code" => code.get() })
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <PersonView page actions /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct PersonActions {
    identity: ServerAction<SaveIdentity>,
    path: ServerAction<SavePath>,
    add: ServerAction<AddOrganisationInCharge>,
    remove: ServerAction<RemoveOrganisationInCharge>,
    reference: ServerAction<SetReferenceOperator>,
    consent: ServerAction<RecordConsent>,
    withdraw: ServerAction<WithdrawConsent>,
    wait: ServerAction<AddToWaitingList>,
    unwait: ServerAction<WithdrawFromWaitingList>,
    anonymise: ServerAction<AnonymisePerson>,
}

#[component]
fn PersonView(page: PersonPage, actions: PersonActions) -> impl IntoView {
    let code = page.person.code.clone();
    let who = who_text(&page.person);
    let status = page.person.status;
    let exit = page.exit_outcome;
    let kinds = page.person.exploitation.clone();
    view! {
        <p><a href="/persone">{move_tr!("back-to-people")}</a></p>
        <h1>
            <span class="code">{code.clone()}</span>
            " "
            <span class="badge">{move || status_name(status)}</span>
        </h1>
        <p class="lead">{who} " · " {move || kinds_text(&kinds)}</p>
        {page.person.anonymised.then(|| view! { <p class="notice" role="status">{move_tr!("person-anonymised")}</p> })}
        {page.coming_of_age_in_days.map(|days| view! {
            <p class="notice warning" role="status">{move_tr!("person-coming-of-age", { "days" => days })}</p>
        })}
        {page.possible_duplicate.then(|| view! {
            <p class="notice warning" role="status">{move_tr!("person-possible-duplicate")}</p>
        })}
        {page.duplicate_of.clone().map(|other| view! {
            <p class="notice">{move_tr!("person-linked-to", { "code" => other.clone() })}</p>
        })}
        {page.may_manage.then(|| {
            let plan = format!("/persone/{code}/progetto");
            let diary = format!("/persone/{code}/diario");
            view! {
                <p class="button-row">
                    <a class="button primary" href=plan>{move_tr!("person-plan-link")}</a>
                    <a class="button secondary" href=diary>{move_tr!("person-diary-link")}</a>
                </p>
            }
        })}
        <div class="person-grid">
            <IdentitySection page=page.clone() action=actions.identity />
            <section class="panel">
                <h2>{move_tr!("person-path")}</h2>
                <dl class="facts">
                    <dt>{move_tr!("field-status")}</dt>
                    <dd>{move || status_name(status)}</dd>
                    {exit.map(|outcome| view! {
                        <dt>{move_tr!("field-exit-outcome")}</dt>
                        <dd>{move || exit_outcome_name(outcome)}</dd>
                    })}
                    <dt>{move_tr!("field-province-in-charge")}</dt>
                    <dd>{page.province.clone()}</dd>
                    {page.family_head.clone().map(|head| view! {
                        <dt>{move_tr!("field-family-head")}</dt>
                        <dd><a href=format!("/persone/{head}") class="code">{head.clone()}</a></dd>
                    })}
                    {(!page.children.is_empty()).then(|| view! {
                        <dt>{move_tr!("person-children")}</dt>
                        <dd>{page.children.iter().map(|c| view! { <a href=format!("/persone/{c}") class="code">{c.clone()}</a>" " }).collect_view()}</dd>
                    })}
                </dl>
                {page.may_manage.then(|| view! { <PathForm page=page.clone() action=actions.path /> })}
            </section>
            <TeamSection page=page.clone() actions />
            <ScreeningList rows=page.screenings.clone() code=page.person.code.clone() may_screen=page.may_manage />
            <WaitingSection
                code=page.person.code.clone()
                entry=page.waiting.clone()
                may_manage=page.may_manage
                is_coordinator=page.is_coordinator
                minor=page.person.minor
                add=actions.wait
                withdraw=actions.unwait
            />
            {page.may_manage.then(|| view! { <crate::beds::safeguards::SafeguardsSection code=page.person.code.clone() /> })}
            <ConsentSection page=page.clone() actions />
            {(page.access == PersonAccess::Identity && !page.person.anonymised).then(|| view! { <RightsSection code=page.person.code.clone() action=actions.anonymise /> })}
            {(page.access == PersonAccess::Identity).then(|| view! { <AccessLog rows=page.access_log.clone() /> })}
        </div>
    }
}

#[component]
fn IdentitySection(page: PersonPage, action: ServerAction<SaveIdentity>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let Some(identity) = page.identity.clone() else {
        return view! {
            <section class="panel">
                <h2>{move_tr!("person-identity")}</h2>
                <p class="notice">{move_tr!("person-identity-hidden")}</p>
            </section>
        }
        .into_any();
    };
    let shown = identity.clone();
    let field = |value: Option<String>| value.unwrap_or_else(|| "—".to_string());
    let edit = page.may_manage.then(|| {
        let code = page.person.code.clone();
        let province = page.province.clone();
        view! {
            <details class="more-details">
                <summary>{move_tr!("person-identity-edit")}</summary>
                <ActionForm action>
                    <FormErrorSummary error />
                    <input type="hidden" name="code" value=code />
                    <input type="hidden" name="form[province]" value=province />
                    <IdentityFields current=Some(identity.clone()) gender=Some(page.person.gender) minor=page.person.minor && identity.date_of_birth.is_none() unaccompanied=page.unaccompanied error />
                    <div class="form-actions">
                        <button type="submit" class="button primary" disabled=move || action.pending().get()>{move_tr!("save")}</button>
                    </div>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="panel identity" data-identity="shown">
            <h2>{move_tr!("person-identity")}</h2>
            <p class="hint">{move_tr!("person-identity-logged")}</p>
            <dl class="facts">
                <dt>{move_tr!("field-family-name")}</dt><dd>{shown.family_name.clone()}</dd>
                <dt>{move_tr!("field-given-names")}</dt><dd>{shown.given_names.clone()}</dd>
                <dt>{move_tr!("field-aliases")}</dt><dd>{field(shown.aliases.clone())}</dd>
                <dt>{move_tr!("field-date-of-birth")}</dt>
                <dd>{shown.date_of_birth.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "—".into())}</dd>
                <dt>{move_tr!("field-nationality")}</dt>
                <dd>{move || shown.nationality.map(nationality_name).unwrap_or_else(|| "—".into())}</dd>
                <dt>{move_tr!("field-languages")}</dt><dd>{field(shown.languages.clone())}</dd>
                <dt>{move_tr!("field-documents")}</dt><dd>{field(shown.documents.clone())}</dd>
                <dt>{move_tr!("field-phone")}</dt><dd>{field(shown.phone.clone())}</dd>
                <dt>{move_tr!("field-guardian")}</dt><dd>{field(shown.guardian.clone())}</dd>
            </dl>
            {edit}
        </section>
    }
    .into_any()
}

#[component]
fn PathForm(page: PersonPage, action: ServerAction<SavePath>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let statuses: Vec<(String, String)> = PathStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), status_name(*s)))
        .collect();
    let outcomes: Vec<(String, String)> = std::iter::once((String::new(), "—".to_string()))
        .chain(
            ExitOutcome::ALL
                .iter()
                .map(|o| (o.code().to_string(), exit_outcome_name(*o))),
        )
        .collect();
    let kinds = Exploitation::ALL
        .iter()
        .map(|k| {
            let checked = page.person.exploitation.contains(k);
            (
                k.code(),
                Signal::derive(move || exploitation_name(*k)),
                checked,
            )
        })
        .collect();
    view! {
        <details class="more-details">
            <summary>{move_tr!("person-path-edit")}</summary>
            <ActionForm action>
                <FormErrorSummary error />
                <input type="hidden" name="code" value=page.person.code.clone() />
                <SelectField label=move_tr!("field-status") name="form[status]" options=statuses selected=page.person.status.code().to_string() error />
                <SelectField label=move_tr!("field-exit-outcome") name="form[exit_outcome]" options=outcomes selected=page.exit_outcome.map(|o| o.code().to_string()).unwrap_or_default() error />
                <Choices legend=move_tr!("field-exploitation") name="form[exploitation]" key="exploitation" kind="checkbox" options=kinds error />
                <div class="form-actions">
                    <button type="submit" class="button primary" disabled=move || action.pending().get()>{move_tr!("save")}</button>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
fn TeamSection(page: PersonPage, actions: PersonActions) -> impl IntoView {
    let add_error = Signal::derive(move || actions.add.value().get().and_then(|r| r.err()));
    let remove_error = Signal::derive(move || actions.remove.value().get().and_then(|r| r.err()));
    let reference_error =
        Signal::derive(move || actions.reference.value().get().and_then(|r| r.err()));
    let code = page.person.code.clone();
    let can_remove = (page.may_manage || page.is_coordinator) && page.in_charge.len() > 1;
    let rows = page.in_charge.clone().into_iter().map(|row| {
        let code = code.clone();
        view! {
            <li>
                <strong>{row.organisation.clone()}</strong>
                <br />
                {match row.reference.clone() {
                    Some(name) => view! { <span>{move_tr!("person-reference", { "name" => name.clone() })}</span> }.into_any(),
                    None => view! { <span class="hint">{move_tr!("person-no-reference")}</span> }.into_any(),
                }}
                " · " {move_tr!("person-since")} " " {day(row.since)}
                {can_remove.then(|| view! {
                    <ActionForm action=actions.remove attr:class="inline-form">
                        <input type="hidden" name="code" value=code.clone() />
                        <input type="hidden" name="organisation_id" value=row.organisation_id.to_string() />
                        <button type="submit" class="button small">{move_tr!("person-remove-organisation")}</button>
                    </ActionForm>
                })}
            </li>
        }
    }).collect_view();
    let reference_code = code.clone();
    let reference_form = (page.may_manage && !page.reference_choices.is_empty()).then(move || view! {
        <ActionForm action=actions.reference>
            <FormErrorSummary error=reference_error />
            <input type="hidden" name="code" value=reference_code />
            <SelectField label=move_tr!("field-reference-operator") name="reference_user_id" options=page.reference_choices.iter().map(|(id, name)| (id.to_string(), name.clone())).collect() selected=page.own_reference.map(|id| id.to_string()).unwrap_or_default() error=reference_error />
            {if page.own_reference.is_some() {
                view! {
                    <div class="field">
                        <label for="handover-note">{move_tr!("field-handover-note")}</label>
                        <p class="hint" id="handover-note-hint">{move_tr!("handover-note-hint")}</p>
                        <textarea id="handover-note" name="handover_note" rows="4" maxlength="4000" aria-describedby="handover-note-hint handover-note-error"></textarea>
                        {move || reference_error.get().and_then(|e| e.problem_for("handover_note")).map(|problem| view! {
                            <p class="field-error" id="handover-note-error">{problem_message(problem)}</p>
                        })}
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="handover_note" value="" /> }.into_any()
            }}
            <div class="form-actions"><button type="submit" class="button">{move_tr!("save")}</button></div>
        </ActionForm>
    });
    let in_charge_ids: Vec<i32> = page.in_charge.iter().map(|r| r.organisation_id).collect();
    let add_form = ((page.may_manage || page.is_coordinator) && !page.person.anonymised).then(|| {
        let options: Vec<(String, String)> = std::iter::once((String::new(), tr!("choose")))
            .chain(page.organisation_choices.iter().filter(|(id, _)| !in_charge_ids.contains(id)).map(|(id, name)| (id.to_string(), name.clone())))
            .collect();
        view! {
            <details class="more-details">
                <summary>{move_tr!("person-add-organisation")}</summary>
                <p class="hint">{move_tr!("person-add-organisation-hint")}</p>
                <ActionForm action=actions.add>
                    <FormErrorSummary error=add_error />
                    <input type="hidden" name="code" value=code.clone() />
                    <SelectField label=move_tr!("field-organisation") name="form[organisation_id]" options required=true error=add_error />
                    {page.is_coordinator.then(|| view! {
                        <TextField label=move_tr!("field-override-reason") name="form[override_reason]" hint=move_tr!("override-reason-hint") error=add_error />
                    })}
                    <div class="form-actions"><button type="submit" class="button primary">{move_tr!("person-add-organisation")}</button></div>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="panel">
            <h2>{move_tr!("person-team")}</h2>
            <FormErrorSummary error=remove_error />
            <ul class="plain-list">{rows}</ul>
            {reference_form}
            {add_form}
        </section>
    }
}

#[component]
fn ConsentSection(page: PersonPage, actions: PersonActions) -> impl IntoView {
    let error = Signal::derive(move || actions.consent.value().get().and_then(|r| r.err()));
    let withdraw_error =
        Signal::derive(move || actions.withdraw.value().get().and_then(|r| r.err()));
    let code = page.person.code.clone();
    let manage = page.may_manage;
    let rows = page.consents.clone().into_iter().map(|row| {
        let code = code.clone();
        let kind = row.kind;
        let active = row.withdrawn_on.is_none();
        view! {
            <tr>
                <th scope="row">{move || consent_kind_name(kind)} {row.organisation.clone().map(|o| format!(" — {o}"))}</th>
                <td data-label=move || tr!("field-given-on")>{day(row.given_on)}</td>
                <td data-label=move || tr!("field-withdrawn-on")>
                    {match row.withdrawn_on {
                        Some(date) => day(date).into_any(),
                        None => view! { <span class="badge badge-ok">{move_tr!("consent-active")}</span> }.into_any(),
                    }}
                </td>
                <td>
                    {(manage && active).then(|| view! {
                        <ActionForm action=actions.withdraw attr:class="inline-form">
                            <input type="hidden" name="code" value=code.clone() />
                            <input type="hidden" name="consent_id" value=row.id.to_string() />
                            <button type="submit" class="button small">{move_tr!("consent-withdraw")}</button>
                        </ActionForm>
                    })}
                </td>
            </tr>
        }
    }).collect_view();
    let kinds: Vec<(String, String)> = ConsentKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), consent_kind_name(*k)))
        .collect();
    let organisations: Vec<(String, String)> = std::iter::once((String::new(), "—".to_string()))
        .chain(
            page.organisation_choices
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect();
    let today = chrono::Utc::now().date_naive().to_string();
    view! {
        <section class="panel">
            <h2>{move_tr!("person-consents")}</h2>
            <FormErrorSummary error=withdraw_error />
            {if page.consents.is_empty() {
                view! { <p>{move_tr!("consents-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{move_tr!("field-consent-kind")}</th>
                                <th scope="col">{move_tr!("field-given-on")}</th>
                                <th scope="col">{move_tr!("field-withdrawn-on")}</th>
                                <th scope="col"><span class="visually-hidden">{move_tr!("actions")}</span></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {manage.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("consent-record")}</summary>
                    <ActionForm action=actions.consent>
                        <FormErrorSummary error />
                        <input type="hidden" name="code" value=code.clone() />
                        <SelectField label=move_tr!("field-consent-kind") name="form[kind]" options=kinds error />
                        <SelectField label=move_tr!("field-consent-organisation") name="form[organisation_id]" options=organisations error />
                        <TextField label=move_tr!("field-given-on") name="form[given_on]" kind="date" value=today required=true error />
                        <div class="form-actions"><button type="submit" class="button primary">{move_tr!("consent-record")}</button></div>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

/// Export (JSON, CSV) and anonymisation: only for who sees the identity.
#[component]
fn RightsSection(code: String, action: ServerAction<AnonymisePerson>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let reasons: Vec<(String, String)> = vec![
        ("request".to_string(), tr!("anonymise-request")),
        ("retention".to_string(), tr!("anonymise-retention")),
    ];
    view! {
        <section class="panel">
            <h2>{move_tr!("person-rights")}</h2>
            <p class="hint">{move_tr!("person-rights-hint")}</p>
            <p class="button-row">
                <a class="button" href=format!("/persone/{code}/esporta/json") download="">{move_tr!("person-export-json")}</a>
                " "
                <a class="button" href=format!("/persone/{code}/esporta/csv") download="">{move_tr!("person-export-csv")}</a>
            </p>
            <details class="more-details">
                <summary>{move_tr!("person-anonymise")}</summary>
                <ActionForm action>
                    <FormErrorSummary error />
                    <input type="hidden" name="code" value=code.clone() />
                    <SelectField label=move_tr!("field-anonymise-reason") name="reason" options=reasons error />
                    <div class="field field-check">
                        <input type="checkbox" id="anonymise-confirm" name="confirm" required=true />
                        <label for="anonymise-confirm">{move_tr!("field-anonymise-confirm")}</label>
                    </div>
                    <div class="form-actions"><button type="submit" class="button danger">{move_tr!("person-anonymise")}</button></div>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn AccessLog(rows: Vec<AccessLogRow>) -> impl IntoView {
    view! {
        <section class="panel wide">
            <h2>{move_tr!("person-access-log")}</h2>
            <p class="hint">{move_tr!("person-access-log-hint")}</p>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{move_tr!("audit-when")}</th>
                        <th scope="col">{move_tr!("audit-who")}</th>
                        <th scope="col">{move_tr!("audit-action")}</th>
                        <th scope="col">{move_tr!("audit-outcome")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let when = row.occurred_at.format("%Y-%m-%d %H:%M UTC").to_string();
                            let action = row.action.clone();
                            let outcome = row.outcome.clone();
                            view! {
                                <tr>
                                    <th scope="row">{when}</th>
                                    <td data-label=move || tr!("audit-who")>{row.who.clone()} <br /><small>{row.organisation.clone()}</small></td>
                                    <td data-label=move || tr!("audit-action")>{move || crate::audit::components::action_name(&action)}</td>
                                    <td data-label=move || tr!("audit-outcome")>{move || crate::audit::components::outcome_text(&outcome)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

// ---------------------------------------------------------------- duplicates

#[component]
pub fn DuplicatesPage() -> impl IntoView {
    let link = ServerAction::<LinkDuplicate>::new();
    let data = Resource::new(move || link.version().get(), |_| fetch_duplicates());
    let error = Signal::derive(move || link.value().get().and_then(|r| r.err()));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "duplicates-title")
        }) />
        <p><a href="/persone">{move_tr!("back-to-people")}</a></p>
        <h1>{move_tr!("duplicates-title")}</h1>
        <p class="lead">{move_tr!("duplicates-intro")}</p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(groups) if groups.is_empty() => view! { <p class="panel">{move_tr!("duplicates-none")}</p> }.into_any(),
                    Ok(groups) => groups.into_iter().map(|group| view! { <DuplicateGroupView group link /> }).collect_view().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DuplicateGroupView(group: DuplicateGroup, link: ServerAction<LinkDuplicate>) -> impl IntoView {
    let earliest = group.records[0].code.clone();
    view! {
        <section class="panel">
            <ul class="plain-list">
                {group.records.into_iter().enumerate().map(|(index, record)| {
                    let status = record.status;
                    let earliest = earliest.clone();
                    view! {
                        <li>
                            <a class="code" href=format!("/persone/{}", record.code)>{record.code.clone()}</a>
                            " · " {record.organisation.clone()} " · " {move || status_name(status)}
                            " · " {move_tr!("people-registered-on")} " " {day(record.registered_on)}
                            {record.linked_to.clone().map(|other| view! { <br /><span class="badge">{move_tr!("person-linked-to", { "code" => other.clone() })}</span> })}
                            {(index > 0 && record.linked_to.is_none()).then(|| view! {
                                <ActionForm action=link attr:class="inline-form">
                                    <input type="hidden" name="code" value=record.code.clone() />
                                    <input type="hidden" name="earlier" value=earliest.clone() />
                                    <button type="submit" class="button small">{move_tr!("duplicates-link", { "code" => earliest.clone() })}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
