//! The network's calendar ("Azioni di sistema"): events to come and events held, each
//! with its kind, audience, day, place and how many registered; the form of a new event
//! for the organisers. A plain form first, as everywhere.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::api::*;
use super::model::*;
use crate::ui::errors::{ErrorPanel, FormProblems};
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};
use crate::ui::submit::Submit;
use crate::ui::time::day;

pub fn kind_name(kind: EventKind) -> String {
    match kind {
        EventKind::Training => tr!("network-kind-training"),
        EventKind::Workshop => tr!("network-kind-workshop"),
        EventKind::Meeting => tr!("network-kind-meeting"),
    }
}

pub fn audience_name(audience: Audience) -> String {
    match audience {
        Audience::EmergencyDepartment => tr!("network-audience-emergency-department"),
        Audience::FamilyClinic => tr!("network-audience-family-clinic"),
        Audience::CasSai => tr!("network-audience-cas-sai"),
        Audience::SocialServices => tr!("network-audience-social-services"),
        Audience::Police => tr!("network-audience-police"),
        Audience::NetworkStaff => tr!("network-audience-network-staff"),
        Audience::Mixed => tr!("network-audience-mixed"),
    }
}

pub fn field_label(field: &str) -> String {
    match field {
        "kind" => tr!("network-field-kind"),
        "title" => tr!("network-field-title"),
        "audience" => tr!("network-field-audience"),
        "held_on" => tr!("network-field-held-on"),
        "hours" => tr!("network-field-hours"),
        "place" => tr!("network-field-place"),
        "trainers" => tr!("network-field-trainers"),
        "agenda" => tr!("network-field-agenda"),
        "minutes" => tr!("network-field-minutes"),
        "full_name" => tr!("network-field-full-name"),
        "organisation" => tr!("network-field-organisation"),
        "body" => tr!("network-field-decision"),
        "owner" => tr!("network-field-owner"),
        "due_on" => tr!("network-field-due-on"),
        "material" => tr!("network-field-material"),
        _ => field.to_string(),
    }
}

#[component]
pub fn NetworkEventsPage() -> impl IntoView {
    let forms = PageForms::new();
    let save = forms.action::<SaveEvent>();
    let data = Resource::new(move || forms.answers(), move |_| fetch_events());
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "network-title")
        }) />
        <h1>{move_tr!("network-heading")}</h1>
        <p class="hint">{move_tr!("network-intro")}</p>
        <FormProblems error=forms.error() field_label />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <EventsView page save /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EventsView(page: EventsPage, save: ServerAction<SaveEvent>) -> impl IntoView {
    let EventsPage {
        today,
        coming,
        past,
        may_organise,
        sees_meetings,
    } = page;
    view! {
        <section class="panel" aria-labelledby="network-coming-heading">
            <h2 id="network-coming-heading">{move_tr!("network-coming")}</h2>
            <EventList events=coming />
        </section>
        <section class="panel" aria-labelledby="network-past-heading">
            <h2 id="network-past-heading">{move_tr!("network-past")}</h2>
            <EventList events=past />
        </section>
        {may_organise.then(|| view! {
            <section class="panel" aria-labelledby="network-add-heading">
                <h2 id="network-add-heading">{move_tr!("network-add")}</h2>
                <EventFields event=None today sees_meetings action=save />
            </section>
        })}
    }
}

#[component]
fn EventList(events: Vec<EventSummary>) -> impl IntoView {
    if events.is_empty() {
        return view! { <p>{move_tr!("network-empty")}</p> }.into_any();
    }
    view! {
        <ul class="card-list">
            {events.into_iter().map(|event| {
                let (kind, audience) = (event.kind, event.audience);
                let (registered, attended) = (event.registered, event.attended);
                view! {
                    <li class="child-card">
                        <h3>
                            <a href=event_path(event.id)>{event.title.clone()}</a>
                            " " <span class="badge">{move || kind_name(kind)}</span>
                            {event.i_am_registered.then(|| view! {
                                " " <span class="badge success">{move_tr!("network-registered-badge")}</span>
                            })}
                        </h3>
                        <p>
                            {day(event.held_on)} " · " {event.place.clone()} " · "
                            {move || audience_name(audience)}
                        </p>
                        <p class="hint">
                            {move_tr!("network-organised-by", { "name" => event.organiser.clone() })} " · "
                            {move_tr!("network-counts", { "registered" => registered, "attended" => attended })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The form of an event: empty for a new one, filled in to change one.
#[component]
pub fn EventFields(
    event: Option<EventDetail>,
    today: chrono::NaiveDate,
    sees_meetings: bool,
    action: ServerAction<SaveEvent>,
) -> impl IntoView {
    let key = event
        .as_ref()
        .map_or("new".to_string(), |e| e.id.to_string());
    let id = move |name: &str| format!("event-{name}-{key}");
    let record = event.as_ref().map(|e| e.id.to_string()).unwrap_or_default();
    let kind = event.as_ref().map(|e| e.kind);
    let audience = event.as_ref().map(|e| e.audience);
    // A meeting stays a meeting, and a training or workshop never becomes one (the
    // server refuses it too): its minutes and decisions are not a partner's to see.
    let kinds: Vec<EventKind> = EventKind::ALL
        .iter()
        .copied()
        .filter(|k| match kind {
            Some(EventKind::Meeting) => *k == EventKind::Meeting,
            Some(_) => *k != EventKind::Meeting,
            None => sees_meetings || *k != EventKind::Meeting,
        })
        .collect();
    let text = |value: Option<&EventDetail>, f: fn(&EventDetail) -> String| {
        value.map(f).unwrap_or_default()
    };
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="form[record]" value=record />
            <div class="field-pair">
                <div class="field">
                    <label for=id("kind")>{move_tr!("network-field-kind")} <span class="required" aria-hidden="true">" *"</span></label>
                    <select id=id("kind") name="form[kind]" required=true>
                        {kinds.into_iter().map(|choice| view! {
                            <option value=choice.code() selected=kind == Some(choice)>{move || kind_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("audience")>{move_tr!("network-field-audience")} <span class="required" aria-hidden="true">" *"</span></label>
                    <select id=id("audience") name="form[audience]" required=true>
                        <option value="">{move_tr!("choose")}</option>
                        {Audience::ALL.iter().map(|&choice| view! {
                            <option value=choice.code() selected=audience == Some(choice)>{move || audience_name(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for=id("title")>{move_tr!("network-field-title")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id=id("title") type="text" name="form[title]" required=true maxlength=MAX_TITLE.to_string() value=text(event.as_ref(), |e| e.title.clone()) />
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("day")>{move_tr!("network-field-held-on")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("day") type="date" name="form[held_on]" required=true value=event.as_ref().map_or(today.to_string(), |e| e.held_on.to_string()) />
                </div>
                <div class="field">
                    <label for=id("hours")>{move_tr!("network-field-hours")}</label>
                    <input id=id("hours") type="number" inputmode="numeric" min="1" max=MAX_HOURS.to_string() name="form[hours]" value=event.as_ref().and_then(|e| e.hours).map(|h| h.to_string()).unwrap_or_default() />
                </div>
            </div>
            <div class="field">
                <label for=id("place")>{move_tr!("network-field-place")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id=id("place") type="text" name="form[place]" required=true maxlength=MAX_PLACE.to_string() value=text(event.as_ref(), |e| e.place.clone()) />
            </div>
            <div class="field">
                <label for=id("trainers")>{move_tr!("network-field-trainers")}</label>
                <input id=id("trainers") type="text" name="form[trainers]" maxlength=MAX_TRAINERS.to_string() aria-describedby=id("trainers-hint") value=text(event.as_ref(), |e| e.trainers.clone()) />
                <p class="hint" id=id("trainers-hint")>{move_tr!("network-trainers-hint")}</p>
            </div>
            <div class="field">
                <label for=id("agenda")>{move_tr!("network-field-agenda")}</label>
                <textarea id=id("agenda") name="form[agenda]" rows="5" maxlength=MAX_AGENDA.to_string()>{event.as_ref().and_then(|e| e.agenda.clone()).unwrap_or_default()}</textarea>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("network-save")}</Submit>
            </div>
        </ActionForm>
    }
}

/// The network's work due for the reader, on "Il mio lavoro": her decisions (late ones
/// marked) and the events she registered for, soonest first.
#[component]
pub fn NetworkDues(dues: Vec<NetworkDue>, today: chrono::NaiveDate) -> impl IntoView {
    if dues.is_empty() {
        return view! { <p>{move_tr!("my-work-none")}</p> }.into_any();
    }
    view! {
        <ul class="plain-list">
            {dues.into_iter().map(|due| {
                let late = due.decision.is_some() && due.on < today;
                let kind = due.kind;
                view! {
                    <li class:overdue=late>
                        {match due.decision.clone() {
                            Some(decision) => view! {
                                <strong>{decision}</strong> " · "
                                {move_tr!("network-decision-of", { "title" => due.title.clone() })} " · "
                                <a href=due.link.clone()>{move_tr!("network-due-on", { "date" => crate::ui::time::day_text(due.on) })}</a>
                                {late.then(|| view! { " " <span class="badge warning">{move_tr!("network-overdue")}</span> })}
                            }.into_any(),
                            None => view! {
                                <a href=due.link.clone()>{due.title.clone()}</a> " · "
                                {move || kind_name(kind)} " · " {day(due.on)}
                            }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
