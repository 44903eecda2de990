//! Drag-and-drop and live updates of the bed board, layered over the plain forms after
//! hydration. Pointer events serve mouse, pen and touch alike. A drop shows the change
//! at once (an overlay on the board), sends it to the server and reloads the board with
//! the server's answer; a refusal the user may override asks for the reason in place.
//! Keyboard users have the "move to…" forms, which also work without JavaScript.

use leptos::prelude::*;
use leptos_fluent::tr;

use super::api::*;
use super::rules::Breach;
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
    /// Bumped to reload the board (after a change, or an event from the server).
    pub refresh: RwSignal<u64>,
    /// Changes sent and not yet reflected by a reloaded board.
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
}

impl BoardLive {
    pub fn new() -> Self {
        BoardLive {
            refresh: RwSignal::new(0),
            pending: RwSignal::new(Vec::new()),
            drag: RwSignal::new(None),
            hover: RwSignal::new(None),
            notice: RwSignal::new(None),
            interactive: RwSignal::new(false),
            connected: RwSignal::new(false),
            today: StoredValue::new(String::new()),
        }
    }

    pub fn reload(&self) {
        self.refresh.update(|n| *n += 1);
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
        // The overlay goes when the reloaded board arrives (see `BoardPage`).
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
    if !drag.moving {
        return;
    }
    match (target_at(ev.client_x(), ev.client_y()), drag.from_bed) {
        (Some(DropTarget::Bed(bed)), None) => submit(
            live,
            Change::Place {
                code: drag.code,
                bed,
            },
            None,
            None,
        ),
        (Some(DropTarget::Bed(bed)), Some(from)) if from != bed => submit(
            live,
            Change::Move {
                code: drag.code,
                bed,
            },
            None,
            None,
        ),
        (Some(DropTarget::Exit), Some(_)) => live.notice.set(Some(Notice::AskExit(drag.code))),
        _ => {}
    }
}

pub fn cancel_drag(live: BoardLive) {
    if live.drag.with_untracked(|d| d.is_some()) {
        live.drag.set(None);
        live.hover.set(None);
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

/// Opens the board's event stream: every event reloads the board, and so does a
/// reconnection (changes may have been missed while the stream was down).
#[cfg(feature = "hydrate")]
pub fn listen(live: BoardLive) {
    let Ok(source) = web_sys::EventSource::new(super::live::EVENTS_PATH) else {
        return;
    };
    let was_down = std::rc::Rc::new(std::cell::Cell::new(false));
    gloo::events::EventListener::new(&source, "board", move |_| live.reload()).forget();
    let down = was_down.clone();
    gloo::events::EventListener::new(&source, "open", move |_| {
        live.connected.set(true);
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
pub fn listen(_live: BoardLive) {}

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
