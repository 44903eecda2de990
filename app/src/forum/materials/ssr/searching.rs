//! Searching the library.

use super::*;
use crate::forum::lookups::category_names;

// ---------------------------------------------------------------------------------------
// Search

/// The materials matching a search, as the search page lists them.
pub async fn search_hits(
    db: &DatabaseConnection,
    query: &str,
    filters: &Filters,
    readable: &[categories::Model],
) -> Result<Vec<MaterialHit>, AppError> {
    let ids = matching_materials(db, query, filters, SEARCH_MATERIALS).await?;
    let found: HashMap<i32, materials::Model> = materials::Entity::find()
        .filter(materials::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|material| (material.id, material))
        .collect();
    let current: HashMap<i32, versions::Model> = versions::Entity::find()
        .filter(
            versions::Column::Id.is_in(
                found
                    .values()
                    .filter_map(|material| material.current_version_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|version| (version.id, version))
        .collect();
    let mut files = files_of(db, current.keys().copied().collect()).await?;
    let people = authors(db, current.values().filter_map(|v| v.author_id)).await?;
    let names = category_names(readable);
    Ok(ids
        .iter()
        .filter_map(|id| {
            let material = found.get(id)?;
            let version = current.get(&material.current_version_id?)?;
            let version_files = files.remove(&version.id).unwrap_or_default();
            let text = searched_text(&material.title, version, &version_files);
            Some(MaterialHit {
                material_id: material.id,
                title: material.title.clone(),
                category_name: names
                    .get(&material.category_id)
                    .cloned()
                    .unwrap_or_default(),
                author: version.author_id.map(|id| author_or_unknown(&people, id)),
                number: version.number.unwrap_or(1),
                published_at: version.published_at.unwrap_or(version.created_at),
                attachments: version_files.len(),
                snippet: snippet(&text, query, 30),
            })
        })
        .collect())
}

/// Materials shown for one search (the posts have their own limit).
pub(super) const SEARCH_MATERIALS: u64 = 20;
