//! The board's folded houses in the page (see `beds::folding`): "open all" and "close
//! all", a house opened or closed by hand, and a drag that rests on a folded house
//! opening it.

use super::*;
use crate::beds::folding::Folding;

/// "Open all houses" and "close all houses", once the page is interactive (without
/// JavaScript each house opens by itself). The hint says why the houses are folded.
#[component]
pub(super) fn FoldAll() -> impl IntoView {
    let live = expect_context::<BoardLive>();
    let folding = live.folding;
    view! {
        {move || folding.with(Folding::is_network).then(|| view! {
            <p class="hint">
                {move_tr!("board-houses-folded", { "count" => Folding::OPEN_UP_TO })}
                {move || live.interactive.get().then(|| view! { " " {move_tr!("board-houses-folded-drag")} })}
            </p>
        })}
        {move || live.interactive.get().then(|| view! {
            <p class="fold-all">
                <button type="button" class="button small" disabled=move || folding.with(Folding::all_open)
                    on:click=move |_| folding.update(|f| f.set_all(true))>
                    {move_tr!("board-houses-open-all")}
                </button>
                <button type="button" class="button small" disabled=move || folding.with(Folding::all_closed)
                    on:click=move |_| folding.update(|f| f.set_all(false))>
                    {move_tr!("board-houses-close-all")}
                </button>
            </p>
        })}
    }
}

/// She opened or closed a house herself (its `<details>` says which), with the mouse
/// or the keyboard. (A folded house's beds are not in the page, so the browser's
/// find-in-page does not open it: the board's search does.)
pub(super) fn house_toggled(live: BoardLive, house: i32, event: &leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let open = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|details| details.has_attribute("open"));
        if live.folding.with_untracked(|f| f.is_open(house)) != open {
            live.folding.update(|f| f.set(house, open));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (live, house, event);
}

/// A search opens the few houses it keeps (by name or a guest's code), as she types, and
/// lets them fold again when the search changes (`Folding::follow_search`).
pub(super) fn open_houses_of_searched_guests(
    live: BoardLive,
    search: RwSignal<String>,
    shown: RwSignal<Shown>,
) {
    Effect::new(move |first: Option<()>| {
        search.with(|search| {
            // The board was opened with its search's houses open (`Folding::for_board`).
            if first.is_some() {
                shown.with_untracked(|shown| {
                    let cards = shown.structures.iter().map(|(card, _)| card);
                    live.folding.update(|f| f.follow_search(cards, search));
                });
            }
        });
    });
}

/// A house opened or closed before the page was interactive (a slow phone) had no one
/// to tell: the board takes the houses as they are on screen once it is.
pub(super) fn take_houses_as_shown(live: BoardLive) {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(houses) = document.query_selector_all("details.beds-fold[data-house]") else {
            return;
        };
        for index in 0..houses.length() {
            use wasm_bindgen::JsCast;
            let Some(details) = houses
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(house) = details
                .get_attribute("data-house")
                .and_then(|id| id.parse().ok())
            else {
                continue;
            };
            let open = details.has_attribute("open");
            if live.folding.with_untracked(|f| f.is_open(house)) != open {
                live.folding.update(|f| f.set(house, open));
            }
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = live;
}

/// How long a drag rests on a folded house before it opens, as a folder does in a file
/// manager: long enough that a drag passing over houses (or the page scrolling under a
/// still pointer at the window's edge) does not open every one.
#[cfg(feature = "hydrate")]
const OPEN_UNDER_DRAG_MS: u64 = 600;

/// Follows drags over the board: resting on a folded house opens it after
/// `OPEN_UNDER_DRAG_MS`; moving elsewhere first, or dropping, cancels that.
pub fn open_houses_under_drags(live: BoardLive) {
    #[cfg(feature = "hydrate")]
    {
        let moves = window_event_listener(leptos::ev::pointermove, move |ev| {
            let house = dragging(live)
                .then(|| folded_house_at(ev.client_x(), ev.client_y()))
                .flatten();
            open_after_a_rest(live, house);
        });
        on_cleanup(move || {
            moves.remove();
            if let Some(Some((_, timer))) = live.opening.try_get_value() {
                timer.clear();
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = live;
}

/// A drag is under way (the pointer has moved since the press). False once the page has
/// gone.
#[cfg(feature = "hydrate")]
fn dragging(live: BoardLive) -> bool {
    live.drag
        .try_with_untracked(|d| d.as_ref().is_some_and(|d| d.moving))
        .unwrap_or(false)
}

/// The folded house under a point, if any: its `<details>` carries `data-house` (its
/// id) and no `open`.
#[cfg(feature = "hydrate")]
fn folded_house_at(x: i32, y: i32) -> Option<i32> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(x as f32, y as f32)?;
    let house = element.closest("details.beds-fold:not([open])").ok()??;
    house.get_attribute("data-house")?.parse().ok()
}

/// Starts the timer that opens `house`, unless it is already running for it; stops the
/// one for another house. When it rings, the house opens only if a drag still rests on
/// it (the drag may have ended, and another begun elsewhere).
#[cfg(feature = "hydrate")]
fn open_after_a_rest(live: BoardLive, house: Option<i32>) {
    if live.opening.with_value(|o| o.map(|(id, _)| id)) == house {
        return;
    }
    if let Some((_, timer)) = live.opening.get_value() {
        timer.clear();
    }
    let timer = house.and_then(|house| {
        let open = move || {
            let _ = live.opening.try_set_value(None);
            let at = live
                .drag
                .try_with_untracked(|d| d.as_ref().map(|d| (d.x, d.y)))
                .flatten();
            let still_there = at.is_some_and(|(x, y)| folded_house_at(x, y) == Some(house));
            if dragging(live) && still_there {
                live.folding.update(|f| f.set(house, true));
            }
        };
        set_timeout_with_handle(open, std::time::Duration::from_millis(OPEN_UNDER_DRAG_MS))
            .ok()
            .map(|timer| (house, timer))
    });
    live.opening.set_value(timer);
}
