//! Possible duplicates across organisations, and linking them.

use super::*;

/// Groups of records with the same keyed hash that are not all linked yet. The hash
/// itself never leaves the server.
pub async fn duplicate_groups(ctx: &Ctx) -> Result<Vec<DuplicateGroup>, AppError> {
    let user = ctx.user()?;
    let candidates = people::Entity::find()
        .filter(people::Column::IdentityHash.is_not_null())
        .filter(people::Column::AnonymisedAt.is_null())
        .order_by_asc(people::Column::Id)
        .all(&ctx.db)
        .await?;
    let mut by_hash: HashMap<String, Vec<people::Model>> = HashMap::new();
    for person in candidates {
        if let Some(hash) = person.identity_hash.clone() {
            by_hash.entry(hash).or_default().push(person);
        }
    }
    let codes: HashMap<i32, String> = by_hash
        .values()
        .flatten()
        .map(|p| (p.id, p.code.clone()))
        .collect();
    let names = organisation_names(
        &ctx.db,
        by_hash
            .values()
            .flatten()
            .map(|p| p.registered_by_organisation),
    )
    .await?;
    let mut groups: Vec<DuplicateGroup> = by_hash
        .into_values()
        .filter(|records| records.len() > 1)
        .filter(|records| records.iter().filter(|p| p.duplicate_of.is_none()).count() > 1)
        .map(|records| DuplicateGroup {
            records: records
                .into_iter()
                .map(|p| DuplicateRecord {
                    code: p.code.clone(),
                    organisation: names
                        .get(&p.registered_by_organisation)
                        .cloned()
                        .unwrap_or_default(),
                    registered_on: p.created_at.date_naive(),
                    status: PathStatus::from_stored(&p.status, PathStatus::Contact),
                    linked_to: p.duplicate_of.and_then(|id| codes.get(&id).cloned()),
                })
                .collect(),
        })
        .collect();
    groups.sort_by(|a, b| a.records[0].code.cmp(&b.records[0].code));
    record_alone(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "people.duplicates", "person")
            .detail(format!("groups={}", groups.len())),
    )
    .await?;
    Ok(groups)
}

/// The coordinator links a newer record to the earlier one of the same person. Both
/// records keep their teams; the link is shown on both pages and audited on both.
pub async fn link_duplicate(ctx: &Ctx, code: &str, earlier_code: &str) -> Result<(), AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = link_duplicate_in(ctx, &txn, code, earlier_code).await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.duplicate.link", code),
    )
    .await
}

pub(super) async fn link_duplicate_in(
    ctx: &Ctx,
    txn: &WriteTransaction,
    code: &str,
    earlier_code: &str,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let newer = find_person(txn, code).await?;
    let earlier = find_person(txn, earlier_code)
        .await
        .map_err(|_| AppError::invalid("earlier", Problem::UnknownChoice))?;
    if newer.id == earlier.id
        || newer.duplicate_of.is_some()
        || earlier.duplicate_of == Some(newer.id)
    {
        return Err(AppError::Conflict {
            conflict: Conflict::AlreadyLinked,
        });
    }
    // Only records the hash says are the same person: the coordinator does not merge
    // arbitrary records.
    if newer.identity_hash.is_none() || newer.identity_hash != earlier.identity_hash {
        return Err(AppError::invalid("earlier", Problem::UnknownChoice));
    }
    let (newer_code, earlier_code) = (newer.code.clone(), earlier.code.clone());
    let mut update: people::ActiveModel = newer.into();
    update.duplicate_of = Set(Some(earlier.id));
    update.updated_at = Set(Utc::now());
    update.update(txn).await?;
    for (object, other) in [(&newer_code, &earlier_code), (&earlier_code, &newer_code)] {
        record(
            txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.duplicate.link", "person")
                .object(object)
                .detail(format!("with={other}")),
        )
        .await?;
    }
    Ok(())
}
