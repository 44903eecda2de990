//! The board's cards: a structure, its beds, a bed's menu and the safe-house address.

use super::*;
use crate::kernel::when::clock_text;
use crate::ui::submit::Submit;

#[component]
pub(super) fn StructureCardView(
    card: StructureCard,
    choices: FreeChoices,
    today: chrono::NaiveDate,
    filter: BoardFilter,
    chosen: Chosen,
    actions: BoardActions,
    words: Memo<BoardWords>,
) -> impl IntoView {
    let kind = card.kind;
    let targets = card.target_groups.clone();
    let manage = card.may_manage;
    let free = card.free_beds;
    let total = card.beds.len();
    let house = card.id;
    let live = expect_context::<BoardLive>();
    let open = Memo::new(move |_| live.folding.with(|f| f.is_open(house)));
    // A folded house's beds are not in the page at all: a network's board (100 houses,
    // 1000 beds) then costs what it shows. They are drawn when she opens the house; before
    // the page is interactive, opening it shows a link to the board with it open.
    let show_link = board_link(&filter, Some(("struttura", &house.to_string())));
    let name = card.name.clone();
    // Its beds by room, in the rooms' order; beds in no room last.
    let groups = StoredValue::new(room_groups(card.rooms, card.beds));
    let (address, until, reveal) = (
        card.address,
        card.address_visible_until,
        card.may_reveal_address,
    );
    let beds_view = move || {
        let (choices, filter, chosen) = (choices.clone(), filter.clone(), chosen.clone());
        view! {
            <AddressView id=house reveal address=address.clone() until action=actions.reveal />
            {groups.with_value(|groups| groups.iter().cloned().map(|(room, beds)| {
                let (choices, filter, chosen) = (choices.clone(), filter.clone(), chosen.clone());
                let list = view! {
                    <ul class="beds">
                        {beds.into_iter().map(|slot| view! {
                            <BedView bed=slot manage choices=choices.clone() today filter=filter.clone() chosen=chosen.clone() actions words />
                        }).collect_view()}
                    </ul>
                };
                match room {
                    Some(title) => view! {
                        <div class="room-group">
                            <h3 class="room-heading">{title}</h3>
                            {list}
                        </div>
                    }.into_any(),
                    None => list.into_any(),
                }
            }).collect_view())}
        }
    };
    view! {
        <section class="panel structure-card" class:full={free == 0} aria-label=card.name.clone()>
            <h2>{card.name.clone()}</h2>
            <p><a href=format!("/strutture/{}/presenze", card.id)>{move_tr!("timeline-link")}</a></p>
            <p class="hint">
                {move || kind_name(kind)} " · " {card.province.clone()} " · " {card.organisation.clone()}
                <br />
                {move || targets.iter().map(|g| target_group_name(*g)).collect::<Vec<_>>().join(", ")}
            </p>
            // Folded to its counts on a network's board until she opens it (`Folding`).
            <details class="beds-fold" data-house=house.to_string()
                open=move || open.get()
                on:toggle=move |event| house_toggled(live, house, &event)>
                <summary><strong>{move_tr!("board-structure-summary", { "free" => free, "total" => total })}</strong></summary>
                // The link is for a page not yet interactive; once it is, opening the
                // house draws its beds at once, and the link would only flash.
                <Show when=move || open.get() fallback=move || {
                    let (name, link) = (name.clone(), show_link.clone());
                    move || {
                        let (name, link) = (name.clone(), link.clone());
                        (!live.interactive.get()).then(move || view! {
                            <p><a href=link>{move_tr!("board-house-show", { "name" => name.clone() })}</a></p>
                        })
                    }
                }>
                    {beds_view()}
                </Show>
            </details>
        </section>
    }
}

/// The beds of a structure grouped by room, in the rooms' order, each group with its
/// room's title; the beds in no room last, untitled. A house without rooms is one group.
fn room_groups(rooms: Vec<RoomView>, beds: Vec<BedSlot>) -> Vec<(Option<String>, Vec<BedSlot>)> {
    let mut groups: Vec<(Option<String>, Vec<BedSlot>)> = rooms
        .iter()
        .map(|room| {
            let inside = beds
                .iter()
                .filter(|bed| bed.room == Some(room.id))
                .cloned()
                .collect();
            (Some(room_title(&room.name, room.floor)), inside)
        })
        .filter(|(_, inside): &(Option<String>, Vec<BedSlot>)| !inside.is_empty())
        .collect();
    let known: std::collections::HashSet<i32> = rooms.iter().map(|room| room.id).collect();
    let outside: Vec<BedSlot> = beds
        .into_iter()
        .filter(|bed| !bed.room.is_some_and(|room| known.contains(&room)))
        .collect();
    if !outside.is_empty() {
        groups.push((None, outside));
    }
    groups
}

#[component]
pub(super) fn BedView(
    bed: BedSlot,
    manage: bool,
    choices: FreeChoices,
    today: chrono::NaiveDate,
    filter: BoardFilter,
    chosen: Chosen,
    actions: BoardActions,
    words: Memo<BoardWords>,
) -> impl IntoView {
    let slot = bed;
    let state = slot.state;
    let class = bed_class(state);
    let details = match (&slot.person_code, state) {
        (Some(code), BedState::Occupied) => {
            let code = code.clone();
            // Every guest gets a link; only the chosen one gets the forms, whose list of
            // free beds would otherwise repeat on every bed (megabytes on a large board).
            let open = manage && chosen.person == code;
            let others: Vec<BedChoice> = if open {
                choices
                    .iter()
                    .filter(|c| c.bed_id != slot.id)
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            let actions_link = board_link(&filter, Some(("persona", &code)));
            let days = slot.days_since_arrival.unwrap_or(0);
            let overdue = slot.exit_overdue;
            let planned = slot.planned_exit_on;
            let handle_code = code.clone();
            let bed_id = slot.id;
            view! {
                {manage.then(|| view! { <DragHandle code=handle_code from_bed=Some(bed_id) /> })}
                <a class="code" href=format!("/persone/{code}")>{code.clone()}</a>
                <small>
                    {move || words.with(|w| w.days(days))}
                    {planned.map(|date| view! {
                        " · " {move || words.with(|w| w.planned_exit(date))}
                    })}
                    {overdue.then(|| view! { " " <strong class="overdue">{move || words.with(|w| w.exit_overdue().to_string())}</strong> })}
                </small>
                {(manage && !open).then(|| {
                    let link_code = code.clone();
                    view! {
                        <p class="bed-actions">
                            // A full page load: the chosen bed's select then takes the focus.
                            <a href=actions_link rel="external">{move || words.with(|w| w.actions_for(&link_code))}</a>
                        </p>
                    }
                })}
                {open.then(move || guest_forms(bed_id, code, others, today, actions))}
            }
            .into_any()
        }
        _ => {
            // Like a guest's forms: only the chosen bed's menu is on the page.
            let open = manage && chosen.bed == Some(slot.id);
            let bed_id = slot.id.to_string();
            let menu_link = board_link(&filter, Some(("posto", &bed_id)));
            let label = slot.label.clone();
            view! {
                {slot.out_of_service_reason.clone().map(|reason| view! { <small>{reason}</small> })}
                {slot.held_until.map(|until| {
                    view! { <small>{move || words.with(|w| w.held_until(until))}</small> }
                })}
                {(manage && !open).then(|| view! {
                    <p class="bed-actions">
                        <a href=menu_link rel="external">{move || words.with(|w| w.menu_for(&label))}</a>
                    </p>
                })}
                {open.then(|| view! { <BedMenu bed_id state actions /> })}
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
            <span class="bed-label">{slot.label.clone()}</span>
            <span class="bed-state">{move || words.with(|w| w.state(state).to_string())}</span>
            {details}
        </li>
    }
}

/// The class of a bed's card, after its state.
fn bed_class(state: BedState) -> &'static str {
    match state {
        BedState::Free => "bed bed-free",
        BedState::Occupied => "bed bed-occupied",
        BedState::Held => "bed bed-held",
        BedState::OutOfService => "bed bed-out",
    }
}

/// The chosen guest's forms: move her to one of the `others` free beds, or end her stay.
fn guest_forms(
    bed_id: i32,
    code: String,
    others: Vec<BedChoice>,
    today: chrono::NaiveDate,
    actions: BoardActions,
) -> impl IntoView {
    let move_id = format!("move-{bed_id}");
    let reason_id = format!("exit-reason-{bed_id}");
    let date_id = format!("exit-date-{bed_id}");
    let summary_code = code.clone();
    let exit_code = code.clone();
    let reasons = StayEnd::ALL
        .iter()
        .map(|r| {
            let r = *r;
            view! { <option value=r.code()>{move || stay_end_name(r)}</option> }
        })
        .collect_view();
    view! {
        <details class="bed-actions" open=true>
            <summary>{move_tr!("board-actions-for", { "code" => summary_code.clone() })}</summary>
            <ActionForm action=actions.moving attr:class="move-form">
                <input type="hidden" name="code" value=code.clone() />
                <label for=move_id.clone()>{move_tr!("board-move-to")}</label>
                <select id=move_id.clone() name="bed_id" required=true autofocus=true>{bed_options(&others)}</select>
                <OverrideField id=format!("override-move-{bed_id}") />
                <Submit action=actions.moving class="button small">{move_tr!("board-move")}</Submit>
            </ActionForm>
            <ActionForm action=actions.discharge attr:class="move-form">
                <input type="hidden" name="code" value=exit_code />
                <label for=reason_id.clone()>{move_tr!("board-exit-reason")}</label>
                <select id=reason_id.clone() name="reason" required=true>{reasons}</select>
                <label for=date_id.clone()>{move_tr!("board-exit-date")}</label>
                <input id=date_id.clone() type="date" name="ended_on" value=today.to_string() max=today.to_string() required=true />
                <Submit action=actions.discharge class="button small danger">{move_tr!("board-exit")}</Submit>
            </ActionForm>
        </details>
    }
}

/// The reason with which a reception manager sets an overridable rule aside; sent with
/// the place or move form, used only if a rule is broken.
#[component]
pub(super) fn OverrideField(id: String) -> impl IntoView {
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
pub(super) fn AddressView(
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
                <br /><small>{move_tr!("address-visible-until", { "time" => clock_text(until) })}</small>
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
                        <Submit action=action class="button small">{move_tr!("address-reveal-submit")}</Submit>
                    </ActionForm>
                </details>
            }
            .into_any()
        }
    }
}

/// The menu of the chosen bed without a guest: hold it for an incoming person, or take
/// it out of service; or undo either. Its first field takes the focus.
#[component]
pub(super) fn BedMenu(bed_id: String, state: BedState, actions: BoardActions) -> impl IntoView {
    let hours_id = format!("hold-hours-{bed_id}");
    let person_id = format!("hold-person-{bed_id}");
    let reason_id = format!("service-reason-{bed_id}");
    let body = match state {
        BedState::Held => view! {
            <ActionForm action=actions.hold attr:class="move-form">
                <input type="hidden" name="bed_id" value=bed_id.clone() />
                <input type="hidden" name="hours" value="0" />
                <Submit action=actions.hold class="button small" autofocus=true>{move_tr!("bed-release")}</Submit>
            </ActionForm>
        }
        .into_any(),
        BedState::OutOfService => view! {
            <ActionForm action=actions.service attr:class="move-form">
                <input type="hidden" name="bed_id" value=bed_id.clone() />
                <input type="hidden" name="reason" value="" />
                <Submit action=actions.service class="button small" autofocus=true>{move_tr!("bed-back-in-service")}</Submit>
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
                <input id=person_id.clone() type="text" name="person_code" autocomplete="off" autofocus=true aria-describedby=format!("{person_id}-hint") />
                <label for=hours_id.clone()>{move_tr!("bed-hold-hours")}</label>
                <select id=hours_id name="hours">
                    <option value="4">"4"</option>
                    <option value="12">"12"</option>
                    <option value="24" selected=true>"24"</option>
                    <option value="48">"48"</option>
                </select>
                <Submit action=actions.hold class="button small">{move_tr!("bed-hold")}</Submit>
            </ActionForm>
            <ActionForm action=actions.service attr:class="move-form">
                <input type="hidden" name="bed_id" value=service_bed />
                <label for=reason_id.clone()>{move_tr!("bed-out-reason")}</label>
                <input id=reason_id type="text" name="reason" required=true maxlength="300" />
                <Submit action=actions.service class="button small">{move_tr!("bed-take-out")}</Submit>
            </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <details class="bed-actions" open=true>
            <summary>{move_tr!("bed-menu")}</summary>
            {body}
        </details>
    }
}
