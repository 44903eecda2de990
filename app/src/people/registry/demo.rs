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
use crate::people::registry::model::{network_code, search_key, ConsentKind, Identity, PathStatus};
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

/// Path statuses the demo people cycle through ("placed" twice: most are in shelter).
const STATUSES: [PathStatus; 7] = [
    PathStatus::TakenInCharge,
    PathStatus::Placed,
    PathStatus::Screening,
    PathStatus::Inclusion,
    PathStatus::Proposal,
    PathStatus::Placed,
    PathStatus::Exited,
];
/// Forms of exploitation the demo people cycle through.
const EXPLOITATIONS: [&[Exploitation]; 6] = [
    &[Exploitation::SexualStreet],
    &[Exploitation::LabourAgriculture],
    &[Exploitation::SexualIndoor],
    &[Exploitation::Begging, Exploitation::IllegalActivities],
    &[Exploitation::LabourDomesticCare],
    &[Exploitation::ForcedMarriage],
];
/// Nationalities the demo people cycle through.
const NATIONALITIES: [Nationality; 6] = [
    Nationality::Nigeria,
    Nationality::Romania,
    Nationality::China,
    Nationality::Senegal,
    Nationality::Ghana,
    Nationality::Moldova,
];

/// What all the demo people of one implementing body share.
struct DemoBody<'a> {
    id: i32,
    province: &'a str,
    /// The user recorded as registering them (and as their reference worker).
    author_id: i32,
    coordination_id: Option<i32>,
    today: NaiveDate,
    year: i32,
}

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
    let mut created = 0u64;
    let mut serial = 0usize;
    for body in &bodies {
        let province = body.province.clone().unwrap_or_else(|| "TO".to_string());
        let Some(author_id) = demo_author(conn, body.id).await? else {
            return Ok(created);
        };
        let mut free_beds = free_beds_of(conn, body.id).await?;
        let demo_body = DemoBody {
            id: body.id,
            province: &province,
            author_id,
            coordination_id: coordination.as_ref().map(|c| c.id),
            today,
            year,
        };
        let count = (DEMO_PEOPLE_PER_ORGANISATION * copies) as i32;
        let mut number = super::numbers::take_numbers(conn, &province, year, count).await? - 1;
        for _ in 0..DEMO_PEOPLE_PER_ORGANISATION * copies {
            serial += 1;
            number += 1;
            insert_demo_person(conn, key, &demo_body, serial, number, &mut free_beds).await?;
            created += 1;
        }
    }
    Ok(created)
}

/// The user who registers a body's demo people: one of its own, else the first user
/// of the network; `None` when there are no users at all.
async fn demo_author<C: ConnectionTrait>(
    conn: &C,
    body_id: i32,
) -> Result<Option<i32>, sea_orm::DbErr> {
    let author = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(body_id))
        .one(conn)
        .await?;
    Ok(match author {
        Some(user) => Some(user.id),
        None => users::Entity::find()
            .order_by_asc(users::Column::Id)
            .one(conn)
            .await?
            .map(|user| user.id),
    })
}

/// Free beds of a body's structures, for the demo people who are "in shelter".
async fn free_beds_of<C: ConnectionTrait>(
    conn: &C,
    body_id: i32,
) -> Result<Vec<beds::Model>, sea_orm::DbErr> {
    let structure_ids: Vec<i32> = structures::Entity::find()
        .filter(structures::Column::OrganisationId.eq(body_id))
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
    Ok(beds::Entity::find()
        .filter(beds::Column::StructureId.is_in(structure_ids))
        // pop() takes from the end: the demo fills each body's last beds first.
        .order_by_asc(beds::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .filter(|b| !occupied.contains(&b.id))
        .collect())
}

/// The invented identity of demo person number `serial`, with her age in years.
fn demo_identity(serial: usize, today: NaiveDate) -> (Identity, u32) {
    // Ages from 16 to 41: every seventh person is a minor.
    let age_years = if serial.is_multiple_of(7) {
        16
    } else {
        19 + (serial % 23) as u32
    };
    let birth = today
        .checked_sub_months(Months::new(age_years * 12 + (serial % 11) as u32))
        .and_then(|d| NaiveDate::from_ymd_opt(d.year(), d.month(), 1 + (serial % 27) as u32))
        .unwrap_or(today);
    let identity = Identity {
        given_names: GIVEN[serial % GIVEN.len()].to_string(),
        family_name: FAMILY[(serial / GIVEN.len() + serial) % FAMILY.len()].to_string(),
        aliases: None,
        date_of_birth: Some(birth),
        nationality: Some(NATIONALITIES[serial % NATIONALITIES.len()]),
        languages: Some("inglese, italiano di base".to_string()),
        documents: None,
        phone: None,
        guardian: None,
    };
    (identity, age_years)
}

/// Registers demo person number `serial` with her identity, body and consents, and
/// puts her in one of `free_beds` when her path says "placed".
async fn insert_demo_person<C: ConnectionTrait>(
    conn: &C,
    key: &IdentityKey,
    body: &DemoBody<'_>,
    serial: usize,
    number: i32,
    free_beds: &mut Vec<beds::Model>,
) -> Result<(), sea_orm::DbErr> {
    let code = network_code(body.province, body.year, number);
    let (identity, age_years) = demo_identity(serial, body.today);
    let status = STATUSES[serial % STATUSES.len()];
    let kind = EXPLOITATIONS[serial % EXPLOITATIONS.len()];
    let now = Utc::now();
    let person = people::ActiveModel {
        code: Set(code),
        province: Set(body.province.to_string()),
        year: Set(body.year),
        number: Set(number),
        gender: Set(if serial.is_multiple_of(9) {
            Gender::Transgender
        } else {
            Gender::Female
        }
        .code()
        .to_string()),
        birth_month: Set(identity.date_of_birth.and_then(|birth| birth.with_day(1))),
        declared_minor: Set(false),
        unaccompanied: Set(age_years < 18),
        exploitation: Set(kind.iter().map(|k| k.code()).collect::<Vec<_>>().join(",")),
        status: Set(status.code().to_string()),
        exit_outcome: Set((status == PathStatus::Exited).then(|| "autonomy".to_string())),
        family_head_id: Set(None),
        identity_hash: Set(identity_hash(key, &identity)),
        duplicate_of: Set(None),
        registered_by_organisation: Set(body.id),
        created_by: Set(body.author_id),
        created_at: Set(now),
        updated_at: Set(now),
        anonymised_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let guardian = (age_years < 18)
        .then(|| "Tutrice volontaria nominata dal Tribunale per i minorenni".to_string());
    insert_identity(conn, person.id, &identity, guardian, now).await?;
    insert_demo_links(conn, body, person.id, serial, now).await?;
    if status == PathStatus::Placed {
        if let Some(bed) = free_beds.pop() {
            place_demo_person(conn, body, person.id, &bed, serial, now).await?;
        }
    }
    Ok(())
}

/// Links a demo person to her body (with its author as reference worker) and records
/// her consent to processing, and for every fourth person to sharing with the coordination.
async fn insert_demo_links<C: ConnectionTrait>(
    conn: &C,
    body: &DemoBody<'_>,
    person_id: i32,
    serial: usize,
    now: chrono::DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    person_organisations::ActiveModel {
        person_id: Set(person_id),
        organisation_id: Set(body.id),
        reference_user_id: Set(Some(body.author_id)),
        since: Set(body.today),
        added_by: Set(body.author_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    consents::ActiveModel {
        person_id: Set(person_id),
        kind: Set(ConsentKind::Processing.code().to_string()),
        organisation_id: Set(None),
        given_on: Set(body.today),
        withdrawn_on: Set(None),
        recorded_by: Set(body.author_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // Every fourth person consented to share her record with the coordination.
    if let (Some(coordination_id), 0) = (body.coordination_id, serial % 4) {
        consents::ActiveModel {
            person_id: Set(person_id),
            kind: Set(ConsentKind::Sharing.code().to_string()),
            organisation_id: Set(Some(coordination_id)),
            given_on: Set(body.today),
            withdrawn_on: Set(None),
            recorded_by: Set(body.author_id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// Puts a "placed" demo person in `bed`, since 10 to 89 days ago.
async fn place_demo_person<C: ConnectionTrait>(
    conn: &C,
    body: &DemoBody<'_>,
    person_id: i32,
    bed: &beds::Model,
    serial: usize,
    now: chrono::DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    placements::ActiveModel {
        person_id: Set(person_id),
        bed_id: Set(bed.id),
        structure_id: Set(bed.structure_id),
        started_on: Set(body.today - chrono::Duration::days(10 + (serial % 80) as i64)),
        planned_exit_on: Set(None),
        ended_on: Set(None),
        end_reason: Set(None),
        created_by: Set(body.author_id),
        created_at: Set(now),
        ended_by: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A fictional person registered one by one (the demo's waiting list), rather than
/// from the cycles above.
pub struct DemoNewcomer<'a> {
    pub given_names: &'a str,
    pub family_name: &'a str,
    pub gender: Gender,
    pub age_years: u32,
    pub nationality: Nationality,
    pub exploitation: &'a [Exploitation],
    pub status: PathStatus,
    /// Her mother's record, for a child who moves with her.
    pub family_head_id: Option<i32>,
}

/// Registers a newcomer with `body_id` (its first user as author and reference
/// worker), with her identity and consent to processing.
pub async fn register_newcomer<C: ConnectionTrait>(
    conn: &C,
    key: &IdentityKey,
    body_id: i32,
    newcomer: &DemoNewcomer<'_>,
) -> Result<people::Model, sea_orm::DbErr> {
    let body_record = organisations::Entity::find_by_id(body_id)
        .one(conn)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound(format!("organisation {body_id}")))?;
    let province = body_record.province.unwrap_or_else(|| "TO".to_string());
    let author_id = demo_author(conn, body_id)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound("a demo user".to_string()))?;
    let today = Utc::now().date_naive();
    let body = DemoBody {
        id: body_id,
        province: &province,
        author_id,
        coordination_id: None,
        today,
        year: today.year(),
    };
    let number = super::numbers::take_numbers(conn, &province, body.year, 1).await?;
    let birth = today
        .checked_sub_months(Months::new(newcomer.age_years * 12 + 3))
        .unwrap_or(today);
    let identity = Identity {
        given_names: newcomer.given_names.to_string(),
        family_name: newcomer.family_name.to_string(),
        aliases: None,
        date_of_birth: Some(birth),
        nationality: Some(newcomer.nationality),
        languages: Some("inglese".to_string()),
        documents: None,
        phone: None,
        guardian: None,
    };
    let now = Utc::now();
    let person = people::ActiveModel {
        code: Set(network_code(&province, body.year, number)),
        province: Set(province.clone()),
        year: Set(body.year),
        number: Set(number),
        gender: Set(newcomer.gender.code().to_string()),
        birth_month: Set(birth.with_day(1)),
        declared_minor: Set(false),
        unaccompanied: Set(newcomer.age_years < 18 && newcomer.family_head_id.is_none()),
        exploitation: Set(newcomer
            .exploitation
            .iter()
            .map(|k| k.code())
            .collect::<Vec<_>>()
            .join(",")),
        status: Set(newcomer.status.code().to_string()),
        exit_outcome: Set(None),
        family_head_id: Set(newcomer.family_head_id),
        identity_hash: Set(identity_hash(key, &identity)),
        duplicate_of: Set(None),
        registered_by_organisation: Set(body_id),
        created_by: Set(author_id),
        created_at: Set(now),
        updated_at: Set(now),
        anonymised_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    insert_identity(conn, person.id, &identity, None, now).await?;
    insert_demo_links(conn, &body, person.id, 1, now).await?;
    Ok(person)
}

async fn insert_identity<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    identity: &Identity,
    guardian: Option<String>,
    now: chrono::DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    person_identities::ActiveModel {
        person_id: Set(person_id),
        given_names: Set(identity.given_names.clone()),
        family_name: Set(identity.family_name.clone()),
        aliases: Set(None),
        date_of_birth: Set(identity.date_of_birth),
        nationality: Set(identity.nationality.map(|n| n.code().to_string())),
        languages: Set(identity.languages.clone()),
        documents: Set(None),
        phone: Set(None),
        guardian: Set(guardian),
        updated_at: Set(now),
        search_key: Set(Some(search_key(identity))),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Whether the registry already has people (the demo adds them only once).
pub async fn registry_is_empty<C: ConnectionTrait>(conn: &C) -> Result<bool, sea_orm::DbErr> {
    Ok(people::Entity::find().count(conn).await? == 0)
}
