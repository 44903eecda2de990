//! What the report counts of the rest of a person's path: the Territorial Commission's
//! requests and referrals, the hearings someone of the network went to with her, and
//! the support spent for her.

use super::*;
use crate::entity::{
    commission_referrals, commission_requests, person_transfers, support_expenses,
};
use crate::path::spending::model::SpendingCategory;
use crate::path::transfers::model::{Direction, ReferralSource};

/// The day a Territorial Commission first heard each person, as far as the network
/// knows: the day it asked the network for her evaluation (it had heard her), or the day
/// of the hearing it was sent to.
pub(super) async fn first_heard<C: ConnectionTrait>(
    conn: &C,
) -> Result<HashMap<i32, NaiveDate>, AppError> {
    let mut heard: HashMap<i32, NaiveDate> = HashMap::new();
    let mut note = |person: i32, day: NaiveDate| {
        let first = heard.entry(person).or_insert(day);
        *first = (*first).min(day);
    };
    for row in commission_requests::Entity::find().all(conn).await? {
        note(row.person_id, row.received_on);
    }
    for row in commission_referrals::Entity::find()
        .filter(commission_referrals::Column::HearingOn.is_not_null())
        .all(conn)
        .await?
    {
        if let Some(day) = row.hearing_on {
            note(row.person_id, day);
        }
    }
    Ok(heard)
}

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

/// Support spending of the period: for each category, the people it was spent for (each
/// once) and the approved amount in whole euros (rounded from the cents of the row);
/// the last row counts each person once across categories. Expenses belong to the
/// organisation that paid; the person's province decides as for the Commission. Not a
/// table of sums (a person supported in two categories is one person), so no total row
/// for the suppression to reason on: each figure of people is suppressed on its own.
pub(super) async fn count_spending<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    in_provinces: &HashMap<i32, people::Model>,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<RawTable, AppError> {
    let mut table = RawTable::new(
        TableId::SupportSpending,
        SpendingCategory::ALL
            .iter()
            .map(|c| Label::Spending(*c))
            .chain([Label::Total])
            .collect(),
        vec![Label::People, Label::Euros],
    );
    table.kinds = vec![ColumnKind::People, ColumnKind::Other];
    let mut query = support_expenses::Entity::find()
        .filter(support_expenses::Column::SpentOn.gte(from))
        .filter(support_expenses::Column::SpentOn.lte(to))
        .filter(support_expenses::Column::ApprovedBy.is_not_null());
    if let Some(chosen) = &scope.organisations {
        query = query.filter(support_expenses::Column::OrganisationId.is_in(chosen.clone()));
    }
    let total_row = SpendingCategory::ALL.len();
    let mut cents = vec![0i64; total_row + 1];
    let mut seen: Vec<HashSet<i32>> = vec![HashSet::new(); total_row + 1];
    for expense in query
        .order_by_asc(support_expenses::Column::SpentOn)
        .order_by_asc(support_expenses::Column::Id)
        .all(conn)
        .await?
    {
        if !in_provinces.contains_key(&expense.person_id) {
            continue;
        }
        let category = SpendingCategory::from_stored(&expense.category, SpendingCategory::Papers);
        let row = SpendingCategory::ALL
            .iter()
            .position(|c| *c == category)
            .unwrap_or(0);
        let member = Member::Person {
            id: expense.person_id,
            day: expense.spent_on,
        };
        for row in [row, total_row] {
            cents[row] += expense.amount_cents;
            if seen[row].insert(expense.person_id) {
                table.add(row, 0, 1, member);
            }
        }
    }
    for (row, sum) in cents.into_iter().enumerate() {
        table.count(row, 1, (sum + 50) / 100);
    }
    Ok(table)
}

/// Transfers between projects held in the period (by today): people who came from
/// another project, of them those the national toll-free number referred; people who
/// left for another project, of them for their safety. Each person once a row; minors
/// by their age on the day. The transfer belongs to the organisation that recorded it.
pub(super) async fn count_transfers<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    in_provinces: &HashMap<i32, people::Model>,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<RawTable, AppError> {
    let mut table = RawTable::new(
        TableId::Transfers,
        vec![
            Label::TransfersIn,
            Label::TransfersInTollFree,
            Label::TransfersOut,
            Label::TransfersOutSafety,
        ],
        vec![Label::AllPeople, Label::Minors],
    );
    let held_by = to.min(crate::kernel::clock::today());
    let mut query = person_transfers::Entity::find()
        .filter(person_transfers::Column::TransferOn.gte(from))
        .filter(person_transfers::Column::TransferOn.lte(held_by));
    if let Some(chosen) = &scope.organisations {
        query = query.filter(person_transfers::Column::OrganisationId.is_in(chosen.clone()));
    }
    let mut counted: HashMap<Label, HashSet<i32>> = HashMap::new();
    for transfer in query
        .order_by_asc(person_transfers::Column::TransferOn)
        .order_by_asc(person_transfers::Column::Id)
        .all(conn)
        .await?
    {
        let Some(person) = in_provinces.get(&transfer.person_id) else {
            continue;
        };
        let rows = match Direction::from_stored(&transfer.direction, Direction::Incoming) {
            Direction::Incoming => {
                let toll_free = transfer.source.as_deref() == Some(ReferralSource::TollFree.code());
                vec![
                    (Label::TransfersIn, true),
                    (Label::TransfersInTollFree, toll_free),
                ]
            }
            Direction::Outgoing => vec![
                (Label::TransfersOut, true),
                (Label::TransfersOutSafety, transfer.for_safety),
            ],
        };
        let member = Member::Person {
            id: person.id,
            day: transfer.transfer_on,
        };
        let minor = minor_from_record(person, transfer.transfer_on);
        for (row, applies) in rows {
            if applies && counted.entry(row.clone()).or_default().insert(person.id) {
                table.add_to(&row, 0, 1, member);
                if minor {
                    table.add_to(&row, 1, 1, member);
                }
            }
        }
    }
    Ok(table)
}
