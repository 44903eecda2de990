//! The demo library.

use super::*;

// ---------------------------------------------------------------------------------------
// Demo

/// A file of the demo: (name, bytes).
pub(super) type DemoFile = (&'static str, &'static [u8]);

/// (description, what changed, file) of each version of the demo material.
pub(super) const DEMO_VERSIONS: &[(&str, &str, Option<DemoFile>)] = &[
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
            include_bytes!("../demo-guida-colloquio.pdf"),
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
