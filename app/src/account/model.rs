//! Wire types of the account page.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::model::Role;

/// One session of the user: where (the browser and system it was opened with) and when.
/// Its handle is a keyed hash of the session id: the page never carries a session id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub handle: String,
    /// "Chrome · Android"; empty when the browser did not say.
    pub device: String,
    pub signed_in_at: Option<DateTime<Utc>>,
    pub last_seen_at: Option<DateTime<Utc>>,
    /// The session this page was asked from.
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPage {
    pub email: String,
    pub display_name: String,
    pub organisation_name: String,
    pub roles: Vec<Role>,
    pub sessions: Vec<SessionView>,
    /// An administrator set her password: she must choose her own.
    pub must_change_password: bool,
}

/// The change-of-password form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    #[serde(default)]
    pub current: String,
    #[serde(default)]
    pub new: String,
    #[serde(default)]
    pub repeat: String,
}

/// How many minutes before the idle timeout the page warns.
pub const WARN_MINUTES_BEFORE_TIMEOUT: i64 = 2;

/// How long a password-reset link lasts.
pub const RESET_LINK_MINUTES: i64 = 30;
