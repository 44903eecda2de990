//! What a drop asks for, when the board reloads, and how live events are taken.

use super::*;

fn dragging(live: BoardLive, from_bed: Option<i32>) {
    live.drag.set(Some(Drag {
        code: "TO-2026-0001".into(),
        from_bed,
        x: 0,
        y: 0,
        moving: true,
        start: (0, 0),
    }));
}

/// Signals live in a reactive owner's arena (on the server, one per request).
fn in_owner(test: impl FnOnce()) {
    leptos::prelude::Owner::new().with(test);
}

#[test]
fn a_reload_during_a_drag_waits_for_its_end_and_happens_once() {
    in_owner(|| {
        let live = BoardLive::new();
        dragging(live, Some(3));
        live.reload();
        live.reload();
        assert_eq!(live.refresh.get_untracked(), 0, "the board held still");
        cancel_drag(live);
        assert_eq!(live.refresh.get_untracked(), 1, "one reload after the drag");
        live.reload();
        assert_eq!(live.refresh.get_untracked(), 2, "no drag: at once");
    });
}

#[test]
fn a_drop_that_sends_a_change_leaves_the_reload_to_its_answer() {
    in_owner(|| {
        let live = BoardLive::new();
        dragging(live, Some(3));
        live.reload();
        live.drag.set(None);
        live.after_drag(true);
        assert_eq!(live.refresh.get_untracked(), 0);
        assert!(!live.reload_deferred.get_value(), "nothing left waiting");
    });
}

#[test]
fn a_drop_asks_for_what_it_can_do_and_nothing_else() {
    let drag = |from_bed| Drag {
        code: "CN-2026-0002".into(),
        from_bed,
        x: 0,
        y: 0,
        moving: true,
        start: (0, 0),
    };
    let code = "CN-2026-0002".to_string();
    assert_eq!(
        dropped_change(drag(None), Some(DropTarget::Bed(7))),
        Some(Change::Place {
            code: code.clone(),
            bed: 7
        })
    );
    assert_eq!(
        dropped_change(drag(Some(5)), Some(DropTarget::Bed(7))),
        Some(Change::Move {
            code: code.clone(),
            bed: 7
        })
    );
    assert_eq!(
        dropped_change(drag(Some(7)), Some(DropTarget::Bed(7))),
        None
    );
    assert_eq!(
        dropped_change(drag(Some(7)), Some(DropTarget::Exit)),
        Some(Change::Exit { code })
    );
    assert_eq!(dropped_change(drag(None), Some(DropTarget::Exit)), None);
    assert_eq!(dropped_change(drag(Some(7)), None), None);
}

#[test]
fn the_next_event_is_applied_and_a_gap_or_a_resync_reloads_once() {
    use crate::beds::live::BoardChange;
    let event = |seq, delta: Option<BoardDelta>| {
        Some(BoardEvent {
            seq,
            change: BoardChange::Placements,
            delta,
        })
    };
    let some = || Some(BoardDelta::default());
    assert_eq!(
        next_step(0, event(1, some())),
        (1, Step::Apply(BoardDelta::default()))
    );
    assert_eq!(
        next_step(1, event(2, some())),
        (2, Step::Apply(BoardDelta::default()))
    );
    // Event 3 was missed.
    assert_eq!(next_step(2, event(4, some())), (4, Step::Reload));
    // A resynchronisation or a change of structures carries no delta.
    assert_eq!(next_step(4, event(5, None)), (5, Step::Reload));
    assert_eq!(next_step(5, None), (5, Step::Reload));
}

#[test]
fn live_changes_wait_for_the_drop_and_clear_the_overlay() {
    in_owner(|| {
        let live = BoardLive::new();
        let shown = RwSignal::new(Shown::default());
        live.shown.set_value(Some(shown));
        live.pending.set(vec![Change::Exit {
            code: "TO-2026-0001".into(),
        }]);
        dragging(live, Some(3));
        let gone = BoardDelta {
            waiting_gone: vec![9],
            ..BoardDelta::default()
        };
        live.apply(gone.clone());
        assert_eq!(live.deltas_deferred.with_value(Vec::len), 1);
        assert_eq!(live.pending.get_untracked().len(), 1);
        live.drag.set(None);
        live.after_drag(false);
        assert!(live.deltas_deferred.with_value(Vec::is_empty));
        assert!(live.pending.get_untracked().is_empty());
        // Applied in place: no reload asked for.
        assert_eq!(live.refresh.get_untracked(), 0);
    });
}
