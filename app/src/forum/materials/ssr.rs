//! The materials library on the server. Reading a material needs the right to read its
//! category; publishing one needs the right to moderate it (the trainers in their
//! categories, the coordinator everywhere, the moderators named for a category). Every
//! check reads the rules of the moment, so a changed rule applies at once, to the pages
//! and to the files alike.
//!
//! A version starts as a draft only its author sees: she writes what changed, attaches
//! files, reads what the personal-data guard points out, and publishes. Publishing gives
//! the version its number, makes it the material's current one, indexes it for search
//! and tells those who follow the material or its category.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use super::files::check_upload;
use super::model::*;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::db::{begin_write, settle};
use crate::entity::{
    forum_attachment_contents as contents, forum_categories as categories,
    forum_category_watches as category_watches, forum_material_attachments as attachments,
    forum_material_tags as material_tags, forum_material_versions as versions,
    forum_material_watches as material_watches, forum_materials as materials, indicator_checklists,
    indicators,
};
use crate::error::{AppError, Conflict, Problem};
use crate::forum::markdown::render;
use crate::forum::model::{AccessLevel, Bilingual, Finding, MaterialHit};
use crate::forum::search::{index_text, matching_materials, snippet, Filters, SearchIndex};
use crate::forum::ssr::{
    author_or_unknown, authors, category_by_code, category_by_id, category_name, findings,
    readers_among, refuse, require, Permissions,
};
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::notify;
use crate::people::screening::model::{ChecklistStatus, IndicatorGroup};

async fn find_material<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<materials::Model, AppError> {
    materials::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

fn attachment_view(row: &attachments::Model) -> AttachmentView {
    AttachmentView {
        id: row.id,
        file_name: row.file_name.clone(),
        // Only kinds the library takes are ever stored.
        kind: FileKind::from_content_type(&row.content_type).unwrap_or(FileKind::Pdf),
        size_bytes: row.size_bytes,
    }
}

/// The files of each of these versions, in the order they were attached.
async fn files_of<C: ConnectionTrait>(
    conn: &C,
    version_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<AttachmentView>>, AppError> {
    let mut files: HashMap<i32, Vec<AttachmentView>> = HashMap::new();
    for row in attachments::Entity::find()
        .filter(attachments::Column::VersionId.is_in(version_ids))
        .order_by_asc(attachments::Column::Id)
        .all(conn)
        .await?
    {
        files
            .entry(row.version_id)
            .or_default()
            .push(attachment_view(&row));
    }
    Ok(files)
}

async fn files_of_version<C: ConnectionTrait>(
    conn: &C,
    version_id: i32,
) -> Result<Vec<AttachmentView>, AppError> {
    Ok(files_of(conn, vec![version_id])
        .await?
        .remove(&version_id)
        .unwrap_or_default())
}

async fn tags_of<C: ConnectionTrait>(
    conn: &C,
    material_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let mut tags: HashMap<i32, Vec<String>> = HashMap::new();
    for row in material_tags::Entity::find()
        .filter(material_tags::Column::MaterialId.is_in(material_ids))
        .order_by_asc(material_tags::Column::Tag)
        .all(conn)
        .await?
    {
        tags.entry(row.material_id).or_default().push(row.tag);
    }
    Ok(tags)
}

fn is_moderator(permissions: &Permissions, category: i32) -> bool {
    permissions.level(category) == Some(AccessLevel::Moderate)
}

// ---------------------------------------------------------------------------------------
// Reading

/// The library: the published materials of every category she reads, or of one.
pub async fn library(ctx: &Ctx, category: &str) -> Result<LibraryPage, AppError> {
    let user = ctx.user()?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let readable = categories::Entity::find()
        .filter(categories::Column::Id.is_in(permissions.readable()))
        .order_by_asc(categories::Column::Position)
        .all(&ctx.db)
        .await?;
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
        Some(category) => {
            category_watches::Entity::find()
                .filter(category_watches::Column::UserId.eq(user.id))
                .filter(category_watches::Column::CategoryId.eq(category.id))
                .count(&ctx.db)
                .await?
                > 0
        }
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
async fn summaries<C: ConnectionTrait>(
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
    let names: HashMap<i32, Bilingual> = readable
        .iter()
        .map(|category| (category.id, category_name(category)))
        .collect();
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

/// A material with every published version, newest first.
pub async fn material_page(ctx: &Ctx, id: i32) -> Result<MaterialPage, AppError> {
    let user = ctx.user()?;
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

// ---------------------------------------------------------------------------------------
// Writing

fn new_draft(material_id: i32, author_id: i32, body: &str) -> versions::ActiveModel {
    versions::ActiveModel {
        material_id: Set(material_id),
        number: Set(None),
        state: Set(VersionState::Draft.code().to_string()),
        body: Set(body.to_string()),
        body_html: Set(render(body)),
        changes: Set(String::new()),
        author_id: Set(Some(author_id)),
        created_at: Set(Utc::now()),
        published_at: Set(None),
        checklist_version: Set(None),
        ..Default::default()
    }
}

/// A new material and the draft of its first version. Returns the draft page.
pub async fn create_material(ctx: &Ctx, form: ValidMaterial) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let category = category_by_code(&txn, &form.category).await?;
        let permissions = Permissions::load(&txn, user).await?;
        require(&txn, ctx, &permissions, category.id, AccessLevel::Moderate).await?;
        let material = materials::ActiveModel {
            category_id: Set(category.id),
            title: Set(form.title.clone()),
            checklist: Set(false),
            created_by: Set(Some(user.id)),
            created_at: Set(Utc::now()),
            current_version_id: Set(None),
            published_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for tag in &form.tags {
            material_tags::ActiveModel {
                material_id: Set(material.id),
                tag: Set(tag.clone()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let draft = new_draft(material.id, user.id, &form.body)
            .insert(&txn)
            .await?;
        Ok(draft_path(draft.id))
    }
    .await;
    settle(txn, result).await
}

/// Starts her next version of a material, as a copy of the current one with its files;
/// if she already has one under way, that one. Returns the draft page.
pub async fn start_version(ctx: &Ctx, material_id: i32) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let material = find_material(&txn, material_id).await?;
        let permissions = Permissions::load(&txn, user).await?;
        require(
            &txn,
            ctx,
            &permissions,
            material.category_id,
            AccessLevel::Moderate,
        )
        .await?;
        if material.checklist {
            return Err(AppError::conflict(Conflict::ChecklistMaterial));
        }
        let Some(current_id) = material.current_version_id else {
            return Err(AppError::NotFound);
        };
        if let Some(draft) = versions::Entity::find()
            .filter(versions::Column::MaterialId.eq(material.id))
            .filter(versions::Column::AuthorId.eq(user.id))
            .filter(versions::Column::State.eq(VersionState::Draft.code()))
            .one(&txn)
            .await?
        {
            return Ok(draft_path(draft.id));
        }
        let current = versions::Entity::find_by_id(current_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let draft = new_draft(material.id, user.id, &current.body)
            .insert(&txn)
            .await?;
        let now = Utc::now();
        for kept in attachments::Entity::find()
            .filter(attachments::Column::VersionId.eq(current.id))
            .order_by_asc(attachments::Column::Id)
            .all(&txn)
            .await?
        {
            attachments::ActiveModel {
                version_id: Set(draft.id),
                content_id: Set(kept.content_id),
                file_name: Set(kept.file_name),
                content_type: Set(kept.content_type),
                size_bytes: Set(kept.size_bytes),
                added_by: Set(kept.added_by),
                added_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        Ok(draft_path(draft.id))
    }
    .await;
    settle(txn, result).await
}

/// Her draft and its material, or 404 for anybody else's (a draft is nobody else's
/// business); and only while she may still publish in the category.
async fn own_draft<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    user: &CurrentUser,
    version_id: i32,
) -> Result<(versions::Model, materials::Model), AppError> {
    let version = versions::Entity::find_by_id(version_id)
        .one(conn)
        .await?
        .filter(|version| {
            version.state == VersionState::Draft.code() && version.author_id == Some(user.id)
        })
        .ok_or(AppError::NotFound)?;
    let material = find_material(conn, version.material_id).await?;
    let permissions = Permissions::load(conn, user).await?;
    require(
        conn,
        ctx,
        &permissions,
        material.category_id,
        AccessLevel::Moderate,
    )
    .await?;
    Ok((version, material))
}

/// What the guard reads in a version: the title, the text, the note of changes and the
/// names of the files.
fn guarded_text(
    material: &materials::Model,
    body: &str,
    changes: &str,
    files: &[AttachmentView],
) -> String {
    let mut text = format!("{}\n{body}\n{changes}", material.title);
    for file in files {
        text.push('\n');
        text.push_str(&file.file_name);
    }
    text
}

pub async fn draft_page(ctx: &Ctx, version_id: i32) -> Result<VersionDraftPage, AppError> {
    let user = ctx.user()?;
    let (version, material) = own_draft(&ctx.db, ctx, user, version_id).await?;
    let category = category_by_id(&ctx.db, material.category_id).await?;
    let files = files_of_version(&ctx.db, version.id).await?;
    let findings: Vec<Finding> = findings(
        &ctx.db,
        user,
        &guarded_text(&material, &version.body, &version.changes, &files),
    )
    .await?;
    Ok(VersionDraftPage {
        id: version.id,
        material_id: material.id,
        material_title: material.title,
        category_name: category_name(&category),
        first: material.current_version_id.is_none(),
        body: version.body,
        changes: version.changes,
        attachments: files,
        findings,
    })
}

/// Saves the text of her draft; it stays a draft. Returns the draft page.
pub async fn save_draft(
    ctx: &Ctx,
    version_id: i32,
    body: &str,
    changes: &str,
) -> Result<String, AppError> {
    let (body, changes) = version_text(body, changes)?;
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let (version, _) = own_draft(&txn, ctx, user, version_id).await?;
        write_text(&txn, &version, &body, &changes).await?;
        Ok(draft_path(version.id))
    }
    .await;
    settle(txn, result).await
}

async fn write_text<C: ConnectionTrait>(
    conn: &C,
    version: &versions::Model,
    body: &str,
    changes: &str,
) -> Result<(), AppError> {
    versions::ActiveModel {
        id: Set(version.id),
        body: Set(body.to_string()),
        body_html: Set(render(body)),
        changes: Set(changes.to_string()),
        ..Default::default()
    }
    .update(conn)
    .await?;
    Ok(())
}

/// Publishes her draft with this text. A version after the first must say what changed.
/// If the guard finds something and she has not confirmed, the text is saved and she is
/// sent back to the draft page, where the passages are listed.
pub async fn publish_draft(
    ctx: &Ctx,
    version_id: i32,
    body: &str,
    changes: &str,
    confirmed: bool,
) -> Result<String, AppError> {
    let (body, changes) = version_text(body, changes)?;
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let (version, material) = own_draft(&txn, ctx, user, version_id).await?;
        if material.current_version_id.is_some() && changes.is_empty() {
            return Err(AppError::invalid("changes", Problem::Required));
        }
        write_text(&txn, &version, &body, &changes).await?;
        let files = files_of_version(&txn, version.id).await?;
        let found = findings(
            &txn,
            user,
            &guarded_text(&material, &body, &changes, &files),
        )
        .await?;
        if !found.is_empty() && !confirmed {
            return Ok(draft_path(version.id));
        }
        publish_version(
            &txn,
            ctx.request_id(),
            Some(user),
            &material,
            version.id,
            Utc::now(),
        )
        .await?;
        Ok(material_path(material.id))
    }
    .await;
    settle(txn, result).await
}

/// Gives a version its number and makes it the material's current one; indexes the
/// material; its author follows it; its followers and those of its category are told.
async fn publish_version<C: ConnectionTrait>(
    conn: &C,
    request_id: Option<&str>,
    author: Option<&CurrentUser>,
    material: &materials::Model,
    version_id: i32,
    now: chrono::DateTime<Utc>,
) -> Result<i32, AppError> {
    let last: Option<Option<i32>> = versions::Entity::find()
        .select_only()
        .column_as(versions::Column::Number.max(), "number")
        .filter(versions::Column::MaterialId.eq(material.id))
        .into_tuple()
        .one(conn)
        .await?;
    let number = last.flatten().unwrap_or(0) + 1;
    versions::ActiveModel {
        id: Set(version_id),
        number: Set(Some(number)),
        state: Set(VersionState::Published.code().to_string()),
        published_at: Set(Some(now)),
        ..Default::default()
    }
    .update(conn)
    .await?;
    materials::ActiveModel {
        id: Set(material.id),
        current_version_id: Set(Some(version_id)),
        published_at: Set(Some(now)),
        ..Default::default()
    }
    .update(conn)
    .await?;
    index_material(conn, material.id).await?;
    record(
        conn,
        request_id,
        AuditEvent::new(author, "forum.material.publish", "forum_material")
            .object(material.id)
            .detail(format!("version {number}")),
    )
    .await?;

    let author_id = author.map(|user| user.id);
    if let Some(author_id) = author_id {
        watch_material(conn, author_id, material.id).await?;
    }
    let mut followers: Vec<i32> = material_watches::Entity::find()
        .select_only()
        .column(material_watches::Column::UserId)
        .filter(material_watches::Column::MaterialId.eq(material.id))
        .into_tuple()
        .all(conn)
        .await?;
    let of_category: Vec<i32> = category_watches::Entity::find()
        .select_only()
        .column(category_watches::Column::UserId)
        .filter(category_watches::Column::CategoryId.eq(material.category_id))
        .into_tuple()
        .all(conn)
        .await?;
    followers.extend(of_category);
    followers.retain(|id| Some(*id) != author_id);
    let subject = format!("{} (v{number})", material.title);
    let link = material_path(material.id);
    for user_id in readers_among(conn, followers, material.category_id).await? {
        notify(
            conn,
            user_id,
            NotificationKind::ForumMaterialVersion,
            &subject,
            &link,
        )
        .await?;
    }
    Ok(number)
}

/// Rewrites the search row of a material from its current version.
async fn index_material<C: ConnectionTrait>(conn: &C, material_id: i32) -> Result<(), AppError> {
    let material = find_material(conn, material_id).await?;
    let Some(current) = material.current_version_id else {
        return Ok(());
    };
    let Some(version) = versions::Entity::find_by_id(current).one(conn).await? else {
        return Ok(());
    };
    let files = files_of_version(conn, version.id).await?;
    let text = searched_text(&material.title, &version, &files);
    index_text(conn, SearchIndex::Materials, material.id, &text).await
}

/// What search reads of a version (and the snippet is cut from).
fn searched_text(title: &str, version: &versions::Model, files: &[AttachmentView]) -> String {
    let mut text = format!("{title}\n{}\n{}", version.changes, version.body);
    for file in files {
        text.push('\n');
        text.push_str(&file.file_name);
    }
    text
}

async fn watch_material<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    material_id: i32,
) -> Result<(), AppError> {
    material_watches::Entity::insert(material_watches::ActiveModel {
        user_id: Set(user_id),
        material_id: Set(material_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        material_watches::Column::UserId,
        material_watches::Column::MaterialId,
    ])
    .exec(conn)
    .await?;
    Ok(())
}

/// Throws her draft away. Returns the material's page, or the library if the material
/// had nothing published yet.
pub async fn discard_draft(ctx: &Ctx, version_id: i32) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let (version, material) = own_draft(&txn, ctx, user, version_id).await?;
        versions::ActiveModel {
            id: Set(version.id),
            state: Set(VersionState::Discarded.code().to_string()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        Ok(match material.current_version_id {
            Some(_) => material_path(material.id),
            None => "/forum/materiali".to_string(),
        })
    }
    .await;
    settle(txn, result).await
}

/// Keeps a file for her draft, after checking what it is by its bytes. The same bytes
/// are stored once. Returns the attachment's id.
pub async fn attach(
    ctx: &Ctx,
    version_id: i32,
    file_name: &str,
    bytes: &[u8],
) -> Result<i32, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let (version, material) = own_draft(&txn, ctx, user, version_id).await?;
        let (name, kind) = check_upload(file_name, bytes)?;
        let attached = attachments::Entity::find()
            .filter(attachments::Column::VersionId.eq(version.id))
            .count(&txn)
            .await?;
        if attached as usize >= MAX_ATTACHMENTS {
            return Err(AppError::invalid("file", Problem::OutOfRange));
        }
        let attachment = store_file(&txn, version.id, user.id, name, kind, bytes).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "forum.attachment.add", "forum_material")
                .object(material.id)
                .detail(format!("attachment {}", attachment.id)),
        )
        .await?;
        Ok(attachment.id)
    }
    .await;
    settle(txn, result).await
}

/// Keeps the bytes (once, however many versions carry them) and attaches them to a
/// version under this name.
async fn store_file<C: ConnectionTrait>(
    conn: &C,
    version_id: i32,
    user_id: i32,
    name: String,
    kind: FileKind,
    bytes: &[u8],
) -> Result<attachments::Model, AppError> {
    let digest: String = Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let size = bytes.len() as i64;
    let existing: Option<i32> = contents::Entity::find()
        .select_only()
        .column(contents::Column::Id)
        .filter(contents::Column::Sha256.eq(digest.clone()))
        .filter(contents::Column::SizeBytes.eq(size))
        .into_tuple()
        .one(conn)
        .await?;
    let content_id = match existing {
        Some(id) => id,
        None => {
            contents::ActiveModel {
                sha256: Set(digest),
                size_bytes: Set(size),
                content: Set(bytes.to_vec()),
                ..Default::default()
            }
            .insert(conn)
            .await?
            .id
        }
    };
    Ok(attachments::ActiveModel {
        version_id: Set(version_id),
        content_id: Set(content_id),
        file_name: Set(name),
        content_type: Set(kind.content_type().to_string()),
        size_bytes: Set(size),
        added_by: Set(user_id),
        added_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// Takes a file off her draft (earlier versions keep theirs). Returns the draft page.
pub async fn remove_attachment(ctx: &Ctx, attachment_id: i32) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let attachment = attachments::Entity::find_by_id(attachment_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let (version, _) = own_draft(&txn, ctx, user, attachment.version_id).await?;
        attachments::Entity::delete_by_id(attachment.id)
            .exec(&txn)
            .await?;
        Ok(draft_path(version.id))
    }
    .await;
    settle(txn, result).await
}

/// A file to download.
pub struct Download {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// A file of a published version, for a reader of its category (checked now, so a rule
/// changed a moment ago already applies); a file of a draft, for the draft's author.
/// Refusals are audited.
pub async fn download(ctx: &Ctx, attachment_id: i32) -> Result<Download, AppError> {
    let user = ctx.user()?;
    // Reads only: a download never waits for a writer (the refusal's audit row is one
    // statement of its own).
    let db = &ctx.db;
    let attachment = attachments::Entity::find_by_id(attachment_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let version = versions::Entity::find_by_id(attachment.version_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let readable = version.state == VersionState::Published.code()
        || (version.state == VersionState::Draft.code() && version.author_id == Some(user.id));
    if !readable {
        return Err(AppError::NotFound);
    }
    let material = find_material(db, version.material_id).await?;
    let permissions = Permissions::load(db, user).await?;
    if permissions.level(material.category_id).is_none() {
        return Err(refuse(db, ctx, "forum_attachment", attachment.id).await);
    }
    let content = contents::Entity::find_by_id(attachment.content_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = FileKind::from_content_type(&attachment.content_type).unwrap_or(FileKind::Pdf);
    Ok(Download {
        file_name: attachment.file_name,
        content_type: kind.content_type(),
        bytes: content.content,
    })
}

/// Follows (or stops following) a material: she is told of its new versions.
pub async fn set_material_watch(ctx: &Ctx, material_id: i32, on: bool) -> Result<(), AppError> {
    let user = ctx.user()?;
    let material = find_material(&ctx.db, material_id).await?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    require(
        &ctx.db,
        ctx,
        &permissions,
        material.category_id,
        AccessLevel::Read,
    )
    .await?;
    if on {
        watch_material(&ctx.db, user.id, material.id).await
    } else {
        material_watches::Entity::delete_many()
            .filter(material_watches::Column::UserId.eq(user.id))
            .filter(material_watches::Column::MaterialId.eq(material.id))
            .exec(&ctx.db)
            .await?;
        Ok(())
    }
}

/// Follows (or stops following) a category: she is told of its new threads and of the
/// new versions of its materials.
pub async fn set_category_watch(ctx: &Ctx, code: &str, on: bool) -> Result<(), AppError> {
    let user = ctx.user()?;
    let category = category_by_code(&ctx.db, code).await?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    require(&ctx.db, ctx, &permissions, category.id, AccessLevel::Read).await?;
    if on {
        category_watches::Entity::insert(category_watches::ActiveModel {
            user_id: Set(user.id),
            category_id: Set(category.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        })
        .on_conflict_do_nothing_on([
            category_watches::Column::UserId,
            category_watches::Column::CategoryId,
        ])
        .exec(&ctx.db)
        .await?;
    } else {
        category_watches::Entity::delete_many()
            .filter(category_watches::Column::UserId.eq(user.id))
            .filter(category_watches::Column::CategoryId.eq(category.id))
            .exec(&ctx.db)
            .await?;
    }
    Ok(())
}

/// Whether she follows a category (for the category page's button).
pub async fn watches_category<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    category_id: i32,
) -> Result<bool, AppError> {
    Ok(category_watches::Entity::find()
        .filter(category_watches::Column::UserId.eq(user_id))
        .filter(category_watches::Column::CategoryId.eq(category_id))
        .count(conn)
        .await?
        > 0)
}

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
    let names: HashMap<i32, Bilingual> = readable
        .iter()
        .map(|category| (category.id, category_name(category)))
        .collect();
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
const SEARCH_MATERIALS: u64 = 20;

// ---------------------------------------------------------------------------------------
// The indicator checklist as a material

/// Writes a material version for every published checklist version that has none yet,
/// and tells the material's followers. Runs in the transaction that publishes a
/// checklist version, and at start-up for checklists published before the library
/// existed. Replicas that run it at once write each version once (unique index).
pub async fn sync_checklist<C: ConnectionTrait>(
    conn: &C,
    request_id: Option<&str>,
    publisher: Option<&CurrentUser>,
) -> Result<(), AppError> {
    let Some(material) = materials::Entity::find()
        .filter(materials::Column::Checklist.eq(true))
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let shown: Vec<Option<i32>> = versions::Entity::find()
        .select_only()
        .column(versions::Column::ChecklistVersion)
        .filter(versions::Column::MaterialId.eq(material.id))
        .into_tuple()
        .all(conn)
        .await?;
    let missing = indicator_checklists::Entity::find()
        .filter(indicator_checklists::Column::Status.eq(ChecklistStatus::Published.code()))
        .filter(
            indicator_checklists::Column::Version
                .is_not_in(shown.into_iter().flatten().collect::<Vec<_>>()),
        )
        .order_by_asc(indicator_checklists::Column::Version)
        .all(conn)
        .await?;
    for checklist in missing {
        let rows = indicators::Entity::find()
            .filter(indicators::Column::ChecklistId.eq(checklist.id))
            .order_by_asc(indicators::Column::Position)
            .order_by_asc(indicators::Column::Id)
            .all(conn)
            .await?;
        let body = checklist_markdown(checklist.version, &rows);
        // Stored content, in the network's language, like the checklist itself.
        let changes = checklist
            .changes
            .clone()
            .unwrap_or_else(|| "Prima versione della checklist.".to_string());
        let inserted = versions::Entity::insert(versions::ActiveModel {
            material_id: Set(material.id),
            number: Set(None),
            state: Set(VersionState::Draft.code().to_string()),
            body_html: Set(render(&body)),
            body: Set(body),
            changes: Set(changes),
            author_id: Set(checklist.published_by),
            created_at: Set(checklist.created_at),
            published_at: Set(None),
            checklist_version: Set(Some(checklist.version)),
            ..Default::default()
        })
        .on_conflict_do_nothing_on([
            versions::Column::MaterialId,
            versions::Column::ChecklistVersion,
        ])
        .exec(conn)
        .await?;
        let sea_orm::TryInsertResult::Inserted(inserted) = inserted else {
            continue;
        };
        let material = find_material(conn, material.id).await?;
        publish_version(
            conn,
            request_id,
            publisher,
            &material,
            inserted.last_insert_id,
            checklist.published_at.unwrap_or_else(Utc::now),
        )
        .await?;
    }
    Ok(())
}

/// The checklist as Markdown: one section per group of indicators, in Italian (the
/// checklist page shows both languages).
fn checklist_markdown(version: i32, rows: &[indicators::Model]) -> String {
    let mut text = format!(
        "Gli indicatori che le operatrici usano nei colloqui di valutazione, \
         versione {version}. Ogni indicatore è una domanda da porsi, non una prova.\n"
    );
    for group in IndicatorGroup::ALL {
        let in_group: Vec<&indicators::Model> = rows
            .iter()
            .filter(|row| row.group_code == group.code())
            .collect();
        if in_group.is_empty() {
            continue;
        }
        let key = format!("indicator-group-{}", group.code().replace('_', "-"));
        text.push_str(&format!("\n## {}\n\n", crate::i18n::translate("it", &key)));
        for row in in_group {
            text.push_str(&format!("- {}\n", row.text_it.replace('\n', " ")));
        }
    }
    text
}

/// At start-up: the checklist's first version exists (reference data every network
/// starts from), and every published checklist version is in the library, including
/// those published before the library existed.
pub async fn sync_checklist_at_start(db: &DatabaseConnection) -> Result<(), AppError> {
    crate::people::screening::ssr::current_checklist(db).await?;
    let txn = begin_write(db).await?;
    let result = sync_checklist(&txn, None, None).await;
    settle(txn, result).await
}

// ---------------------------------------------------------------------------------------
// Demo

/// A file of the demo: (name, bytes).
type DemoFile = (&'static str, &'static [u8]);

/// (description, what changed, file) of each version of the demo material.
const DEMO_VERSIONS: &[(&str, &str, Option<DemoFile>)] = &[
    (
        "Una traccia per il **primo colloquio** con una persona che potrebbe essere vittima \
         di tratta: come presentarsi, quando chiedere una mediatrice, cosa annotare.",
        "",
        None,
    ),
    (
        "Una traccia per il **primo colloquio** con una persona che potrebbe essere vittima \
         di tratta: come presentarsi, quando chiedere una mediatrice, cosa annotare.\n\n\
         La scheda in PDF si può stampare e portare nelle uscite delle unità di strada.",
        "Aggiunta la scheda stampabile in PDF e il punto sul ricontatto in sicurezza.",
        Some((
            "guida-primo-colloquio.pdf",
            include_bytes!("demo-guida-colloquio.pdf"),
        )),
    ),
];

/// The demo library: the trainer's interview guide, in two versions (the second with a
/// printable PDF). Fictional, with no personal data.
pub async fn load_demo_materials<C: ConnectionTrait>(conn: &C) -> Result<(), AppError> {
    use crate::entity::users;
    let already = materials::Entity::find()
        .filter(materials::Column::Checklist.eq(false))
        .count(conn)
        .await?;
    if already > 0 {
        return Ok(());
    }
    let Some(trainer) = users::Entity::find()
        .filter(users::Column::Email.eq("formatrice@anello.test"))
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let Some(author) = crate::auth::ssr::current_user_by_id(conn, trainer.id).await? else {
        return Ok(());
    };
    let category = category_by_code(conn, "formazione").await?;
    let start = Utc::now() - chrono::Duration::days(40);
    let material = materials::ActiveModel {
        category_id: Set(category.id),
        title: Set("Guida rapida al primo colloquio".to_string()),
        checklist: Set(false),
        created_by: Set(Some(author.id)),
        created_at: Set(start),
        current_version_id: Set(None),
        published_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for tag in ["sexual_street", "TO"] {
        material_tags::ActiveModel {
            material_id: Set(material.id),
            tag: Set(tag.to_string()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    for (index, (body, changes, file)) in DEMO_VERSIONS.iter().enumerate() {
        let at = start + chrono::Duration::days(20 * index as i64);
        let mut draft = new_draft(material.id, author.id, body);
        draft.changes = Set(changes.to_string());
        draft.created_at = Set(at);
        let draft = draft.insert(conn).await?;
        if let Some((name, bytes)) = file {
            let (name, kind) = check_upload(name, bytes)?;
            store_file(conn, draft.id, author.id, name, kind, bytes).await?;
        }
        let material = find_material(conn, material.id).await?;
        publish_version(conn, None, Some(&author), &material, draft.id, at).await?;
    }
    Ok(())
}
