//! The forum's shared lookups: categories by code or id with their names, and authors
//! with their handles and organisations. The forum's threads and the trainers' library
//! both use them.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::access::Permissions;
use super::model::{handle_of, Author};
use crate::entity::{forum_categories as categories, users};
use crate::kernel::bilingual::Bilingual;
use crate::kernel::error::AppError;

pub(crate) fn category_name(category: &categories::Model) -> Bilingual {
    Bilingual::new(&category.name_it, &category.name_en)
}

/// Each category's name by its id, for pages that list things of many categories.
pub(crate) fn category_names(listed: &[categories::Model]) -> HashMap<i32, Bilingual> {
    listed
        .iter()
        .map(|category| (category.id, category_name(category)))
        .collect()
}

/// The categories she may read, in their order.
pub(crate) async fn readable_categories<C: ConnectionTrait>(
    conn: &C,
    permissions: &Permissions,
) -> Result<Vec<categories::Model>, AppError> {
    Ok(categories::Entity::find()
        .filter(categories::Column::Id.is_in(permissions.readable()))
        .order_by_asc(categories::Column::Position)
        .all(conn)
        .await?)
}

pub(crate) async fn authors<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Author>, AppError> {
    let mut found = Vec::new();
    for chunk in crate::kernel::names::distinct_chunks(ids) {
        found.extend(
            users::Entity::find()
                .filter(users::Column::Id.is_in(chunk))
                .all(conn)
                .await?,
        );
    }
    let organisation_names = crate::kernel::names::organisation_names(
        conn,
        found.iter().map(|user| user.organisation_id),
    )
    .await?;
    Ok(found
        .into_iter()
        .map(|user| {
            let author = Author {
                handle: handle_of(&user.display_name),
                organisation: organisation_names
                    .get(&user.organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                name: user.display_name,
            };
            (user.id, author)
        })
        .collect())
}

pub(crate) fn author_or_unknown(authors: &HashMap<i32, Author>, id: i32) -> Author {
    authors.get(&id).cloned().unwrap_or(Author {
        name: "—".to_string(),
        handle: String::new(),
        organisation: String::new(),
    })
}

pub(crate) async fn category_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<categories::Model, AppError> {
    categories::Entity::find()
        .filter(categories::Column::Code.eq(code.trim()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

pub(crate) async fn category_by_id<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<categories::Model, AppError> {
    categories::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}
