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
use crate::ui::page_forms::PageForms;
use crate::ui::pages::Loading;

mod cards;
mod dragging;
mod structures;
mod timeline;
pub use cards::*;
pub use dragging::*;
pub use structures::*;
pub use timeline::*;

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
pub struct BoardActions {
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
    let forms = PageForms::staying_open();
    let actions = BoardActions {
        place: forms.action(),
        moving: forms.action(),
        discharge: forms.action(),
        reveal: forms.action(),
        hold: forms.action(),
        service: forms.action(),
        undo: forms.action(),
    };
    // The answer to an undo replaces the notice of the drop it took back.
    Effect::new(move |_| {
        if let Some(Ok(code)) = actions.undo.value().get() {
            live.notice.set(Some(Notice::Undone(code)));
        }
    });
    let data = Resource::new(
        move || (filter.get(), live.refresh.get(), forms.answers()),
        |(filter, ..)| fetch_board(filter),
    );
    let error = forms.error();
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
