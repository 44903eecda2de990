//! My work: what is due, for the plans a worker is on.

use super::*;
use crate::network::components::NetworkDues;
use crate::path::components::PathDates;

#[component]
pub fn MyWorkPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| fetch_my_work());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "my-work-title")
        }) />
        <h1>{move_tr!("my-work-title")}</h1>
        <p class="hint">{move_tr!("my-work-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(work) => view! { <MyWorkView work /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn MyWorkView(work: MyWork) -> impl IntoView {
    let nothing = work.overdue.is_empty()
        && work.upcoming.is_empty()
        && work.coming_of_age.is_empty()
        && work.reviews.is_empty()
        && work.permits.is_empty()
        && work.path_dates.is_empty()
        && work.network.is_empty();
    let overdue_count = work.overdue.len();
    let network = view! {
        <section class="panel" aria-labelledby="network-dues-heading">
            <h2 id="network-dues-heading">{move_tr!("my-work-network")}</h2>
            <NetworkDues dues=work.network.clone() today=work.today />
        </section>
    };
    if !work.works_with_people {
        return view! {
            {nothing.then(|| view! { <p class="notice success">{move_tr!("my-work-nothing")}</p> })}
            {network}
        }
        .into_any();
    }
    view! {
        {nothing.then(|| view! { <p class="notice success">{move_tr!("my-work-nothing")}</p> })}
        <section class="panel" aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">{move_tr!("my-work-overdue", { "count" => overdue_count })}</h2>
            <WorkTable items=work.overdue.clone() overdue=true />
        </section>
        <section class="panel" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{move_tr!("my-work-upcoming", { "days" => UPCOMING_DAYS })}</h2>
            <WorkTable items=work.upcoming.clone() overdue=false />
        </section>
        <section class="panel" aria-labelledby="path-dates-heading">
            <h2 id="path-dates-heading">{move_tr!("my-work-path-dates")}</h2>
            <PathDates dates=work.path_dates.clone() today=work.today />
        </section>
        {network}
        <section class="panel" aria-labelledby="reviews-due-heading">
            <h2 id="reviews-due-heading">{move_tr!("my-work-reviews")}</h2>
            {if work.reviews.is_empty() {
                view! { <p>{move_tr!("my-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {work.reviews.iter().cloned().map(|(code, scheduled)| {
                            let late = scheduled < work.today;
                            view! {
                                <li class:overdue=late>
                                    <a class="code" href=format!("/persone/{code}/progetto#verifiche")>{code.clone()}</a>
                                    " · " {move_tr!("my-work-review-on", { "date" => day_text(scheduled) })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="permits-due-heading">
            <h2 id="permits-due-heading">{move_tr!("my-work-permits")}</h2>
            {if work.permits.is_empty() {
                view! { <p>{move_tr!("my-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {work.permits.iter().cloned().map(|(code, kind, expires)| view! {
                            <li>
                                <a class="code" href=format!("/persone/{code}/progetto#permessi")>{code.clone()}</a>
                                " · " {move || permit_kind_name(kind)}
                                " · " {move_tr!("my-work-permit-expires", { "date" => day_text(expires) })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="coming-of-age-heading">
            <h2 id="coming-of-age-heading">{move_tr!("my-work-coming-of-age")}</h2>
            {if work.coming_of_age.is_empty() {
                view! { <p>{move_tr!("my-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {work.coming_of_age.iter().cloned().map(|(code, days)| view! {
                            <li>
                                <a class="code" href=format!("/persone/{code}")>{code.clone()}</a>
                                " · " {move_tr!("my-work-turns-18", { "days" => days })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
pub(super) fn WorkTable(items: Vec<WorkItem>, overdue: bool) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{move_tr!("my-work-none")}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{move_tr!("field-network-code")}</th>
                    <th scope="col">{move_tr!("plan-field-area")}</th>
                    <th scope="col">{move_tr!("plan-field-service")}</th>
                    <th scope="col">{move_tr!("plan-field-planned-end")}</th>
                    <th scope="col">{move_tr!("plan-field-status")}</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|item| {
                        let (area, status, service) = (item.area, item.status, item.service.clone());
                        view! {
                            <tr class:overdue=overdue>
                                <th scope="row"><a class="code" href=format!("/persone/{}/progetto#area-{}", item.code, area.code())>{item.code.clone()}</a></th>
                                <td>{move || area_name(area)}</td>
                                <td>
                                    {move || service_label(&service)}
                                    {item.mine.then(|| view! { " " <span class="badge">{move_tr!("my-work-yours")}</span> })}
                                </td>
                                <td>{day(item.planned_end)}</td>
                                <td>{move || action_status_name(status)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
