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

use super::model::*;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{
    forum_attachment_contents as contents, forum_categories as categories,
    forum_category_watches as category_watches, forum_material_attachments as attachments,
    forum_material_tags as material_tags, forum_material_versions as versions,
    forum_material_watches as material_watches, forum_materials as materials,
};
use crate::forum::access::{readers_among, refuse, require, Permissions};
use crate::forum::guard::findings;
use crate::forum::lookups::{
    author_or_unknown, authors, category_by_code, category_by_id, category_name,
};
use crate::forum::markdown::render;
use crate::forum::model::{AccessLevel, Finding, MaterialHit};
use crate::forum::search::{index_text, matching_materials, snippet, Filters, SearchIndex};
use crate::kernel::db::begin_write;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::kernel::files::check_upload;
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::notify;

/// A material by id (the checklist publishes into the library through it).
pub async fn find_material<C: ConnectionTrait>(
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

mod demo;
mod files;
mod reading;
mod searching;
mod writing;

pub use demo::*;
pub use files::*;
pub use reading::*;
pub use searching::*;
pub use writing::*;
