//! The reads behind `assess`, each in the transaction of the placement, move or exit.

use super::*;

/// The open stays of the family unit's members, by person.
pub(super) async fn open_stays<C: ConnectionTrait>(
    conn: &C,
    unit: &[people::Model],
) -> Result<HashMap<i32, placements::Model>, AppError> {
    let unit_ids: Vec<i32> = unit.iter().map(|p| p.id).collect();
    Ok(placements::Entity::find()
        .filter(placements::Column::PersonId.is_in(unit_ids))
        .filter(placements::Column::EndedOn.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.person_id, p))
        .collect())
}

/// The structure's beds with whether each is usable, the rooms of those in one, and the
/// structure's open stays.
pub(super) type UsableBeds = (Vec<(i32, bool)>, HashMap<i32, i32>, Vec<placements::Model>);

/// The structure's beds in board order, each with whether the movers may use it, each
/// bed's room, and the structure's open stays.
pub(super) async fn usable_beds<C: ConnectionTrait>(
    conn: &C,
    target: i32,
    mover_ids: &HashSet<i32>,
) -> Result<UsableBeds, AppError> {
    let structure_beds = beds::Entity::find()
        .filter(beds::Column::StructureId.eq(target))
        .order_by_asc(beds::Column::Position)
        .order_by_asc(beds::Column::Id)
        .all(conn)
        .await?;
    let in_structure = placements::Entity::find()
        .filter(placements::Column::StructureId.eq(target))
        .filter(placements::Column::EndedOn.is_null())
        .all(conn)
        .await?;
    let occupant: HashMap<i32, i32> = in_structure
        .iter()
        .map(|p| (p.bed_id, p.person_id))
        .collect();
    let now = chrono::Utc::now();
    let usable = structure_beds
        .iter()
        .map(|bed| {
            let held_for_other = bed.held_until.is_some_and(|until| until > now)
                && !bed
                    .held_for_person_id
                    .is_some_and(|id| mover_ids.contains(&id));
            let taken = occupant
                .get(&bed.id)
                .is_some_and(|id| !mover_ids.contains(id));
            (
                bed.id,
                bed.out_of_service_reason.is_none() && !held_for_other && !taken,
            )
        })
        .collect();
    let rooms = structure_beds
        .iter()
        .filter_map(|bed| Some((bed.id, bed.room_id?)))
        .collect();
    Ok((usable, rooms, in_structure))
}

/// The group the placement needs: the one written on the principal's waiting-list
/// entry, unless it contradicts her coming with children; otherwise her record's.
pub(super) async fn group_needed<C: ConnectionTrait>(
    conn: &C,
    principal: &people::Model,
    with_children: bool,
    today: chrono::NaiveDate,
) -> Result<TargetGroup, AppError> {
    let written = waiting_list::Entity::find()
        .filter(waiting_list::Column::PersonId.eq(principal.id))
        .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
        .one(conn)
        .await?
        .and_then(|entry| TargetGroup::from_code(&entry.target_group));
    Ok(match written {
        Some(group) if !(with_children && group != TargetGroup::MothersWithChildren) => group,
        _ => needed_group(
            Gender::from_stored(&principal.gender, Gender::Female),
            minor_from_record(principal, today),
            with_children,
        ),
    })
}

/// The movers with an authorisation (guardian or juvenile court) on record, not withdrawn.
pub(super) async fn authorised_movers<C: ConnectionTrait>(
    conn: &C,
    mover_ids: &HashSet<i32>,
) -> Result<HashSet<i32>, AppError> {
    Ok(minor_authorisations::Entity::find()
        .filter(minor_authorisations::Column::PersonId.is_in(mover_ids.iter().copied()))
        .filter(minor_authorisations::Column::WithdrawnAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.person_id)
        .collect())
}

/// Whether someone to be kept apart from a mover, not moving herself, has a bed in the
/// structure (`in_structure`: its open stays).
pub(super) async fn kept_apart_in_structure<C: ConnectionTrait>(
    conn: &C,
    mover_ids: &HashSet<i32>,
    in_structure: &[placements::Model],
) -> Result<bool, AppError> {
    let pairs = kept_apart::Entity::find()
        .filter(
            Condition::any()
                .add(kept_apart::Column::PersonId.is_in(mover_ids.iter().copied()))
                .add(kept_apart::Column::OtherPersonId.is_in(mover_ids.iter().copied())),
        )
        .all(conn)
        .await?;
    let present: HashSet<i32> = in_structure.iter().map(|p| p.person_id).collect();
    Ok(pairs.iter().any(|pair| {
        let other = if mover_ids.contains(&pair.person_id) {
            pair.other_person_id
        } else {
            pair.person_id
        };
        !mover_ids.contains(&other) && present.contains(&other)
    }))
}
