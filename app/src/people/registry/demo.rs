//! Fictional people for the demo network (and, multiplied, for the list benchmark).
//! Names are invented combinations; no record describes a real person.

use chrono::{Datelike, Months, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use super::ssr::identity_hash;
use crate::auth::model::OrganisationKind;
use crate::entity::{
    beds, consents, organisations, people, person_identities, person_organisations, placements,
    structures, users,
};
use crate::people::model::{Exploitation, Gender, Nationality};
use crate::people::registry::model::{network_code, ConsentKind, Identity, PathStatus};
use crate::state::IdentityKey;

/// People per implementing body in the demo network (× `copies`).
pub const DEMO_PEOPLE_PER_ORGANISATION: usize = 5;

const GIVEN: [&str; 12] = [
    "Blessing", "Favour", "Precious", "Mercy", "Ioana", "Mariana", "Lin", "Fatou", "Aminata",
    "Esther", "Adaeze", "Svetlana",
];
const FAMILY: [&str; 10] = [
    "Okoro", "Edeh", "Adebayo", "Popa", "Munteanu", "Zhou", "Ndiaye", "Kouyaté", "Mensah", "Rusu",
];

/// Adds `copies` × 5 fictional people to every implementing body; returns how many.
pub async fn load_demo_people<C: ConnectionTrait>(
    conn: &C,
    copies: usize,
    key: &IdentityKey,
) -> Result<u64, sea_orm::DbErr> {
    let bodies = organisations::Entity::find()
        .filter(organisations::Column::Kind.eq(OrganisationKind::ImplementingBody.code()))
        .order_by_asc(organisations::Column::Id)
        .all(conn)
        .await?;
    let coordination = organisations::Entity::find()
        .filter(organisations::Column::Kind.eq(OrganisationKind::Coordination.code()))
        .one(conn)
        .await?;
    let today = Utc::now().date_naive();
    let year = today.year();
    let statuses = [
        PathStatus::TakenInCharge,
        PathStatus::Placed,
        PathStatus::Screening,
        PathStatus::Inclusion,
        PathStatus::Proposal,
        PathStatus::Placed,
        PathStatus::Exited,
    ];
    let kinds = [
        vec![Exploitation::SexualStreet],
        vec![Exploitation::LabourAgriculture],
        vec![Exploitation::SexualIndoor],
        vec![Exploitation::Begging, Exploitation::IllegalActivities],
        vec![Exploitation::LabourDomesticCare],
        vec![Exploitation::ForcedMarriage],
    ];
    let nationalities = [
        Nationality::Nigeria,
        Nationality::Romania,
        Nationality::China,
        Nationality::Senegal,
        Nationality::Ghana,
        Nationality::Moldova,
    ];
    let mut created = 0u64;
    let mut serial = 0usize;
    for body in &bodies {
        let province = body.province.clone().unwrap_or_else(|| "TO".to_string());
        let author = users::Entity::find()
            .filter(users::Column::OrganisationId.eq(body.id))
            .one(conn)
            .await?;
        let author_id = match author {
            Some(user) => user.id,
            None => match users::Entity::find()
                .order_by_asc(users::Column::Id)
                .one(conn)
                .await?
            {
                Some(user) => user.id,
                None => return Ok(created),
            },
        };
        // Free beds of this body's structures, for the demo people who are "in shelter".
        let structure_ids: Vec<i32> = structures::Entity::find()
            .filter(structures::Column::OrganisationId.eq(body.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect();
        let occupied: Vec<i32> = placements::Entity::find()
            .filter(placements::Column::EndedOn.is_null())
            .all(conn)
            .await?
            .into_iter()
            .map(|p| p.bed_id)
            .collect();
        let mut free_beds: Vec<beds::Model> = beds::Entity::find()
            .filter(beds::Column::StructureId.is_in(structure_ids))
            // pop() takes from the end: the demo fills each body's last beds first.
            .order_by_asc(beds::Column::Id)
            .all(conn)
            .await?
            .into_iter()
            .filter(|b| !occupied.contains(&b.id))
            .collect();
        let count = (DEMO_PEOPLE_PER_ORGANISATION * copies) as i32;
        let mut number = super::numbers::take_numbers(conn, &province, year, count).await? - 1;
        for _ in 0..DEMO_PEOPLE_PER_ORGANISATION * copies {
            serial += 1;
            number += 1;
            let code = network_code(&province, year, number);
            // Ages from 16 to 41: every seventh person is a minor.
            let age_years = if serial.is_multiple_of(7) {
                16
            } else {
                19 + (serial % 23) as u32
            };
            let birth = today
                .checked_sub_months(Months::new(age_years * 12 + (serial % 11) as u32))
                .and_then(|d| {
                    NaiveDate::from_ymd_opt(d.year(), d.month(), 1 + (serial % 27) as u32)
                })
                .unwrap_or(today);
            let identity = Identity {
                given_names: GIVEN[serial % GIVEN.len()].to_string(),
                family_name: FAMILY[(serial / GIVEN.len() + serial) % FAMILY.len()].to_string(),
                aliases: None,
                date_of_birth: Some(birth),
                nationality: Some(nationalities[serial % nationalities.len()]),
                languages: Some("inglese, italiano di base".to_string()),
                documents: None,
                phone: None,
                guardian: None,
            };
            let status = statuses[serial % statuses.len()];
            let kind = &kinds[serial % kinds.len()];
            let now = Utc::now();
            let person = people::ActiveModel {
                code: Set(code),
                province: Set(province.clone()),
                year: Set(year),
                number: Set(number),
                gender: Set(if serial.is_multiple_of(9) {
                    Gender::Transgender
                } else {
                    Gender::Female
                }
                .code()
                .to_string()),
                birth_month: Set(birth.with_day(1)),
                declared_minor: Set(false),
                unaccompanied: Set(age_years < 18),
                exploitation: Set(kind.iter().map(|k| k.code()).collect::<Vec<_>>().join(",")),
                status: Set(status.code().to_string()),
                exit_outcome: Set((status == PathStatus::Exited).then(|| "autonomy".to_string())),
                family_head_id: Set(None),
                identity_hash: Set(identity_hash(key, &identity)),
                duplicate_of: Set(None),
                registered_by_organisation: Set(body.id),
                created_by: Set(author_id),
                created_at: Set(now),
                updated_at: Set(now),
                anonymised_at: Set(None),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            person_identities::ActiveModel {
                person_id: Set(person.id),
                given_names: Set(identity.given_names.clone()),
                family_name: Set(identity.family_name.clone()),
                aliases: Set(None),
                date_of_birth: Set(identity.date_of_birth),
                nationality: Set(identity.nationality.map(|n| n.code().to_string())),
                languages: Set(identity.languages.clone()),
                documents: Set(None),
                phone: Set(None),
                guardian: Set((age_years < 18).then(|| {
                    "Tutrice volontaria nominata dal Tribunale per i minorenni".to_string()
                })),
                updated_at: Set(now),
            }
            .insert(conn)
            .await?;
            person_organisations::ActiveModel {
                person_id: Set(person.id),
                organisation_id: Set(body.id),
                reference_user_id: Set(Some(author_id)),
                since: Set(today),
                added_by: Set(author_id),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            consents::ActiveModel {
                person_id: Set(person.id),
                kind: Set(ConsentKind::Processing.code().to_string()),
                organisation_id: Set(None),
                given_on: Set(today),
                withdrawn_on: Set(None),
                recorded_by: Set(author_id),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            // Every fourth person consented to share her record with the coordination.
            if let (Some(coordination), 0) = (&coordination, serial % 4) {
                consents::ActiveModel {
                    person_id: Set(person.id),
                    kind: Set(ConsentKind::Sharing.code().to_string()),
                    organisation_id: Set(Some(coordination.id)),
                    given_on: Set(today),
                    withdrawn_on: Set(None),
                    recorded_by: Set(author_id),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(conn)
                .await?;
            }
            if status == PathStatus::Placed {
                if let Some(bed) = free_beds.pop() {
                    placements::ActiveModel {
                        person_id: Set(person.id),
                        bed_id: Set(bed.id),
                        structure_id: Set(bed.structure_id),
                        started_on: Set(today - chrono::Duration::days(10 + (serial % 80) as i64)),
                        planned_exit_on: Set(None),
                        ended_on: Set(None),
                        end_reason: Set(None),
                        created_by: Set(author_id),
                        created_at: Set(now),
                        ended_by: Set(None),
                        ..Default::default()
                    }
                    .insert(conn)
                    .await?;
                }
            }
            created += 1;
        }
    }
    Ok(created)
}

/// Whether the registry already has people (the demo adds them only once).
pub async fn registry_is_empty<C: ConnectionTrait>(conn: &C) -> Result<bool, sea_orm::DbErr> {
    Ok(people::Entity::find().count(conn).await? == 0)
}
