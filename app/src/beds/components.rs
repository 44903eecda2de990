//! The bed board page. Every action is a plain form ("place in…", "move to…", "exit"),
//! usable with the keyboard and without JavaScript; drag-and-drop will enhance it.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::api::*;
use super::drag::*;
use super::model::*;
use super::shown::Shown;
use crate::people::waiting::components::{needs_text, target_group_name, urgency_name};
use crate::people::waiting::model::{TargetGroup, WaitingRow};
use crate::ui::errors::ErrorPanel;
use crate::ui::forms::{coded_choices, organisation_choices, FilterSelect, FormErrorSummary};
use crate::ui::page_forms::PageForms;
use crate::ui::pages::Loading;

mod cards;
mod dragging;
mod folds;
mod rooms;
mod structures;
mod timeline;
mod words;
pub use cards::*;
pub use dragging::*;
use folds::{
    house_toggled, open_houses_of_searched_guests, open_houses_under_drags, take_houses_as_shown,
    FoldAll,
};
pub use rooms::{room_title, StructureActions};
pub use structures::*;
pub use timeline::*;
pub use words::BoardWords;

pub fn kind_name(kind: StructureKind) -> String {
    match kind {
        StructureKind::Emergency => tr!("structure-emergency"),
        StructureKind::SafeHouse => tr!("structure-safe-house"),
        StructureKind::SecondReception => tr!("structure-second-reception"),
        StructureKind::SupportedFlat => tr!("structure-supported-flat"),
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
    // The person or bed whose forms are open (see `Chosen`). It follows the address: the
    // answer to a placement goes back to the board without `?persona=` (she has moved),
    // and her forms close without the board being built again.
    let chosen = Memo::new(move |_| Chosen::from_query(&query.read()));
    let live = BoardLive::new();
    provide_context(live);
    // After hydration: drag handles, the exit zone and the live event stream.
    Effect::new(move |_| {
        live.interactive.set(true);
        follow_pointer(live);
        open_houses_under_drags(live);
    });
    // The stream follows the filter: a filter applied in the page (no page load) opens
    // a stream for it, and the one before closes.
    Effect::new(move |_| {
        let query = board_link(&filter.get(), None);
        listen(live, query.trim_start_matches("/posti-letto").to_string());
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
    // The board is built from a first read (and when the filter changes); her answers
    // and catching up read it again and merge it in place (`BoardLive::read_again`).
    let data = Resource::new(
        move || (filter.get(), live.rebuild.get()),
        |(filter, _)| fetch_board(filter),
    );
    Effect::new(move |seen: Option<(u64, usize)>| {
        let now = (live.refresh.get(), forms.answers());
        if seen.is_some_and(|seen| seen != now) {
            live.read_again(filter.get_untracked());
        }
        now
    });
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
                        let search = query.read_untracked().get("cerca").unwrap_or_default();
                        view! { <BoardView board filter=filter.get_untracked() search chosen actions /> }.into_any()
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

/// The one person (waiting, or in a bed) or free bed whose forms the board shows, named
/// in the address. Every other one shows a link to her forms: a form per bed and per
/// waiting person, each with the list of free beds, made the page grow with the square
/// of the network (200 people waiting × 200 free beds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chosen {
    /// `?persona=`: a waiting person's "place in" form, or a guest's "move or exit" forms.
    pub person: String,
    /// `?posto=`: a free, held or out-of-service bed's menu.
    pub bed: Option<i32>,
    /// `?struttura=`: a house of a network's board opened before the page was
    /// interactive (its link in the folded house).
    pub house: Option<i32>,
}

impl Chosen {
    fn from_query(query: &leptos_router::params::ParamsMap) -> Chosen {
        Chosen {
            person: query.get("persona").unwrap_or_default(),
            bed: query.get("posto").and_then(|id| id.parse().ok()),
            house: query.get("struttura").and_then(|id| id.parse().ok()),
        }
    }

    /// Whether the chosen person is a guest of this card, or the chosen bed one of its,
    /// or the card the chosen house.
    fn touches(&self, card: &StructureCard) -> bool {
        self.house == Some(card.id)
            || card.beds.iter().any(|bed| {
                Some(bed.id) == self.bed
                    || (!self.person.is_empty() && bed.person_code.as_deref() == Some(&self.person))
            })
    }
}

/// The board with its filters and the person or bed (`chosen`: a query key and its value)
/// whose forms are open. No `#fragment`: the browser would then skip `autofocus`, which
/// both scrolls to the bed and focuses the form.
fn board_link(filter: &BoardFilter, chosen: Option<(&'static str, &str)>) -> String {
    let mut pairs = vec![
        ("provincia", filter.province.as_str()),
        ("organizzazione", filter.organisation.as_str()),
        ("tipo", filter.kind.as_str()),
        ("accoglie", filter.target.as_str()),
        ("liberi", filter.free_only.as_str()),
    ];
    if let Some(chosen) = chosen {
        pairs.push(chosen);
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

/// The provinces of the region, as the board's filter offers them: "Torino (TO)".
fn province_choices() -> Vec<(String, Signal<String>)> {
    crate::auth::model::PROVINCES
        .iter()
        .map(|(code, name, _)| {
            (
                (*code).to_string(),
                Signal::stored(format!("{name} ({code})")),
            )
        })
        .collect()
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
    /// The search the page was opened with (`?cerca=`); typing changes it in place.
    search: String,
    chosen: Memo<Chosen>,
    actions: BoardActions,
) -> impl IntoView {
    let Board {
        structures,
        waiting,
        free_beds,
        total_beds,
        organisations,
        today,
        undo,
        ..
    } = board;
    let live = expect_context::<BoardLive>();
    live.today.set_value(today.to_string());
    live.undo.set(undo);
    live.folding.set(chosen.with_untracked(|chosen| {
        crate::beds::folding::Folding::for_board(
            structures.iter(),
            |card| chosen.touches(card),
            &search,
        )
    }));
    // What the live events change, in place (`Shown`); the rest is as the page loaded.
    let shown = RwSignal::new(Shown::new(structures, waiting, free_beds, total_beds));
    live.shown.set_value(Some(shown));
    // One list for the whole board: each bed and waiting person shares it.
    let free_choices =
        Memo::new(move |_| -> FreeChoices { shown.with(Shown::free_choices).into() });
    let counts = move || shown.with(|s| (s.free_beds, s.total_beds));
    let search = RwSignal::new(search);
    open_houses_of_searched_guests(live, search, shown);
    take_houses_as_shown(live);
    let words = Memo::new(move |_| BoardWords::looked_up());
    // The cards the search keeps, each with the version it was last replaced at and
    // whether it holds the chosen person's or bed's forms.
    let kept = move || {
        search.with(|search| {
            chosen.with(|chosen| {
                shown.with(|s| {
                    s.structures
                        .iter()
                        .filter(|(card, _)| card.matches(search))
                        .map(|(card, version)| (card.id, *version, chosen.touches(card)))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let none_kept = move || {
        search.with(|search| {
            !search.trim().is_empty()
                && shown.with(|s| !s.structures.iter().any(|(card, _)| card.matches(search)))
        })
    };
    view! {
        <BoardFilters filter=filter.clone() organisations search />
        <p class="lead" role="status">{move_tr!("board-counts", { "free" => counts().0, "total" => counts().1 })}</p>
        <FoldAll />
        {move || live.undo.get().map(|offer| view! { <UndoPanel offer action=actions.undo /> })}
        <ExitZone />
        <div class="board">
            {
                // Rendered again when the list, the free beds or the chosen person change,
                // not with every card.
                let rows = Memo::new(move |_| shown.with(|s| s.waiting.clone()));
                let filter = filter.clone();
                move || view! {
                    <WaitingColumn rows=rows.get() choices=free_choices.get()
                        filter=filter.clone() chosen=chosen.with(|c| c.person.clone()) actions />
                }
            }
            <div class="structures" id="board-structures">
                {move || none_kept().then(|| view! { <p class="panel" role="status">{move_tr!("board-search-none")}</p> })}
                // A card is rendered again only when a live event changed it (its version),
                // or when it gains or loses the chosen person's or bed's forms.
                <For
                    each=kept
                    key=|key| *key
                    children=move |(id, _, _)| {
                        let card = shown.with_untracked(|s| s.card(id).cloned());
                        let (filter, chosen) = (filter.clone(), chosen.get_untracked());
                        card.map(|card| view! {
                            <StructureCardView card choices=free_choices.get_untracked() today filter chosen actions words />
                        })
                    }
                />
            </div>
        </div>
    }
}

/// The board's filters and search. In the hydrated page the filters answer without a page
/// load (the router's form navigates in place and the board is read for them) and the
/// search as she types; without JavaScript the form is a GET of the page.
#[component]
fn BoardFilters(
    filter: BoardFilter,
    organisations: Vec<(i32, String)>,
    search: RwSignal<String>,
) -> impl IntoView {
    view! {
        <Form method="get" action="/posti-letto" attr:class="panel filters">
            <FilterSelect label=move_tr!("field-province") id="board-province" name="provincia"
                choices=province_choices() current=filter.province.to_uppercase() />
            <FilterSelect label=move_tr!("field-organisation") id="board-organisation" name="organizzazione"
                choices=organisation_choices(organisations) current=filter.organisation.clone() />
            <FilterSelect label=move_tr!("field-structure-kind") id="board-kind" name="tipo"
                choices=coded_choices(StructureKind::ALL, StructureKind::code, kind_name) current=filter.kind.clone() />
            <FilterSelect label=move_tr!("field-target-group") id="board-target" name="accoglie"
                choices=coded_choices(TargetGroup::ALL, TargetGroup::code, target_group_name) current=filter.target.clone() />
            <div class="field">
                <label for="board-search">{move_tr!("board-search")}</label>
                <p class="hint" id="board-search-hint">{move_tr!("board-search-hint")}</p>
                <input type="search" id="board-search" name="cerca" autocomplete="off"
                    aria-describedby="board-search-hint" aria-controls="board-structures"
                    value=search.get_untracked()
                    on:input=move |event| search.set(event_target_value(&event)) />
            </div>
            <div class="field field-check">
                <input type="checkbox" id="board-free" name="liberi" value="1" checked=!filter.free_only.is_empty() />
                <label for="board-free">{move_tr!("board-free-only")}</label>
            </div>
            <div class="form-actions"><Submit class="button">{move_tr!("filter-apply")}</Submit></div>
        </Form>
    }
}

/// The free beds a reception manager may fill, shared by every form of the board.
pub type FreeChoices = std::sync::Arc<[BedChoice]>;

#[component]
fn WaitingColumn(
    rows: Vec<WaitingRow>,
    choices: FreeChoices,
    filter: BoardFilter,
    chosen: String,
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
                                    {(can_place && chosen != row.code).then(|| {
                                        let link_code = row.code.clone();
                                        view! {
                                            <p class="bed-actions">
                                                // A full page load: her select then takes the focus.
                                                <a href=board_link(&filter, Some(("persona", &row.code))) rel="external">
                                                    {move_tr!("board-place-for", { "code" => link_code.clone() })}
                                                </a>
                                            </p>
                                        }
                                    })}
                                    {(can_place && chosen == row.code).then(move || view! {
                                        <ActionForm action=actions.place attr:class="move-form">
                                            <input type="hidden" name="code" value=row.code.clone() />
                                            <label for=select_id.clone()>{move_tr!("board-place-in")}</label>
                                            <select id=select_id.clone() name="bed_id" required=true autofocus=true>{bed_options(&choices)}</select>
                                            <OverrideField id=format!("override-{}", row.id) />
                                            <Submit action=actions.place class="button small primary">{move_tr!("board-place")}</Submit>
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
