//! Wire types of the notifications page.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::fields::code_enum;

code_enum! {
    /// What happened. Each kind has its sentence in the locale files.
    NotificationKind {
        Handover => "handover",
        ApprovalRequested => "approval_requested",
        VersionApproved => "version_approved",
        ForumReply => "forum_reply",
        ForumMention => "forum_mention",
        ForumCategoryThread => "forum_category_thread",
        ForumMaterialVersion => "forum_material_version",
        RestrictedRoleGiven => "restricted_role_given",
        PasswordSetByOther => "password_set_by_other",
        CaseAccountOpened => "case_account_opened",
        PossibleDuplicate => "possible_duplicate",
        PlannedExitOverdue => "planned_exit_overdue",
        HoldLapsing => "hold_lapsing",
        BedProposal => "bed_proposal",
        ComingOfAge => "coming_of_age",
    }
}

/// The newest notifications shown on the page; older ones stay in the table.
pub const SHOWN_NOTIFICATIONS: u64 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationRow {
    pub id: i32,
    pub kind: NotificationKind,
    /// A person's code (never a name), the title of a forum thread, or the name of a
    /// colleague whose account changed.
    pub subject: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsPage {
    pub items: Vec<NotificationRow>,
    pub unread: u64,
}

code_enum! {
    /// When a user wants an e-mail about her notifications.
    EmailMode {
        Immediate => "immediate",
        Daily => "daily",
        Off => "off",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailSettings {
    pub mode: EmailMode,
    /// This server has an SMTP server: without one nothing is ever e-mailed.
    pub email_enabled: bool,
    pub address: String,
    pub name: String,
}
