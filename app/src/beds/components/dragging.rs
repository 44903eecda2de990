//! Drag-and-drop on the board: the handles, the exit zone, the undo panel and the prompts that ask for a reason.

use super::*;
use crate::ui::submit::Submit;

/// The grip by which a person is dragged (mouse, pen or finger). Out of the keyboard's
/// way: keyboard users have the "move to…" forms.
#[component]
pub(super) fn DragHandle(code: String, from_bed: Option<i32>) -> impl IntoView {
    let live = expect_context::<BoardLive>();
    move || {
        let code = code.clone();
        live.interactive.get().then(move || {
            let label = drag_label(&code);
            view! {
                <button
                    type="button"
                    class="drag-handle"
                    tabindex="-1"
                    title=label.clone()
                    aria-label=label
                    on:pointerdown=move |ev| start_drag(live, &ev, code.clone(), from_bed)
                >
                    "⠿"
                </button>
            }
        })
    }
}

/// Where a guest is dropped to leave: the reason and date are then asked for.
#[component]
pub(super) fn ExitZone() -> impl IntoView {
    let live = expect_context::<BoardLive>();
    move || {
        live.interactive.get().then(|| {
            view! {
                <div
                    class="exit-zone"
                    data-drop="exit"
                    class:drop-hover=move || live.hover.get() == Some(DropTarget::Exit)
                >
                    {move_tr!("board-exit-zone")}
                </div>
            }
        })
    }
}

pub(super) fn breach_list(breaches: &[crate::beds::rules::Breach]) -> Vec<String> {
    breaches
        .iter()
        .map(|b| crate::ui::errors::breach_message(*b))
        .collect()
}

/// The user's last change, with a button to take it back while the server allows it.
/// Without JavaScript the panel stays until the next page; the server then answers
/// "nothing to undo" once the minute has passed.
#[component]
pub(super) fn UndoPanel(offer: UndoOffer, action: ServerAction<UndoLastChange>) -> impl IntoView {
    let open = RwSignal::new(true);
    #[cfg(feature = "hydrate")]
    {
        let millis = u32::try_from(offer.seconds_left.max(0) * 1000).unwrap_or(u32::MAX);
        gloo::timers::callback::Timeout::new(millis, move || {
            open.try_set(false);
        })
        .forget();
    }
    let text = undo_text(&offer);
    move || {
        open.get().then(|| {
            let text = text.clone();
            view! {
                <div class="panel undo-panel" role="status">
                    <p><strong>{text}</strong> " " {move_tr!("board-undo-hint")}</p>
                    <ActionForm action attr:class="inline-form">
                        <Submit action=action class="button">{move_tr!("board-undo")}</Submit>
                    </ActionForm>
                </div>
            }
        })
    }
}

/// The answer to the last drop: done, refused, or a question (override, exit).
#[component]
pub(super) fn BoardNoticeView() -> impl IntoView {
    let live = expect_context::<BoardLive>();
    move || {
        live.notice.get().map(|notice| match notice {
            Notice::Done(change) => view! {
                <div class="notice success" role="status">{done_text(&change)}</div>
            }
            .into_any(),
            Notice::Undone(code) => view! {
                <div class="notice success" role="status">{undone_text(&code)}</div>
            }
            .into_any(),
            Notice::Failed(error) => view! {
                <div class="form-error" role="alert">{crate::ui::errors::error_message(&error)}</div>
            }
            .into_any(),
            Notice::Override(change, breaches) => view! { <OverridePrompt change breaches /> }.into_any(),
            Notice::AskExit(code) => view! { <ExitPrompt code /> }.into_any(),
        })
    }
}

#[component]
pub(super) fn OverridePrompt(
    change: Change,
    breaches: Vec<crate::beds::rules::Breach>,
) -> impl IntoView {
    let live = expect_context::<BoardLive>();
    let reason = RwSignal::new(String::new());
    let reasons = breach_list(&breaches);
    // The question appears above the board, away from where she dropped: focus takes
    // her (and a screen reader) to it.
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    view! {
        <div class="panel panel-warning" role="alert">
            <p><strong>{move_tr!("error-placement-rules")}</strong></p>
            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            <div class="field">
                <label for="drop-override">{move_tr!("board-override-reason")}</label>
                <p class="hint" id="drop-override-hint">{move_tr!("board-override-hint")}</p>
                <input
                    id="drop-override"
                    node_ref=field
                    type="text"
                    maxlength="300"
                    autocomplete="off"
                    aria-describedby="drop-override-hint"
                    on:input:target=move |ev| reason.set(ev.target().value())
                />
            </div>
            <div class="form-actions">
                <button type="button" class="button primary" on:click=move |_| {
                    submit(live, change.clone(), Some(reason.get_untracked()), None);
                }>{move_tr!("board-override-confirm")}</button>
                <button type="button" class="button" on:click=move |_| live.notice.set(None)>{move_tr!("cancel")}</button>
            </div>
        </div>
    }
}

#[component]
pub(super) fn ExitPrompt(code: String) -> impl IntoView {
    let live = expect_context::<BoardLive>();
    let today = live.today.get_value();
    let reason = RwSignal::new(StayEnd::EndOfStay.code().to_string());
    let date = RwSignal::new(today.clone());
    let title_code = code.clone();
    let field = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(select) = field.get() {
            let _ = select.focus();
        }
    });
    view! {
        <div class="panel" role="dialog" aria-labelledby="drop-exit-title">
            <p id="drop-exit-title"><strong>{move_tr!("board-exit-of", { "code" => title_code.clone() })}</strong></p>
            <div class="field">
                <label for="drop-exit-reason">{move_tr!("board-exit-reason")}</label>
                <select id="drop-exit-reason" node_ref=field on:change:target=move |ev| reason.set(ev.target().value())>
                    {StayEnd::ALL.iter().map(|r| {
                        let r = *r;
                        view! { <option value=r.code()>{move || stay_end_name(r)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="drop-exit-date">{move_tr!("board-exit-date")}</label>
                <input id="drop-exit-date" type="date" max=today.clone() value=today on:input:target=move |ev| date.set(ev.target().value()) />
            </div>
            <div class="form-actions">
                <button type="button" class="button danger" on:click=move |_| {
                    submit(
                        live,
                        Change::Exit { code: code.clone() },
                        None,
                        Some((reason.get_untracked(), date.get_untracked())),
                    );
                }>{move_tr!("board-exit")}</button>
                <button type="button" class="button" on:click=move |_| live.notice.set(None)>{move_tr!("cancel")}</button>
            </div>
        </div>
    }
}
