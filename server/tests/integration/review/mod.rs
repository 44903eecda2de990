//! The weaknesses an outside review of the code found, each tested by the attack it
//! describes: every test here failed before its fix.

mod accounts;
mod audit_trail;
mod duplicates;
mod forum_guard;
mod sign_in;
mod team_access;

use app::entity::notifications;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;

pub const CASE_WORKER: &str = "operatrice@anello.test";
pub const RECEPTION: &str = "accoglienza@anello.test";
pub const TORINO_BODY: &str = "Cooperativa Progetto Tenda";

pub async fn notifications_of(app: &TestApp, user_id: i32, kind: &str) -> u64 {
    notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user_id))
        .filter(notifications::Column::Kind.eq(kind))
        .count(&app.db)
        .await
        .unwrap()
}

/// The fields of the coordinator's account form for an existing or new account.
pub fn account_form(
    id: Option<i32>,
    email: &str,
    organisation_id: i32,
    role: &str,
    password: &str,
) -> Vec<(String, String)> {
    vec![
        (
            "form[id]".into(),
            id.map(|id| id.to_string()).unwrap_or_default(),
        ),
        ("form[email]".into(), email.into()),
        ("form[display_name]".into(), "Nome Account".into()),
        ("form[organisation_id]".into(), organisation_id.to_string()),
        ("form[language]".into(), "it".into()),
        ("form[password]".into(), password.into()),
        (format!("form[role_{role}]"), "on".into()),
    ]
}

pub async fn save_account(
    app: &TestApp,
    cookie: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call_raw("admin/users/save", &pairs, Some(cookie)).await
}
