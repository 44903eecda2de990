//! Pages with many forms (a personal plan, the bed board, a person's safeguards): each
//! form has its own server action, and the page as a whole reloads its data after any of
//! them is answered (but a refusal of its fields, which leaves the form as typed), folds
//! its forms after a success, and shows the error of the form answered last. Written
//! once here; nine pages used to spell it out action by action, and most of them showed
//! the first failed form's error, so an old error could stay on screen after a newer
//! form failed or succeeded.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::forms::fold_forms_after_success;
use crate::kernel::error::AppError;

/// The forms of one page. Cheap to copy into every section of the page.
#[derive(Clone, Copy)]
pub struct PageForms {
    answers: RwSignal<usize>,
    /// Each followed form's error, in the order the forms were followed. Derived from
    /// the actions themselves, so that the server renders an error too: after a plain
    /// form's submission without JavaScript, the action holds it from the first render.
    errors: StoredValue<Vec<Signal<Option<AppError>>>>,
    /// The form answered last since the page hydrated.
    last: RwSignal<Option<usize>>,
    fold_after_success: bool,
}

impl Default for PageForms {
    fn default() -> Self {
        Self::new()
    }
}

impl PageForms {
    /// Forms that fold after a success (see `fold_forms_after_success`).
    pub fn new() -> Self {
        PageForms {
            answers: RwSignal::new(0),
            errors: StoredValue::new(Vec::new()),
            last: RwSignal::new(None),
            fold_after_success: true,
        }
    }

    /// Forms that stay as they are after a success: the bed board keeps a guest's forms
    /// open on her new bed after a move; pages of a few forms (the service catalogue,
    /// the forum's rules, drafts and materials) never folded theirs.
    pub fn staying_open() -> Self {
        PageForms {
            fold_after_success: false,
            ..Self::new()
        }
    }

    /// A new server action for one of the page's forms, followed by the page.
    pub fn action<S>(self) -> ServerAction<S>
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Send + Sync + 'static,
    {
        let action = ServerAction::<S>::new();
        self.follow(action);
        action
    }

    /// Follows an action made elsewhere (a section that needs its own handle).
    pub fn follow<S>(self, action: ServerAction<S>)
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Send + Sync + 'static,
    {
        let forms = self;
        let index = self.errors.with_value(Vec::len);
        let error = Signal::derive(move || {
            action.value().with(|answer| {
                answer
                    .as_ref()
                    .and_then(|result| result.as_ref().err().cloned())
            })
        });
        self.errors.update_value(|errors| errors.push(error));
        Effect::new(move |previous: Option<()>| {
            // Read on every run, the first included, so that every answer is seen. A
            // form refused for its fields is the one answered last (its error shows),
            // but reloads nothing: the page would be drawn again and the form, open
            // with what was typed, would close empty.
            let answer = action.value().with(|answer| {
                answer
                    .as_ref()
                    .map(|result| matches!(result, Err(AppError::Invalid { .. })))
            });
            if let (Some(_), Some(refused_fields)) = (previous, answer) {
                forms.last.set(Some(index));
                if !refused_fields {
                    forms.answers.update(|count| *count += 1);
                }
            }
        });
        if self.fold_after_success {
            fold_forms_after_success(move || {
                action
                    .value()
                    .with(|answer| answer.as_ref().map(Result::is_ok))
            });
        }
    }

    /// Changes after every answer: a page's resource reads it to reload its data.
    pub fn answers(self) -> usize {
        self.answers.get()
    }

    /// The error of the form answered last, if it failed (a success clears it). Before
    /// any answer in this page's life: the error a form's plain submission brought back.
    pub fn error(self) -> Signal<Option<AppError>> {
        let forms = self;
        Signal::derive(move || {
            let errors = forms.errors.get_value();
            match forms.last.get() {
                Some(index) => errors.get(index).and_then(|error| error.get()),
                None => errors.iter().find_map(|error| error.get()),
            }
        })
    }
}
