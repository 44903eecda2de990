//! Translations: Italian first, English second, in Fluent files under `app/locales/`.
//!
//! Pages use `tr!`/`move_tr!` with literal keys; leptos-fluent's `check_translations`
//! makes a key missing in one language, or unused, a compile error of the browser build.
//! Server code that answers outside a page (plain-text errors) uses `translate`.

use fluent_templates::static_loader;
use leptos::prelude::*;
use leptos_fluent::leptos_fluent;

static_loader! {
    pub static TRANSLATIONS = {
        locales: "./locales",
        fallback_language: "it",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Supported languages, the first one the default.
pub const LANGUAGES: [&str; 2] = ["it", "en"];
pub const LANGUAGE_COOKIE: &str = "lf-lang";

pub fn supported_language(language: &str) -> &'static str {
    LANGUAGES
        .into_iter()
        .find(|l| *l == language)
        .unwrap_or(LANGUAGES[0])
}

pub fn language_cookie(language: &str) -> String {
    format!("{LANGUAGE_COOKIE}={language}; Path=/; Max-Age=31536000; SameSite=Strict")
}

/// Provides the `I18n` context: the language comes from the user's choice (cookie), then
/// the browser's language, then Italian.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        translations: [TRANSLATIONS],
        locales: "./locales",
        default_language: "it",
        #[cfg(all(debug_assertions, not(feature = "ssr")))]
        check_translations: "./src/**/*.rs",
        sync_html_tag_lang: true,
        cookie_name: "lf-lang",
        cookie_attrs: "SameSite=Strict; Path=/; Max-Age=31536000",
        initial_language_from_cookie: true,
        initial_language_from_accept_language_header: true,
        initial_language_from_navigator: true,
        initial_language_from_navigator_to_cookie: true,
        set_language_to_cookie: true,
    }
}

/// Server-side lookup for answers that are not pages.
#[cfg(feature = "ssr")]
pub fn translate(language: &str, key: &str) -> String {
    use fluent_templates::{LanguageIdentifier, Loader};
    let id: LanguageIdentifier = supported_language(language).parse().unwrap_or_default();
    TRANSLATIONS.lookup(&id, key)
}

/// Server-side lookup with arguments (counts, names), for texts that are not pages (the
/// notification e-mails). Fluent's Unicode isolation marks around arguments are dropped:
/// right on a page, noise in a plain-text e-mail.
#[cfg(feature = "ssr")]
pub fn translate_with(
    language: &str,
    key: &str,
    args: &[(
        &'static str,
        fluent_templates::fluent_bundle::FluentValue<'static>,
    )],
) -> String {
    use fluent_templates::{LanguageIdentifier, Loader};
    let id: LanguageIdentifier = supported_language(language).parse().unwrap_or_default();
    let args: std::collections::HashMap<std::borrow::Cow<'static, str>, _> = args
        .iter()
        .map(|(name, value)| (std::borrow::Cow::Borrowed(*name), value.clone()))
        .collect();
    TRANSLATIONS
        .lookup_with_args(&id, key, &args)
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// The translated text of an error, for answers that are not pages (JSON `message`,
/// plain-text refusals). Keys are those of `ui::errors::error_message`.
#[cfg(feature = "ssr")]
pub fn error_text(language: &str, error: &crate::kernel::error::AppError) -> String {
    use crate::kernel::error::{AppError, Conflict};
    use fluent_templates::{LanguageIdentifier, Loader};
    let key = match error {
        AppError::NotSignedIn => "error-not-signed-in",
        AppError::WrongCredentials => "error-wrong-credentials",
        AppError::Forbidden => "error-forbidden",
        AppError::MustChangePassword => "error-must-change-password",
        AppError::NotFound => "error-not-found",
        AppError::CrossOrigin => "error-cross-origin",
        AppError::TooManyAttempts { .. } => "error-too-many-attempts",
        AppError::TooManyRequests { .. } => "error-too-many-requests",
        AppError::Invalid { .. } => "error-invalid",
        AppError::Conflict { conflict } => match conflict {
            Conflict::Stale => "error-conflict-stale",
            Conflict::CannotDisableSelf => "error-cannot-disable-self",
            Conflict::CannotChangeOwnRoles => "error-cannot-change-own-roles",
            Conflict::NoSharingConsent => "error-no-sharing-consent",
            Conflict::LastOrganisationInCharge => "error-last-organisation-in-charge",
            Conflict::AlreadyInCharge => "error-already-in-charge",
            Conflict::AlreadyWaiting => "error-already-waiting",
            Conflict::ResetLinkInvalid => "error-reset-link-invalid",
            Conflict::MailNotConfigured => "error-mail-not-configured",
            Conflict::Anonymised => "error-anonymised",
            Conflict::ChecklistPublished => "error-checklist-published",
            Conflict::AlreadyLinked => "error-already-linked",
            Conflict::BedTaken => "error-bed-taken",
            Conflict::BedHeld => "error-bed-held",
            Conflict::BedOutOfService => "error-bed-out-of-service",
            Conflict::AlreadyPlaced => "error-already-placed",
            Conflict::NotPlaced => "error-not-placed",
            Conflict::BedHasHistory => "error-bed-has-history",
            Conflict::RoomHasBeds => "error-room-has-beds",
            Conflict::BudgetOverlap => "error-budget-overlap",
            Conflict::ExpenseApproved => "error-expense-approved",
            Conflict::EventNotHeld => "error-event-not-held",
            Conflict::AttendanceRecorded => "error-attendance-recorded",
            Conflict::NothingToUndo => "error-nothing-to-undo",
            Conflict::PlanAlreadyOpen => "error-plan-already-open",
            Conflict::AlreadyOnTeam => "error-already-on-team",
            Conflict::PlanClosed => "error-plan-closed",
            Conflict::VersionAlreadyApproved => "error-version-already-approved",
            Conflict::ThreadLocked => "error-thread-locked",
            Conflict::ChecklistMaterial => "error-checklist-material",
        },
        AppError::Rules { .. } => "error-placement-rules",
        AppError::BadRequest => "error-bad-request",
        AppError::Internal => "error-internal",
        AppError::Network => "error-network",
    };
    let id: LanguageIdentifier = supported_language(language).parse().unwrap_or_default();
    if let AppError::Rules { breaches, .. } = error {
        let mut text = TRANSLATIONS.lookup(&id, key);
        for breach in breaches {
            let key = format!("breach-{}", breach.code().replace('_', "-"));
            text.push(' ');
            text.push_str(&TRANSLATIONS.lookup(&id, &key));
        }
        return text;
    }
    let mut args = std::collections::HashMap::new();
    if let AppError::TooManyAttempts { retry_after_secs }
    | AppError::TooManyRequests { retry_after_secs } = error
    {
        args.insert(
            std::borrow::Cow::Borrowed("minutes"),
            retry_after_secs.div_ceil(60).into(),
        );
    }
    TRANSLATIONS.lookup_with_args(&id, key, &args)
}

/// The language of a request: the cookie, then `Accept-Language`, then Italian.
#[cfg(feature = "ssr")]
pub fn request_language(headers: &http::HeaderMap) -> &'static str {
    let from_cookie = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .map(|(_, value)| value.trim().to_string());
    if let Some(language) = from_cookie.and_then(|l| LANGUAGES.into_iter().find(|s| *s == l)) {
        return language;
    }
    headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .into_iter()
        .flat_map(|v| v.split(','))
        .filter_map(|tag| tag.split(';').next())
        .map(|tag| tag.trim().get(..2).unwrap_or("").to_ascii_lowercase())
        .find_map(|tag| LANGUAGES.into_iter().find(|s| *s == tag))
        .unwrap_or(LANGUAGES[0])
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, http::HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn cookie_wins_then_browser_then_italian() {
        assert_eq!(
            request_language(&headers(&[
                ("cookie", "a=b; lf-lang=en"),
                ("accept-language", "it")
            ])),
            "en"
        );
        assert_eq!(
            request_language(&headers(&[("accept-language", "de-DE,en-GB;q=0.8")])),
            "en"
        );
        assert_eq!(
            request_language(&headers(&[("accept-language", "de-DE")])),
            "it"
        );
        assert_eq!(request_language(&headers(&[])), "it");
    }

    #[test]
    fn server_side_lookup_speaks_both_languages() {
        assert_eq!(
            translate("it", "error-cross-origin"),
            "Richiesta rifiutata: proviene da un altro sito."
        );
        assert_eq!(
            translate("en", "error-cross-origin"),
            "Request refused: it comes from another site."
        );
        let throttled = crate::kernel::error::AppError::TooManyAttempts {
            retry_after_secs: 900,
        };
        assert_eq!(
            error_text("it", &throttled),
            "Troppi tentativi di accesso non riusciti. Riprova tra 15 minuti."
        );
    }

    #[test]
    fn counts_take_the_right_plural_form() {
        use fluent_templates::{LanguageIdentifier, Loader};
        let it: LanguageIdentifier = "it".parse().unwrap();
        let en: LanguageIdentifier = "en".parse().unwrap();
        let args = |contacts: u64, people: u64| {
            std::collections::HashMap::from([
                (std::borrow::Cow::Borrowed("contacts"), contacts.into()),
                (std::borrow::Cow::Borrowed("people"), people.into()),
            ])
        };
        assert_eq!(
            TRANSLATIONS.lookup_with_args(&it, "contacts-week", &args(1, 1)),
            "Ultimi 7 giorni, la tua organizzazione: 1 contatto, 1 persona."
        );
        assert_eq!(
            TRANSLATIONS.lookup_with_args(&en, "contacts-week", &args(2, 5)),
            "Last 7 days, your organisation: 2 contacts, 5 people."
        );
    }
}

/// Runs `work` inside the page's language context, in `language`: unit tests of code that
/// looks words up with `tr!`.
#[cfg(all(test, feature = "ssr"))]
pub fn with_language_for_tests<T: Send + 'static>(
    language: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    use std::sync::{Arc, Mutex};
    let done = Arc::new(Mutex::new(None));
    let language = language.to_string();
    Owner::new().with(|| {
        let done = done.clone();
        let _view = I18nProvider(I18nProviderProps {
            children: Box::new(move || {
                let i18n = expect_context::<leptos_fluent::I18n>();
                let chosen = i18n.languages.iter().find(|l| l.id == language);
                i18n.language.set(chosen.expect("a supported language"));
                *done.lock().unwrap() = Some(work());
                ().into_any()
            }),
        });
    });
    let result = done.lock().unwrap().take();
    result.expect("the provider ran its children")
}
