//! The rules that refused a placement or were set aside, one row each: the dashboards
//! count them per rule (`reports::dashboard`), beside the waiting time for a bed.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use super::{Breach, Request};
use crate::entity::placement_rule_checks;
use crate::kernel::clock::today;
use crate::kernel::error::AppError;

/// Keeps one row per rule for the person dragged (her family moves with her and is not
/// counted again), in the structure chosen, today; answers the rows' ids.
pub(super) async fn keep<C: ConnectionTrait>(
    conn: &C,
    request: &Request<'_>,
    rules: &[Breach],
    set_aside: bool,
) -> Result<Vec<i32>, AppError> {
    let mut ids = Vec::with_capacity(rules.len());
    for rule in rules {
        let kept = placement_rule_checks::ActiveModel {
            person_id: Set(request.person.id),
            structure_id: Set(request.structure.id),
            rule: Set(rule.code().to_string()),
            set_aside: Set(set_aside),
            checked_on: Set(today()),
            checked_by: Set(request.user.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        ids.push(kept.id);
    }
    Ok(ids)
}
