//! Writing materials: new ones, new versions as drafts, publishing with the guard.

use super::*;

// ---------------------------------------------------------------------------------------
// Writing

pub(super) fn new_draft(material_id: i32, author_id: i32, body: &str) -> versions::ActiveModel {
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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.material.create", "forum_material"),
    )
    .await
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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.material.version.start", "forum_material")
            .object(material_id),
    )
    .await
}

/// Her draft and its material, or 404 for anybody else's (a draft is nobody else's
/// business); and only while she may still publish in the category.
pub(super) async fn own_draft<C: ConnectionTrait>(
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
pub(super) fn guarded_text(
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
    // The guard counts its run (a row written): it waits for its turn to write.
    let turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
    let findings: Vec<Finding> = findings(
        &ctx.db,
        user,
        &guarded_text(&material, &version.body, &version.changes, &files),
    )
    .await?;
    drop(turn);
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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.material.version.save", "forum_material_version")
            .object(version_id),
    )
    .await
}

pub(super) async fn write_text<C: ConnectionTrait>(
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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.material.version.publish", "forum_material_version")
            .object(version_id),
    )
    .await
}

/// Gives a version its number and makes it the material's current one; indexes the
/// material; its author follows it; its followers and those of its category are told.
pub async fn publish_version<C: ConnectionTrait>(
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
pub(super) async fn index_material<C: ConnectionTrait>(
    conn: &C,
    material_id: i32,
) -> Result<(), AppError> {
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
pub(super) fn searched_text(
    title: &str,
    version: &versions::Model,
    files: &[AttachmentView],
) -> String {
    let mut text = format!("{title}\n{}\n{}", version.changes, version.body);
    for file in files {
        text.push('\n');
        text.push_str(&file.file_name);
    }
    text
}

pub(super) async fn watch_material<C: ConnectionTrait>(
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
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.material.version.discard", "forum_material_version")
            .object(version_id),
    )
    .await
}
