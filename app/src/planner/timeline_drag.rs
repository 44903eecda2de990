//! Moving and resizing an action on the plan's timeline once the page is hydrated. With
//! the pointer (mouse, pen, finger): drag a bar to move the action, drag its end grip to
//! change the planned end. With the keyboard: focus a bar, arrows move it by a day (with
//! Shift they change the end), Enter saves, Escape cancels. Without JavaScript the
//! dates form of each action does the same; the server validates and audits either way.

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

use super::api::UpdatePlanAction;
use super::model::{ActionProgressForm, ActionRow};

/// Which part of a bar is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// The whole bar: start and end move together.
    Move,
    /// The end: the planned end changes, the start stays.
    End,
}

/// A change of dates in progress, not yet saved.
#[derive(Clone, Debug, PartialEq)]
pub struct BarDrag {
    pub action_id: i32,
    pub grip: Grip,
    /// Days moved so far.
    pub days: i64,
    /// Where the pointer went down (client x), for a pointer drag.
    pub start_x: Option<i32>,
    /// Screen pixels per day, measured when the drag began.
    pub px_per_day: f64,
}

/// The planned dates of `row` once `drag` is applied: never an end before the start.
pub fn shifted(row: &ActionRow, grip: Grip, days: i64) -> (NaiveDate, NaiveDate) {
    let offset = Duration::days(days);
    match grip {
        Grip::Move => (row.planned_start + offset, row.planned_end + offset),
        Grip::End => (
            row.planned_start,
            (row.planned_end + offset).max(row.planned_start),
        ),
    }
}

/// The timeline's editing state. It lives above the plan's `Suspense`, so a reload of
/// the plan after a save keeps it (the keyboard focus returns to the bar just saved).
#[derive(Clone, Copy)]
pub struct TimelineEdit {
    pub drag: RwSignal<Option<BarDrag>>,
    /// The bar to focus again once the reloaded timeline is on the page.
    pub refocus: RwSignal<Option<i32>>,
    /// Hydrated: bars can be dragged and focused only then.
    pub interactive: RwSignal<bool>,
}

impl TimelineEdit {
    pub fn new() -> Self {
        TimelineEdit {
            drag: RwSignal::new(None),
            refocus: RwSignal::new(None),
            interactive: RwSignal::new(false),
        }
    }

    /// The dates of `row` as shown now (with the change in progress, if it is this one).
    pub fn dates_of(&self, row: &ActionRow) -> (NaiveDate, NaiveDate) {
        self.drag.with(|drag| match drag {
            Some(drag) if drag.action_id == row.id => shifted(row, drag.grip, drag.days),
            _ => (row.planned_start, row.planned_end),
        })
    }

    /// Saves the change in progress through the same server function as the form.
    pub fn commit(&self, code: &str, row: &ActionRow, action: ServerAction<UpdatePlanAction>) {
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        self.drag.set(None);
        if drag.action_id != row.id || drag.days == 0 {
            return;
        }
        let (start, end) = shifted(row, drag.grip, drag.days);
        self.refocus.set(Some(row.id));
        action.dispatch(UpdatePlanAction {
            code: code.to_string(),
            action_id: row.id.to_string(),
            form: ActionProgressForm {
                status: row.status.code().to_string(),
                planned_start: start.to_string(),
                planned_end: end.to_string(),
                actual_start: row.actual_start.map(|d| d.to_string()).unwrap_or_default(),
                actual_end: row.actual_end.map(|d| d.to_string()).unwrap_or_default(),
                outcome: row.outcome.clone().unwrap_or_default(),
            },
        });
    }

    pub fn start_pointer(
        &self,
        ev: &leptos::ev::PointerEvent,
        action_id: i32,
        grip: Grip,
        svg_units_per_day: f64,
    ) {
        ev.prevent_default();
        ev.stop_propagation();
        let px_per_day = svg_units_per_day * svg_scale(ev);
        self.drag.set(Some(BarDrag {
            action_id,
            grip,
            days: 0,
            start_x: Some(ev.client_x()),
            px_per_day,
        }));
    }

    pub fn pointer_moved(&self, ev: &leptos::ev::PointerEvent) {
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        let Some(start_x) = drag.start_x else {
            return;
        };
        let days = (f64::from(ev.client_x() - start_x) / drag.px_per_day.max(0.1)).round() as i64;
        if days != drag.days {
            self.drag.update(|d| {
                if let Some(d) = d {
                    d.days = days;
                }
            });
        }
    }

    /// Arrow keys move the focused bar by a day; Enter saves; Escape cancels.
    pub fn key(
        &self,
        ev: &leptos::ev::KeyboardEvent,
        code: &str,
        row: &ActionRow,
        action: ServerAction<UpdatePlanAction>,
    ) {
        let step = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            "Enter" => {
                ev.prevent_default();
                self.commit(code, row, action);
                return;
            }
            "Escape" => {
                self.drag.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let grip = if ev.shift_key() {
            Grip::End
        } else {
            Grip::Move
        };
        self.drag.update(|drag| match drag {
            Some(drag) if drag.action_id == row.id && drag.grip == grip => drag.days += step,
            _ => {
                *drag = Some(BarDrag {
                    action_id: row.id,
                    grip,
                    days: step,
                    start_x: None,
                    px_per_day: 1.0,
                })
            }
        });
    }
}

impl Default for TimelineEdit {
    fn default() -> Self {
        Self::new()
    }
}

/// Screen pixels per SVG unit of the timeline under the pointer (1 unless the browser
/// scaled the drawing).
#[cfg(feature = "hydrate")]
fn svg_scale(ev: &leptos::ev::PointerEvent) -> f64 {
    use wasm_bindgen::JsCast;
    let svg = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("svg").ok().flatten());
    let Some(svg) = svg else {
        return 1.0;
    };
    let declared: f64 = svg
        .get_attribute("width")
        .and_then(|w| w.parse().ok())
        .unwrap_or(0.0);
    let shown = svg.get_bounding_client_rect().width();
    if declared > 0.0 && shown > 0.0 {
        shown / declared
    } else {
        1.0
    }
}

#[cfg(not(feature = "hydrate"))]
fn svg_scale(_ev: &leptos::ev::PointerEvent) -> f64 {
    1.0
}

/// Puts the keyboard focus back on the bar of `action_id` (after the plan reloaded). The
/// reloaded timeline may not be in the document yet when this is called: it tries again
/// for about half a second.
#[cfg(feature = "hydrate")]
pub fn focus_bar(action_id: i32) {
    fn attempt(action_id: i32, tries_left: u32) {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("bar-{action_id}")))
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
        match element {
            Some(element) if element.get_attribute("tabindex").is_some() => {
                let _ = element.focus();
            }
            _ if tries_left > 0 => set_timeout(
                move || attempt(action_id, tries_left - 1),
                std::time::Duration::from_millis(50),
            ),
            _ => {}
        }
    }
    attempt(action_id, 10);
}

#[cfg(not(feature = "hydrate"))]
pub fn focus_bar(_action_id: i32) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::model::{ActionStatus, Area, Bilingual};

    fn row() -> ActionRow {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        ActionRow {
            id: 1,
            area: Area::Work,
            service: Bilingual {
                it: "Tirocinio".into(),
                en: "Internship".into(),
            },
            responsible: "Sara".into(),
            planned_start: day("2026-12-01"),
            planned_end: day("2026-12-10"),
            actual_start: None,
            actual_end: None,
            status: ActionStatus::Planned,
            outcome: None,
            overdue: false,
        }
    }

    #[test]
    fn moving_keeps_the_length_and_resizing_never_ends_before_the_start() {
        let row = row();
        let (start, end) = shifted(&row, Grip::Move, 3);
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-12-04".into(), "2026-12-13".into())
        );
        let (start, end) = shifted(&row, Grip::End, -4);
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-12-01".into(), "2026-12-06".into())
        );
        let (_, end) = shifted(&row, Grip::End, -30);
        assert_eq!(end, row.planned_start);
    }
}
