//! What the report counts of the rest of a person's path: the Territorial Commission's
//! requests and referrals, and the hearings someone of the network went to with her.

use super::*;
use crate::entity::{commission_referrals, commission_requests};

/// Adds the Commission's records of the period to the evaluations table: a request
/// received, a referral sent, a hearing accompanied (held by the end of the period and
/// by today). Each person once a row, together with what the screenings counted.
pub(super) async fn count_commission<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    in_provinces: &HashMap<i32, people::Model>,
    (from, to): (NaiveDate, NaiveDate),
    evaluations: &mut RawTable,
    counted: &mut HashMap<Label, HashSet<i32>>,
) -> Result<(), AppError> {
    let mut found: Vec<(Label, i32, NaiveDate)> = Vec::new();
    let mut requests = commission_requests::Entity::find()
        .filter(commission_requests::Column::ReceivedOn.gte(from))
        .filter(commission_requests::Column::ReceivedOn.lte(to));
    if let Some(chosen) = &scope.organisations {
        requests =
            requests.filter(commission_requests::Column::OrganisationId.is_in(chosen.clone()));
    }
    for row in requests
        .order_by_asc(commission_requests::Column::Id)
        .all(conn)
        .await?
    {
        found.push((Label::CommissionRequests, row.person_id, row.received_on));
    }
    let mut referrals = commission_referrals::Entity::find().filter(
        sea_orm::Condition::any()
            .add(
                sea_orm::Condition::all()
                    .add(commission_referrals::Column::ReferredOn.gte(from))
                    .add(commission_referrals::Column::ReferredOn.lte(to)),
            )
            .add(
                sea_orm::Condition::all()
                    .add(commission_referrals::Column::HearingOn.gte(from))
                    .add(commission_referrals::Column::HearingOn.lte(to)),
            ),
    );
    if let Some(chosen) = &scope.organisations {
        referrals =
            referrals.filter(commission_referrals::Column::OrganisationId.is_in(chosen.clone()));
    }
    let today = crate::kernel::clock::today();
    for row in referrals
        .order_by_asc(commission_referrals::Column::Id)
        .all(conn)
        .await?
    {
        if (from..=to).contains(&row.referred_on) {
            // Sent to a Commission: a referral, and a request for its evaluation too, as
            // the screenings count them (seed 002: "21, 11 of them referred by us").
            found.push((Label::CommissionRequests, row.person_id, row.referred_on));
            found.push((Label::CommissionReferrals, row.person_id, row.referred_on));
        }
        if let Some(hearing) = row.hearing_on {
            if row.accompanied && (from..=to).contains(&hearing) && hearing <= today {
                found.push((Label::HearingAccompaniments, row.person_id, hearing));
            }
        }
    }
    for (label, person_id, day) in found {
        // The person's province decides; organisations were filtered above.
        let Some(person) = in_provinces.get(&person_id) else {
            continue;
        };
        if !counted.entry(label.clone()).or_default().insert(person.id) {
            continue;
        }
        let member = Member::Person { id: person.id, day };
        evaluations.add_to(&label, 0, 1, member);
        if minor_from_record(person, day) {
            evaluations.add_to(&label, 1, 1, member);
        }
    }
    Ok(())
}
