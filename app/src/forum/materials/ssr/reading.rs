//! Reading the library: the list, a material and its versions, as the reader may.

use super::*;
use crate::forum::lookups::{category_names, readable_categories};

// ---------------------------------------------------------------------------------------
// Reading

/// The library: the published materials of every category she reads, or of one.
pub async fn library(ctx: &Ctx, category: &str) -> Result<LibraryPage, AppError> {
    let user = ctx.user()?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let readable = readable_categories(&ctx.db, &permissions).await?;
    let chosen = match category.trim() {
        "" => None,
        code => {
            let category = category_by_code(&ctx.db, code).await?;
            require(&ctx.db, ctx, &permissions, category.id, AccessLevel::Read).await?;
            Some(category)
        }
    };
    let shown: Vec<i32> = match &chosen {
        Some(category) => vec![category.id],
        None => readable.iter().map(|category| category.id).collect(),
    };
    let found = materials::Entity::find()
        .filter(materials::Column::CategoryId.is_in(shown))
        .filter(materials::Column::CurrentVersionId.is_not_null())
        .order_by_desc(materials::Column::PublishedAt)
        .order_by_desc(materials::Column::Id)
        .all(&ctx.db)
        .await?;
    let summaries = summaries(&ctx.db, found, &readable).await?;
    let watching_category = match &chosen {
        Some(category) => watches_category(&ctx.db, user.id, category.id).await?,
        None => false,
    };
    Ok(LibraryPage {
        category: chosen.map(|category| category.code),
        publishable: readable
            .iter()
            .filter(|category| is_moderator(&permissions, category.id))
            .map(|category| (category.code.clone(), category_name(category)))
            .collect(),
        categories: readable
            .iter()
            .map(|category| (category.code.clone(), category_name(category)))
            .collect(),
        materials: summaries,
        watching_category,
    })
}

/// One line of the library for each material (all of them published).
pub(super) async fn summaries<C: ConnectionTrait>(
    conn: &C,
    found: Vec<materials::Model>,
    readable: &[categories::Model],
) -> Result<Vec<MaterialSummary>, AppError> {
    let current_ids: Vec<i32> = found
        .iter()
        .filter_map(|material| material.current_version_id)
        .collect();
    let current: HashMap<i32, versions::Model> = versions::Entity::find()
        .filter(versions::Column::Id.is_in(current_ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|version| (version.id, version))
        .collect();
    let files = files_of(conn, current_ids).await?;
    let people = authors(conn, current.values().filter_map(|v| v.author_id)).await?;
    let mut tags = tags_of(conn, found.iter().map(|material| material.id).collect()).await?;
    let names = category_names(readable);
    Ok(found
        .into_iter()
        .filter_map(|material| {
            let version = current.get(&material.current_version_id?)?;
            Some(MaterialSummary {
                id: material.id,
                title: material.title,
                category_name: names
                    .get(&material.category_id)
                    .cloned()
                    .unwrap_or_default(),
                number: version.number.unwrap_or(1),
                published_at: version.published_at.unwrap_or(version.created_at),
                author: version.author_id.map(|id| author_or_unknown(&people, id)),
                attachments: files.get(&version.id).map_or(0, Vec::len),
                checklist: material.checklist,
                tags: tags.remove(&material.id).unwrap_or_default(),
            })
        })
        .collect())
}

/// A material for a reader of its category (a refusal is audited), with her permissions.
pub(super) async fn readable_material(
    ctx: &Ctx,
    user: &CurrentUser,
    id: i32,
) -> Result<(materials::Model, Permissions), AppError> {
    let material = find_material(&ctx.db, id).await?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    require(
        &ctx.db,
        ctx,
        &permissions,
        material.category_id,
        AccessLevel::Read,
    )
    .await?;
    Ok((material, permissions))
}

/// A material with every published version, newest first.
pub async fn material_page(ctx: &Ctx, id: i32) -> Result<MaterialPage, AppError> {
    let user = ctx.user()?;
    let (material, permissions) = readable_material(ctx, user, id).await?;
    if material.current_version_id.is_none() {
        // Its first version is still a draft: only its author knows it, on the draft page.
        return Err(AppError::NotFound);
    }
    let category = category_by_id(&ctx.db, material.category_id).await?;
    let published = versions::Entity::find()
        .filter(versions::Column::MaterialId.eq(material.id))
        .filter(versions::Column::State.eq(VersionState::Published.code()))
        .order_by_desc(versions::Column::Number)
        .all(&ctx.db)
        .await?;
    let mut files = files_of(&ctx.db, published.iter().map(|v| v.id).collect()).await?;
    let people = authors(&ctx.db, published.iter().filter_map(|v| v.author_id)).await?;
    let watching = material_watches::Entity::find()
        .filter(material_watches::Column::UserId.eq(user.id))
        .filter(material_watches::Column::MaterialId.eq(material.id))
        .count(&ctx.db)
        .await?
        > 0;
    let draft_id = versions::Entity::find()
        .select_only()
        .column(versions::Column::Id)
        .filter(versions::Column::MaterialId.eq(material.id))
        .filter(versions::Column::AuthorId.eq(user.id))
        .filter(versions::Column::State.eq(VersionState::Draft.code()))
        .into_tuple()
        .one(&ctx.db)
        .await?;
    let tags = tags_of(&ctx.db, vec![material.id]).await?;
    Ok(MaterialPage {
        id: material.id,
        title: material.title,
        category_code: category.code.clone(),
        category_name: category_name(&category),
        checklist: material.checklist,
        tags: tags.get(&material.id).cloned().unwrap_or_default(),
        watching,
        may_publish: is_moderator(&permissions, material.category_id) && !material.checklist,
        draft_id,
        versions: published
            .into_iter()
            .map(|version| VersionView {
                id: version.id,
                number: version.number.unwrap_or(1),
                changes: version.changes,
                author: version.author_id.map(|id| author_or_unknown(&people, id)),
                published_at: version.published_at.unwrap_or(version.created_at),
                html: version.body_html,
                attachments: files.remove(&version.id).unwrap_or_default(),
            })
            .collect(),
    })
}

/// The published materials `user` may read, by title: what the organisers of a training
/// event choose from, and what its page links to (each reader sees only hers).
pub async fn readable_titles<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> Result<Vec<(i32, String)>, AppError> {
    let permissions = Permissions::load(conn, user).await?;
    Ok(materials::Entity::find()
        .filter(materials::Column::CategoryId.is_in(permissions.readable()))
        .filter(materials::Column::CurrentVersionId.is_not_null())
        .order_by_asc(materials::Column::Title)
        .all(conn)
        .await?
        .into_iter()
        .map(|material| (material.id, material.title))
        .collect())
}
