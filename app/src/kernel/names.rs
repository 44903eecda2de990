//! The directory of names the pages show beside ids: organisations and users, read in
//! one place. Ids are read in chunks, so that a long list (an audit page, a report over
//! a whole network) never passes a database's limit of bound parameters (SQLite allows
//! 32 766 in one statement, PostgreSQL 65 535).

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::{organisations, users};
use crate::kernel::error::AppError;

/// Ids read in one statement.
const CHUNK: usize = 500;

/// Distinct ids, in chunks of at most `CHUNK`.
pub fn distinct_chunks(ids: impl IntoIterator<Item = i32>) -> Vec<Vec<i32>> {
    let ids: Vec<i32> = ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    ids.chunks(CHUNK).map(<[i32]>::to_vec).collect()
}

/// Names of organisations by id, for lists that show who did what.
pub async fn organisation_names<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let mut names = HashMap::new();
    for chunk in distinct_chunks(ids) {
        let found = organisations::Entity::find()
            .filter(organisations::Column::Id.is_in(chunk))
            .all(conn)
            .await?;
        names.extend(found.into_iter().map(|o| (o.id, o.name)));
    }
    Ok(names)
}

/// The name of one organisation (empty for an id that names none).
pub async fn organisation_name<C: ConnectionTrait>(conn: &C, id: i32) -> Result<String, AppError> {
    Ok(organisation_names(conn, [id])
        .await?
        .remove(&id)
        .unwrap_or_default())
}

/// Display names of users by id.
pub async fn user_names<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let mut names = HashMap::new();
    for chunk in distinct_chunks(ids) {
        let found = users::Entity::find()
            .filter(users::Column::Id.is_in(chunk))
            .all(conn)
            .await?;
        names.extend(found.into_iter().map(|u| (u.id, u.display_name)));
    }
    Ok(names)
}

/// The organisations of some kinds (codes of `auth::model::OrganisationKind`), by name,
/// for the choices of a form or a filter.
pub async fn organisations_of_kinds<C: ConnectionTrait>(
    conn: &C,
    kinds: &[&str],
    active_only: bool,
) -> Result<Vec<(i32, String)>, AppError> {
    let mut query = organisations::Entity::find()
        .filter(organisations::Column::Kind.is_in(kinds.iter().copied()))
        .order_by_asc(organisations::Column::Name);
    if active_only {
        query = query.filter(organisations::Column::Active.eq(true));
    }
    Ok(query
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_once_each_in_chunks() {
        let chunks = distinct_chunks((1..=1200).chain(1..=10));
        assert_eq!(
            chunks.iter().map(Vec::len).collect::<Vec<_>>(),
            [500, 500, 200]
        );
        assert_eq!(chunks[0][0], 1);
        assert_eq!(chunks[2][199], 1200);
    }
}

#[cfg(test)]
mod on_databases {
    use super::*;
    use crate::testing::databases;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn more_ids_than_one_statement_takes_are_read_in_chunks() {
        for test in databases().await {
            let known = crate::entity::organisations::Entity::find()
                .all(&test.db)
                .await
                .unwrap();
            // 40 000 ids: past SQLite's 32 766 bound parameters in one statement.
            let ids = (1..=40_000).chain(known.iter().map(|o| o.id));
            let names = organisation_names(&test.db, ids).await.unwrap();
            assert_eq!(names.len(), known.len(), "{}", test.backend);
            for organisation in &known {
                assert_eq!(names[&organisation.id], organisation.name);
            }
            test.finish().await;
        }
    }
}
