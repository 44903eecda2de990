//! Form widgets with visible labels and errors tied to their fields (`aria-describedby`).

use leptos::prelude::*;

use super::errors::{error_message, problem_message, set_page_status};
use crate::kernel::error::{AppError, Problem};

/// The error of a form's last submission, as a signal the fields read.
pub type FormError = Signal<Option<AppError>>;

pub use crate::kernel::fields::urlencode;

/// The value of a date input: `2026-12-06`, or empty when there is no date.
pub fn date_value(day: Option<chrono::NaiveDate>) -> String {
    day.map(|d| d.to_string()).unwrap_or_default()
}

/// A stable element id for an input name: `form[email]` becomes `field-form-email`.
pub fn field_id(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("field-{}", cleaned.trim_matches('-').replace("--", "-"))
}

/// The validation key of an input name: `form[email]` is validated as `email`.
pub fn field_key(name: &str) -> &str {
    name.strip_prefix("form[")
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(name)
}

/// A summary at the top of a form, announced to screen readers.
#[component]
pub fn FormErrorSummary(error: FormError) -> impl IntoView {
    move || {
        error.get().map(|error| {
            set_page_status(&error);
            view! {
                <div class="form-error" role="alert" tabindex="-1">
                    {error_message(&error)}
                </div>
            }
        })
    }
}

/// The message under a field that the last submission got wrong, with the `id` its
/// input's `aria-describedby` names; nothing while the field is fine.
pub fn field_error(
    problem: impl Fn() -> Option<Problem> + Send + Sync + 'static,
    id: String,
) -> impl IntoView {
    move || {
        problem().map(|p| {
            view! {
                <p class="field-error" id=id.clone()>
                    {problem_message(p)}
                </p>
            }
        })
    }
}

#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    name: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    error: FormError,
) -> impl IntoView {
    let id = field_id(name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let problem = move || error.get().and_then(|e| e.problem_for(field_key(name)));
    let described_by = {
        let (error_id, hint_id, has_hint) = (error_id.clone(), hint_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problem().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || problem().is_some()>
            <label for=id.clone()>
                {label} {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=described_by
            />
            {field_error(problem, error_id)}
        </div>
    }
}

/// A `<select>` with a visible label; `options` are (value, text) pairs.
#[component]
pub fn SelectField(
    #[prop(into)] label: Signal<String>,
    name: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional)] required: bool,
    error: FormError,
) -> impl IntoView {
    let id = field_id(name);
    let error_id = format!("{id}-error");
    let problem = move || error.get().and_then(|e| e.problem_for(field_key(name)));
    let error_id_attr = error_id.clone();
    view! {
        <div class="field" class:field-invalid=move || problem().is_some()>
            <label for=id.clone()>
                {label} {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            <select
                id=id
                name=name
                required=required
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=move || problem().map(|_| error_id_attr.clone())
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! {
                            <option value=value selected=is_selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {field_error(problem, error_id)}
        </div>
    }
}

/// The organisations a filter offers, (id, name) as the server listed them.
pub fn organisation_choices(organisations: Vec<(i32, String)>) -> Vec<(String, Signal<String>)> {
    organisations
        .into_iter()
        .map(|(id, name)| (id.to_string(), Signal::stored(name)))
        .collect()
}

/// The values of a coded list (a kind, a status…) with their names in the reader's
/// language, as a filter offers them.
pub fn coded_choices<T: Copy + Send + Sync + 'static>(
    all: &[T],
    code: fn(T) -> &'static str,
    name: fn(T) -> String,
) -> Vec<(String, Signal<String>)> {
    all.iter()
        .map(|value| {
            let value = *value;
            (code(value).to_string(), Signal::derive(move || name(value)))
        })
        .collect()
}

/// One drop-down of a list's filter form (a GET form): "any" first, then the choices as
/// (value, text), the filter in force selected. Its texts follow the language switch.
#[component]
pub fn FilterSelect(
    #[prop(into)] label: Signal<String>,
    id: &'static str,
    name: &'static str,
    choices: Vec<(String, Signal<String>)>,
    #[prop(into)] current: String,
) -> impl IntoView {
    let any = leptos_fluent::move_tr!("filter-any");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{any}</option>
                {choices
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == current;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// After a successful submission in the hydrated page, folds every open `<details>` form
/// of the main content and resets its fields: the page is updated in place, so without
/// this a form just used would stay open with what was typed, inviting a second submit.
/// Without JavaScript the page reloads and this is not needed.
pub fn fold_forms_after_success(succeeded: impl Fn() -> Option<bool> + 'static) {
    Effect::new(move |previous: Option<()>| {
        let outcome = succeeded();
        if previous.is_some() && outcome == Some(true) {
            fold_open_forms();
        }
    });
}

#[cfg(feature = "hydrate")]
fn fold_open_forms() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(open) = document.query_selector_all("main details[open]") {
        for index in 0..open.length() {
            if let Some(element) = open
                .item(index)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.remove_attribute("open");
            }
        }
    }
    if let Ok(forms) = document.query_selector_all("main form") {
        for index in 0..forms.length() {
            if let Some(form) = forms
                .item(index)
                .and_then(|n| n.dyn_into::<web_sys::HtmlFormElement>().ok())
            {
                form.reset();
            }
        }
    }
}

#[cfg(not(feature = "hydrate"))]
fn fold_open_forms() {}

/// A group of large radio or checkbox "pills", one tap each, usable with the keyboard.
#[component]
pub fn Choices(
    #[prop(into)] legend: Signal<String>,
    name: &'static str,
    options: Vec<(&'static str, Signal<String>, bool)>,
    #[prop(default = "radio")] kind: &'static str,
    error: FormError,
    /// The key validation errors use for this group.
    key: &'static str,
) -> impl IntoView {
    let problem = move || error.get().and_then(|e| e.problem_for(key));
    let error_id = format!("choices-{key}-error");
    view! {
        <fieldset class="field choices" class:field-invalid=move || problem().is_some()>
            <legend>{legend}</legend>
            <div class="choice-list">
                {options
                    .into_iter()
                    .map(|(value, label, checked)| {
                        let input_name = if kind == "checkbox" {
                            format!("{name}[{value}]")
                        } else {
                            name.to_string()
                        };
                        let input_value = if kind == "checkbox" { "on" } else { value };
                        view! {
                            <label class="choice">
                                <input type=kind name=input_name value=input_value checked=checked />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {field_error(problem, error_id)}
        </fieldset>
    }
}
