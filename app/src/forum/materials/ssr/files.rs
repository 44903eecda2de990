//! Files attached to versions, their download, and who watches what.

use super::*;

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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.attachment.add", "forum_material_version")
            .object(version_id),
    )
    .await
}

/// Keeps the bytes (once, however many versions carry them) and attaches them to a
/// version under this name.
pub(super) async fn store_file<C: ConnectionTrait>(
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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.attachment.remove", "forum_attachment")
            .object(attachment_id),
    )
    .await
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
    let (material, _) = readable_material(ctx, user, material_id).await?;
    // One statement outside a transaction: it still waits for its turn to write.
    let _turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
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
    // One statement outside a transaction: it still waits for its turn to write.
    let _turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
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
