//! The bed board page. Every action is a plain form ("place in…", "move to…", "exit"),
//! usable with the keyboard and without JavaScript; drag-and-drop will enhance it.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::*;
use super::drag::*;
use super::model::*;
use crate::people::waiting::components::{needs_text, target_group_name, urgency_name};
use crate::people::waiting::model::{TargetGroup, WaitingRow};
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::FormErrorSummary;
use crate::ui::pages::Loading;

pub fn kind_name(kind: StructureKind) -> String {
    match kind {
        StructureKind::Emergency => tr!("structure-emergency"),
        StructureKind::SafeHouse => tr!("structure-safe-house"),
        StructureKind::SecondReception => tr!("structure-second-reception"),
        StructureKind::SupportedFlat => tr!("structure-supported-flat"),
    }
}

fn state_name(state: BedState) -> String {
    match state {
        BedState::Free => tr!("bed-free"),
        BedState::Occupied => tr!("bed-occupied"),
        BedState::Held => tr!("bed-held"),
        BedState::OutOfService => tr!("bed-out-of-service"),
    }
}

fn stay_end_name(reason: StayEnd) -> String {
    match reason {
        StayEnd::EndOfStay => tr!("stay-end-end-of-stay"),
        StayEnd::Autonomy => tr!("stay-end-autonomy"),
        StayEnd::VoluntaryReturn => tr!("stay-end-voluntary-return"),
        StayEnd::TransferOut => tr!("stay-end-transfer-out"),
        StayEnd::DropOut => tr!("stay-end-drop-out"),
        StayEnd::Other => tr!("stay-end-other"),
    }
}

fn undo_text(offer: &UndoOffer) -> String {
    let code = offer.code.clone();
    match offer.action {
        UndoAction::Place => tr!("board-undo-place", { "code" => code }),
        UndoAction::Move => tr!("board-undo-move", { "code" => code }),
        UndoAction::Exit => tr!("board-undo-exit", { "code" => code }),
    }
}

fn days_text(days: i64) -> String {
    tr!("bed-days", { "days" => days })
}

#[derive(Clone, Copy)]
struct BoardActions {
    place: ServerAction<PlaceInBed>,
    moving: ServerAction<MoveToBed>,
    discharge: ServerAction<DischargeGuest>,
    reveal: ServerAction<RevealAddress>,
    hold: ServerAction<HoldBed>,
    service: ServerAction<SetBedService>,
    undo: ServerAction<UndoLastChange>,
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        BoardFilter {
            province: q.get("provincia").unwrap_or_default(),
            organisation: q.get("organizzazione").unwrap_or_default(),
            kind: q.get("tipo").unwrap_or_default(),
            target: q.get("accoglie").unwrap_or_default(),
            free_only: q.get("liberi").unwrap_or_default(),
        }
    });
    let live = BoardLive::new();
    provide_context(live);
    // After hydration: drag handles, the exit zone and the live event stream.
    Effect::new(move |_| {
        live.interactive.set(true);
        follow_pointer(live);
        listen(live);
    });
    let actions = BoardActions {
        place: ServerAction::<PlaceInBed>::new(),
        moving: ServerAction::<MoveToBed>::new(),
        discharge: ServerAction::<DischargeGuest>::new(),
        reveal: ServerAction::<RevealAddress>::new(),
        hold: ServerAction::<HoldBed>::new(),
        service: ServerAction::<SetBedService>::new(),
        undo: ServerAction::<UndoLastChange>::new(),
    };
    // The answer to an undo replaces the notice of the drop it took back.
    Effect::new(move |_| {
        if let Some(Ok(code)) = actions.undo.value().get() {
            live.notice.set(Some(Notice::Undone(code)));
        }
    });
    let data = Resource::new(
        move || {
            (
                filter.get(),
                live.refresh.get(),
                actions.place.version().get(),
                actions.moving.version().get(),
                actions.discharge.version().get(),
                actions.reveal.version().get(),
                actions.hold.version().get(),
                actions.service.version().get(),
                actions.undo.version().get(),
            )
        },
        |(filter, ..)| fetch_board(filter),
    );
    let error = Signal::derive(move || {
        actions
            .place
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| actions.moving.value().get().and_then(|r| r.err()))
            .or_else(|| actions.discharge.value().get().and_then(|r| r.err()))
            .or_else(|| actions.reveal.value().get().and_then(|r| r.err()))
            .or_else(|| actions.hold.value().get().and_then(|r| r.err()))
            .or_else(|| actions.service.value().get().and_then(|r| r.err()))
            .or_else(|| actions.undo.value().get().and_then(|r| r.err()))
    });
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-board")
        }) />
        <h1>{move_tr!("nav-board")}</h1>
        {move || live.interactive.get().then(|| view! {
            <p class="hint live-status" role="status">{move || live_status(live.connected.get())}</p>
        })}
        <FormErrorSummary error />
        <BoardNoticeView />
        // A reload keeps the board on screen until the new one is ready.
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let result = data.await;
                live.pending.set(Vec::new());
                match result {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(board) => {
                        // The guest whose "move or exit" forms are open (see `BedView`).
                        let chosen = query.read_untracked().get("persona").unwrap_or_default();
                        view! { <BoardView board filter=filter.get_untracked() chosen actions /> }.into_any()
                    }
                }
            })}
        </Transition>
        {move || live.drag.get().filter(|d| d.moving).map(|d| view! {
            // Positioned through the style object, which the CSP allows (a style attribute
            // it does not).
            <div class="drag-ghost" aria-hidden="true" style:left=format!("{}px", d.x + 12) style:top=format!("{}px", d.y + 12)>{d.code}</div>
        })}
    }
}

/// The board with its filters and the guest whose forms are open. No `#fragment`: the
/// browser would then skip `autofocus`, which both scrolls to her bed and focuses the form.
fn board_link(filter: &BoardFilter, person: Option<&str>) -> String {
    let mut pairs = vec![
        ("provincia", filter.province.as_str()),
        ("organizzazione", filter.organisation.as_str()),
        ("tipo", filter.kind.as_str()),
        ("accoglie", filter.target.as_str()),
        ("liberi", filter.free_only.as_str()),
    ];
    if let Some(person) = person {
        pairs.push(("persona", person));
    }
    // Codes, ids and filter codes are letters, digits, '-' and '_': nothing to escape
    // but what a hand-edited address might bring, which is dropped.
    let query: Vec<String> = pairs
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| {
            let clean: String = value
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            format!("{key}={clean}")
        })
        .collect();
    format!("/posti-letto?{}", query.join("&"))
}

fn bed_options(choices: &[BedChoice]) -> impl IntoView {
    let choose = tr!("choose");
    view! {
        <option value="">{choose}</option>
        {choices.iter().map(|c| view! { <option value=c.bed_id.to_string()>{c.label.clone()}</option> }).collect_view()}
    }
}

#[component]
fn BoardView(
    board: Board,
    filter: BoardFilter,
    chosen: String,
    actions: BoardActions,
) -> impl IntoView {
    let Board {
        structures,
        waiting,
        free_beds,
        total_beds,
        organisations,
        free_choices,
        today,
        undo,
    } = board;
    expect_context::<BoardLive>()
        .today
        .set_value(today.to_string());
    view! {
        <form method="get" action="/posti-letto" class="panel filters">
            <div class="field">
                <label for="board-province">{move_tr!("field-province")}</label>
                <select id="board-province" name="provincia">
                    <option value="">{move_tr!("filter-any")}</option>
                    {crate::auth::model::PROVINCES.iter().map(|(code, name, _)| {
                        let selected = filter.province.eq_ignore_ascii_case(code);
                        view! { <option value=*code selected=selected>{format!("{name} ({code})")}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="board-organisation">{move_tr!("field-organisation")}</label>
                <select id="board-organisation" name="organizzazione">
                    <option value="">{move_tr!("filter-any")}</option>
                    {organisations.into_iter().map(|(id, name)| {
                        let selected = filter.organisation == id.to_string();
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="board-kind">{move_tr!("field-structure-kind")}</label>
                <select id="board-kind" name="tipo">
                    <option value="">{move_tr!("filter-any")}</option>
                    {StructureKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.code() selected=filter.kind == k.code()>{move || kind_name(k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="board-target">{move_tr!("field-target-group")}</label>
                <select id="board-target" name="accoglie">
                    <option value="">{move_tr!("filter-any")}</option>
                    {TargetGroup::ALL.iter().map(|g| {
                        let g = *g;
                        view! { <option value=g.code() selected=filter.target == g.code()>{move || target_group_name(g)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field field-check">
                <input type="checkbox" id="board-free" name="liberi" value="1" checked=!filter.free_only.is_empty() />
                <label for="board-free">{move_tr!("board-free-only")}</label>
            </div>
            <div class="form-actions"><button type="submit" class="button">{move_tr!("filter-apply")}</button></div>
        </form>
        <p class="lead" role="status">{move_tr!("board-counts", { "free" => free_beds, "total" => total_beds })}</p>
        {undo.map(|offer| view! { <UndoPanel offer action=actions.undo /> })}
        <ExitZone />
        <div class="board">
            <WaitingColumn rows=waiting choices=free_choices.clone() actions />
            <div class="structures">
                {structures.into_iter().map(|card| view! {
                    <StructureCardView card choices=free_choices.clone() today filter=filter.clone() chosen=chosen.clone() actions />
                }).collect_view()}
            </div>
        </div>
    }
}

#[component]
fn WaitingColumn(
    rows: Vec<WaitingRow>,
    choices: Vec<BedChoice>,
    actions: BoardActions,
) -> impl IntoView {
    let can_place = !choices.is_empty();
    view! {
        <section class="panel waiting-column" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{move_tr!("nav-waiting-list")}</h2>
            {if rows.is_empty() {
                view! { <p>{move_tr!("waiting-count", { "count" => 0 })}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {rows.into_iter().map(|row| {
                            let urgency = row.urgency;
                            let needs_row = row.clone();
                            let select_id = format!("place-{}", row.id);
                            let choices = choices.clone();
                            let pending_code = row.code.clone();
                            let handle_code = row.code.clone();
                            let live = expect_context::<BoardLive>();
                            view! {
                                <li
                                    class=format!("waiting-item urgency-{}", urgency.code())
                                    class:pending=move || live.placing(&pending_code)
                                >
                                    {can_place.then(|| view! { <DragHandle code=handle_code from_bed=None /> })}
                                    <a class="code" href=format!("/persone/{}", row.code)>{row.code.clone()}</a>
                                    " " <span class="badge">{move || urgency_name(urgency)}</span>
                                    <br /><small>{move || needs_text(&needs_row)}</small>
                                    {can_place.then(move || view! {
                                        <ActionForm action=actions.place attr:class="move-form">
                                            <input type="hidden" name="code" value=row.code.clone() />
                                            <label for=select_id.clone()>{move_tr!("board-place-in")}</label>
                                            <select id=select_id.clone() name="bed_id" required=true>{bed_options(&choices)}</select>
                                            <OverrideField id=format!("override-{}", row.id) />
                                            <button type="submit" class="button small primary">{move_tr!("board-place")}</button>
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn StructureCardView(
    card: StructureCard,
    choices: Vec<BedChoice>,
    today: chrono::NaiveDate,
    filter: BoardFilter,
    chosen: String,
    actions: BoardActions,
) -> impl IntoView {
    let kind = card.kind;
    let targets = card.target_groups.clone();
    let manage = card.may_manage;
    let free = card.free_beds;
    view! {
        <section class="panel structure-card" aria-label=card.name.clone()>
            <h2>{card.name.clone()}</h2>
            <p><a href=format!("/strutture/{}/presenze", card.id)>{move_tr!("timeline-link")}</a></p>
            <p class="hint">
                {move || kind_name(kind)} " · " {card.province.clone()} " · " {card.organisation.clone()}
                <br />
                {move || targets.iter().map(|g| target_group_name(*g)).collect::<Vec<_>>().join(", ")}
            </p>
            <p><strong>{move_tr!("board-structure-free", { "free" => free })}</strong></p>
            <AddressView id=card.id reveal=card.may_reveal_address address=card.address.clone() until=card.address_visible_until action=actions.reveal />
            <ul class="beds">
                {card.beds.into_iter().map(|slot| view! {
                    <BedView bed=slot manage choices=choices.clone() today filter=filter.clone() chosen=chosen.clone() actions />
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn BedView(
    bed: BedSlot,
    manage: bool,
    choices: Vec<BedChoice>,
    today: chrono::NaiveDate,
    filter: BoardFilter,
    chosen: String,
    actions: BoardActions,
) -> impl IntoView {
    let slot = bed;
    let state = slot.state;
    let class = match state {
        BedState::Free => "bed bed-free",
        BedState::Occupied => "bed bed-occupied",
        BedState::Held => "bed bed-held",
        BedState::OutOfService => "bed bed-out",
    };
    let details = match (&slot.person_code, state) {
        (Some(code), BedState::Occupied) => {
            let code = code.clone();
            // Every guest gets a link; only the chosen one gets the forms, whose list of
            // free beds would otherwise repeat on every bed (megabytes on a large board).
            let open = manage && chosen == code;
            let others: Vec<BedChoice> = if open {
                choices
                    .into_iter()
                    .filter(|c| c.bed_id != slot.id)
                    .collect()
            } else {
                Vec::new()
            };
            let actions_link = board_link(&filter, Some(&code));
            let days = slot.days_since_arrival.unwrap_or(0);
            let overdue = slot.exit_overdue;
            let planned = slot
                .planned_exit_on
                .map(|d| d.format("%d/%m/%Y").to_string());
            let move_id = format!("move-{}", slot.id);
            let reason_id = format!("exit-reason-{}", slot.id);
            let date_id = format!("exit-date-{}", slot.id);
            let summary_code = code.clone();
            let exit_code = code.clone();
            let reasons = StayEnd::ALL
                .iter()
                .map(|r| {
                    let r = *r;
                    view! { <option value=r.code()>{move || stay_end_name(r)}</option> }
                })
                .collect_view();
            let handle_code = code.clone();
            let bed_id = slot.id;
            view! {
                {manage.then(|| view! { <DragHandle code=handle_code from_bed=Some(bed_id) /> })}
                <a class="code" href=format!("/persone/{code}")>{code.clone()}</a>
                <small>
                    {move || days_text(days)}
                    {planned.map(|date| view! {
                        " · " {move_tr!("bed-planned-exit", { "date" => date.clone() })}
                    })}
                    {overdue.then(|| view! { " " <strong class="overdue">{move_tr!("bed-exit-overdue")}</strong> })}
                </small>
                {(manage && !open).then(|| {
                    let link_code = summary_code.clone();
                    view! {
                        <p class="bed-actions">
                            // A full page load: the chosen bed's select then takes the focus.
                            <a href=actions_link rel="external">{move_tr!("board-actions-for", { "code" => link_code.clone() })}</a>
                        </p>
                    }
                })}
                {open.then(move || view! {
                    <details class="bed-actions" open=true>
                        <summary>{move_tr!("board-actions-for", { "code" => summary_code.clone() })}</summary>
                        <ActionForm action=actions.moving attr:class="move-form">
                            <input type="hidden" name="code" value=code.clone() />
                            <label for=move_id.clone()>{move_tr!("board-move-to")}</label>
                            <select id=move_id.clone() name="bed_id" required=true autofocus=true>{bed_options(&others)}</select>
                            <OverrideField id=format!("override-move-{}", slot.id) />
                            <button type="submit" class="button small">{move_tr!("board-move")}</button>
                        </ActionForm>
                        <ActionForm action=actions.discharge attr:class="move-form">
                            <input type="hidden" name="code" value=exit_code />
                            <label for=reason_id.clone()>{move_tr!("board-exit-reason")}</label>
                            <select id=reason_id.clone() name="reason" required=true>{reasons}</select>
                            <label for=date_id.clone()>{move_tr!("board-exit-date")}</label>
                            <input id=date_id.clone() type="date" name="ended_on" value=today.to_string() max=today.to_string() required=true />
                            <button type="submit" class="button small danger">{move_tr!("board-exit")}</button>
                        </ActionForm>
                    </details>
                })}
            }
            .into_any()
        }
        _ => {
            let bed_id = slot.id.to_string();
            view! {
                {slot.out_of_service_reason.clone().map(|reason| view! { <small>{reason}</small> })}
                {slot.held_until.map(|until| view! { <small>{move_tr!("bed-held-until", { "time" => until.format("%d/%m %H:%M UTC").to_string() })}</small> })}
                {manage.then(|| view! { <BedMenu bed_id state actions /> })}
            }
            .into_any()
        }
    };
    let live = expect_context::<BoardLive>();
    let id = slot.id;
    let occupant = slot.person_code.clone().unwrap_or_default();
    let drop_target = (manage && state == BedState::Free).then(|| format!("bed:{id}"));
    view! {
        <li
            class=class
            data-bed=slot.id.to_string()
            data-drop=drop_target
            class:drop-hover=move || live.hover.get() == Some(DropTarget::Bed(id))
            class:bed-leaving=move || !occupant.is_empty() && live.leaving(&occupant)
        >
            {move || live.incoming(id).map(|code| view! { <span class="incoming">"→ " {code}</span> })}
            <span class="bed-label">{slot.label.clone()} {slot.room.clone().map(|room| view! { " · " {move_tr!("bed-room", { "room" => room.clone() })} })}</span>
            <span class="bed-state">{move || state_name(state)}</span>
            {details}
        </li>
    }
}

/// The reason with which a reception manager sets an overridable rule aside; sent with
/// the place or move form, used only if a rule is broken.
#[component]
fn OverrideField(id: String) -> impl IntoView {
    let hint = format!("{id}-hint");
    view! {
        <details class="override">
            <summary>{move_tr!("board-override")}</summary>
            <label for=id.clone()>{move_tr!("board-override-reason")}</label>
            <p class="hint" id=hint.clone()>{move_tr!("board-override-hint")}</p>
            <input id=id type="text" name="override_reason" maxlength="300" autocomplete="off" aria-describedby=hint />
        </details>
    }
}

/// A structure's address: hidden by default; the owning organisation's staff reveal it
/// with a reason, for a few minutes (the server decides and keeps the time).
#[component]
fn AddressView(
    id: i32,
    reveal: bool,
    address: Option<String>,
    until: Option<chrono::DateTime<chrono::Utc>>,
    action: ServerAction<RevealAddress>,
) -> impl IntoView {
    if !reveal {
        return view! { <p class="hint">{move_tr!("address-withheld")}</p> }.into_any();
    }
    match (address, until) {
        (Some(address), Some(until)) => view! {
            <p class="secret-address" role="status">
                <strong>{address}</strong>
                <br /><small>{move_tr!("address-visible-until", { "time" => until.format("%H:%M UTC").to_string() })}</small>
            </p>
        }
        .into_any(),
        _ => {
            let field = format!("reveal-reason-{id}");
            view! {
                <details class="bed-actions">
                    <summary>{move_tr!("address-reveal")}</summary>
                    <ActionForm action attr:class="move-form">
                        <input type="hidden" name="structure_id" value=id.to_string() />
                        <label for=field.clone()>{move_tr!("address-reason")}</label>
                        <input id=field type="text" name="reason" required=true minlength="5" maxlength="300" autocomplete="off" />
                        <button type="submit" class="button small">{move_tr!("address-reveal-submit")}</button>
                    </ActionForm>
                </details>
            }
            .into_any()
        }
    }
}

/// The menu of a bed without a guest: hold it for an incoming person, or take it out of
/// service; or undo either.
#[component]
fn BedMenu(bed_id: String, state: BedState, actions: BoardActions) -> impl IntoView {
    let hours_id = format!("hold-hours-{bed_id}");
    let person_id = format!("hold-person-{bed_id}");
    let reason_id = format!("service-reason-{bed_id}");
    let body = match state {
        BedState::Held => view! {
            <ActionForm action=actions.hold attr:class="move-form">
                <input type="hidden" name="bed_id" value=bed_id.clone() />
                <input type="hidden" name="hours" value="0" />
                <button type="submit" class="button small">{move_tr!("bed-release")}</button>
            </ActionForm>
        }
        .into_any(),
        BedState::OutOfService => view! {
            <ActionForm action=actions.service attr:class="move-form">
                <input type="hidden" name="bed_id" value=bed_id.clone() />
                <input type="hidden" name="reason" value="" />
                <button type="submit" class="button small">{move_tr!("bed-back-in-service")}</button>
            </ActionForm>
        }
        .into_any(),
        _ => {
            let service_bed = bed_id.clone();
            view! {
            <ActionForm action=actions.hold attr:class="move-form">
                <input type="hidden" name="bed_id" value=bed_id.clone() />
                <label for=person_id.clone()>{move_tr!("bed-hold-for")}</label>
                <p class="hint" id=format!("{person_id}-hint")>{move_tr!("code-example")}</p>
                <input id=person_id.clone() type="text" name="person_code" autocomplete="off" aria-describedby=format!("{person_id}-hint") />
                <label for=hours_id.clone()>{move_tr!("bed-hold-hours")}</label>
                <select id=hours_id name="hours">
                    <option value="4">"4"</option>
                    <option value="12">"12"</option>
                    <option value="24" selected=true>"24"</option>
                    <option value="48">"48"</option>
                </select>
                <button type="submit" class="button small">{move_tr!("bed-hold")}</button>
            </ActionForm>
            <ActionForm action=actions.service attr:class="move-form">
                <input type="hidden" name="bed_id" value=service_bed />
                <label for=reason_id.clone()>{move_tr!("bed-out-reason")}</label>
                <input id=reason_id type="text" name="reason" required=true maxlength="300" />
                <button type="submit" class="button small">{move_tr!("bed-take-out")}</button>
            </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <details class="bed-actions">
            <summary>{move_tr!("bed-menu")}</summary>
            {body}
        </details>
    }
}

// ---------------------------------------------------------------- drag-and-drop

/// The grip by which a person is dragged (mouse, pen or finger). Out of the keyboard's
/// way: keyboard users have the "move to…" forms.
#[component]
fn DragHandle(code: String, from_bed: Option<i32>) -> impl IntoView {
    let live = expect_context::<BoardLive>();
    move || {
        let code = code.clone();
        live.interactive.get().then(move || {
            let label = drag_label(&code);
            view! {
                <button
                    type="button"
                    class="drag-handle"
                    tabindex="-1"
                    title=label.clone()
                    aria-label=label
                    on:pointerdown=move |ev| start_drag(live, &ev, code.clone(), from_bed)
                >
                    "⠿"
                </button>
            }
        })
    }
}

/// Where a guest is dropped to leave: the reason and date are then asked for.
#[component]
fn ExitZone() -> impl IntoView {
    let live = expect_context::<BoardLive>();
    move || {
        live.interactive.get().then(|| {
            view! {
                <div
                    class="exit-zone"
                    data-drop="exit"
                    class:drop-hover=move || live.hover.get() == Some(DropTarget::Exit)
                >
                    {move_tr!("board-exit-zone")}
                </div>
            }
        })
    }
}

fn breach_list(breaches: &[super::rules::Breach]) -> Vec<String> {
    breaches
        .iter()
        .map(|b| crate::ui::errors::breach_message(*b))
        .collect()
}

/// The user's last change, with a button to take it back while the server allows it.
/// Without JavaScript the panel stays until the next page; the server then answers
/// "nothing to undo" once the minute has passed.
#[component]
fn UndoPanel(offer: UndoOffer, action: ServerAction<UndoLastChange>) -> impl IntoView {
    let open = RwSignal::new(true);
    #[cfg(feature = "hydrate")]
    {
        let millis = u32::try_from(offer.seconds_left.max(0) * 1000).unwrap_or(u32::MAX);
        gloo::timers::callback::Timeout::new(millis, move || {
            open.try_set(false);
        })
        .forget();
    }
    let text = undo_text(&offer);
    move || {
        open.get().then(|| {
            let text = text.clone();
            view! {
                <div class="panel undo-panel" role="status">
                    <p><strong>{text}</strong> " " {move_tr!("board-undo-hint")}</p>
                    <ActionForm action attr:class="inline-form">
                        <button type="submit" class="button">{move_tr!("board-undo")}</button>
                    </ActionForm>
                </div>
            }
        })
    }
}

/// The answer to the last drop: done, refused, or a question (override, exit).
#[component]
fn BoardNoticeView() -> impl IntoView {
    let live = expect_context::<BoardLive>();
    move || {
        live.notice.get().map(|notice| match notice {
            Notice::Done(change) => view! {
                <div class="notice success" role="status">{done_text(&change)}</div>
            }
            .into_any(),
            Notice::Undone(code) => view! {
                <div class="notice success" role="status">{undone_text(&code)}</div>
            }
            .into_any(),
            Notice::Failed(error) => view! {
                <div class="form-error" role="alert">{crate::ui::errors::error_message(&error)}</div>
            }
            .into_any(),
            Notice::Override(change, breaches) => view! { <OverridePrompt change breaches /> }.into_any(),
            Notice::AskExit(code) => view! { <ExitPrompt code /> }.into_any(),
        })
    }
}

#[component]
fn OverridePrompt(change: Change, breaches: Vec<super::rules::Breach>) -> impl IntoView {
    let live = expect_context::<BoardLive>();
    let reason = RwSignal::new(String::new());
    let reasons = breach_list(&breaches);
    // The question appears above the board, away from where she dropped: focus takes
    // her (and a screen reader) to it.
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    view! {
        <div class="panel panel-warning" role="alert">
            <p><strong>{move_tr!("error-placement-rules")}</strong></p>
            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            <div class="field">
                <label for="drop-override">{move_tr!("board-override-reason")}</label>
                <p class="hint" id="drop-override-hint">{move_tr!("board-override-hint")}</p>
                <input
                    id="drop-override"
                    node_ref=field
                    type="text"
                    maxlength="300"
                    autocomplete="off"
                    aria-describedby="drop-override-hint"
                    on:input:target=move |ev| reason.set(ev.target().value())
                />
            </div>
            <div class="form-actions">
                <button type="button" class="button primary" on:click=move |_| {
                    submit(live, change.clone(), Some(reason.get_untracked()), None);
                }>{move_tr!("board-override-confirm")}</button>
                <button type="button" class="button" on:click=move |_| live.notice.set(None)>{move_tr!("cancel")}</button>
            </div>
        </div>
    }
}

#[component]
fn ExitPrompt(code: String) -> impl IntoView {
    let live = expect_context::<BoardLive>();
    let today = live.today.get_value();
    let reason = RwSignal::new(StayEnd::EndOfStay.code().to_string());
    let date = RwSignal::new(today.clone());
    let title_code = code.clone();
    let field = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(select) = field.get() {
            let _ = select.focus();
        }
    });
    view! {
        <div class="panel" role="dialog" aria-labelledby="drop-exit-title">
            <p id="drop-exit-title"><strong>{move_tr!("board-exit-of", { "code" => title_code.clone() })}</strong></p>
            <div class="field">
                <label for="drop-exit-reason">{move_tr!("board-exit-reason")}</label>
                <select id="drop-exit-reason" node_ref=field on:change:target=move |ev| reason.set(ev.target().value())>
                    {StayEnd::ALL.iter().map(|r| {
                        let r = *r;
                        view! { <option value=r.code()>{move || stay_end_name(r)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="drop-exit-date">{move_tr!("board-exit-date")}</label>
                <input id="drop-exit-date" type="date" max=today.clone() value=today on:input:target=move |ev| date.set(ev.target().value()) />
            </div>
            <div class="form-actions">
                <button type="button" class="button danger" on:click=move |_| {
                    submit(
                        live,
                        Change::Exit { code: code.clone() },
                        None,
                        Some((reason.get_untracked(), date.get_untracked())),
                    );
                }>{move_tr!("board-exit")}</button>
                <button type="button" class="button" on:click=move |_| live.notice.set(None)>{move_tr!("cancel")}</button>
            </div>
        </div>
    }
}

// ---------------------------------------------------------------- structures page

#[component]
pub fn StructuresPage() -> impl IntoView {
    let save = ServerAction::<SaveStructure>::new();
    let add = ServerAction::<AddBed>::new();
    let remove = ServerAction::<RemoveBed>::new();
    let data = Resource::new(
        move || {
            (
                save.version().get(),
                add.version().get(),
                remove.version().get(),
            )
        },
        |_| fetch_structures(),
    );
    let error = Signal::derive(move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| add.value().get().and_then(|r| r.err()))
            .or_else(|| remove.value().get().and_then(|r| r.err()))
    });
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-structures")
        }) />
        <h1>{move_tr!("nav-structures")}</h1>
        <p class="lead">{move_tr!("structures-intro")}</p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => {
                        let organisations = page.organisations.clone();
                        view! {
                            <details class="panel">
                                <summary><h2 class="inline">{move_tr!("structure-new")}</h2></summary>
                                <StructureEditor structure=None organisations=organisations.clone() save />
                            </details>
                            {page.structures.into_iter().map(|s| view! { <StructureAdmin structure=s organisations=organisations.clone() save add remove /> }).collect_view()}
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn StructureEditor(
    structure: Option<ManagedStructure>,
    organisations: Vec<(i32, String)>,
    save: ServerAction<SaveStructure>,
) -> impl IntoView {
    let prefix = structure
        .as_ref()
        .map_or("new".to_string(), |s| s.id.to_string());
    let id = structure
        .as_ref()
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    let name = structure
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let kind = structure.as_ref().map(|s| s.kind);
    let province = structure
        .as_ref()
        .map(|s| s.province.clone())
        .unwrap_or_default();
    let organisation = structure.as_ref().map(|s| s.organisation_id);
    let targets = structure
        .as_ref()
        .map(|s| s.target_groups.clone())
        .unwrap_or_default();
    let has_address = structure.as_ref().is_some_and(|s| s.has_address);
    let active = structure.as_ref().is_none_or(|s| s.active);
    let field = move |name: &str| format!("structure-{prefix}-{name}");
    view! {
        <ActionForm action=save attr:class="structure-form">
            <input type="hidden" name="form[id]" value=id />
            <div class="field">
                <label for=field("name")>{move_tr!("field-structure-name")}</label>
                <input id=field("name") name="form[name]" value=name required=true maxlength="120" />
            </div>
            <div class="field">
                <label for=field("kind")>{move_tr!("field-structure-kind")}</label>
                <select id=field("kind") name="form[kind]">
                    {StructureKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.code() selected=kind == Some(k)>{move || kind_name(k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("province")>{move_tr!("field-province")}</label>
                <select id=field("province") name="form[province]">
                    {crate::auth::model::PROVINCES.iter().map(|(code, pname, _)| {
                        view! { <option value=*code selected=province == *code>{format!("{pname} ({code})")}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("organisation")>{move_tr!("field-organisation")}</label>
                <select id=field("organisation") name="form[organisation_id]">
                    {organisations.into_iter().map(|(oid, oname)| {
                        view! { <option value=oid.to_string() selected=organisation == Some(oid)>{oname}</option> }
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>{move_tr!("field-target-groups")}</legend>
                {TargetGroup::ALL.iter().map(|g| {
                    let g = *g;
                    let input = field(g.code());
                    view! {
                        <div class="field-check">
                            <input type="checkbox" id=input.clone() name=format!("form[targets][{}]", g.code()) checked=targets.contains(&g) />
                            <label for=input>{move || target_group_name(g)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for=field("address")>{move_tr!("field-address")}</label>
                <p class="hint">{if has_address { move_tr!("address-kept-hint") } else { move_tr!("address-new-hint") }}</p>
                <input id=field("address") name="form[address]" autocomplete="off" maxlength="240" />
            </div>
            <div class="field-check">
                <input type="checkbox" id=field("active") name="form[active]" checked=active />
                <label for=field("active")>{move_tr!("field-structure-active")}</label>
            </div>
            <div class="form-actions"><button type="submit" class="button primary">{move_tr!("save")}</button></div>
        </ActionForm>
    }
}

#[component]
fn StructureAdmin(
    structure: ManagedStructure,
    organisations: Vec<(i32, String)>,
    save: ServerAction<SaveStructure>,
    add: ServerAction<AddBed>,
    remove: ServerAction<RemoveBed>,
) -> impl IntoView {
    let kind = structure.kind;
    let structure_id = structure.id.to_string();
    let label_id = format!("bed-label-{}", structure.id);
    let room_id = format!("bed-room-{}", structure.id);
    view! {
        <section class="panel">
            <h2>{structure.name.clone()}</h2>
            <p class="hint">{move || kind_name(kind)} " · " {structure.province.clone()} " · " {structure.organisation.clone()}
                {(!structure.active).then(|| view! { " · " <span class="badge badge-off">{move_tr!("structure-inactive")}</span> })}
            </p>
            <ul class="plain-list">
                {structure.beds.iter().map(|bed| {
                    let bed_id = bed.id.to_string();
                    view! {
                        <li>
                            {bed.label.clone()} {bed.room.clone().map(|room| view! { " · " {move_tr!("bed-room", { "room" => room.clone() })} })}
                            {bed.removable.then(|| view! {
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="bed_id" value=bed_id.clone() />
                                    <button type="submit" class="button small">{move_tr!("bed-remove")}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=add attr:class="move-form">
                <input type="hidden" name="structure_id" value=structure_id />
                <label for=label_id.clone()>{move_tr!("field-bed-label")}</label>
                <input id=label_id name="label" required=true maxlength="64" />
                <label for=room_id.clone()>{move_tr!("field-bed-room")}</label>
                <input id=room_id name="room" maxlength="64" />
                <button type="submit" class="button small">{move_tr!("bed-add")}</button>
            </ActionForm>
            <details class="more-details">
                <summary>{move_tr!("structure-edit")}</summary>
                <StructureEditor structure=Some(structure.clone()) organisations save />
            </details>
        </section>
    }
}

// ---------------------------------------------------------------- occupancy timeline

const DAY_WIDTH: u32 = 22;
const LABEL_WIDTH: u32 = 90;
const ROW_HEIGHT: u32 = 30;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        (
            params.read().get("id").unwrap_or_default(),
            query.read().get("mese").unwrap_or_default(),
        )
    });
    let data = Resource::new(move || key.get(), |(id, month)| fetch_timeline(id, month));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "timeline-title")
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(timeline) => view! { <TimelineView timeline id=key.get_untracked().0 /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TimelineView(timeline: Timeline, id: String) -> impl IntoView {
    let days = timeline.days_in_month;
    let width = LABEL_WIDTH + days * DAY_WIDTH;
    let height = ROW_HEIGHT * (timeline.rows.len() as u32 + 1);
    let x = move |day: u32| LABEL_WIDTH + (day - 1) * DAY_WIDTH;
    let header = (1..=days)
        .map(|d| view! { <text x=(x(d) + DAY_WIDTH / 2).to_string() y="20" text-anchor="middle" class="day">{d.to_string()}</text> })
        .collect_view();
    let bars = timeline
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let y = ROW_HEIGHT * (index as u32 + 1);
            let stays = row
                .stays
                .iter()
                .map(|stay| {
                    let left = x(stay.first_day);
                    let bar_width = (stay.last_day + 1 - stay.first_day) * DAY_WIDTH;
                    let class = if stay.exit_overdue { "stay overdue" } else { "stay" };
                    let label = if stay.exit_overdue { format!("{} !", stay.code) } else { stay.code.clone() };
                    view! {
                        <g>
                            <title>{stay.code.clone()}</title>
                            <rect x=left.to_string() y=(y + 4).to_string() width=bar_width.to_string() height=(ROW_HEIGHT - 8).to_string() rx="4" class=class />
                            <text x=(left + 4).to_string() y=(y + 19).to_string() class="stay-code">{label}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <text x="4" y=(y + 19).to_string() class="bed-name">{row.bed.clone()}</text>
                <line x1="0" x2=width.to_string() y1=(y + ROW_HEIGHT).to_string() y2=(y + ROW_HEIGHT).to_string() class="grid" />
                {stays}
            }
        })
        .collect_view();
    let today_line = timeline.today_day.map(|d| {
        let tx = x(d) + DAY_WIDTH / 2;
        view! { <line x1=tx.to_string() x2=tx.to_string() y1="24" y2=height.to_string() class="today" /> }
    });
    let previous = format!("/strutture/{id}/presenze?mese={}", timeline.previous_month);
    let next = format!("/strutture/{id}/presenze?mese={}", timeline.next_month);
    view! {
        <p><a href="/posti-letto">{move_tr!("back-to-board")}</a></p>
        <h1>{move_tr!("timeline-heading", { "structure" => timeline.structure.clone(), "month" => timeline.month.clone() })}</h1>
        <nav class="pager" aria-label=move || tr!("pager-label")>
            <a href=previous rel="prev">{move_tr!("timeline-previous")}</a>
            <a href=next rel="next">{move_tr!("timeline-next")}</a>
        </nav>
        <section class="panel">
            <div class="timeline-wrap">
                <svg class="timeline" viewBox=format!("0 0 {width} {height}") width=width.to_string() height=height.to_string() role="img" aria-labelledby="timeline-caption">
                    <title id="timeline-caption">{move_tr!("timeline-caption")}</title>
                    {header}
                    {bars}
                    {today_line}
                </svg>
            </div>
            <p class="hint">{move_tr!("timeline-legend")}</p>
            <div class="table-wrap">
                <table>
                    <caption>{move_tr!("timeline-stays")}</caption>
                    <thead><tr>
                        <th scope="col">{move_tr!("field-bed-label")}</th>
                        <th scope="col">{move_tr!("field-network-code")}</th>
                        <th scope="col">{move_tr!("timeline-from")}</th>
                        <th scope="col">{move_tr!("timeline-to")}</th>
                    </tr></thead>
                    <tbody>
                        {timeline.rows.iter().flat_map(|row| row.stays.iter().map(move |stay| (row.bed.clone(), stay.clone()))).map(|(bed, stay)| {
                            let overdue = stay.exit_overdue;
                            view! {
                                <tr>
                                    <th scope="row">{bed}</th>
                                    <td><a class="code" href=format!("/persone/{}", stay.code)>{stay.code.clone()}</a></td>
                                    <td>{stay.started_on.format("%d/%m/%Y").to_string()}</td>
                                    <td>
                                        {match stay.ended_on {
                                            Some(day) => day.format("%d/%m/%Y").to_string().into_any(),
                                            None => view! { {move_tr!("timeline-ongoing")} {overdue.then(|| view! { " " <strong class="overdue">{move_tr!("bed-exit-overdue")}</strong> })} }.into_any(),
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="panel">
            <h2>{move_tr!("timeline-presence")}</h2>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{move_tr!("timeline-month")}</th>
                        <th scope="col">{move_tr!("timeline-days")}</th>
                        <th scope="col">{move_tr!("timeline-bed-days")}</th>
                        <th scope="col">{move_tr!("timeline-occupancy")}</th>
                    </tr></thead>
                    <tbody>
                        {timeline.presence.into_iter().map(|m| view! {
                            <tr>
                                <th scope="row">{m.month}</th>
                                <td>{m.days_of_presence.to_string()}</td>
                                <td>{m.bed_days.to_string()}</td>
                                <td>{format!("{} %", m.occupancy)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
