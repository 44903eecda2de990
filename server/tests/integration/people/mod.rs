//! The registry of people: who sees an identity, who sees only the code, who is refused;
//! audit rows for every view and change; consent before sharing; de-duplication hints.

mod export;
mod identity;
mod minors;
mod registrations;
mod search;
mod sharing;
mod waiting_list;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::audit_log;

/// A string that must never reach an unentitled user, in any answer.
pub(super) const MARKER: &str = "Zqxmarker";

pub(super) const TORINO_CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const CUNEO_CASE_WORKER: &str = "operatrice.cuneo@anello.test";
pub(super) const COORDINATOR: &str = "coordinatrice@anello.test";

pub(super) fn registration(
    family_name: &str,
    given: &str,
    birth: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("form[given_names]", given.to_string()),
        ("form[family_name]", family_name.to_string()),
        ("form[aliases]", format!("{MARKER} alias")),
        ("form[date_of_birth]", birth.to_string()),
        ("form[gender]", "female".into()),
        ("form[nationality]", "NG".into()),
        ("form[languages]", "inglese, edo".into()),
        ("form[documents]", format!("passaporto {MARKER}123")),
        ("form[phone]", "+39 333 000 1111".into()),
        ("form[province]", "TO".into()),
        ("form[consent_processing]", "on".into()),
        ("form[exploitation][sexual_street]", "on".into()),
    ]
}

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub(super) async fn register(
    app: &TestApp,
    cookie: &str,
    form: &[(&'static str, String)],
) -> String {
    let response = app
        .call_raw("people/register", &pairs(form), Some(cookie))
        .await;
    let status = response.status();
    let body = response.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str::<String>(&body).expect("the new code")
}

/// Successful audit rows of `action` on the person `code`.
pub(super) async fn count_audit(app: &TestApp, action: &str, code: &str) -> u64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::Outcome.eq("success"))
        .filter(audit_log::Column::ObjectId.eq(code))
        .count(&app.db)
        .await
        .unwrap()
}
