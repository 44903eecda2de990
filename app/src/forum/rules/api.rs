//! Server functions of the forum's rules page (administrators and coordinators).

use leptos::prelude::*;

use super::model::RulesPage;
use crate::kernel::error::AppError;

#[server(endpoint = "admin/forum")]
pub async fn fetch_forum_rules() -> Result<RulesPage, AppError> {
    use crate::auth::ssr::guard;
    guard("admin/forum", |ctx| async move {
        super::ssr::rules_page(&ctx).await
    })
    .await
}

/// `level`: read, post, moderate, or `none` to remove the audience's rule.
#[server(endpoint = "admin/forum/rule")]
pub async fn set_forum_rule(
    category: String,
    audience: String,
    level: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("admin/forum/rule", |ctx| async move {
        super::ssr::set_rule(&ctx, &category, &audience, &level).await
    })
    .await
}

/// `on`: "1" names the member moderator of the category, anything else takes it back.
#[server(endpoint = "admin/forum/moderator")]
pub async fn set_forum_moderator(
    category: String,
    user: String,
    on: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("admin/forum/moderator", |ctx| async move {
        let member = user
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::invalid("user", crate::kernel::error::Problem::Required))?;
        super::ssr::set_moderator(&ctx, &category, member, on == "1").await
    })
    .await
}
