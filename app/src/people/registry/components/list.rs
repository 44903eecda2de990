//! The list of people, with its filters and paging.

use super::*;
use crate::ui::forms::{coded_choices, organisation_choices, FilterSelect};
use crate::ui::submit::Submit;

#[component]
pub fn PeopleListPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        PeopleFilter {
            // `codice` is the old name of the search, still in saved links.
            search: q
                .get("cerca")
                .or_else(|| q.get("codice"))
                .unwrap_or_default(),
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

pub(super) fn page_link(filter: &PeopleFilter, page: u64) -> String {
    let mut pairs = vec![];
    for (key, value) in [
        ("cerca", &filter.search),
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
pub(super) fn PeopleList(list: PeopleList, filter: PeopleFilter) -> impl IntoView {
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
    view! {
        {may_register.then(|| view! {
            <p><a class="button primary" href="/persone/nuova">{move_tr!("people-register")}</a></p>
        })}
        {may_link_duplicates.then(|| view! {
            <p><a class="button" href="/persone/doppioni">{move_tr!("duplicates-title")}</a></p>
        })}
        <PeopleFilters filter organisations />
        <section class="panel">
            <p role="status">{move_tr!("people-found", { "count" => total })}</p>
            {if rows.is_empty() {
                view! { <p>{move_tr!("people-none")}</p> }.into_any()
            } else {
                view! { <PeopleTable rows /> }.into_any()
            }}
            <nav class="pager" aria-label=move || tr!("pager-label")>
                {previous.map(|href| view! { <a href=href rel="prev">{move_tr!("pager-previous")}</a> })}
                <span>{move_tr!("pager-position", { "page" => page, "pages" => pages })}</span>
                {next.map(|href| view! { <a href=href rel="next">{move_tr!("pager-next")}</a> })}
            </nav>
        </section>
    }
}

/// The filter form above the list, showing the filters in force.
#[component]
fn PeopleFilters(filter: PeopleFilter, organisations: Vec<(i32, String)>) -> impl IntoView {
    view! {
        <form method="get" action="/persone" class="panel filters">
            <h2 class="visually-hidden">{move_tr!("filters")}</h2>
            <div class="field">
                <label for="filter-search">{move_tr!("people-search")}</label>
                <p class="hint" id="filter-search-hint">{move_tr!("people-search-hint")}</p>
                <input type="search" id="filter-search" name="cerca" value=filter.search.clone()
                    autocomplete="off" aria-describedby="filter-search-hint" />
            </div>
            <FilterSelect label=move_tr!("field-status") id="filter-status" name="stato"
                choices=coded_choices(PathStatus::ALL, PathStatus::code, status_name) current=filter.status.clone() />
            <FilterSelect label=move_tr!("field-organisation-in-charge") id="filter-organisation" name="organizzazione"
                choices=organisation_choices(organisations) current=filter.organisation.clone() />
            <FilterSelect label=move_tr!("field-exploitation") id="filter-exploitation" name="sfruttamento"
                choices=coded_choices(Exploitation::ALL, Exploitation::code, exploitation_name) current=filter.exploitation.clone() />
            <FilterSelect label=move_tr!("field-age") id="filter-age" name="eta" current=filter.age.clone()
                choices=vec![
                    ("minor".to_string(), move_tr!("filter-minors")),
                    ("adult".to_string(), move_tr!("filter-adults")),
                ] />
            <div class="form-actions">
                <Submit class="button">{move_tr!("filter-apply")}</Submit>
            </div>
        </form>
    }
}

/// The table of the people on this page of the list.
#[component]
fn PeopleTable(rows: Vec<PersonRow>) -> impl IntoView {
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
                                <th scope="row">
                                    <a href=href class="code">{row.code.clone()}</a>
                                    {row.name.clone().map(|name| view! { <br /><span class="person-name">{name}</span> })}
                                </th>
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
    }
}
