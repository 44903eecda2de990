//! The one submit button of every form (`.ci/check-imports.py` refuses a `type="submit"`
//! anywhere else, so that no form can forget what it does): while its action runs it is
//! disabled and says so ("Invio in corso…"), which stops the double submits a slow answer
//! invites; when the action succeeds in the hydrated page, which is then updated in place
//! rather than reloaded, a toast says it was done. Without JavaScript the browser posts
//! the form and the answer is a new page, as before.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_fluent::tr;

use super::toasts::use_toasts;
use crate::kernel::error::AppError;

/// What a submit button follows of its form's action: whether it runs, and how many times
/// it has been answered with a success.
#[derive(Clone, Copy)]
pub struct Submission {
    busy: Signal<bool>,
    successes: Signal<usize>,
}

impl Submission {
    /// A submission followed by hand (an upload sent with its progress shown): busy while
    /// `busy` says so; the page it leads to says how it went.
    pub fn running(busy: Signal<bool>) -> Submission {
        Submission {
            busy,
            successes: Signal::stored(0),
        }
    }
}

impl<S> From<ServerAction<S>> for Submission
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    fn from(action: ServerAction<S>) -> Submission {
        let successes = RwSignal::new(0usize);
        // The action's version moves once per answer; a success is counted when it does.
        Effect::new(move |seen: Option<usize>| {
            let version = action.version().get();
            let succeeded = action
                .value()
                .with_untracked(|answer| matches!(answer, Some(Ok(_))));
            if seen.is_some_and(|seen| seen != version) && succeeded {
                successes.update(|count| *count += 1);
            }
            version
        });
        Submission {
            busy: action.pending().into(),
            successes: successes.into(),
        }
    }
}

/// A submit button. `action`: the form's server action (a form that only navigates, a
/// search, has none). `quiet`: no toast after a success (the page says it already, or
/// is left: signing out, a new language). `done`: the toast's words, when "Modifiche
/// salvate." would not fit; `busy_label`: the words while it runs, when "Invio in
/// corso…" would not fit.
#[component]
pub fn Submit(
    #[prop(optional, into)] action: Option<Submission>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] quiet: bool,
    #[prop(optional, into)] done: Option<Signal<String>>,
    #[prop(optional, into)] busy_label: Option<Signal<String>>,
    #[prop(optional)] autofocus: bool,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional)] value: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let busy = action.map_or(Signal::stored(false), |action| action.busy);
    if let (Some(action), false) = (action, quiet) {
        let toasts = use_toasts();
        Effect::new(move |seen: Option<usize>| {
            let successes = action.successes.get();
            if seen.is_some_and(|seen| seen != successes) {
                toasts.push(done.map_or_else(|| tr!("saved"), |done| done.get_untracked()));
            }
            successes
        });
    }
    view! {
        <button type="submit" class=class name=name value=value autofocus=autofocus
            disabled=move || busy.get() aria-busy=move || busy.get().then_some("true")>
            <span class="submit-label" hidden=move || busy.get()>{children()}</span>
            <span class="submit-busy" hidden=move || !busy.get()>
                {move || busy_label.map_or_else(|| tr!("form-busy"), |label| label.get())}
            </span>
        </button>
    }
}
