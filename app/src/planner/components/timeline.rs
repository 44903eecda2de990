//! The plan's timeline: phases, actions and permits on one time axis, changed by dragging or by keyboard.

use super::*;

pub(super) const LABEL_WIDTH: i64 = 230;
pub(super) const CHART_WIDTH: i64 = 620;
pub(super) const ROW_HEIGHT: i64 = 28;
pub(super) const HEADER_HEIGHT: i64 = 30;

/// A Gantt view of the plan's actions by area: planned bars, what was actually done as a
/// thin bar inside, today's line, overdue actions marked in colour and with "!".
#[component]
pub(super) fn PlanTimeline(
    areas: Vec<AreaPlan>,
    today: NaiveDate,
    code: String,
    action: ServerAction<UpdatePlanAction>,
    editable: bool,
) -> impl IntoView {
    let edit = use_context::<TimelineEdit>().unwrap_or_default();
    // `action` is the server function that saves new dates (`action_bar` below names each
    // plan action `action`).
    let save = action;
    let rows = actions_by_area(areas);
    let axis = TimeAxis::around(&rows, today);
    let all_rows: Vec<ActionRow> = rows.iter().flat_map(|(_, a)| a.iter().cloned()).collect();
    let rows_by_id = StoredValue::new(all_rows);
    let find_row =
        move |id: i32| rows_by_id.with_value(|rows| rows.iter().find(|r| r.id == id).cloned());
    if editable {
        follow_drags(edit, code.clone(), save, find_row);
    }
    let pending_text = move || {
        let drag = edit.drag.get()?;
        let row = find_row(drag.action_id)?;
        let (from, to) = crate::planner::timeline_drag::shifted(&row, drag.grip, drag.days);
        Some(tr!("plan-timeline-pending", {
            "service" => service_label(&row.service),
            "from" => day_text(from),
            "to" => day_text(to),
        }))
    };
    let line_count: i64 = rows.iter().map(|(_, a)| 1 + a.len() as i64).sum();
    let height = HEADER_HEIGHT + line_count * ROW_HEIGHT;
    let width = LABEL_WIDTH + CHART_WIDTH + 10;
    let bars = BarContext {
        axis,
        today,
        edit,
        code,
        save,
        editable,
    };
    let lines = chart_lines(rows, &bars, width);
    let tick_views = month_tick_views(axis, height);
    let today_x = axis.x(today);
    view! {
        <div class="timeline-wrap">
            // A picture, until its bars can be moved with the keyboard: then a group of
            // buttons (an image may hold nothing interactive).
            <svg class="timeline plan-timeline" viewBox=format!("0 0 {width} {height}") width=width.to_string() height=height.to_string()
                role=move || if editable && edit.interactive.get() { "group" } else { "img" }
                aria-labelledby="plan-timeline-caption">
                <title id="plan-timeline-caption">{move_tr!("plan-timeline-caption")}</title>
                {tick_views}
                {lines}
                <line x1=today_x.to_string() x2=today_x.to_string() y1="22" y2=height.to_string() class="today" />
            </svg>
        </div>
        <p class="hint">{move_tr!("plan-timeline-legend")}</p>
        {editable.then(|| view! {
            <p class="hint" id="plan-timeline-keys" hidden=move || !edit.interactive.get()>{move_tr!("plan-timeline-keys")}</p>
            <p class="notice" role="status" aria-live="polite" hidden=move || pending_text().is_none()>{pending_text}</p>
        })}
    }
}

/// The plan's actions grouped by area, in the plan's order; areas without actions are left out.
fn actions_by_area(areas: Vec<AreaPlan>) -> Vec<(Area, Vec<ActionRow>)> {
    areas
        .into_iter()
        .map(|a| {
            let actions: Vec<ActionRow> = a.goals.into_iter().flat_map(|g| g.actions).collect();
            (a.area, actions)
        })
        .filter(|(_, actions)| !actions.is_empty())
        .collect()
}

/// The days the timeline shows, and where each falls on the chart.
#[derive(Clone, Copy)]
struct TimeAxis {
    start: NaiveDate,
    end: NaiveDate,
    /// Days from `start` to `end`, at least one.
    span: i64,
}

impl TimeAxis {
    /// From a few days before the earliest date of the actions (planned or actual, and
    /// today) to a few days after the latest.
    fn around(rows: &[(Area, Vec<ActionRow>)], today: NaiveDate) -> Self {
        let dates = rows
            .iter()
            .flat_map(|(_, actions)| actions.iter())
            .flat_map(|a| {
                [
                    Some(a.planned_start),
                    Some(a.planned_end),
                    a.actual_start,
                    a.actual_end,
                ]
            })
            .flatten()
            .chain([today]);
        let (first, last) = dates.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
        let start = first - chrono::Duration::days(3);
        let end = last + chrono::Duration::days(4);
        let span = (end - start).num_days().max(1);
        TimeAxis { start, end, span }
    }

    /// The horizontal position of the start of `day` in the drawing.
    fn x(self, day: NaiveDate) -> i64 {
        LABEL_WIDTH + (day - self.start).num_days() * CHART_WIDTH / self.span
    }

    /// Drawing units per day, to turn a pointer drag into days.
    fn units_per_day(self) -> f64 {
        CHART_WIDTH as f64 / self.span as f64
    }

    /// The first of each month in range, where a tick is drawn.
    fn month_ticks(self) -> Vec<NaiveDate> {
        let (start, end) = (self.start, self.end);
        let mut ticks = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(
            chrono::Datelike::year(&start),
            chrono::Datelike::month(&start),
            1,
        )
        .unwrap_or(start);
        while month <= end {
            if month >= start {
                ticks.push(month);
            }
            month = month
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(end + chrono::Duration::days(1));
        }
        ticks
    }
}

/// Listens for the pointer on the whole window while the timeline is on the page, so that
/// a drag ends wherever the pointer is released, and turns the bars interactive once hydrated.
fn follow_drags(
    edit: TimelineEdit,
    code: String,
    save: ServerAction<UpdatePlanAction>,
    find_row: impl Fn(i32) -> Option<ActionRow> + Copy + 'static,
) {
    let moves = window_event_listener(leptos::ev::pointermove, move |ev| edit.pointer_moved(&ev));
    let ups = window_event_listener(leptos::ev::pointerup, move |_| {
        let dragged = edit
            .drag
            .get_untracked()
            .filter(|d| d.start_x.is_some())
            .and_then(|d| find_row(d.action_id));
        if let Some(row) = dragged {
            edit.commit(&code, &row, save);
        }
    });
    let cancels = window_event_listener(leptos::ev::pointercancel, move |_| edit.drag.set(None));
    on_cleanup(move || {
        moves.remove();
        ups.remove();
        cancels.remove();
    });
    Effect::new(move |_| {
        edit.interactive.set(true);
        if let Some(id) = edit.refocus.get_untracked() {
            edit.refocus.set(None);
            focus_bar(id);
        }
    });
}

/// What every bar of the timeline shares: the axis, the change in progress and how it is saved.
struct BarContext {
    axis: TimeAxis,
    today: NaiveDate,
    edit: TimelineEdit,
    code: String,
    save: ServerAction<UpdatePlanAction>,
    editable: bool,
}

/// The rows of the chart, top to bottom: each area's name, then a bar for each of its actions.
fn chart_lines(rows: Vec<(Area, Vec<ActionRow>)>, bars: &BarContext, width: i64) -> Vec<AnyView> {
    let mut y = HEADER_HEIGHT;
    let mut lines = Vec::new();
    for (area, actions) in rows {
        lines.push(view! {
            <text x="4" y=(y + 19).to_string() class="area-name">{move || area_name(area)}</text>
            <line x1="0" x2=width.to_string() y1=y.to_string() y2=y.to_string() class="grid" />
        }.into_any());
        y += ROW_HEIGHT;
        for action in actions {
            lines.push(action_bar(bars, action, y));
            y += ROW_HEIGHT;
        }
    }
    lines
}

/// The CSS class of an action's bar: overdue first, otherwise by its status.
fn bar_class(action: &ActionRow) -> &'static str {
    if action.overdue {
        "bar overdue"
    } else {
        match action.status {
            ActionStatus::Done => "bar done",
            ActionStatus::Cancelled => "bar cancelled",
            ActionStatus::InProgress => "bar in-progress",
            ActionStatus::Planned => "bar planned",
        }
    }
}

/// The thin bar of what was actually done, up to today while the action is not finished.
fn actual_bar(
    action: &ActionRow,
    axis: TimeAxis,
    today: NaiveDate,
    y: i64,
) -> Option<impl IntoView> {
    action.actual_start.map(|from| {
        let to = action.actual_end.unwrap_or(today.max(from));
        let ax = axis.x(from);
        let aw = (axis.x(to + chrono::Duration::days(1)) - ax).max(3);
        view! { <rect x=ax.to_string() y=(y + 17).to_string() width=aw.to_string() height="5" class="actual" /> }
    })
}

/// The action's name beside its bar, shortened, with "!" when it is overdue.
fn action_label(service: &Bilingual, overdue: bool) -> String {
    let mut label: String = service_label(service).chars().take(30).collect();
    if overdue {
        label.push_str(" !");
    }
    label
}

/// One action's row: its name, the planned bar (dragged or moved by keyboard), what was
/// actually done, and the grip that changes the planned end.
fn action_bar(bars: &BarContext, action: ActionRow, y: i64) -> AnyView {
    let (axis, edit, save, editable) = (bars.axis, bars.edit, bars.save, bars.editable);
    let units_per_day = axis.units_per_day();
    let class = bar_class(&action);
    let actual = actual_bar(&action, axis, bars.today, y);
    let service = action.service.clone();
    let label_service = action.service.clone();
    let overdue = action.overdue;
    let (from, to) = (day_text(action.planned_start), day_text(action.planned_end));
    let id = action.id;
    let (row_x, row_w, row_g, row_k) = (
        action.clone(),
        action.clone(),
        action.clone(),
        action.clone(),
    );
    let left = move || axis.x(edit.dates_of(&row_x).0);
    let bar_width = move || {
        let (s, e) = edit.dates_of(&row_w);
        (axis.x(e + chrono::Duration::days(1)) - axis.x(s)).max(3)
    };
    let grip_x = move || {
        let (_, e) = edit.dates_of(&row_g);
        axis.x(e + chrono::Duration::days(1)) - 5
    };
    // The bar is marked while it is being moved.
    let current_class = move || {
        let dragged = edit
            .drag
            .with(|d| d.as_ref().is_some_and(|d| d.action_id == id));
        if dragged {
            format!("{class} dragging")
        } else {
            class.to_string()
        }
    };
    let focusable = move || (editable && edit.interactive.get()).then_some("0");
    let key_code = bars.code.clone();
    let bar_label = {
        let service = action.service.clone();
        let (from, to) = (from.clone(), to.clone());
        move || tr!("plan-bar-label", { "service" => service_label(&service), "from" => from.clone(), "to" => to.clone() })
    };
    view! {
        <g>
            <title>{move || format!("{}: {from} – {to}", service_label(&service))}</title>
            <text x="14" y=(y + 19).to_string() class="action-name">
                {move || action_label(&label_service, overdue)}
            </text>
            <rect
                id=format!("bar-{id}")
                x=move || left().to_string()
                y=(y + 5).to_string()
                width=move || bar_width().to_string()
                height="18"
                rx="3"
                class=current_class
                tabindex=focusable
                role=move || focusable().map(|_| "button")
                aria-label=bar_label
                aria-describedby="plan-timeline-keys"
                on:pointerdown=move |ev| {
                    if editable && edit.interactive.get_untracked() {
                        edit.start_pointer(&ev, id, Grip::Move, units_per_day);
                    }
                }
                on:keydown=move |ev| {
                    if editable {
                        edit.key(&ev, &key_code, &row_k, save);
                    }
                }
            />
            {actual}
            {editable.then(|| end_grip(edit, id, y, grip_x, units_per_day))}
        </g>
    }
    .into_any()
}

/// The handle at the end of a bar: dragging it changes only the planned end.
fn end_grip(
    edit: TimelineEdit,
    id: i32,
    y: i64,
    grip_x: impl Fn() -> i64 + Send + Sync + 'static,
    units_per_day: f64,
) -> impl IntoView {
    view! {
        <rect
            class="grip"
            x=move || grip_x().to_string()
            y=(y + 3).to_string()
            width="8"
            height="22"
            rx="2"
            on:pointerdown=move |ev| {
                if edit.interactive.get_untracked() {
                    edit.start_pointer(&ev, id, Grip::End, units_per_day);
                }
            }
        />
    }
}

/// A tick and its label at the first of each month shown.
fn month_tick_views(axis: TimeAxis, height: i64) -> impl IntoView {
    axis.month_ticks()
        .into_iter()
        .map(|tick| {
            let tx = axis.x(tick);
            view! {
                <line x1=tx.to_string() x2=tx.to_string() y1="22" y2=height.to_string() class="tick" />
                <text x=(tx + 3).to_string() y="16" class="month">{month_text(tick)}</text>
            }
        })
        .collect_view()
}
