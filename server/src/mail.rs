//! E-mail about notifications, sent only when an SMTP server is configured
//! (`ANELLO_SMTP_URL`). Every minute each replica claims what is due (see
//! `app::notifications::email`) and sends it; what cannot be sent is given back for the
//! next round. Also the one-click unsubscribe of RFC 8058: mail programs POST to
//! `/disiscrizione/{token}`; a person following the link lands on the page that asks.

use std::time::Duration;

use anyhow::Context;
use app::account::reset::{claim_due_resets, compose_reset, release_reset, DueReset};
use app::notifications::email::{claim_due, compose, release, unsubscribe, DueEmail};
use app::state::AppState;
use app::state::IdentityKey;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use http::{HeaderMap, StatusCode};
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox, MessageBuilder};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::DatabaseConnection;

/// How often due e-mails are looked for.
const ROUND: Duration = Duration::from_secs(60);
const RESET_ROUND: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
    /// Password-reset links are derived from it (`app::account::reset`).
    identity_key: IdentityKey,
}

impl Mailer {
    /// `smtp_url`: `smtp://host:25`, `smtp://user:password@host:587?tls=required`,
    /// `smtps://user:password@host` (lettre's URL form).
    pub fn new(
        smtp_url: &str,
        from: &str,
        public_url: &str,
        identity_key: IdentityKey,
    ) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .context("ANELLO_SMTP_URL is not a valid SMTP address")?
            .build();
        let from: Mailbox = from
            .parse()
            .context("ANELLO_MAIL_FROM is not a valid sender (Name <address>)")?;
        Ok(Mailer {
            transport,
            from,
            public_url: public_url.trim_end_matches('/').to_string(),
            identity_key,
        })
    }

    fn reset_message(&self, due: &DueReset) -> anyhow::Result<Message> {
        let (subject, text) = compose_reset(due, &self.public_url);
        let to = Mailbox::new(Some(due.name.clone()), due.address.parse()?);
        Ok(self.plain_text(to, subject).body(body_of(text))?)
    }

    /// A plain-text message from Anello, before its body.
    fn plain_text(&self, to: Mailbox, subject: String) -> MessageBuilder {
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
    }

    /// Sends one message that could be written; the error otherwise.
    async fn send(&self, message: anyhow::Result<Message>) -> anyhow::Result<()> {
        self.transport.send(message?).await?;
        Ok(())
    }

    /// Sends the password-reset links waiting; failures go back for the next round.
    async fn deliver_resets(
        &self,
        db: &DatabaseConnection,
        now: DateTime<Utc>,
    ) -> anyhow::Result<usize> {
        let mut sent = 0;
        for due in claim_due_resets(db, &self.identity_key, now).await? {
            match self.send(self.reset_message(&due)).await {
                Ok(_) => sent += 1,
                Err(error) => {
                    tracing::warn!(user = due.user_id, %error, "password-reset e-mail not sent; retried next round");
                    release_reset(db, due.id).await?;
                }
            }
        }
        Ok(sent)
    }

    fn message(&self, email: &DueEmail) -> anyhow::Result<Message> {
        let (subject, text) = compose(email, &self.public_url);
        let to = Mailbox::new(Some(email.name.clone()), email.address.parse()?);
        let one_click = format!(
            "<{}/disiscrizione/{}>",
            self.public_url, email.unsubscribe_token
        );
        Ok(self
            .plain_text(to, subject)
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                one_click,
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_string(),
            ))
            .body(body_of(text))?)
    }

    /// Sends what is due at `now` (password-reset links, then notifications); answers
    /// how many e-mails left. Failures are logged by user id only (never an address or a
    /// text) and retried next round.
    pub async fn deliver(
        &self,
        db: &DatabaseConnection,
        now: DateTime<Utc>,
    ) -> anyhow::Result<usize> {
        let mut sent = self.deliver_resets(db, now).await?;
        for email in claim_due(db, now).await? {
            match self.send(self.message(&email)).await {
                Ok(_) => sent += 1,
                Err(error) => {
                    tracing::warn!(user = email.user_id, %error, "notification e-mail not sent; retried next round");
                    release(db, &email).await?;
                }
            }
        }
        Ok(sent)
    }

    /// Delivers every minute, for as long as the server runs; password-reset links,
    /// which someone waits for in front of her mailbox, every ten seconds.
    pub fn spawn(self, db: DatabaseConnection) {
        let mailer = std::sync::Arc::new(self);
        let (resets, reset_db) = (mailer.clone(), db.clone());
        tokio::spawn(async move {
            let mut rounds = tokio::time::interval(RESET_ROUND);
            loop {
                rounds.tick().await;
                if let Err(error) = resets.deliver_resets(&reset_db, Utc::now()).await {
                    tracing::warn!(%error, "password-reset e-mail round failed");
                }
            }
        });
        tokio::spawn(async move {
            let mut rounds = tokio::time::interval(ROUND);
            loop {
                rounds.tick().await;
                if let Err(error) = mailer.deliver(&db, Utc::now()).await {
                    tracing::warn!(%error, "notification e-mail round failed");
                }
            }
        });
    }
}

/// A text as an e-mail body: 8-bit when its lines allow, else as lettre chooses.
fn body_of(text: String) -> Body {
    Body::new_with_encoding(text.clone(), ContentTransferEncoding::EightBit)
        .unwrap_or_else(|_| Body::new(text))
}

/// The one-click unsubscribe address of the e-mails.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/disiscrizione/{token}",
        get(open_unsubscribe).post(one_click_unsubscribe),
    )
}

/// A person who follows the link gets the page that asks (a link scanner that fetches
/// it unsubscribes nobody).
async fn open_unsubscribe(Path(token): Path<String>) -> Redirect {
    let token: String = token
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(64)
        .collect();
    Redirect::to(&format!("/notifiche/disiscrizione/{token}"))
}

/// The mail program's POST (`List-Unsubscribe=One-Click`): done at once.
async fn one_click_unsubscribe(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok());
    match unsubscribe(&state.db, request_id, &token).await {
        Ok(true) => (
            StatusCode::OK,
            app::i18n::translate(language, "unsubscribe-done"),
        )
            .into_response(),
        Ok(false) => (
            StatusCode::NOT_FOUND,
            app::i18n::translate(language, "unsubscribe-unknown"),
        )
            .into_response(),
        Err(error) => crate::security::error_text(&error, language),
    }
}
