//! One event of the network: what, when, where, for whom; registering oneself; for its
//! organisers, who registered and who came (with each one's certificate), the materials
//! of the library it uses, and, for a meeting, the minutes and the decisions with their
//! owners and days. Every change is a plain form, keyboard and phone first.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::*;
use super::components::{audience_name, field_label, kind_name, EventFields};
use super::model::*;
use crate::ui::errors::{ErrorPanel, FormProblems};
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};
use crate::ui::submit::Submit;
use crate::ui::time::{day, optional_day};

/// The actions of the event page, all refreshing it when they answer.
#[derive(Clone, Copy)]
struct Actions {
    save: ServerAction<SaveEvent>,
    minutes: ServerAction<SaveMinutes>,
    material: ServerAction<LinkMaterial>,
    register: ServerAction<RegisterMyself>,
    add: ServerAction<AddParticipant>,
    remove: ServerAction<RemoveParticipant>,
    attendance: ServerAction<MarkAttendance>,
    decision: ServerAction<AddDecision>,
    close: ServerAction<CloseDecision>,
}

#[component]
pub fn NetworkEventPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let forms = PageForms::new();
    let actions = Actions {
        save: forms.action::<SaveEvent>(),
        minutes: forms.action::<SaveMinutes>(),
        material: forms.action::<LinkMaterial>(),
        register: forms.action::<RegisterMyself>(),
        add: forms.action::<AddParticipant>(),
        remove: forms.action::<RemoveParticipant>(),
        attendance: forms.action::<MarkAttendance>(),
        decision: forms.action::<AddDecision>(),
        close: forms.action::<CloseDecision>(),
    };
    let data = Resource::new(
        move || (id.get(), forms.answers()),
        |(id, _)| fetch_event(id),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! {
                        <Title text=page_title({
                            let i18n = expect_context::<I18n>();
                            let title = page.event.title.clone();
                            move || tr!(i18n, "network-event-title", { "title" => title.clone() })
                        }) />
                        <h1>{page.event.title.clone()}</h1>
                        <FormProblems error=forms.error() field_label />
                        <EventView page actions />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EventView(page: EventPage, actions: Actions) -> impl IntoView {
    let EventPage {
        today,
        event,
        may_edit,
        mine,
        participants,
        registered,
        attended,
        materials,
        material_choices,
        decisions,
        owners,
    } = page;
    let (kind, audience, id) = (event.kind, event.audience, event.id);
    let held = event.held_on <= today;
    view! {
        <section class="panel" aria-labelledby="event-facts-heading">
            <h2 id="event-facts-heading">
                {move || kind_name(kind)}
                {(!held).then(|| view! { " " <span class="badge">{move_tr!("network-to-come")}</span> })}
            </h2>
            <dl class="facts">
                <dt>{move_tr!("network-field-held-on")}</dt>
                <dd>{day(event.held_on)}</dd>
                {event.hours.map(|hours| view! {
                    <dt>{move_tr!("network-field-hours")}</dt>
                    <dd>{hours}</dd>
                })}
                <dt>{move_tr!("network-field-place")}</dt>
                <dd>{event.place.clone()}</dd>
                <dt>{move_tr!("network-field-audience")}</dt>
                <dd>{move || audience_name(audience)}</dd>
                {(!event.trainers.is_empty()).then(|| view! {
                    <dt>{move_tr!("network-field-trainers")}</dt>
                    <dd>{event.trainers.clone()}</dd>
                })}
                <dt>{move_tr!("network-organiser")}</dt>
                <dd>{event.organiser.clone()}</dd>
                <dt>{move_tr!("network-participation")}</dt>
                <dd>{move_tr!("network-counts", { "registered" => registered, "attended" => attended })}</dd>
            </dl>
            {event.agenda.clone().map(|agenda| view! {
                <h3>{move_tr!("network-field-agenda")}</h3>
                <p class="prose">{agenda}</p>
            })}
        </section>
        <MyRegistration id kind mine actions />
        <Materials id materials material_choices may_edit action=actions.material />
        {(kind == EventKind::Meeting).then(|| view! {
            <Minutes id minutes=event.minutes.clone() may_edit action=actions.minutes />
            <Decisions id decisions owners may_edit today actions />
        })}
        {may_edit.then(|| view! { <Participants id kind held participants actions /> })}
        {may_edit.then(|| view! {
            <section class="panel" aria-labelledby="event-edit-heading">
                <h2 id="event-edit-heading">{move_tr!("network-edit")}</h2>
                <details class="more-details">
                    <summary>{move_tr!("network-edit-open")}</summary>
                    <EventFields event=Some(event.clone()) today sees_meetings=true action=actions.save />
                </details>
            </section>
        })}
    }
}

/// Her own registration: register, take it back before she attends, her certificate.
#[component]
fn MyRegistration(
    id: i32,
    kind: EventKind,
    mine: Option<ParticipantRow>,
    actions: Actions,
) -> impl IntoView {
    let action = actions.register;
    view! {
        <section class="panel" aria-labelledby="event-mine-heading">
            <h2 id="event-mine-heading">{move_tr!("network-my-registration")}</h2>
            {match mine {
                None => view! {
                    <p>{move_tr!("network-not-registered")}</p>
                    <ActionForm action>
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="registering" value="true" />
                        <Submit action class="button primary">{move_tr!("network-register")}</Submit>
                    </ActionForm>
                }.into_any(),
                Some(row) if row.attended => view! {
                    <p>{move_tr!("network-you-attended")}</p>
                    {kind.certifies().then(|| view! {
                        <p><a class="button secondary" href=certificate_path(id, row.id) download="">{move_tr!("network-certificate")}</a></p>
                    })}
                }.into_any(),
                Some(_) => view! {
                    <p>{move_tr!("network-you-registered")}</p>
                    <ActionForm action>
                        <input type="hidden" name="id" value=id.to_string() />
                        <input type="hidden" name="registering" value="false" />
                        <Submit action class="button secondary">{move_tr!("network-unregister")}</Submit>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Materials(
    id: i32,
    materials: Vec<(i32, String)>,
    material_choices: Vec<(i32, String)>,
    may_edit: bool,
    action: ServerAction<LinkMaterial>,
) -> impl IntoView {
    let empty = materials.is_empty();
    view! {
        <section class="panel" aria-labelledby="event-materials-heading">
            <h2 id="event-materials-heading">{move_tr!("network-materials")}</h2>
            {empty.then(|| view! { <p>{move_tr!("network-materials-empty")}</p> })}
            <ul class="plain-list">
                {materials.into_iter().map(|(material, title)| view! {
                    <li>
                        <a href=format!("/forum/materiali/{material}")>{title}</a>
                        {may_edit.then(|| view! {
                            <ActionForm action attr:class="inline-form">
                                <input type="hidden" name="id" value=id.to_string() />
                                <input type="hidden" name="material" value=material.to_string() />
                                <input type="hidden" name="linked" value="false" />
                                <Submit action class="button small secondary">{move_tr!("network-material-remove")}</Submit>
                            </ActionForm>
                        })}
                    </li>
                }).collect_view()}
            </ul>
            {(may_edit && !material_choices.is_empty()).then(|| view! {
                <ActionForm action attr:class="stack-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="linked" value="true" />
                    <div class="field">
                        <label for="event-material">{move_tr!("network-field-material")}</label>
                        <select id="event-material" name="material" required=true>
                            <option value="">{move_tr!("choose")}</option>
                            {material_choices.into_iter().map(|(material, title)| view! {
                                <option value=material.to_string()>{title}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-actions">
                        <Submit action class="button secondary">{move_tr!("network-material-add")}</Submit>
                    </div>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Minutes(
    id: i32,
    minutes: Option<String>,
    may_edit: bool,
    action: ServerAction<SaveMinutes>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="event-minutes-heading">
            <h2 id="event-minutes-heading">{move_tr!("network-field-minutes")}</h2>
            {match (minutes.clone(), may_edit) {
                (_, true) => view! {
                    <ActionForm action attr:class="stack-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <div class="field">
                            <label for="event-minutes">{move_tr!("network-field-minutes")}</label>
                            <textarea id="event-minutes" name="minutes" rows="10" maxlength=MAX_MINUTES.to_string() aria-describedby="event-minutes-hint">{minutes.unwrap_or_default()}</textarea>
                            <p class="hint" id="event-minutes-hint">{move_tr!("network-minutes-hint")}</p>
                        </div>
                        <div class="form-actions">
                            <Submit action class="button primary">{move_tr!("network-minutes-save")}</Submit>
                        </div>
                    </ActionForm>
                }.into_any(),
                (Some(text), false) => view! { <p class="prose">{text}</p> }.into_any(),
                (None, false) => view! { <p>{move_tr!("network-minutes-empty")}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Decisions(
    id: i32,
    decisions: Vec<DecisionRow>,
    owners: Vec<(i32, String)>,
    may_edit: bool,
    today: chrono::NaiveDate,
    actions: Actions,
) -> impl IntoView {
    let (add, close) = (actions.decision, actions.close);
    let empty = decisions.is_empty();
    view! {
        <section class="panel" aria-labelledby="event-decisions-heading">
            <h2 id="event-decisions-heading">{move_tr!("network-decisions")}</h2>
            {empty.then(|| view! { <p>{move_tr!("network-decisions-empty")}</p> })}
            <ul class="card-list">
                {decisions.into_iter().map(|row| {
                    let late = row.done_on.is_none() && row.due_on < today;
                    let done = row.done_on.is_some();
                    view! {
                        <li class="child-card">
                            <p><strong>{row.body.clone()}</strong></p>
                            <p>
                                {move_tr!("network-decision-owner", { "name" => row.owner.clone() })} " · "
                                {move_tr!("network-field-due-on")} " " {day(row.due_on)}
                                {late.then(|| view! { " " <span class="badge warning">{move_tr!("network-overdue")}</span> })}
                                {done.then(|| view! { " " <span class="badge success">{move_tr!("network-done")}</span> " " {optional_day(row.done_on)} })}
                            </p>
                            {row.may_close.then(|| view! {
                                <ActionForm action=close>
                                    <input type="hidden" name="id" value=id.to_string() />
                                    <input type="hidden" name="decision" value=row.id.to_string() />
                                    <input type="hidden" name="done" value=(!done).to_string() />
                                    <Submit action=close class="button small secondary">
                                        {move || if done { tr!("network-reopen") } else { tr!("network-mark-done") }}
                                    </Submit>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {may_edit.then(|| view! {
                <h3>{move_tr!("network-decision-add")}</h3>
                <ActionForm action=add attr:class="stack-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <div class="field">
                        <label for="decision-body">{move_tr!("network-field-decision")} <span class="required" aria-hidden="true">" *"</span></label>
                        <textarea id="decision-body" name="form[body]" rows="2" required=true maxlength=MAX_DECISION.to_string()></textarea>
                    </div>
                    <div class="field-pair">
                        <div class="field">
                            <label for="decision-owner">{move_tr!("network-field-owner")} <span class="required" aria-hidden="true">" *"</span></label>
                            <select id="decision-owner" name="form[owner]" required=true>
                                <option value="">{move_tr!("choose")}</option>
                                {owners.into_iter().map(|(owner, name)| view! {
                                    <option value=owner.to_string()>{name}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="decision-due">{move_tr!("network-field-due-on")} <span class="required" aria-hidden="true">" *"</span></label>
                            <input id="decision-due" type="date" name="form[due_on]" required=true />
                        </div>
                    </div>
                    <div class="form-actions">
                        <Submit action=add class="button primary">{move_tr!("network-decision-save")}</Submit>
                    </div>
                </ActionForm>
            })}
        </section>
    }
}

/// For the organisers: who registered, who came (from the day on), certificates.
#[component]
fn Participants(
    id: i32,
    kind: EventKind,
    held: bool,
    participants: Vec<ParticipantRow>,
    actions: Actions,
) -> impl IntoView {
    let add = actions.add;
    let empty = participants.is_empty();
    view! {
        <section class="panel" aria-labelledby="event-participants-heading">
            <h2 id="event-participants-heading">{move_tr!("network-participants")}</h2>
            {(!held).then(|| view! { <p class="hint">{move_tr!("network-attendance-later")}</p> })}
            {if empty {
                view! { <p>{move_tr!("network-participants-empty")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{move_tr!("network-field-full-name")}</th>
                            <th scope="col">{move_tr!("network-field-organisation")}</th>
                            <th scope="col">{move_tr!("network-present")}</th>
                            <th scope="col">{move_tr!("network-actions")}</th>
                        </tr></thead>
                        <tbody>
                            {participants.into_iter().map(|row| view! {
                                <ParticipantLine id kind held row actions />
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <h3>{move_tr!("network-participant-add")}</h3>
            <p class="hint">{move_tr!("network-participant-add-hint")}</p>
            <ActionForm action=add attr:class="stack-form">
                <input type="hidden" name="id" value=id.to_string() />
                <div class="field-pair">
                    <div class="field">
                        <label for="participant-name">{move_tr!("network-field-full-name")} <span class="required" aria-hidden="true">" *"</span></label>
                        <input id="participant-name" type="text" name="form[full_name]" required=true maxlength=MAX_NAME.to_string() autocomplete="off" />
                    </div>
                    <div class="field">
                        <label for="participant-organisation">{move_tr!("network-field-organisation")} <span class="required" aria-hidden="true">" *"</span></label>
                        <input id="participant-organisation" type="text" name="form[organisation]" required=true maxlength=MAX_ORGANISATION.to_string() autocomplete="off" />
                    </div>
                </div>
                <div class="form-actions">
                    <Submit action=add class="button primary">{move_tr!("network-participant-save")}</Submit>
                </div>
            </ActionForm>
        </section>
    }
}

fn presence(present: bool) -> String {
    if present {
        tr!("network-yes")
    } else {
        tr!("network-no")
    }
}

fn attendance_button(present: bool) -> String {
    if present {
        tr!("network-mark-absent")
    } else {
        tr!("network-mark-present")
    }
}

/// One registered person: whether she came, and what the organisers may do with it.
#[component]
fn ParticipantLine(
    id: i32,
    kind: EventKind,
    held: bool,
    row: ParticipantRow,
    actions: Actions,
) -> impl IntoView {
    let (remove, attendance) = (actions.remove, actions.attendance);
    let present = row.attended;
    let participant = row.id;
    view! {
        <tr>
            <th scope="row">{row.full_name.clone()}</th>
            <td data-label=move || tr!("network-field-organisation")>{row.organisation.clone()}</td>
            <td data-label=move || tr!("network-present")>{move || presence(present)}</td>
            <td data-label=move || tr!("network-actions")>
                <div class="button-row">
                    {held.then(|| view! {
                        <ActionForm action=attendance attr:class="inline-form">
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="participant" value=participant.to_string() />
                            <input type="hidden" name="attended" value=(!present).to_string() />
                            <Submit action=attendance class="button small secondary">
                                {move || attendance_button(present)}
                            </Submit>
                        </ActionForm>
                    })}
                    {(present && kind.certifies()).then(|| view! {
                        <a class="button small secondary" href=certificate_path(id, participant) download="">{move_tr!("network-certificate")}</a>
                    })}
                    {(!present).then(|| view! {
                        <ActionForm action=remove attr:class="inline-form">
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="participant" value=participant.to_string() />
                            <Submit action=remove class="button small danger">{move_tr!("network-remove")}</Submit>
                        </ActionForm>
                    })}
                </div>
            </td>
        </tr>
    }
}
