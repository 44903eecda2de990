//! Turning `AppError` into words a social worker understands, in her language.

use leptos::prelude::*;
use leptos_fluent::tr;

use crate::kernel::error::Breach;
use crate::kernel::error::{AppError, Conflict, Problem};

pub fn error_message(error: &AppError) -> String {
    match error {
        AppError::NotSignedIn => tr!("error-not-signed-in"),
        AppError::WrongCredentials => tr!("error-wrong-credentials"),
        AppError::Forbidden => tr!("error-forbidden"),
        AppError::MustChangePassword => tr!("error-must-change-password"),
        AppError::NotFound => tr!("error-not-found"),
        AppError::CrossOrigin => tr!("error-cross-origin"),
        AppError::TooManyAttempts { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60);
            tr!("error-too-many-attempts", { "minutes" => minutes })
        }
        AppError::TooManyRequests { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60);
            tr!("error-too-many-requests", { "minutes" => minutes })
        }
        AppError::Invalid { .. } => tr!("error-invalid"),
        AppError::Conflict { conflict } => conflict_message(*conflict),
        AppError::Rules { breaches, .. } => {
            let reasons: Vec<String> = breaches.iter().map(|b| breach_message(*b)).collect();
            format!("{} {}", tr!("error-placement-rules"), reasons.join(" "))
        }
        AppError::BadRequest => tr!("error-bad-request"),
        AppError::Internal => tr!("error-internal"),
        AppError::Network => tr!("error-network"),
    }
}

/// What a conflict means for the person who met it.
fn conflict_message(conflict: Conflict) -> String {
    match conflict {
        Conflict::Stale => tr!("error-conflict-stale"),
        Conflict::CannotDisableSelf => tr!("error-cannot-disable-self"),
        Conflict::CannotChangeOwnRoles => tr!("error-cannot-change-own-roles"),
        Conflict::NoSharingConsent => tr!("error-no-sharing-consent"),
        Conflict::LastOrganisationInCharge => tr!("error-last-organisation-in-charge"),
        Conflict::AlreadyInCharge => tr!("error-already-in-charge"),
        Conflict::AlreadyWaiting => tr!("error-already-waiting"),
        Conflict::ResetLinkInvalid => tr!("error-reset-link-invalid"),
        Conflict::MailNotConfigured => tr!("error-mail-not-configured"),
        Conflict::Anonymised => tr!("error-anonymised"),
        Conflict::ChecklistPublished => tr!("error-checklist-published"),
        Conflict::AlreadyLinked => tr!("error-already-linked"),
        Conflict::BedTaken => tr!("error-bed-taken"),
        Conflict::BedHeld => tr!("error-bed-held"),
        Conflict::BedOutOfService => tr!("error-bed-out-of-service"),
        Conflict::AlreadyPlaced => tr!("error-already-placed"),
        Conflict::NotPlaced => tr!("error-not-placed"),
        Conflict::BedHasHistory => tr!("error-bed-has-history"),
        Conflict::RoomHasBeds => tr!("error-room-has-beds"),
        Conflict::BudgetOverlap => tr!("error-budget-overlap"),
        Conflict::ExpenseApproved => tr!("error-expense-approved"),
        Conflict::EventNotHeld => tr!("error-event-not-held"),
        Conflict::AttendanceRecorded => tr!("error-attendance-recorded"),
        Conflict::NothingToUndo => tr!("error-nothing-to-undo"),
        Conflict::PlanAlreadyOpen => tr!("error-plan-already-open"),
        Conflict::AlreadyOnTeam => tr!("error-already-on-team"),
        Conflict::PlanClosed => tr!("error-plan-closed"),
        Conflict::VersionAlreadyApproved => tr!("error-version-already-approved"),
        Conflict::ThreadLocked => tr!("error-thread-locked"),
        Conflict::ChecklistMaterial => tr!("error-checklist-material"),
    }
}

/// One broken placement rule, as a sentence.
pub fn breach_message(breach: Breach) -> String {
    match breach {
        Breach::TargetGroup => tr!("breach-target-group"),
        Breach::MinorNotAllowedHere => tr!("breach-minor-not-allowed-here"),
        Breach::BelowAgeFloor => tr!("breach-below-age-floor"),
        Breach::MinorWithoutAuthorisation => tr!("breach-minor-without-authorisation"),
        Breach::NoRoomForFamily => tr!("breach-no-room-for-family"),
        Breach::FamilySplit => tr!("breach-family-split"),
        Breach::KeptApart => tr!("breach-kept-apart"),
    }
}

pub fn problem_message(problem: Problem) -> String {
    match problem {
        Problem::Required => tr!("problem-required"),
        Problem::TooLong => tr!("problem-too-long"),
        Problem::TooShort => tr!("problem-too-short"),
        Problem::InvalidEmail => tr!("problem-invalid-email"),
        Problem::UnknownChoice => tr!("problem-unknown-choice"),
        Problem::AlreadyTaken => tr!("problem-already-taken"),
        Problem::DemoPasswordInProduction => tr!("problem-demo-password"),
        Problem::DateInFuture => tr!("problem-date-in-future"),
        Problem::InvalidDate => tr!("problem-invalid-date"),
        Problem::DateOutOfRange => tr!("problem-date-out-of-range"),
        Problem::OutOfRange => tr!("problem-out-of-range"),
        Problem::Contradiction => tr!("problem-contradiction"),
        Problem::RoleNotAllowed => tr!("problem-role-not-allowed"),
        Problem::InvalidPhone => tr!("problem-invalid-phone"),
        Problem::FileTooLarge => tr!("problem-file-too-large"),
        Problem::FileTypeNotAllowed => tr!("problem-file-type-not-allowed"),
        Problem::FileTypeMismatch => tr!("problem-file-type-mismatch"),
        Problem::UploadTooSlow => tr!("problem-upload-too-slow"),
        Problem::CommonPassword => tr!("problem-common-password"),
        Problem::WrongPassword => tr!("problem-wrong-password"),
        Problem::PasswordsDiffer => tr!("problem-passwords-differ"),
        Problem::InvalidAmount => tr!("problem-invalid-amount"),
    }
}

/// Sets the HTTP status of a server-rendered page that shows an error, so that a page
/// without JavaScript answers 403, 404 or 422 like the API does.
pub fn set_page_status(error: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            response.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

/// A whole-page error: not signed in sends to the sign-in page, the rest is explained.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    set_page_status(&error);
    if error == AppError::NotSignedIn {
        // Back to this page once signed in (an e-mail's link to /notifiche, say).
        let location = leptos_router::hooks::use_location();
        let here = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        );
        let path = if here == "/" {
            "/accedi".to_string()
        } else {
            format!("/accedi?torna={}", crate::kernel::fields::urlencode(&here))
        };
        return view! { <leptos_router::components::Redirect path /> }.into_any();
    }
    if error == AppError::MustChangePassword {
        return view! { <leptos_router::components::Redirect path="/il-mio-account" /> }.into_any();
    }
    let message = error_message(&error);
    view! {
        <section class="panel panel-error" role="alert">
            <h1>{move || tr!("error-title")}</h1>
            <p>{message}</p>
            <p>
                <a href="/">{move || tr!("error-back-home")}</a>
            </p>
        </section>
    }
    .into_any()
}

/// The error of one of a page's many forms: what went wrong and, for invalid input,
/// each field in words (`field_label` names them), so that nobody has to guess which
/// form it was.
#[component]
pub fn FormProblems(
    error: Signal<Option<AppError>>,
    field_label: fn(&str) -> String,
) -> impl IntoView {
    move || {
        error.get().map(|error| {
            set_page_status(&error);
            let problems = match &error {
                AppError::Invalid { problems } => problems.clone(),
                _ => Vec::new(),
            };
            view! {
                <div class="form-error" role="alert" tabindex="-1">
                    <p>{error_message(&error)}</p>
                    {(!problems.is_empty()).then(|| view! {
                        <ul>
                            {problems.into_iter().map(|p| view! {
                                <li>{field_label(&p.field)} ": " {problem_message(p.problem)}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}
