//! A year and a half of fictional activity for the demo network, so that the funder
//! report and its lists have something to show: dated path steps for the demo people,
//! their evaluations, and outreach contacts spread over the past 450 days. `copies`
//! multiplies the contacts (the report's benchmark runs at 1× and 10×).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::auth::model::OrganisationKind;
use crate::entity::{
    contacts, indicator_checklists, organisations, path_events, people, placements, screenings,
    users,
};
use crate::people::contacts::model::Channel;
use crate::people::model::AgeBand;
use crate::people::registry::model::PathStatus;
use crate::people::screening::model::ScreeningOutcome;

mod times;
pub use times::load_demo_past_stays;

/// Contacts per implementing body (× `copies`).
pub const DEMO_CONTACTS_PER_ORGANISATION: usize = 40;

pub async fn load_demo_history<C: ConnectionTrait>(
    conn: &C,
    copies: usize,
) -> Result<(), sea_orm::DbErr> {
    let today = crate::kernel::clock::today();
    let now = Utc::now();
    let checklist = indicator_checklists::Entity::find()
        .order_by_asc(indicator_checklists::Column::Id)
        .one(conn)
        .await?;
    // Dated steps and evaluations for demo people who have none yet.
    let everyone = people::Entity::find()
        .order_by_asc(people::Column::Id)
        .all(conn)
        .await?;
    for (serial, person) in everyone.iter().enumerate() {
        load_demo_path(conn, person, serial, checklist.as_ref(), today, now).await?;
    }
    load_demo_contacts(conn, copies, today, now).await
}

/// The dated steps and the evaluation of one demo person, unless she already has steps.
async fn load_demo_path<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    serial: usize,
    checklist: Option<&indicator_checklists::Model>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let has_steps = path_events::Entity::find()
        .filter(path_events::Column::PersonId.eq(person.id))
        .count(conn)
        .await?
        > 0;
    if has_steps {
        return Ok(());
    }
    let status = PathStatus::from_stored(&person.status, PathStatus::Contact);
    let placement = placements::Entity::find()
        .filter(placements::Column::PersonId.eq(person.id))
        .order_by_asc(placements::Column::StartedOn)
        .one(conn)
        .await?;
    // Met between two months and fifteen months ago; a placement sets the pace.
    let first_contact = match &placement {
        Some(stay) => stay.started_on - Duration::days(35),
        None => today - Duration::days(60 + (serial as i64 * 37) % 390),
    };
    for (step, day) in demo_steps(status, first_contact, placement.as_ref(), today) {
        path_events::ActiveModel {
            person_id: Set(person.id),
            status: Set(step.code().to_string()),
            exit_outcome: Set((step == PathStatus::Exited)
                .then(|| person.exit_outcome.clone())
                .flatten()),
            on_date: Set(day),
            organisation_id: Set(Some(person.registered_by_organisation)),
            recorded_by: Set(Some(person.created_by)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    if let (Some(checklist), true) = (checklist, status >= PathStatus::Screening) {
        let outcome = match (status, serial % 5) {
            (PathStatus::Screening, 0) => ScreeningOutcome::Open,
            (PathStatus::Screening, _) => ScreeningOutcome::IndicatorsFound,
            (_, 3) => ScreeningOutcome::CommissionReferral,
            _ => ScreeningOutcome::Proposal,
        };
        screenings::ActiveModel {
            person_id: Set(person.id),
            checklist_id: Set(checklist.id),
            held_on: Set((first_contact + Duration::days(7)).min(today)),
            outcome: Set(outcome.code().to_string()),
            organisation_id: Set(person.registered_by_organisation),
            interviewer_id: Set(person.created_by),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The steps a demo person took up to her `status`, each with its day: a week or more
/// apart from the first contact, the placement on the day her stay began.
fn demo_steps(
    status: PathStatus,
    first_contact: NaiveDate,
    placement: Option<&placements::Model>,
    today: NaiveDate,
) -> Vec<(PathStatus, NaiveDate)> {
    let mut steps = vec![(PathStatus::Contact, first_contact)];
    for (next, after) in [
        (PathStatus::Screening, 7),
        (PathStatus::Proposal, 14),
        (PathStatus::TakenInCharge, 21),
        (PathStatus::Placed, 28),
        (PathStatus::Inclusion, 120),
        (PathStatus::Exited, 200),
    ] {
        if status < next
            || (next == PathStatus::Placed && status != PathStatus::Placed && placement.is_none())
        {
            continue;
        }
        let day = match (placement, next) {
            (Some(stay), PathStatus::Placed) => stay.started_on,
            _ => (first_contact + Duration::days(after)).min(today),
        };
        steps.push((next, day));
    }
    steps
}

/// The channels the demo contacts come through, in turn (street units twice as often).
const DEMO_CHANNELS: [Channel; 10] = [
    Channel::StreetUnit,
    Channel::StreetUnit,
    Channel::IndoorUnit,
    Channel::HelpDesk,
    Channel::TollFree,
    Channel::Police,
    Channel::SocialServices,
    Channel::Caritas,
    Channel::CasSai,
    Channel::TerritorialCommission,
];

/// The age bands of the demo contacts, in turn.
const DEMO_AGE_BANDS: [AgeBand; 7] = [
    AgeBand::From18To24,
    AgeBand::From25To34,
    AgeBand::From18To24,
    AgeBand::From35To49,
    AgeBand::From16To17,
    AgeBand::From25To34,
    AgeBand::Unknown,
];

/// Outreach: contacts by every implementing body over the past 450 days.
async fn load_demo_contacts<C: ConnectionTrait>(
    conn: &C,
    copies: usize,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let bodies = organisations::Entity::find()
        .filter(organisations::Column::Kind.eq(OrganisationKind::ImplementingBody.code()))
        .order_by_asc(organisations::Column::Id)
        .all(conn)
        .await?;
    let mut serial = 0usize;
    for body in &bodies {
        let Some(author) = users::Entity::find()
            .filter(users::Column::OrganisationId.eq(body.id))
            .one(conn)
            .await?
        else {
            continue;
        };
        let province = body.province.clone().unwrap_or_else(|| "TO".to_string());
        for _ in 0..DEMO_CONTACTS_PER_ORGANISATION * copies {
            serial += 1;
            let band = DEMO_AGE_BANDS[serial % DEMO_AGE_BANDS.len()];
            contacts::ActiveModel {
                occurred_on: Set(today - Duration::days((serial as i64 * 11) % 450)),
                channel: Set(DEMO_CHANNELS[serial % DEMO_CHANNELS.len()]
                    .code()
                    .to_string()),
                province: Set(province.clone()),
                area: Set(None),
                gender: Set(demo_gender(serial).to_string()),
                age_band: Set(band.code().to_string()),
                minor: Set(band.is_minor()),
                nationality: Set(None),
                exploitation: Set(String::new()),
                people_count: Set(1 + (serial % 3) as i32),
                person_id: Set(None),
                organisation_id: Set(body.id),
                created_by: Set(author.id),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// The stored gender of the `serial`-th demo contact: mostly women, some men, a few
/// transgender people.
fn demo_gender(serial: usize) -> &'static str {
    if serial.is_multiple_of(9) {
        "transgender"
    } else if serial.is_multiple_of(4) {
        "male"
    } else {
        "female"
    }
}
