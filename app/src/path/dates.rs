//! The dated steps of the path "Il mio lavoro" lists, gathered from every part.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;

use super::model::PathDate;
use crate::auth::model::CurrentUser;
use crate::kernel::error::AppError;

/// The dated steps of the path of `people` (id → network code) that fall by `horizon`
/// or are overdue, soonest first, for "Il mio lavoro" of `user` (who may see some parts
/// of the path of these people and not others).
pub async fn due_dates<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    people: &HashMap<i32, String>,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    // Approvals are her organisation's, whoever's team she is on.
    let mut dates = super::spending::ssr::approvals_due(conn, user, horizon).await?;
    if !people.is_empty() {
        dates.extend(super::commission::ssr::due_dates(conn, people, horizon).await?);
        dates.extend(super::judicial::ssr::due_dates(conn, user, people, horizon).await?);
        dates.extend(super::minors::ssr::due_dates(conn, people, horizon).await?);
        dates.extend(super::transfers::ssr::due_dates(conn, people, horizon).await?);
        // Renewing a permit takes weeks: documents are told further ahead.
        let expiries = horizon.max(super::documents::ssr::expiry_horizon(
            crate::kernel::clock::today(),
        ));
        dates.extend(super::documents::ssr::due_dates(conn, user, people, expiries).await?);
    }
    dates.sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.code.cmp(&b.code)));
    Ok(dates)
}
