//! Inserting the demo network's organisations, users, structures and beds, each only
//! when missing (by name or e-mail), inside the caller's transaction.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

use super::{ORGANISATIONS, STRUCTURES, USERS};
use crate::admin::ssr::{insert_user, NewUser};
use crate::auth::model::region_of_province;
use crate::entity::{beds, organisations, structures, users};

/// Adds the organisations of the demo network that do not exist yet.
pub(super) async fn insert_missing_organisations(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
) -> Result<(), anyhow::Error> {
    for (name, kind, province) in ORGANISATIONS {
        if organisations::Entity::find()
            .filter(organisations::Column::Name.eq(name))
            .count(txn)
            .await?
            > 0
        {
            continue;
        }
        organisations::ActiveModel {
            name: Set(name.to_string()),
            kind: Set(kind.code().to_string()),
            province: Set(Some(province.to_string())),
            region: Set(region_of_province(province)
                .unwrap_or("Piemonte")
                .to_string()),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// The id of a demo organisation, which must exist by now.
async fn organisation_id(txn: &DatabaseTransaction, name: &str) -> Result<i32, anyhow::Error> {
    organisations::Entity::find()
        .filter(organisations::Column::Name.eq(name))
        .one(txn)
        .await?
        .map(|o| o.id)
        .ok_or_else(|| anyhow::anyhow!("demo organisation {name} missing"))
}

/// Adds the demo users that do not exist yet, each with its own hash from `hashes`
/// (one per entry of `USERS`, in order).
pub(super) async fn insert_missing_users(
    txn: &DatabaseTransaction,
    hashes: Vec<String>,
) -> Result<(), anyhow::Error> {
    for ((email, display_name, organisation, role), hash) in USERS.into_iter().zip(hashes) {
        if users::Entity::find()
            .filter(users::Column::Email.eq(email))
            .count(txn)
            .await?
            > 0
        {
            continue;
        }
        let new_user = NewUser {
            email: email.to_string(),
            display_name: display_name.to_string(),
            password_hash: hash,
            organisation_id: organisation_id(txn, organisation).await?,
            language: None,
            roles: vec![role],
        };
        insert_user(txn, new_user).await?;
    }
    Ok(())
}

/// Adds the demo structures that do not exist yet, with their beds, at invented
/// addresses.
pub(super) async fn insert_missing_structures(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
) -> Result<(), anyhow::Error> {
    for (index, (name, organisation, kind, province, targets, bed_count)) in
        STRUCTURES.into_iter().enumerate()
    {
        if structures::Entity::find()
            .filter(structures::Column::Name.eq(name))
            .count(txn)
            .await?
            > 0
        {
            continue;
        }
        let structure = structures::ActiveModel {
            organisation_id: Set(organisation_id(txn, organisation).await?),
            name: Set(name.to_string()),
            kind: Set(kind.to_string()),
            province: Set(province.to_string()),
            secret: Set(kind == "safe_house"),
            address: Set(Some(format!(
                "Via Immaginaria {}, {}",
                10 + index,
                province
            ))),
            target_groups: Set(targets.to_string()),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        insert_beds(txn, structure.id, bed_count).await?;
    }
    Ok(())
}

/// Beds 1 to `bed_count` of a new structure, two to a room (rooms 1, 2… on the ground
/// floor and the first, alternately).
async fn insert_beds(
    txn: &DatabaseTransaction,
    structure_id: i32,
    bed_count: u32,
) -> Result<(), anyhow::Error> {
    let mut rooms = std::collections::HashMap::new();
    for number in 1..=bed_count.div_ceil(2) {
        let room = crate::entity::rooms::ActiveModel {
            structure_id: Set(structure_id),
            name: Set(number.to_string()),
            floor: Set(Some(((number - 1) % 2) as i16)),
            position: Set(number as i32),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        rooms.insert(number, room.id);
    }
    for bed in 1..=bed_count {
        beds::ActiveModel {
            structure_id: Set(structure_id),
            room_id: Set(rooms.get(&bed.div_ceil(2)).copied()),
            label: Set(format!("Letto {bed}")),
            out_of_service_reason: Set(None),
            position: Set(bed as i32),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}
