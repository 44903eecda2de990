//! The indicator checklist in the trainers' library: every published version of the
//! checklist is a version of one material, which people can follow. The checklist
//! pushes its versions into the library; the library never reads the checklist, so the
//! two features depend on each other one way only.

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::{current_checklist, indicators_in_order};
use crate::auth::model::CurrentUser;
use crate::entity::{
    forum_material_versions as versions, forum_materials as materials, indicator_checklists,
    indicators,
};
use crate::forum::markdown::render;
use crate::forum::materials::model::VersionState;
use crate::forum::materials::ssr::{find_material, publish_version};
use crate::kernel::db::begin_write;
use crate::kernel::error::AppError;
use crate::people::screening::model::{ChecklistStatus, IndicatorGroup};

/// Writes a material version for every published checklist version that has none yet,
/// and tells the material's followers. Runs in the transaction that publishes a
/// checklist version, and at start-up for checklists published before the library
/// existed. Replicas that run it at once write each version once (unique index).
pub async fn sync_library<C: ConnectionTrait>(
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
        let rows = indicators_in_order(conn, checklist.id).await?;
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
pub async fn sync_library_at_start(db: &DatabaseConnection) -> Result<(), AppError> {
    current_checklist(db).await?;
    // Reference data written at start-up, on no one's behalf: nothing to audit.
    let txn = begin_write(db).await?;
    sync_library(&txn, None, None).await?;
    txn.commit().await?;
    Ok(())
}
