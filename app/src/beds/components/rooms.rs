//! A structure's rooms and beds on the structures page: beds listed by room, each bed
//! with the room it is in (a select and a button, usable without JavaScript), a room
//! renamed or removed when empty, a room or a bed added.

use super::*;
use crate::beds::rooms::{FLOORS, MAX_ROOM_NAME};
use crate::ui::submit::Submit;

/// "Stanza azzurra · piano 1", "Stanza 2 · piano terra", "Stanza 3".
pub fn room_title(name: &str, floor: Option<i16>) -> String {
    match floor {
        Some(floor) => tr!("room-title-floor", { "room" => name.to_string(), "floor" => floor }),
        None => tr!("room-title", { "room" => name.to_string() }),
    }
}

/// The forms of the structures page, in one value that every part takes.
#[derive(Clone, Copy)]
pub struct StructureActions {
    pub save: ServerAction<SaveStructure>,
    pub add: ServerAction<AddBed>,
    pub remove: ServerAction<RemoveBed>,
    pub save_room: ServerAction<SaveRoom>,
    pub remove_room: ServerAction<RemoveRoom>,
    pub bed_room: ServerAction<SetBedRoom>,
}

#[component]
pub(super) fn RoomsAndBeds(
    structure: ManagedStructure,
    actions: StructureActions,
) -> impl IntoView {
    let rooms = structure.rooms.clone();
    let id = structure.id;
    let in_room = |room: Option<i32>| -> Vec<ManagedBed> {
        structure
            .beds
            .iter()
            .filter(|bed| bed.room == room)
            .cloned()
            .collect()
    };
    // Beds in no room, and any whose room is gone, listed where they can be fixed.
    let known: Vec<i32> = rooms.iter().map(|room| room.id).collect();
    let unplaced: Vec<ManagedBed> = structure
        .beds
        .iter()
        .filter(|bed| !bed.room.is_some_and(|room| known.contains(&room)))
        .cloned()
        .collect();
    let groups: Vec<(ManagedRoom, Vec<ManagedBed>)> = rooms
        .iter()
        .map(|room| (room.clone(), in_room(Some(room.id))))
        .collect();
    view! {
        {groups.into_iter().map(|(room, beds)| {
            let heading = format!("room-{}", room.id);
            let title = room_title(&room.name, room.floor);
            view! {
                <section class="room-group" aria-labelledby=heading.clone()>
                    <h3 id=heading.clone()>{title}</h3>
                    <BedList beds rooms=rooms.clone() actions />
                    <RoomForms structure_id=id room=Some(room.clone()) actions />
                </section>
            }
        }).collect_view()}
        {(!unplaced.is_empty()).then(|| view! {
            <section class="room-group" aria-labelledby=(!rooms.is_empty()).then(|| format!("room-none-{id}"))>
                {(!rooms.is_empty()).then(|| view! { <h3 id=format!("room-none-{id}")>{move_tr!("room-none")}</h3> })}
                <BedList beds=unplaced rooms=rooms.clone() actions />
            </section>
        })}
        <AddBed structure_id=id rooms=rooms.clone() actions />
        <RoomForms structure_id=id room=None actions />
    }
}

#[component]
fn BedList(
    beds: Vec<ManagedBed>,
    rooms: Vec<ManagedRoom>,
    actions: StructureActions,
) -> impl IntoView {
    view! {
        <ul class="plain-list bed-admin-list">
            {beds.into_iter().map(|bed| {
                let bed_id = bed.id.to_string();
                let select_id = format!("bed-room-of-{}", bed.id);
                let label = bed.label.clone();
                let (rooms, remove_id) = (rooms.clone(), bed_id.clone());
                view! {
                    <li>
                        <strong>{bed.label.clone()}</strong>
                        {(!rooms.is_empty()).then(|| view! {
                            <ActionForm action=actions.bed_room attr:class="inline-form">
                                <input type="hidden" name="bed_id" value=bed_id.clone() />
                                <label for=select_id.clone() class="visually-hidden">
                                    {move_tr!("bed-room-of", { "bed" => label.clone() })}
                                </label>
                                <RoomSelect id=select_id.clone() rooms=rooms.clone() chosen=bed.room />
                                <Submit action=actions.bed_room class="button small secondary">{move_tr!("bed-room-set")}</Submit>
                            </ActionForm>
                        })}
                        {bed.removable.then(|| view! {
                            <ActionForm action=actions.remove attr:class="inline-form">
                                <input type="hidden" name="bed_id" value=remove_id.clone() />
                                <Submit action=actions.remove class="button small">{move_tr!("bed-remove")}</Submit>
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn RoomSelect(id: String, rooms: Vec<ManagedRoom>, chosen: Option<i32>) -> impl IntoView {
    view! {
        <select id=id name="room">
            <option value="" selected=chosen.is_none()>{move_tr!("room-none")}</option>
            {rooms.into_iter().map(|room| view! {
                <option value=room.id.to_string() selected=chosen == Some(room.id)>
                    {room_title(&room.name, room.floor)}
                </option>
            }).collect_view()}
        </select>
    }
}

#[component]
fn AddBed(structure_id: i32, rooms: Vec<ManagedRoom>, actions: StructureActions) -> impl IntoView {
    let label_id = format!("bed-label-{structure_id}");
    let room_id = format!("bed-room-{structure_id}");
    view! {
        <ActionForm action=actions.add attr:class="move-form">
            <input type="hidden" name="structure_id" value=structure_id.to_string() />
            <label for=label_id.clone()>{move_tr!("field-bed-label")}</label>
            <input id=label_id name="label" required=true maxlength="64" />
            {if rooms.is_empty() {
                view! { <input type="hidden" name="room" value="" /> }.into_any()
            } else {
                view! {
                    <label for=room_id.clone()>{move_tr!("field-bed-room")}</label>
                    <RoomSelect id=room_id.clone() rooms chosen=None />
                }.into_any()
            }}
            <Submit action=actions.add class="button small">{move_tr!("bed-add")}</Submit>
        </ActionForm>
    }
}

/// A new room's form (`room` none), or a room's: rename it, and remove it when empty.
#[component]
fn RoomForms(
    structure_id: i32,
    room: Option<ManagedRoom>,
    actions: StructureActions,
) -> impl IntoView {
    let key = room
        .as_ref()
        .map_or(format!("new-{structure_id}"), |r| r.id.to_string());
    let field = move |name: &str| format!("room-{name}-{key}");
    let (id, name, floor) =
        room.as_ref()
            .map_or((String::new(), String::new(), String::new()), |r| {
                (
                    r.id.to_string(),
                    r.name.clone(),
                    r.floor.map(|f| f.to_string()).unwrap_or_default(),
                )
            });
    let empty = room.as_ref().is_some_and(|r| r.beds == 0);
    let remove_id = id.clone();
    let summary = if room.is_some() {
        move_tr!("room-edit")
    } else {
        move_tr!("room-add")
    };
    view! {
        <details class="more-details">
            <summary>{summary}</summary>
            <ActionForm action=actions.save_room attr:class="stack-form">
                <input type="hidden" name="form[id]" value=id.clone() />
                <input type="hidden" name="form[structure_id]" value=structure_id.to_string() />
                <div class="field-pair">
                    <div class="field">
                        <label for=field("name")>{move_tr!("field-room-name")}</label>
                        <input id=field("name") type="text" name="form[name]" value=name required=true maxlength=MAX_ROOM_NAME.to_string() />
                    </div>
                    <div class="field">
                        <label for=field("floor")>{move_tr!("field-room-floor")}</label>
                        <p class="hint" id=field("floor-hint")>{move_tr!("field-room-floor-hint")}</p>
                        <input id=field("floor") name="form[floor]" type="number" inputmode="numeric"
                            min=FLOORS.start().to_string() max=FLOORS.end().to_string() value=floor
                            aria-describedby=field("floor-hint") />
                    </div>
                </div>
                <div class="form-actions">
                    <Submit action=actions.save_room class="button secondary">{move_tr!("room-save")}</Submit>
                </div>
            </ActionForm>
            {empty.then(|| view! {
                <ActionForm action=actions.remove_room attr:class="inline-form">
                    <input type="hidden" name="room_id" value=remove_id.clone() />
                    <Submit action=actions.remove_room class="button small">{move_tr!("room-remove")}</Submit>
                </ActionForm>
            })}
        </details>
    }
}
