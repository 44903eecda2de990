//! The waiting list page and the waiting-list section of a person's page.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::api::*;
use super::model::*;
use crate::auth::model::PROVINCES;
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::{FormErrorSummary, SelectField, TextField};
use crate::ui::pages::Loading;
use crate::ui::time::{day, day_text};

pub fn urgency_name(urgency: Urgency) -> String {
    match urgency {
        Urgency::Immediate => tr!("urgency-immediate"),
        Urgency::High => tr!("urgency-high"),
        Urgency::Normal => tr!("urgency-normal"),
    }
}

pub fn target_group_name(group: TargetGroup) -> String {
    match group {
        TargetGroup::Women => tr!("target-women"),
        TargetGroup::Men => tr!("target-men"),
        TargetGroup::Transgender => tr!("target-transgender"),
        TargetGroup::MothersWithChildren => tr!("target-mothers-with-children"),
        TargetGroup::Girls16To18 => tr!("target-girls-16-18"),
    }
}

/// "Madre con figli (2), minorenne, disabilità, lingua: inglese".
pub fn needs_text(row: &WaitingRow) -> String {
    let mut parts = vec![target_group_name(row.target_group)];
    if row.children > 0 {
        parts.push(tr!("waiting-children", { "count" => row.children }));
    }
    if row.minor {
        parts.push(tr!("person-minor"));
    }
    if row.disability {
        parts.push(tr!("waiting-disability"));
    }
    if let Some(language) = &row.language {
        parts.push(tr!("waiting-language", { "language" => language.clone() }));
    }
    parts.join(", ")
}

/// "In attesa da 3 giorni" (a function of its own: the translation checker does not look
/// inside closures nested in views).
fn waited_text(days: i64) -> String {
    tr!("waiting-days", { "days" => days })
}

#[component]
pub fn WaitingListPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| fetch_waiting_list());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-waiting-list")
        }) />
        <h1>{move_tr!("nav-waiting-list")}</h1>
        <p class="lead">{move_tr!("waiting-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(list) => view! { <WaitingTable rows=list.rows /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WaitingTable(rows: Vec<WaitingRow>) -> impl IntoView {
    let count = rows.len();
    view! {
        <section class="panel">
            <p role="status">{move_tr!("waiting-count", { "count" => count })}</p>
            {(count > 0).then(|| view! {
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{move_tr!("field-network-code")}</th>
                            <th scope="col">{move_tr!("field-urgency")}</th>
                            <th scope="col">{move_tr!("waiting-needs")}</th>
                            <th scope="col">{move_tr!("field-preferred-province")}</th>
                            <th scope="col">{move_tr!("field-wanted-from")}</th>
                            <th scope="col">{move_tr!("waiting-proposed-by")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let urgency = row.urgency;
                                let days = row.waiting_days;
                                let waited = move || waited_text(days);
                                let needs_row = row.clone();
                                view! {
                                    <tr class=format!("urgency-{}", urgency.code())>
                                        <th scope="row"><a class="code" href=format!("/persone/{}", row.code)>{row.code.clone()}</a></th>
                                        <td data-label=move || tr!("field-urgency")><span class="badge">{move || urgency_name(urgency)}</span></td>
                                        <td data-label=move || tr!("waiting-needs")>{move || needs_text(&needs_row)}</td>
                                        <td data-label=move || tr!("field-preferred-province")>{row.preferred_province.clone().unwrap_or_else(|| "—".into())}</td>
                                        <td data-label=move || tr!("field-wanted-from")>
                                            {day(row.wanted_from)}
                                            <br /><small>{waited}</small>
                                        </td>
                                        <td data-label=move || tr!("waiting-proposed-by")>{row.organisation.clone()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}

/// On the person's page: her entry, or the form that proposes her for shelter.
#[component]
pub fn WaitingSection(
    code: String,
    entry: Option<WaitingRow>,
    may_manage: bool,
    is_coordinator: bool,
    minor: bool,
    add: ServerAction<AddToWaitingList>,
    withdraw: ServerAction<WithdrawFromWaitingList>,
) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(|r| r.err()));
    let withdraw_error = Signal::derive(move || withdraw.value().get().and_then(|r| r.err()));
    let body = match entry {
        Some(row) => {
            let urgency = row.urgency;
            let needs_row = row.clone();
            view! {
                <p>
                    <span class="badge">{move || urgency_name(urgency)}</span> " "
                    {move || needs_text(&needs_row)}
                </p>
                <p>{move_tr!("waiting-since", { "date" => day_text(row.wanted_from), "days" => row.waiting_days })}</p>
                {(may_manage || is_coordinator).then(|| view! {
                    <ActionForm action=withdraw>
                        <FormErrorSummary error=withdraw_error />
                        <input type="hidden" name="code" value=code.clone() />
                        <Submit action=withdraw class="button">{move_tr!("waiting-withdraw")}</Submit>
                    </ActionForm>
                })}
            }
            .into_any()
        }
        None if may_manage => {
            let urgencies: Vec<(String, String)> = Urgency::ALL
                .iter()
                .map(|u| (u.code().to_string(), urgency_name(*u)))
                .collect();
            let groups: Vec<(String, String)> = TargetGroup::ALL
                .iter()
                .map(|g| (g.code().to_string(), target_group_name(*g)))
                .collect();
            let provinces: Vec<(String, String)> =
                std::iter::once((String::new(), tr!("waiting-any-province")))
                    .chain(
                        PROVINCES
                            .iter()
                            .map(|(code, name, _)| (code.to_string(), format!("{name} ({code})"))),
                    )
                    .collect();
            let today = chrono::Utc::now().date_naive().to_string();
            view! {
                <p>{move_tr!("waiting-not-waiting")}</p>
                <details class="more-details">
                    <summary>{move_tr!("waiting-propose")}</summary>
                    <ActionForm action=add>
                        <FormErrorSummary error />
                        <input type="hidden" name="code" value=code.clone() />
                        <SelectField label=move_tr!("field-urgency") name="form[urgency]" options=urgencies selected="normal".to_string() required=true error />
                        <SelectField label=move_tr!("field-target-group") name="form[target_group]" options=groups required=true error />
                        <TextField label=move_tr!("field-children") name="form[children]" kind="number" value="0".to_string() error />
                        <div class="field field-check">
                            <input type="checkbox" id="waiting-minor" name="form[minor]" checked=minor />
                            <label for="waiting-minor">{move_tr!("person-minor")}</label>
                        </div>
                        <div class="field field-check">
                            <input type="checkbox" id="waiting-disability" name="form[disability]" />
                            <label for="waiting-disability">{move_tr!("waiting-disability")}</label>
                        </div>
                        <TextField label=move_tr!("field-waiting-language") name="form[language]" error />
                        <SelectField label=move_tr!("field-preferred-province") name="form[preferred_province]" options=provinces error />
                        <TextField label=move_tr!("field-wanted-from") name="form[wanted_from]" kind="date" value=today required=true error />
                        <div class="form-actions"><Submit action=add class="button primary">{move_tr!("waiting-propose")}</Submit></div>
                    </ActionForm>
                </details>
            }
            .into_any()
        }
        None => view! { <p>{move_tr!("waiting-not-waiting")}</p> }.into_any(),
    };
    view! {
        <section class="panel">
            <h2>{move_tr!("person-waiting")}</h2>
            {body}
        </section>
    }
}
