//! People waiting for a bed in the demo network, so that a newcomer can try every gesture
//! of the board, and meet every placement rule, right after `make run`: a woman proposed
//! for tonight, a transgender woman, a man, a mother with her two children, and two girls
//! of 16 and 17, one with her guardian's authorisation and one without.
//!
//! Added with the demo's activity (`load_demo_activity`), not with the bare network the
//! tests start from.

use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{CUNEO_BODY, TORINO_BODY};
use crate::beds::rules::AuthorisationKind;
use crate::entity::{minor_authorisations, organisations, people, waiting_list};
use crate::people::model::{Exploitation, Gender, Nationality};
use crate::people::registry::demo::{register_newcomer, DemoNewcomer};
use crate::people::registry::model::PathStatus;
use crate::people::waiting::model::{TargetGroup, Urgency};
use crate::people::waiting::ssr::STATUS_WAITING;
use crate::state::IdentityKey;

/// One entry of the demo's waiting list.
struct Proposal {
    body: &'static str,
    newcomer: DemoNewcomer<'static>,
    urgency: Urgency,
    group: TargetGroup,
    province: &'static str,
    /// How many days ago she was proposed.
    days_ago: i64,
    /// Her children, who move with her (name, gender, age).
    children: &'static [(&'static str, Gender, u32)],
    /// A minor with her guardian's authorisation on record.
    authorised: bool,
}

fn newcomer(
    given_names: &'static str,
    family_name: &'static str,
    gender: Gender,
    age_years: u32,
    nationality: Nationality,
    exploitation: &'static [Exploitation],
) -> DemoNewcomer<'static> {
    DemoNewcomer {
        given_names,
        family_name,
        gender,
        age_years,
        nationality,
        exploitation,
        status: PathStatus::Proposal,
        family_head_id: None,
    }
}

/// A proposal of one person alone, with no authorisation on record.
fn plain(
    body: &'static str,
    newcomer: DemoNewcomer<'static>,
    urgency: Urgency,
    group: TargetGroup,
    province: &'static str,
    days_ago: i64,
) -> Proposal {
    Proposal {
        body,
        newcomer,
        urgency,
        group,
        province,
        days_ago,
        children: &[],
        authorised: false,
    }
}

const SEXUAL: &[Exploitation] = &[Exploitation::SexualStreet];

/// Adults proposed alone: one for each target group of adults.
fn adults() -> Vec<Proposal> {
    vec![
        plain(
            TORINO_BODY,
            newcomer(
                "Joy",
                "Osagie",
                Gender::Female,
                24,
                Nationality::Nigeria,
                SEXUAL,
            ),
            Urgency::Immediate,
            TargetGroup::Women,
            "TO",
            0,
        ),
        plain(
            TORINO_BODY,
            newcomer(
                "Valentina",
                "Ramos",
                Gender::Transgender,
                29,
                Nationality::Romania,
                &[Exploitation::SexualIndoor],
            ),
            Urgency::High,
            TargetGroup::Transgender,
            "TO",
            3,
        ),
        plain(
            TORINO_BODY,
            newcomer(
                "Ibrahima",
                "Diallo",
                Gender::Male,
                31,
                Nationality::Senegal,
                &[Exploitation::LabourAgriculture],
            ),
            Urgency::Normal,
            TargetGroup::Men,
            "AL",
            12,
        ),
    ]
}

/// A mother with her children, and two girls under 18.
fn families_and_minors() -> Vec<Proposal> {
    vec![
        Proposal {
            children: &[("Miracle", Gender::Female, 6), ("David", Gender::Male, 3)],
            ..plain(
                CUNEO_BODY,
                newcomer(
                    "Comfort",
                    "Eze",
                    Gender::Female,
                    27,
                    Nationality::Nigeria,
                    SEXUAL,
                ),
                Urgency::High,
                TargetGroup::MothersWithChildren,
                "CN",
                5,
            )
        },
        Proposal {
            authorised: true,
            ..plain(
                TORINO_BODY,
                newcomer(
                    "Gift",
                    "Ihama",
                    Gender::Female,
                    16,
                    Nationality::Nigeria,
                    SEXUAL,
                ),
                Urgency::Immediate,
                TargetGroup::Girls16To18,
                "TO",
                1,
            )
        },
        plain(
            TORINO_BODY,
            newcomer(
                "Elena",
                "Ciobanu",
                Gender::Female,
                17,
                Nationality::Moldova,
                &[Exploitation::Begging],
            ),
            Urgency::High,
            TargetGroup::Girls16To18,
            "TO",
            2,
        ),
    ]
}

/// Registers the demo's waiting people and proposes them; returns how many entries.
pub async fn load_demo_waiting<C: ConnectionTrait>(
    conn: &C,
    key: &IdentityKey,
) -> Result<u64, sea_orm::DbErr> {
    let today = crate::kernel::clock::today();
    let now = Utc::now();
    let mut entries = 0;
    for proposal in adults().into_iter().chain(families_and_minors()) {
        let Some(body) = organisations::Entity::find()
            .filter(organisations::Column::Name.eq(proposal.body))
            .one(conn)
            .await?
        else {
            continue;
        };
        let person = register_newcomer(conn, key, body.id, &proposal.newcomer).await?;
        for &(name, gender, age) in proposal.children {
            let family = proposal.newcomer.family_name;
            let nationality = proposal.newcomer.nationality;
            let child = DemoNewcomer {
                status: PathStatus::TakenInCharge,
                family_head_id: Some(person.id),
                ..newcomer(name, family, gender, age, nationality, &[])
            };
            register_newcomer(conn, key, body.id, &child).await?;
        }
        let wanted_from = today - Duration::days(proposal.days_ago);
        waiting_list::ActiveModel {
            person_id: Set(person.id),
            urgency: Set(proposal.urgency.code().to_string()),
            target_group: Set(proposal.group.code().to_string()),
            children: Set(proposal.children.len() as i32),
            minor: Set(proposal.newcomer.age_years < 18),
            disability: Set(false),
            language: Set(Some("inglese".to_string())),
            preferred_province: Set(Some(proposal.province.to_string())),
            wanted_from: Set(wanted_from),
            status: Set(STATUS_WAITING.to_string()),
            organisation_id: Set(body.id),
            created_by: Set(person.created_by),
            created_at: Set(now - Duration::days(proposal.days_ago)),
            closed_at: Set(None),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        crate::people::access::record_path_step(
            conn,
            person.id,
            PathStatus::Proposal,
            None,
            wanted_from,
            None,
        )
        .await?;
        if proposal.authorised {
            authorise(conn, &person, wanted_from, now).await?;
        }
        entries += 1;
    }
    Ok(entries)
}

/// Her guardian's authorisation of the placement, on record.
async fn authorise<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    granted_on: chrono::NaiveDate,
    now: chrono::DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    minor_authorisations::ActiveModel {
        person_id: Set(person.id),
        kind: Set(AuthorisationKind::Guardian.code().to_string()),
        reference: Set("Decreto di nomina del tutore n. 112/2026".to_string()),
        granted_on: Set(granted_on),
        recorded_by: Set(person.created_by),
        recorded_at: Set(now),
        withdrawn_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // The procedures that led to it, on her minors' page.
    let days = |n: i64| granted_on - chrono::Duration::days(n);
    crate::entity::minor_procedures::ActiveModel {
        person_id: Set(person.id),
        age_requested_on: Set(Some(days(20))),
        age_method: Set(Some("multidisciplinary".to_string())),
        age_outcome: Set(Some("minor".to_string())),
        age_assessed_on: Set(Some(days(10))),
        guardian_court: Set(Some("Tribunale per i minorenni di Torino".to_string())),
        guardian_appointed_on: Set(Some(days(5))),
        guardian_name: Set(Some("Lucia Ferraris".to_string())),
        guarantor_involved_on: Set(Some(days(3))),
        community: Set(None),
        community_since: Set(None),
        updated_by: Set(person.created_by),
        updated_at: Set(now),
    }
    .insert(conn)
    .await?;
    Ok(())
}
