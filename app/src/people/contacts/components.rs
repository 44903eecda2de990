//! The contact log page: one form, fast on a phone (a contact is three or four taps), and
//! the recent contacts of the user's organisation below it.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{fetch_contact_log, LogContact};
use super::model::{Channel, ContactLog, ContactRow};
use super::offline::{tell_worker, PhoneOutbox, Waiting};
use crate::auth::model::PROVINCES;
use crate::people::components::{
    age_band_name, exploitation_name, exploitation_options, gender_name, nationality_name,
};
use crate::people::model::{AgeBand, Gender, Nationality};
use crate::ui::errors::{problem_message, ErrorPanel};
use crate::ui::forms::{Choices, FormError, FormErrorSummary};
use crate::ui::pages::Loading;
use crate::ui::time::day;

pub fn channel_name(channel: Channel) -> String {
    match channel {
        Channel::StreetUnit => tr!("channel-street-unit"),
        Channel::IndoorUnit => tr!("channel-indoor-unit"),
        Channel::HelpDesk => tr!("channel-help-desk"),
        Channel::TollFree => tr!("channel-toll-free"),
        Channel::Chat => tr!("channel-chat"),
        Channel::Police => tr!("channel-police"),
        Channel::SocialServices => tr!("channel-social-services"),
        Channel::HealthServices => tr!("channel-health-services"),
        Channel::Caritas => tr!("channel-caritas"),
        Channel::CasSai => tr!("channel-cas-sai"),
        Channel::TerritorialCommission => tr!("channel-territorial-commission"),
    }
}

#[component]
pub fn ContactLogPage() -> impl IntoView {
    let query = use_query_map();
    let logged = Memo::new(move |_| query.read().get("registrato").is_some());
    // The variant a phone keeps for use without signal (`offline`): the form alone.
    let form_only = Memo::new(move |_| query.read().get("solo-modulo").is_some());
    let log = ServerAction::<LogContact>::new();
    let data = Resource::new(
        move || (logged.get(), log.version().get(), form_only.get()),
        |(_, _, form_only)| fetch_contact_log(form_only),
    );
    let error = Signal::derive(move || log.value().get().and_then(|r| r.err()));
    let outbox = PhoneOutbox::start();
    // Sent while the signal dropped: the phone keeps it, and says so.
    let toasts = crate::ui::toasts::use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(logged)) = log.value().get() {
            if logged.kept {
                toasts.push(tr!("outbox-kept"));
            }
        }
    });
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-contacts")
        }) />
        <h1>{move_tr!("nav-contacts")}</h1>
        <p class="lead">{move_tr!("contacts-intro")}</p>
        {move || {
            logged.get().then(|| view! { <p class="notice success" role="status">{move_tr!("contact-logged")}</p> })
        }}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(data) => {
                        let recent = data.recent.clone();
                        let summary = (data.week_contacts, data.week_people, data.network_wide);
                        view! {
                            <OutboxPanel outbox />
                            <ContactForm data log error />
                            {(!form_only.get_untracked()).then(|| view! { <RecentContacts recent summary /> })}
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn ContactForm(data: ContactLog, log: ServerAction<LogContact>, error: FormError) -> impl IntoView {
    let channels = Channel::ALL
        .iter()
        .map(|c| {
            let c = *c;
            (
                c.code(),
                Signal::derive(move || channel_name(c)),
                c == data.default_channel,
            )
        })
        .collect();
    let genders = Gender::ALL
        .iter()
        .map(|g| (g.code(), Signal::derive(move || gender_name(*g)), false))
        .collect();
    let bands = AgeBand::ALL
        .iter()
        .map(|b| (b.code(), Signal::derive(move || age_band_name(*b)), false))
        .collect();
    let kinds = exploitation_options(&[]);
    let field_problem =
        move |key: &'static str| move || error.get().and_then(|e| e.problem_for(key));
    let today = data.today.format("%Y-%m-%d").to_string();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    keep_on_the_phone_when_offline(wrapper);
    view! {
        <section class="panel">
            <h2>{move_tr!("contact-new")}</h2>
            <div node_ref=wrapper>
            <ActionForm action=log>
                <FormErrorSummary error />
                <Choices legend=move_tr!("field-gender") name="form[gender]" key="gender" options=genders error />
                <Choices legend=move_tr!("field-age-band") name="form[age_band]" key="age_band" options=bands error />
                <div class="field field-check">
                    <input type="checkbox" id="contact-minor" name="form[minor]" />
                    <label for="contact-minor">{move_tr!("field-minor-unknown-age")}</label>
                </div>
                {move || field_problem("minor")().map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
                <Choices legend=move_tr!("field-channel") name="form[channel]" key="channel" options=channels error />
                <Choices
                    legend=move_tr!("field-exploitation")
                    name="form[exploitation]"
                    key="exploitation"
                    kind="checkbox"
                    options=kinds
                    error
                />
                <ContactMoreDetails today default_province=data.default_province.clone() error />
                <div class="form-actions">
                    <Submit action=log class="button primary wide" quiet=true>
                        {move_tr!("contact-submit")}
                    </Submit>
                </div>
            </ActionForm>
            </div>
        </section>
    }
}

/// Without signal the form goes to the phone's outbox instead of the network: a listener
/// on the form's wrapper, in the capture phase, so that it decides before the form's own.
fn keep_on_the_phone_when_offline(wrapper: NodeRef<leptos::html::Div>) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use wasm_bindgen::JsCast;
        let Some(element) = wrapper.get() else {
            return;
        };
        let toasts = crate::ui::toasts::use_toasts();
        // An event listener runs outside the page's reactive owner: the words are looked
        // up with the page's own translations, captured here.
        let i18n = expect_context::<leptos_fluent::I18n>();
        // Not passive (gloo's default): a passive listener cannot keep the browser from
        // posting the form, which without signal ends on the browser's offline page.
        let options = gloo::events::EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: false,
        };
        let listener = gloo::events::EventListener::new_with_options(
            &element,
            "submit",
            options,
            move |event| {
                let form = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok());
                if form.is_some_and(|form| super::offline::keep_if_offline(&form)) {
                    event.prevent_default();
                    event.stop_propagation();
                    toasts.push(tr!(i18n, "outbox-kept"));
                }
            },
        );
        // Listeners are not Send: kept in the page's arena, dropped with it.
        let listener = StoredValue::new_local(Some(listener));
        on_cleanup(move || listener.update_value(|listener| drop(listener.take())));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = wrapper;
}

/// The folded optional details of a contact: date, group size, place, person, nationality.
#[component]
fn ContactMoreDetails(today: String, default_province: String, error: FormError) -> impl IntoView {
    let field_problem =
        move |key: &'static str| move || error.get().and_then(|e| e.problem_for(key));
    view! {
        <details class="more-details">
            <summary>{move_tr!("contact-more-details")}</summary>
            <div class="field">
                <label for="contact-date">{move_tr!("field-date")}</label>
                <input id="contact-date" type="date" name="form[occurred_on]" value=today.clone() max=today.clone() />
                {move || field_problem("occurred_on")().map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
            </div>
            <div class="field">
                <label for="contact-people">{move_tr!("field-people-count")}</label>
                <p class="hint" id="contact-people-hint">{move_tr!("people-count-hint")}</p>
                <input
                    id="contact-people"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max="200"
                    name="form[people_count]"
                    value="1"
                    aria-describedby="contact-people-hint"
                />
                {move || field_problem("people_count")().map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
            </div>
            <div class="field">
                <label for="contact-province">{move_tr!("field-province")}</label>
                <select id="contact-province" name="form[province]">
                    {PROVINCES
                        .iter()
                        .map(|(code, name, _)| {
                            let selected = *code == default_province;
                            view! { <option value=*code selected=selected>{format!("{name} ({code})")}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="contact-area">{move_tr!("field-area")}</label>
                <p class="hint" id="contact-area-hint">{move_tr!("area-hint")}</p>
                <input id="contact-area" type="text" name="form[area]" maxlength="120" aria-describedby="contact-area-hint" />
                {move || field_problem("area")().map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
            </div>
            <div class="field">
                <label for="contact-person">{move_tr!("field-contact-person")}</label>
                <p class="hint" id="contact-person-hint">{move_tr!("contact-person-hint")}</p>
                <input
                    id="contact-person"
                    type="text"
                    name="form[person_code]"
                    autocomplete="off"
                    aria-describedby="contact-person-hint"
                />
                {move || field_problem("person_code")().map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
            </div>
            <div class="field">
                <label for="contact-nationality">{move_tr!("field-nationality")}</label>
                <select id="contact-nationality" name="form[nationality]">
                    <option value="">{move_tr!("nationality-not-known")}</option>
                    {Nationality::ALL
                        .iter()
                        .map(|n| {
                            let n = *n;
                            view! { <option value=n.code()>{move || nationality_name(n)}</option> }
                        })
                        .collect_view()}
                </select>
                {move || field_problem("nationality")().map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
            </div>
        </details>
    }
}

#[component]
fn RecentContacts(recent: Vec<ContactRow>, summary: (u64, u64, bool)) -> impl IntoView {
    let (contacts, people, network_wide) = summary;
    let count = recent.len();
    view! {
        <section class="panel">
            <h2>{move_tr!("contacts-recent")}</h2>
            <p>
                {if network_wide {
                    move_tr!("contacts-week-network", { "contacts" => contacts, "people" => people })
                } else {
                    move_tr!("contacts-week", { "contacts" => contacts, "people" => people })
                }}
            </p>
            {if recent.is_empty() {
                view! { <p>{move_tr!("contacts-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <caption>{move_tr!("contacts-caption", { "count" => count })}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move_tr!("field-date")}</th>
                                    <th scope="col">{move_tr!("field-channel")}</th>
                                    <th scope="col">{move_tr!("contacts-who")}</th>
                                    <th scope="col">{move_tr!("field-exploitation")}</th>
                                    <th scope="col">{move_tr!("contacts-logged-by")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {recent.into_iter().map(|row| view! { <ContactLine row /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn ContactLine(row: ContactRow) -> impl IntoView {
    let ContactRow {
        occurred_on,
        channel,
        province,
        area,
        gender,
        age_band,
        minor,
        nationality,
        exploitation,
        people_count,
        organisation,
        logged_by,
        person_code,
        ..
    } = row;
    let place = match area {
        Some(area) => format!("{area} ({province})"),
        None => province,
    };
    let who = move || {
        let mut parts = vec![gender_name(gender), age_band_name(age_band)];
        if minor {
            parts.push(tr!("contacts-minor"));
        }
        if let Some(nationality) = nationality {
            parts.push(nationality_name(nationality));
        }
        let who = parts.join(", ");
        if people_count > 1 {
            tr!("contacts-group", { "count" => people_count, "who" => who })
        } else {
            who
        }
    };
    let kinds = move || {
        if exploitation.is_empty() {
            "—".to_string()
        } else {
            exploitation
                .iter()
                .map(|k| exploitation_name(*k))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    view! {
        <tr>
            <th scope="row">
                {day(occurred_on)}
            </th>
            <td data-label=move || tr!("field-channel")>{move || channel_name(channel)} <br /><small>{place}</small></td>
            <td data-label=move || tr!("contacts-who")>
                {who}
                {person_code.map(|code| view! { <br /><a class="code" href=format!("/persone/{code}")>{code.clone()}</a> })}
            </td>
            <td data-label=move || tr!("field-exploitation")>{kinds}</td>
            <td data-label=move || tr!("contacts-logged-by")>{logged_by} <br /><small>{organisation}</small></td>
        </tr>
    }
}

/// The panel that says what stays on the phone and what waits to be sent.
#[component]
pub fn OutboxPanel(outbox: PhoneOutbox) -> impl IntoView {
    move || {
        outbox.hydrated.get().then(|| {
            view! {
                <section class="panel outbox" aria-labelledby="outbox-title">
                    <h2 id="outbox-title">{move_tr!("outbox-title")}</h2>
                    <p class="hint">{move_tr!("outbox-privacy")}</p>
                    {move || outbox.ready.get().then(|| view! {
                        <p class="notice success">{move_tr!("outbox-ready")}</p>
                    })}
                    <div role="status">
                        {move || {
                            let waiting = outbox.waiting.get();
                            let count = waiting.len();
                            (count > 0).then(|| view! {
                                <p><strong>{move || tr!("outbox-waiting", { "count" => count })}</strong></p>
                                <ul class="outbox-list">
                                    {waiting.into_iter().map(|entry| view! { <WaitingContact entry /> }).collect_view()}
                                </ul>
                            })
                        }}
                    </div>
                </section>
            }
        })
    }
}

#[component]
fn WaitingContact(entry: Waiting) -> impl IntoView {
    let channel = Channel::from_code(&entry.channel);
    let day = entry.occurred_on.clone();
    let people = entry.people_count.clone();
    let client_id = entry.client_id.clone();
    view! {
        <li>
            {move || tr!("outbox-entry", {
                "day" => day.clone(),
                "channel" => channel.map(channel_name).unwrap_or_default(),
                "people" => people.clone(),
            })}
            {entry.refused.clone().map(|reason| {
                let client_id = client_id.clone();
                view! {
                    <p class="field-error">{move_tr!("outbox-refused")} " " {reason}</p>
                    <button type="button" class="button small secondary"
                        on:click=move |_| tell_worker(&serde_json::json!({ "type": "discard", "clientId": client_id }))>
                        {move_tr!("outbox-discard")}
                    </button>
                }
            })}
        </li>
    }
}
