//! Past stays for the demo dashboards' times: people whose path has ended left a bed of
//! their organisation months ago, after waiting some weeks on the list; the board's rules
//! refused two of them once, and a reception manager set one rule aside. Loaded before
//! the dated steps (`load_demo_history`), which then follow these stays.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::beds::model::StayEnd;
use crate::entity::{beds, people, placement_rule_checks, placements, structures, waiting_list};
use crate::kernel::error::Breach;
use crate::people::model::Gender;
use crate::people::registry::model::PathStatus;
use crate::people::waiting::model::Urgency;

/// How many exited demo people get a past stay.
const PAST_STAYS: usize = 6;

pub async fn load_demo_past_stays<C: ConnectionTrait>(
    conn: &C,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let exited = people::Entity::find()
        .filter(people::Column::Status.eq(PathStatus::Exited.code()))
        .filter(people::Column::FamilyHeadId.is_null())
        .order_by_asc(people::Column::Id)
        .all(conn)
        .await?;
    let mut placed = 0;
    for person in exited {
        if placed == PAST_STAYS {
            break;
        }
        let Some((structure, bed)) = a_bed_of(conn, person.registered_by_organisation).await?
        else {
            continue;
        };
        let i = placed as i64;
        // A stay of five and a half months (the steps put her exit then), the first one
        // ended five weeks ago, the others a few weeks apart.
        let started_on = today - Duration::days(200 + 25 * i);
        let ended_on = started_on + Duration::days(165);
        placements::ActiveModel {
            person_id: Set(person.id),
            bed_id: Set(bed),
            structure_id: Set(structure),
            started_on: Set(started_on),
            planned_exit_on: Set(None),
            ended_on: Set(Some(ended_on)),
            end_reason: Set(Some(StayEnd::Autonomy.code().to_string())),
            created_by: Set(person.created_by),
            created_at: Set(now - Duration::days(200 + 25 * i)),
            ended_by: Set(Some(person.created_by)),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        let gender = Gender::from_stored(&person.gender, Gender::Female);
        let group = crate::beds::rules::needed_group(gender, false, false);
        // Proposed three weeks (less two days each) before the bed.
        let proposed = now - Duration::days(200 + 25 * i + 21 - 2 * i);
        waiting_list::ActiveModel {
            person_id: Set(person.id),
            urgency: Set(Urgency::Normal.code().to_string()),
            target_group: Set(group.code().to_string()),
            children: Set(0),
            minor: Set(false),
            disability: Set(false),
            language: Set(None),
            preferred_province: Set(None),
            wanted_from: Set(started_on - Duration::days(21 - 2 * i)),
            status: Set(crate::people::waiting::ssr::STATUS_PLACED.to_string()),
            organisation_id: Set(person.registered_by_organisation),
            created_by: Set(person.created_by),
            created_at: Set(proposed),
            closed_at: Set(Some(now - Duration::days(200 + 25 * i))),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        let checks: &[(Breach, bool)] = match placed {
            0 => &[(Breach::TargetGroup, false), (Breach::TargetGroup, true)],
            1 => &[(Breach::NoRoomForFamily, false)],
            _ => &[],
        };
        for &(rule, set_aside) in checks {
            placement_rule_checks::ActiveModel {
                person_id: Set(person.id),
                structure_id: Set(structure),
                rule: Set(rule.code().to_string()),
                set_aside: Set(set_aside),
                checked_on: Set(started_on),
                checked_by: Set(person.created_by),
                created_at: Set(now - Duration::days(200 + 25 * i)),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
        placed += 1;
    }
    Ok(())
}

/// The first bed of the organisation's first structure, if it has one.
async fn a_bed_of<C: ConnectionTrait>(
    conn: &C,
    organisation: i32,
) -> Result<Option<(i32, i32)>, sea_orm::DbErr> {
    let Some(structure) = structures::Entity::find()
        .filter(structures::Column::OrganisationId.eq(organisation))
        .order_by_asc(structures::Column::Id)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let bed = beds::Entity::find()
        .filter(beds::Column::StructureId.eq(structure.id))
        .order_by_asc(beds::Column::Position)
        .one(conn)
        .await?;
    Ok(bed.map(|bed| (structure.id, bed.id)))
}
