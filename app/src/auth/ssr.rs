//! Server side of authentication and authorisation: who is asking (from the session),
//! whether the policy lets them call this function, and signing in and out.

use std::future::Future;
use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use chrono::Utc;
use http::header::{ACCEPT, RETRY_AFTER, SET_COOKIE};
use http::request::Parts;
use http::{HeaderValue, StatusCode};
use leptos::prelude::{expect_context, use_context};
use leptos_axum::ResponseOptions;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use tower_sessions::Session;

use super::model::{CurrentUser, OrganisationKind, Role};
use super::password::{decoy_hash, verify_password_off_thread};
use super::policy::{self, Decision};
use super::session_store::{DEVICE_KEY, SIGNED_IN_AT_KEY, USER_ID_KEY};
use super::throttle;
use crate::audit::model::Outcome;
use crate::audit::ssr::{record, record_alone, AuditEvent};
use crate::entity::{organisations, sessions, sign_in_attempts, user_roles, users};
use crate::kernel::error::{AppError, Problem};
use crate::state::{AppState, Settings};

/// The session key of the last time the session was refreshed (idle timeout).
pub const SEEN_AT_KEY: &str = "seen_at";
pub use super::model::IDLE_TIMEOUT_MINUTES;
pub const ABSOLUTE_TIMEOUT_HOURS: i64 = 12;

/// Everything a server function needs about the request it serves.
pub struct Ctx {
    pub db: DatabaseConnection,
    pub settings: Settings,
    pub events: crate::beds::live::Events,
    pub session: Session,
    pub user: Option<CurrentUser>,
    pub request_id: Option<String>,
}

impl Ctx {
    /// The signed-in user; the policy has already refused anonymous callers of
    /// non-public functions, so this only fails for public functions.
    pub fn user(&self) -> Result<&CurrentUser, AppError> {
        self.user.as_ref().ok_or(AppError::NotSignedIn)
    }

    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The context of a request for tests of server-side functions without HTTP
    /// (`crate::testing`): the user as the policy let her through, a session in the
    /// database, the development settings.
    #[cfg(test)]
    pub fn for_test(db: DatabaseConnection, user: Option<CurrentUser>) -> Ctx {
        let store = std::sync::Arc::new(super::session_store::SeaOrmSessionStore::new(db.clone()));
        Ctx {
            events: crate::beds::live::Events::start(&db, crate::beds::live::read_nothing),
            settings: Settings::for_tests(),
            session: Session::new(None, store, None),
            user,
            request_id: Some("test".to_string()),
            db,
        }
    }
}

/// Runs a server function's body if the policy allows the caller, and answers errors
/// with their HTTP status. Every `#[server]` function of Anello goes through here.
pub async fn guard<T, F, Fut>(endpoint: &'static str, body: F) -> Result<T, AppError>
where
    F: FnOnce(Ctx) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let result = async {
        let ctx = request_context().await?;
        match policy::allows(endpoint, ctx.user.as_ref()) {
            Decision::Allowed => body(ctx).await,
            Decision::NotSignedIn => Err(AppError::NotSignedIn),
            Decision::MustChangePassword => Err(AppError::MustChangePassword),
            Decision::Forbidden => {
                let event = AuditEvent::new(ctx.user.as_ref(), "access.denied", "server_function")
                    .object(endpoint);
                Err(crate::audit::ssr::deny_alone(&ctx.db, ctx.request_id(), event).await)
            }
        }
    }
    .await;
    if let Err(error) = &result {
        answer_with_status(error);
    }
    result
}

/// Sets the HTTP status of an error answer. A plain form post (no JavaScript) is left to
/// the server-function redirect, which carries the error back to the form's page.
pub fn answer_with_status(error: &AppError) {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    if is_plain_form_post() {
        return;
    }
    response.set_status(
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
    );
    if let AppError::TooManyAttempts { retry_after_secs }
    | AppError::TooManyRequests { retry_after_secs } = error
    {
        response.insert_header(RETRY_AFTER, HeaderValue::from(*retry_after_secs));
    }
}

fn is_plain_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

async fn request_context() -> Result<Ctx, AppError> {
    let state = use_context::<AppState>().ok_or(AppError::Internal)?;
    // Everything about the caller comes from this request's own parts (leptos_axum
    // provides them in the request's root owner, so the nearest are always its own),
    // never from a context looked up the tree of owners: see `RequestUser`.
    let parts = use_context::<Parts>().ok_or_else(|| {
        tracing::error!("a server function without its request");
        AppError::Internal
    })?;
    let session = parts.extensions.get::<Session>().cloned().ok_or_else(|| {
        tracing::error!("session layer missing");
        AppError::Internal
    })?;
    let user = match parts.extensions.get::<RequestUser>() {
        Some(once) => once
            .0
            .get_or_try_init(|| load_current_user(&state.db, &session))
            .await?
            .clone(),
        None => load_current_user(&state.db, &session).await?,
    };
    Ok(context_with(state, session, &parts.headers, user))
}

/// The signed-in user of one request, loaded once for all the server functions it runs
/// (a server-rendered page calls two to four, three queries each). The server puts a
/// fresh one in every request's extensions (`server::security::request_user_cell`).
///
/// It was a context provided by the page's shell, and a server function called over HTTP
/// (which has no shell) looked it up the tree of owners: when a worker thread still held
/// another request's owner as its current one, leptos_axum made that owner the parent of
/// the new request's, and the lookup found the other request's user. A case worker
/// signed in and saw a reception manager's name and menu (a browser test caught it once
/// in 113 runs). The request's extensions belong to it alone.
#[derive(Clone, Default)]
pub struct RequestUser(std::sync::Arc<tokio::sync::OnceCell<Option<CurrentUser>>>);

/// The context of a request that is not a server function (a plain route of the server
/// crate: file uploads and downloads), built the same way. A user who must first replace
/// the password an administrator gave her is refused here, as `guard` refuses her.
pub async fn context_for(
    state: AppState,
    session: Session,
    headers: &http::HeaderMap,
) -> Result<Ctx, AppError> {
    let user = load_current_user(&state.db, &session).await?;
    if user.as_ref().is_some_and(|user| user.must_change_password) {
        return Err(AppError::MustChangePassword);
    }
    Ok(context_with(state, session, headers, user))
}

fn context_with(
    state: AppState,
    session: Session,
    headers: &http::HeaderMap,
    user: Option<CurrentUser>,
) -> Ctx {
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    Ctx {
        db: state.db,
        settings: state.settings,
        events: state.events,
        session,
        user,
        request_id,
    }
}

/// The user of this session, if signed in and still active.
pub async fn load_current_user(
    db: &DatabaseConnection,
    session: &Session,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(user_id) = session.get::<i32>(USER_ID_KEY).await? else {
        return Ok(None);
    };
    let user = current_user_by_id(db, user_id).await?;
    if user.is_none() {
        // Disabled or deleted since sign-in: the session must not live on.
        session.flush().await?;
    }
    Ok(user)
}

/// Any connection: a writer that must know a colleague's rights asks inside its own
/// transaction instead of taking a second connection from the pool.
pub async fn current_user_by_id<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
) -> Result<Option<CurrentUser>, AppError> {
    let Some((user, Some(organisation))) = users::Entity::find_by_id(user_id)
        .find_also_related(organisations::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !user.active || !organisation.active {
        return Ok(None);
    }
    let mut roles: Vec<Role> = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(user.id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| Role::from_code(&row.role))
        .collect();
    // Defence in depth: a role that the organisation's kind does not allow (left over
    // from an earlier kind, or written around the admin page) confers nothing.
    let kind = OrganisationKind::from_stored(&organisation.kind, OrganisationKind::Partner);
    roles.retain(|role| kind.allows_role(*role));
    roles.sort();
    Ok(Some(CurrentUser {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        organisation_id: organisation.id,
        organisation_name: organisation.name,
        organisation_kind: OrganisationKind::from_stored(
            &organisation.kind,
            OrganisationKind::Partner,
        ),
        organisation_province: organisation.province,
        roles,
        language: user.language,
        unread_notifications: 0,
        must_change_password: user.must_change_password,
    }))
}

/// The client's address, for the per-address sign-in limit.
fn client_address(settings: &Settings) -> String {
    let parts = use_context::<Parts>();
    if settings.trust_proxy {
        if let Some(forwarded) = parts.as_ref().and_then(|p| last_forwarded_hop(&p.headers)) {
            return forwarded;
        }
    }
    parts
        .and_then(|p| {
            p.extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// The address the trusted proxy saw: the last hop of `X-Forwarded-For` over all its
/// header lines. Everything before it was sent by the client and may be forged; a
/// request may even carry several header lines, of which only the last is the proxy's.
pub fn last_forwarded_hop(headers: &http::HeaderMap) -> Option<String> {
    let last_line = headers.get_all("x-forwarded-for").iter().next_back()?;
    let hop = last_line.to_str().ok()?.rsplit(',').next()?.trim();
    (!hop.is_empty()).then(|| hop.to_string())
}

pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Signs a user in: throttled per account and per address, audited either way, with a
/// new session id on success.
pub async fn sign_in(ctx: &Ctx, email: &str, password: &str) -> Result<CurrentUser, AppError> {
    let email = normalise_email(email);
    if email.is_empty() {
        return Err(AppError::invalid("email", Problem::Required));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", Problem::Required));
    }
    let key = &ctx.settings.identity_key;
    let account_key = throttle::throttle_key(key, "account", &email);
    let address_key = throttle::throttle_key(key, "address", &client_address(&ctx.settings));
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&ctx.db)
        .await?;

    let (attempt, slowed_ms) =
        record_attempt_or_refuse(ctx, &account_key, &address_key, user.as_ref()).await?;

    // Verify against a decoy when the account is unknown, so timing does not tell.
    let stored_hash = user
        .as_ref()
        .map_or_else(|| decoy_hash().to_string(), |u| u.password_hash.clone());
    let password_ok = verify_password_off_thread(password, stored_hash).await;
    let current = match (&user, password_ok) {
        (Some(user), true) => current_user_by_id(&ctx.db, user.id).await?,
        _ => None,
    };

    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    // A failed sign-in is committed with its row (`finish_write` keeps a refusal).
    let result: Result<CurrentUser, AppError> = async {
        let Some(current) = current else {
            let event = AuditEvent::new(None, "auth.sign_in", "user").outcome(Outcome::Failure);
            let event = match &user {
                None => event.detail("unknown_account"),
                Some(user) if !user.active => event.object(user.id).detail("inactive"),
                Some(user) if password_ok => event.object(user.id).detail("organisation_inactive"),
                Some(user) => event.object(user.id).detail("wrong_password"),
            };
            record(&txn, ctx.request_id(), event).await?;
            metrics::counter!("anello_sign_in_refusals_total", "reason" => "wrong_credentials")
                .increment(1);
            return Err(AppError::WrongCredentials);
        };
        // Success: this attempt counts as such.
        sign_in_attempts::Entity::update_many()
            .col_expr(
                sign_in_attempts::Column::Succeeded,
                sea_orm::sea_query::Expr::value(true),
            )
            .filter(sign_in_attempts::Column::Id.eq(attempt.id))
            .exec(&txn)
            .await?;
        throttle::remember_address(&txn, &account_key, &address_key).await?;
        let mut event = AuditEvent::new(Some(&current), "auth.sign_in", "user").object(current.id);
        if slowed_ms > 0 {
            event = event.detail(format!("slowed_ms={slowed_ms}"));
        }
        record(&txn, ctx.request_id(), event).await?;
        Ok(current)
    }
    .await;
    let current = ctx
        .finish_write(txn, result, ctx.event("auth.sign_in", "user"))
        .await?;
    // The failures of this account from this address are forgiven, after the commit: in
    // the same transaction, two simultaneous sign-ins (each holding its own attempt's row
    // and deleting the other's) deadlocked on PostgreSQL. Forgiving is housekeeping: if it
    // fails, the sign-in still stands.
    forgive_earlier_failures(&ctx.db, &attempt, &account_key, &address_key).await;

    // A fresh session id defeats session fixation; the old record is deleted. Whatever
    // the browser's previous user left in the session (an address she revealed, the
    // undo offer of her last move) is not the new user's: it goes too.
    start_session(ctx, &current).await?;
    Ok(current)
}

/// Records the attempt (committed at once), then asks the throttle about it: waits when
/// told to slow down (returning the wait in milliseconds), refuses and audits when over
/// the limit.
async fn record_attempt_or_refuse(
    ctx: &Ctx,
    account_key: &str,
    address_key: &str,
    user: Option<&users::Model>,
) -> Result<(sign_in_attempts::Model, u64), AppError> {
    let limits = ctx.settings.sign_in_limits;
    // The attempt is recorded (committed) before anything is counted or verified, so
    // that parallel requests see each other and cannot slip past the limit together.
    let turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
    let attempt = sign_in_attempts::ActiveModel {
        account_key: Set(account_key.to_string()),
        address_key: Set(address_key.to_string()),
        succeeded: Set(false),
        attempted_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&ctx.db)
    .await?;
    drop(turn);
    let mut slowed_ms = 0;
    match throttle::verdict(&ctx.db, &limits, &attempt).await? {
        throttle::Verdict::Go => {}
        throttle::Verdict::SlowDown(wait_ms) => {
            slowed_ms = wait_ms;
            tokio::time::sleep(std::time::Duration::from_millis(wait_ms)).await;
        }
        throttle::Verdict::Refuse => {
            throttle::forget_attempt(&ctx.db, &attempt).await?;
            let mut event = AuditEvent::new(None, "auth.sign_in", "user")
                .outcome(Outcome::Denied)
                .detail("throttled");
            if let Some(user) = user {
                event = event.object(user.id);
            }
            record_alone(&ctx.db, ctx.request_id(), event).await?;
            metrics::counter!("anello_sign_in_refusals_total", "reason" => "throttled")
                .increment(1);
            return Err(AppError::TooManyAttempts {
                retry_after_secs: limits.window_secs as u64,
            });
        }
    }
    Ok((attempt, slowed_ms))
}

/// Deletes the account's earlier failed attempts from this address. Housekeeping done
/// after the sign-in's commit: a failure is logged, and the sign-in still stands.
async fn forgive_earlier_failures(
    db: &DatabaseConnection,
    attempt: &sign_in_attempts::Model,
    account_key: &str,
    address_key: &str,
) {
    let _turn = match crate::kernel::db::single_write_turn(db).await {
        Ok(turn) => turn,
        Err(error) => {
            tracing::warn!(%error, "forgiving earlier failed sign-ins: no turn to write");
            return;
        }
    };
    if let Err(error) = sign_in_attempts::Entity::delete_many()
        .filter(sign_in_attempts::Column::Id.lt(attempt.id))
        .filter(sign_in_attempts::Column::AccountKey.eq(account_key))
        .filter(sign_in_attempts::Column::AddressKey.eq(address_key))
        .filter(sign_in_attempts::Column::Succeeded.eq(false))
        .exec(db)
        .await
    {
        tracing::warn!(%error, "forgiving earlier failed sign-ins");
    }
}

/// Starts the signed-in session for `current` in a new session id, and remembers her
/// language.
async fn start_session(ctx: &Ctx, current: &CurrentUser) -> Result<(), AppError> {
    ctx.session.clear().await;
    ctx.session.cycle_id().await?;
    let now = Utc::now().timestamp();
    ctx.session.insert(USER_ID_KEY, current.id).await?;
    ctx.session.insert(SIGNED_IN_AT_KEY, now).await?;
    ctx.session.insert(SEEN_AT_KEY, now).await?;
    if let Some(device) = device_of_request() {
        ctx.session.insert(DEVICE_KEY, device).await?;
    }
    if let Some(language) = &current.language {
        remember_language(language);
    }
    Ok(())
}

/// The browser and system of this request, from its User-Agent (woothee's parser):
/// "Firefox · Linux". None when it says nothing recognisable.
fn device_of_request() -> Option<String> {
    let parts = use_context::<Parts>()?;
    let agent = parts.headers.get(http::header::USER_AGENT)?.to_str().ok()?;
    device_name(agent)
}

pub fn device_name(user_agent: &str) -> Option<String> {
    let found = woothee::parser::Parser::new().parse(user_agent)?;
    let known = |text: &str| (!text.is_empty() && text != "UNKNOWN").then(|| text.to_string());
    match (known(found.name), known(found.os)) {
        (Some(browser), Some(system)) => Some(format!("{browser} · {system}")),
        (browser, system) => browser.or(system),
    }
}

pub async fn sign_out(ctx: &Ctx) -> Result<(), AppError> {
    let user = ctx.user()?;
    record_alone(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "auth.sign_out", "user").object(user.id),
    )
    .await?;
    ctx.session.flush().await?;
    Ok(())
}

/// Sets the language cookie that the i18n layer reads on the next render.
pub fn remember_language(language: &str) {
    let language = crate::i18n::supported_language(language);
    if let Some(response) = use_context::<ResponseOptions>() {
        if let Ok(cookie) = HeaderValue::from_str(&crate::i18n::language_cookie(language)) {
            response.append_header(SET_COOKIE, cookie);
        }
    }
}

/// Ends every session of a user at once (disabling, password change by an administrator).
pub async fn end_all_sessions<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user_id: i32,
) -> Result<u64, sea_orm::DbErr> {
    let result = sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// Applied to every request after the session layer: the absolute timeout (12 h after
/// sign-in) and the idle timeout (30 min), refreshing the session at most once a minute
/// so that reading pages keeps a working user signed in without a write per request.
/// A request that is not the user's own doing (`activity` false: an event stream the page
/// reopens by itself) refreshes nothing, or a tab left open would never time out.
pub async fn enforce_session_lifetime(
    session: &Session,
    activity: bool,
) -> Result<(), tower_sessions::session::Error> {
    let Some(signed_in_at) = session.get::<i64>(SIGNED_IN_AT_KEY).await? else {
        return Ok(());
    };
    let now = Utc::now().timestamp();
    if now - signed_in_at > ABSOLUTE_TIMEOUT_HOURS * 3600 {
        session.flush().await?;
        return Ok(());
    }
    let seen_at = session
        .get::<i64>(SEEN_AT_KEY)
        .await?
        .unwrap_or(signed_in_at);
    if activity && now - seen_at >= 60 {
        session.insert(SEEN_AT_KEY, now).await?;
    }
    Ok(())
}

/// The state of the request, for functions that run outside `guard`.
pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

#[cfg(test)]
#[path = "request_user_tests.rs"]
mod request_user_tests;
