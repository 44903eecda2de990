//! Identities written before the people search existed get their search key at start-up,
//! and their de-duplication hash again: it was computed with a hand-written accent table
//! that folded fewer letters than `kernel::folding` does now, so that a twin registered
//! today would not have met her earlier record. Once per row (a filled key is not
//! touched again); replicas starting together write the same values.

use sea_orm::sea_query::Expr;

use super::*;

/// Fills what is missing; returns how many identities were updated.
pub async fn fill_search_keys(db: &DatabaseConnection, key: &IdentityKey) -> Result<u64, AppError> {
    let rows = person_identities::Entity::find()
        .filter(person_identities::Column::SearchKey.is_null())
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let txn = crate::kernel::db::begin_write(db).await?;
    let mut updated = 0;
    for row in rows {
        let person_id = row.person_id;
        let identity = identity_from(row);
        person_identities::Entity::update_many()
            .col_expr(
                person_identities::Column::SearchKey,
                Expr::value(search_key(&identity)),
            )
            .filter(person_identities::Column::PersonId.eq(person_id))
            .exec(&txn)
            .await?;
        people::Entity::update_many()
            .col_expr(
                people::Column::IdentityHash,
                Expr::value(identity_hash(key, &identity)),
            )
            .filter(people::Column::Id.eq(person_id))
            .exec(&txn)
            .await?;
        updated += 1;
    }
    txn.commit().await?;
    Ok(updated)
}
