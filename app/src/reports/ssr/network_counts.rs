//! What the report counts of the network's own work ("azioni di sistema", seed 002):
//! training events, workshops and coordination meetings held in the period, with the
//! people present; trainings and workshops by their audience; the decisions taken at
//! the meetings, and of them those carried out by the period's end. Events belong to
//! the organisation that organised them; they have no province, so a report for some
//! provinces counts every event of its organisations. These are not people the network
//! shelters: the figures are never hidden as small counts.

use super::*;
use crate::entity::{network_decisions, network_events, network_participants};
use crate::network::model::{Audience, EventKind};

pub(super) async fn count_system_actions<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<RawTable, AppError> {
    let rows: Vec<Label> = EventKind::ALL
        .iter()
        .map(|kind| Label::EventKind(*kind))
        .chain(Audience::ALL.iter().map(|a| Label::Audience(*a)))
        .chain([Label::DecisionsTaken, Label::DecisionsDone])
        .collect();
    let mut table = RawTable::new(
        TableId::SystemActions,
        rows,
        vec![Label::Events, Label::Present],
    );
    table.kinds = vec![ColumnKind::Public, ColumnKind::Public];
    let held_by = to.min(crate::kernel::clock::today());
    let mut query = network_events::Entity::find()
        .filter(network_events::Column::HeldOn.gte(from))
        .filter(network_events::Column::HeldOn.lte(held_by));
    if let Some(chosen) = &scope.organisations {
        query = query.filter(network_events::Column::OrganisationId.is_in(chosen.clone()));
    }
    let events = query.all(conn).await?;
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let mut present: HashMap<i32, i64> = HashMap::new();
    for participant in network_participants::Entity::find()
        .filter(network_participants::Column::EventId.is_in(ids.clone()))
        .filter(network_participants::Column::Attended.eq(true))
        .all(conn)
        .await?
    {
        *present.entry(participant.event_id).or_default() += 1;
    }
    let mut meetings = Vec::new();
    for event in &events {
        let kind = EventKind::from_stored(&event.kind, EventKind::Training);
        let came = present.get(&event.id).copied().unwrap_or(0);
        let row = Label::EventKind(kind);
        let index = table.rows.iter().position(|r| *r == row).unwrap_or(0);
        table.count(index, 0, 1);
        table.count(index, 1, came);
        if kind == EventKind::Meeting {
            meetings.push(event.id);
        } else {
            let audience = Label::Audience(Audience::from_stored(&event.audience, Audience::Mixed));
            let index = table.rows.iter().position(|r| *r == audience).unwrap_or(0);
            table.count(index, 0, 1);
            table.count(index, 1, came);
        }
    }
    let decisions = network_decisions::Entity::find()
        .filter(network_decisions::Column::EventId.is_in(meetings))
        .all(conn)
        .await?;
    let taken = table.rows.len() - 2;
    table.count(taken, 0, decisions.len() as i64);
    // Carried out by the period's end: the report of a past quarter does not change
    // when it is produced again later.
    let done = decisions
        .iter()
        .filter(|d| d.done_on.is_some_and(|day| day <= held_by))
        .count();
    table.count(taken + 1, 0, done as i64);
    Ok(table)
}
