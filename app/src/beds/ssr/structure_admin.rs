//! Structures and their beds, as their reception managers keep them.

use super::*;

// ---------------------------------------------------------------- structures and beds

/// The structures the user manages: her organisation's, or all for the coordinator.
pub async fn structures_page(ctx: &Ctx) -> Result<StructuresPage, AppError> {
    let user = ctx.user()?;
    let mut query = structures::Entity::find();
    if !user.is_network_wide() {
        query = query.filter(structures::Column::OrganisationId.eq(user.organisation_id));
    }
    let found = query
        .order_by_asc(structures::Column::Name)
        .all(&ctx.db)
        .await?;
    let ids: Vec<i32> = found.iter().map(|s| s.id).collect();
    let all_beds = beds::Entity::find()
        .filter(beds::Column::StructureId.is_in(ids.clone()))
        .order_by_asc(beds::Column::Position)
        .all(&ctx.db)
        .await?;
    let all_rooms = rooms::Entity::find()
        .filter(rooms::Column::StructureId.is_in(ids.clone()))
        .order_by_asc(rooms::Column::Position)
        .order_by_asc(rooms::Column::Id)
        .all(&ctx.db)
        .await?;
    let used: Vec<i32> = placements::Entity::find()
        .filter(placements::Column::StructureId.is_in(ids))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|p| p.bed_id)
        .collect();
    let names = organisation_names(&ctx.db, found.iter().map(|s| s.organisation_id)).await?;
    let structures_out = found
        .into_iter()
        .map(|s| ManagedStructure {
            id: s.id,
            name: s.name,
            kind: StructureKind::from_stored(&s.kind, StructureKind::SecondReception),
            province: s.province,
            organisation_id: s.organisation_id,
            organisation: names.get(&s.organisation_id).cloned().unwrap_or_default(),
            target_groups: parse_codes(&s.target_groups, TargetGroup::from_code),
            has_address: s.address.is_some(),
            active: s.active,
            rooms: all_rooms
                .iter()
                .filter(|room| room.structure_id == s.id)
                .map(|room| ManagedRoom {
                    id: room.id,
                    name: room.name.clone(),
                    floor: room.floor,
                    beds: all_beds
                        .iter()
                        .filter(|b| b.room_id == Some(room.id))
                        .count(),
                })
                .collect(),
            beds: all_beds
                .iter()
                .filter(|b| b.structure_id == s.id)
                .map(|b| ManagedBed {
                    id: b.id,
                    label: b.label.clone(),
                    room: b.room_id,
                    removable: !used.contains(&b.id),
                })
                .collect(),
        })
        .collect();
    let organisations = if user.is_network_wide() {
        crate::kernel::names::organisations_of_kinds(
            &ctx.db,
            &[OrganisationKind::ImplementingBody.code()],
            false,
        )
        .await?
    } else {
        vec![(user.organisation_id, user.organisation_name.clone())]
    };
    Ok(StructuresPage {
        structures: structures_out,
        organisations,
    })
}

/// Creates or changes a structure. A reception manager only within her organisation;
/// the coordinator for any implementing body.
pub async fn save_structure(ctx: &Ctx, form: ValidStructure) -> Result<i32, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let organisation_id = if user.is_network_wide() {
            let id = form
                .organisation_id
                .ok_or_else(|| AppError::invalid("organisation_id", Problem::Required))?;
            organisations::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|o| o.kind == OrganisationKind::ImplementingBody.code())
                .ok_or_else(|| AppError::invalid("organisation_id", Problem::UnknownChoice))?
                .id
        } else {
            user.organisation_id
        };
        let targets = form
            .targets
            .iter()
            .map(|t| t.code())
            .collect::<Vec<_>>()
            .join(",");
        let secret = form.kind == StructureKind::SafeHouse;
        let (id, action) = match form.id {
            Some(id) => {
                let existing = managed_structure(&txn, user, id).await?;
                let mut update: structures::ActiveModel = existing.into();
                update.name = Set(form.name.clone());
                update.kind = Set(form.kind.code().to_string());
                update.province = Set(form.province.clone());
                update.organisation_id = Set(organisation_id);
                update.target_groups = Set(targets);
                update.secret = Set(secret);
                update.active = Set(form.active);
                if let Some(address) = &form.address {
                    update.address = Set(Some(address.clone()));
                }
                update.update(&txn).await?;
                (id, "structure.update")
            }
            None => {
                let created = structures::ActiveModel {
                    organisation_id: Set(organisation_id),
                    name: Set(form.name.clone()),
                    kind: Set(form.kind.code().to_string()),
                    province: Set(form.province.clone()),
                    secret: Set(secret),
                    address: Set(form.address.clone()),
                    target_groups: Set(targets),
                    active: Set(true),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                (created.id, "structure.create")
            }
        };
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), action, "structure")
                .object(id)
                .detail(if form.address.is_some() {
                    "address_changed"
                } else {
                    ""
                }),
        )
        .await?;
        Ok(id)
    }
    .await;
    let action = if form.id.is_some() {
        "structure.update"
    } else {
        "structure.create"
    };
    let object = (
        "structure",
        form.id.map(|id| id.to_string()).unwrap_or_default(),
    );
    finish(
        txn,
        ctx,
        (BoardChange::Structures, Touched::default()),
        action,
        object,
        result,
    )
    .await
}

pub async fn add_bed(
    ctx: &Ctx,
    structure_id: i32,
    label: &str,
    room: Option<i32>,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() {
        return Err(AppError::invalid("label", Problem::Required));
    }
    if label.chars().count() > MAX_BED_LABEL {
        return Err(AppError::invalid("label", Problem::TooLong));
    }
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let structure = managed_structure(&txn, user, structure_id).await?;
        let room = super::room_admin::room_for_bed(&txn, structure.id, room).await?;
        let position = beds::Entity::find()
            .filter(beds::Column::StructureId.eq(structure.id))
            .all(&txn)
            .await?
            .iter()
            .map(|b| b.position)
            .max()
            .unwrap_or(0)
            + 1;
        let created = beds::ActiveModel {
            structure_id: Set(structure.id),
            room_id: Set(room),
            label: Set(label),
            out_of_service_reason: Set(None),
            position: Set(position),
            held_until: Set(None),
            held_for_person_id: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|error| match error.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                AppError::invalid("label", Problem::AlreadyTaken)
            }
            _ => error.into(),
        })?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "bed.create", "bed").object(created.id),
        )
        .await?;
        Ok(())
    }
    .await;
    let object = ("structure", structure_id.to_string());
    finish(
        txn,
        ctx,
        (BoardChange::Structures, Touched::default()),
        "bed.create",
        object,
        result,
    )
    .await
}

/// Removes a bed that never had a guest (history is never deleted).
pub async fn remove_bed(ctx: &Ctx, bed_id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let (bed, _) = managed_bed(&txn, user, bed_id).await?;
        if placements::Entity::find()
            .filter(placements::Column::BedId.eq(bed.id))
            .one(&txn)
            .await?
            .is_some()
        {
            return Err(AppError::Conflict {
                conflict: Conflict::BedHasHistory,
            });
        }
        beds::Entity::delete_by_id(bed.id).exec(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "bed.delete", "bed").object(bed.id),
        )
        .await?;
        Ok(())
    }
    .await;
    let object = ("bed", bed_id.to_string());
    finish(
        txn,
        ctx,
        (BoardChange::Structures, Touched::default()),
        "bed.delete",
        object,
        result,
    )
    .await
}
