//! Drag-and-drop and live updates of the bed board, layered over the plain forms after
//! hydration. Pointer events serve mouse, pen and touch alike. A drop shows the change
//! at once (an overlay on the board), sends it to the server and reloads her board with
//! the answer (and the undo offer); other open boards apply the change's live event in
//! place. A refusal the user may override asks for the reason in place.
//! Keyboard users have the "move to…" forms, which also work without JavaScript.

use leptos::prelude::*;
use leptos_fluent::tr;

use super::api::*;
use super::folding::Folding;
use super::live::{BoardDelta, BoardEvent};
use super::model::{BoardFilter, UndoOffer};
use super::rules::Breach;
use super::shown::Shown;
use crate::kernel::error::AppError;

/// A change sent from the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Place { code: String, bed: i32 },
    Move { code: String, bed: i32 },
    Exit { code: String },
}

impl Change {
    pub fn code(&self) -> &str {
        match self {
            Change::Place { code, .. } | Change::Move { code, .. } | Change::Exit { code } => code,
        }
    }

    pub fn to_bed(&self) -> Option<i32> {
        match self {
            Change::Place { bed, .. } | Change::Move { bed, .. } => Some(*bed),
            Change::Exit { .. } => None,
        }
    }
}

/// What the board tells the user after a drop.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Done(Change),
    Failed(AppError),
    /// The user's last change was taken back (the person's code).
    Undone(String),
    /// Rules refused it, and this user may set them aside with a reason.
    Override(Change, Vec<Breach>),
    /// A guest dropped on the exit zone: the reason and date are asked for.
    AskExit(String),
}

/// Where something may be dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropTarget {
    Bed(i32),
    Exit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    pub code: String,
    /// The bed she is in; None from the waiting list.
    pub from_bed: Option<i32>,
    pub x: i32,
    pub y: i32,
    /// Moved far enough to be a drag rather than a click.
    pub moving: bool,
    pub start: (i32, i32),
}

/// The board's interactive state, shared by its parts through the context.
#[derive(Clone, Copy)]
pub struct BoardLive {
    /// Bumped to read the board again (after a change, or to catch up with the server's
    /// events); the answer is merged into the board on screen (`read_again`).
    pub refresh: RwSignal<u64>,
    /// Bumped to build the board anew, as on the page's first load (a read that failed
    /// shows its error in the board's place).
    pub rebuild: RwSignal<u64>,
    /// The last read started: an earlier one answering later is dropped.
    reads: StoredValue<u64>,
    /// This user's last change while it may still be taken back (it comes with the board).
    pub undo: RwSignal<Option<UndoOffer>>,
    /// A reload came during a drag and waits for the drop (see `reload`).
    pub reload_deferred: StoredValue<bool>,
    /// The board on screen, which live events change in place (`apply`).
    pub shown: StoredValue<Option<RwSignal<Shown>>>,
    /// Live events that came during a drag, applied after the drop.
    pub deltas_deferred: StoredValue<Vec<BoardDelta>>,
    /// Changes sent and not yet shown by the board (their live event, or a reload).
    pub pending: RwSignal<Vec<Change>>,
    pub drag: RwSignal<Option<Drag>>,
    pub hover: RwSignal<Option<DropTarget>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Hydrated: drag handles and the exit zone exist only then.
    pub interactive: RwSignal<bool>,
    /// The live event stream is connected.
    pub connected: RwSignal<bool>,
    /// The server's date of the board shown (Italian time): the default date of an exit,
    /// which must not be the browser's UTC date around midnight.
    pub today: StoredValue<String>,
    /// Which houses show their beds (see `beds::folding`).
    pub folding: RwSignal<Folding>,
    /// The folded house a resting drag is about to open, and its timer.
    pub opening: StoredValue<Option<(i32, TimeoutHandle)>>,
}

impl BoardLive {
    pub fn new() -> Self {
        BoardLive {
            refresh: RwSignal::new(0),
            rebuild: RwSignal::new(0),
            reads: StoredValue::new(0),
            undo: RwSignal::new(None),
            reload_deferred: StoredValue::new(false),
            shown: StoredValue::new(None),
            deltas_deferred: StoredValue::new(Vec::new()),
            pending: RwSignal::new(Vec::new()),
            drag: RwSignal::new(None),
            hover: RwSignal::new(None),
            notice: RwSignal::new(None),
            interactive: RwSignal::new(false),
            connected: RwSignal::new(false),
            today: StoredValue::new(String::new()),
            folding: RwSignal::new(Folding::default()),
            opening: StoredValue::new(None),
        }
    }

    /// Reloads the board, or, while she is dragging, once the drag ends: a board replaced
    /// under her finger would move the bed she is aiming at (another worker's change
    /// shifts the lists) or take the grip she holds away.
    pub fn reload(&self) {
        if self.drag.with_untracked(Option::is_some) {
            self.reload_deferred.set_value(true);
        } else {
            self.refresh.update(|n| *n += 1);
        }
    }

    /// Reads the board again and merges it into the one on screen: only the cards that
    /// changed are rendered again, so a reason she is typing on another bed stays (a
    /// board rebuilt on every answer wiped it). The overlay of changes sent goes.
    pub fn read_again(&self, filter: BoardFilter) {
        let live = *self;
        let read = self.reads.get_value() + 1;
        self.reads.set_value(read);
        leptos::task::spawn_local(async move {
            let result = fetch_board(filter).await;
            if live.reads.try_get_value() != Some(read) {
                return;
            }
            match (result, live.shown.get_value()) {
                // A drag began meanwhile: read again after the drop (see `reload`).
                _ if live.drag.with_untracked(Option::is_some) => {
                    live.reload_deferred.set_value(true);
                }
                (Ok(board), Some(shown)) => {
                    live.today.set_value(board.today.to_string());
                    live.undo.set(board.undo);
                    let fresh = Shown::new(
                        board.structures,
                        board.waiting,
                        board.free_beds,
                        board.total_beds,
                    );
                    shown.maybe_update(|on_screen| on_screen.merge(fresh));
                    live.pending.set(Vec::new());
                }
                _ => live.rebuild.update(|n| *n += 1),
            }
        });
    }

    /// Applies a live event's change to the board on screen, or, while she is dragging,
    /// after the drop (as `reload` waits). The overlay of changes sent goes: the board
    /// now shows what the server has.
    pub fn apply(&self, delta: BoardDelta) {
        if self.drag.with_untracked(Option::is_some) {
            self.deltas_deferred
                .update_value(|deltas| deltas.push(delta));
            return;
        }
        match self.shown.get_value() {
            Some(shown) => {
                shown.update(|board| board.apply(delta));
                self.pending.set(Vec::new());
            }
            None => self.reload(),
        }
    }

    /// After a drag: the live changes it held back, and the reload it held back unless a
    /// change was just sent, whose answer reloads the board anyway (an earlier reload
    /// would drop the change's overlay).
    fn after_drag(&self, sent: bool) {
        for delta in std::mem::take(&mut *self.deltas_deferred.write_value()) {
            self.apply(delta);
        }
        if std::mem::take(&mut *self.reload_deferred.write_value()) && !sent {
            self.refresh.update(|n| *n += 1);
        }
    }

    pub fn incoming(&self, bed: i32) -> Option<String> {
        self.pending.with(|p| {
            p.iter()
                .find(|c| c.to_bed() == Some(bed))
                .map(|c| c.code().to_string())
        })
    }

    pub fn leaving(&self, code: &str) -> bool {
        self.pending.with(|p| {
            p.iter()
                .any(|c| c.code() == code && !matches!(c, Change::Place { .. }))
        })
    }

    pub fn placing(&self, code: &str) -> bool {
        self.pending.with(|p| {
            p.iter()
                .any(|c| c.code() == code && matches!(c, Change::Place { .. }))
        })
    }
}

impl Default for BoardLive {
    fn default() -> Self {
        Self::new()
    }
}

/// Sends a change; the overlay shows it until the board reloads with the server's answer.
pub fn submit(
    live: BoardLive,
    change: Change,
    override_reason: Option<String>,
    exit: Option<(String, String)>,
) {
    live.pending.update(|p| p.push(change.clone()));
    live.notice.set(None);
    leptos::task::spawn_local(async move {
        let result = match &change {
            Change::Place { code, bed } => {
                place_in_bed(code.clone(), bed.to_string(), None, override_reason)
                    .await
                    .map(|_| ())
            }
            Change::Move { code, bed } => {
                move_to_bed(code.clone(), bed.to_string(), override_reason)
                    .await
                    .map(|_| ())
            }
            Change::Exit { code } => {
                let (reason, date) = exit.unwrap_or_default();
                discharge_guest(code.clone(), reason, date).await
            }
        };
        live.notice.set(Some(match result {
            Ok(()) => Notice::Done(change),
            Err(AppError::Rules {
                breaches,
                may_override: true,
            }) => Notice::Override(change, breaches),
            Err(error) => Notice::Failed(error),
        }));
        // Her own board reloads once with the answer: it brings the undo offer of her
        // change (other boards apply the change's live event in place). The overlay goes
        // when the reloaded board arrives (see `BoardPage`).
        live.reload();
    });
}

/// The drop target under a point: an element carrying `data-drop` ("bed:<id>" or "exit").
#[cfg(feature = "hydrate")]
fn target_at(x: i32, y: i32) -> Option<DropTarget> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(x as f32, y as f32)?;
    let zone = element.closest("[data-drop]").ok()??;
    let value = zone.get_attribute("data-drop")?;
    if value == "exit" {
        return Some(DropTarget::Exit);
    }
    value
        .strip_prefix("bed:")
        .and_then(|id| id.parse().ok())
        .map(DropTarget::Bed)
}

#[cfg(not(feature = "hydrate"))]
fn target_at(_x: i32, _y: i32) -> Option<DropTarget> {
    None
}

/// A drag near the top or bottom of the window scrolls the page: on a phone the free bed
/// is usually below the fold.
#[cfg(feature = "hydrate")]
fn scroll_near_edge(y: i32) {
    const EDGE: i32 = 48;
    const STEP: f64 = 24.0;
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0) as i32;
    if y < EDGE {
        window.scroll_by_with_x_and_y(0.0, -STEP);
    } else if y > height - EDGE {
        window.scroll_by_with_x_and_y(0.0, STEP);
    }
}

#[cfg(not(feature = "hydrate"))]
fn scroll_near_edge(_y: i32) {}

pub fn start_drag(
    live: BoardLive,
    ev: &leptos::ev::PointerEvent,
    code: String,
    from_bed: Option<i32>,
) {
    ev.prevent_default();
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(element) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = element.set_pointer_capture(ev.pointer_id());
        }
    }
    let point = (ev.client_x(), ev.client_y());
    live.drag.set(Some(Drag {
        code,
        from_bed,
        x: point.0,
        y: point.1,
        moving: false,
        start: point,
    }));
}

pub fn drag_move(live: BoardLive, ev: &leptos::ev::PointerEvent) {
    if live.drag.with_untracked(|d| d.is_none()) {
        return;
    }
    let (x, y) = (ev.client_x(), ev.client_y());
    live.drag.update(|drag| {
        if let Some(drag) = drag {
            drag.x = x;
            drag.y = y;
            if (x - drag.start.0).abs() + (y - drag.start.1).abs() > 6 {
                drag.moving = true;
            }
        }
    });
    if live
        .drag
        .with_untracked(|d| d.as_ref().is_some_and(|d| d.moving))
    {
        scroll_near_edge(y);
    }
    let target = target_at(x, y);
    if live.hover.get_untracked() != target {
        live.hover.set(target);
    }
}

pub fn drop_here(live: BoardLive, ev: &leptos::ev::PointerEvent) {
    let Some(drag) = live.drag.get_untracked() else {
        return;
    };
    live.drag.set(None);
    live.hover.set(None);
    let change = if drag.moving {
        dropped_change(drag, target_at(ev.client_x(), ev.client_y()))
    } else {
        None
    };
    // An exit is sent only once its reason is given.
    live.after_drag(matches!(
        change,
        Some(Change::Place { .. } | Change::Move { .. })
    ));
    match change {
        Some(Change::Exit { code }) => live.notice.set(Some(Notice::AskExit(code))),
        Some(change) => submit(live, change, None, None),
        None => {}
    }
}

/// What a drop asks for: a place from the waiting list, a move to another bed, or an exit
/// (whose reason and date are asked first); None where it lands on nothing it can do.
fn dropped_change(drag: Drag, target: Option<DropTarget>) -> Option<Change> {
    match (target, drag.from_bed) {
        (Some(DropTarget::Bed(bed)), None) => Some(Change::Place {
            code: drag.code,
            bed,
        }),
        (Some(DropTarget::Bed(bed)), Some(from)) if from != bed => Some(Change::Move {
            code: drag.code,
            bed,
        }),
        (Some(DropTarget::Exit), Some(_)) => Some(Change::Exit { code: drag.code }),
        _ => None,
    }
}

pub fn cancel_drag(live: BoardLive) {
    if live.drag.with_untracked(|d| d.is_some()) {
        live.drag.set(None);
        live.hover.set(None);
        live.after_drag(false);
    }
}

/// Follows a drag over the whole window rather than on the grip: a live reload of the
/// board may replace the grip under the pointer, and the drop must still land.
pub fn follow_pointer(live: BoardLive) {
    let moves = window_event_listener(leptos::ev::pointermove, move |ev| drag_move(live, &ev));
    let drops = window_event_listener(leptos::ev::pointerup, move |ev| drop_here(live, &ev));
    let cancels = window_event_listener(leptos::ev::pointercancel, move |_| cancel_drag(live));
    on_cleanup(move || {
        moves.remove();
        drops.remove();
        cancels.remove();
    });
}

/// Opens the board's event stream for its filter (`query`, as in the board's address:
/// the server sends only what it shows). Each event is applied in place; a gap, or a
/// reconnection (changes may have been missed while the stream was down), reads the
/// board again. Closed when the page or the filter goes.
#[cfg(feature = "hydrate")]
pub fn listen(live: BoardLive, query: String) {
    let Ok(source) = web_sys::EventSource::new(&format!("{}{query}", super::live::EVENTS_PATH))
    else {
        return;
    };
    let was_down = std::rc::Rc::new(std::cell::Cell::new(false));
    let last_seq = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let seen = last_seq.clone();
    gloo::events::EventListener::new(&source, "board", move |event| {
        use wasm_bindgen::JsCast;
        let data = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|message| message.data().as_string());
        let parsed = data.and_then(|data| serde_json::from_str::<BoardEvent>(&data).ok());
        let (seq, step) = next_step(seen.get(), parsed);
        seen.set(seq);
        match step {
            Step::Apply(delta) => live.apply(delta),
            Step::Reload => live.reload(),
        }
    })
    .forget();
    let down = was_down.clone();
    gloo::events::EventListener::new(&source, "open", move |_| {
        live.connected.set(true);
        // A new stream counts from 1 again.
        last_seq.set(0);
        if down.replace(false) {
            live.reload();
        }
    })
    .forget();
    gloo::events::EventListener::new(&source, "error", move |_| {
        live.connected.set(false);
        was_down.set(true);
    })
    .forget();
    let source = StoredValue::new_local(source);
    on_cleanup(move || source.with_value(|s| s.close()));
}

#[cfg(not(feature = "hydrate"))]
pub fn listen(_live: BoardLive, _query: String) {}

/// What a board does with a live event.
#[derive(Debug, PartialEq)]
pub enum Step {
    Apply(BoardDelta),
    Reload,
}

/// The next step after an event, given the last event's number; and the number to
/// remember. The event that follows the last is applied; after a gap (events missed),
/// an unreadable event, a resynchronisation or a change of structures the board
/// reloads, once.
pub fn next_step(last_seq: u64, event: Option<BoardEvent>) -> (u64, Step) {
    match event {
        Some(event) if event.seq == last_seq + 1 => {
            (event.seq, event.delta.map_or(Step::Reload, Step::Apply))
        }
        Some(event) => (event.seq, Step::Reload),
        None => (last_seq, Step::Reload),
    }
}

pub fn drag_label(code: &str) -> String {
    tr!("board-drag", { "code" => code.to_string() })
}

pub fn live_status(connected: bool) -> String {
    if connected {
        tr!("board-live-on")
    } else {
        tr!("board-live-off")
    }
}

pub fn undone_text(code: &str) -> String {
    tr!("board-undone", { "code" => code.to_string() })
}

pub fn done_text(change: &Change) -> String {
    match change {
        Change::Place { code, .. } => tr!("board-done-place", { "code" => code.to_string() }),
        Change::Move { code, .. } => tr!("board-done-move", { "code" => code.to_string() }),
        Change::Exit { code } => tr!("board-done-exit", { "code" => code.to_string() }),
    }
}

#[cfg(test)]
mod tests;
