//! Reading the board: the structures a filter keeps, and their cards as one user sees
//! them. The page and the live updates (`deltas`) build cards with the same code, so a
//! board kept up to date by deltas shows what a reload would.

use sea_orm::QuerySelect;

use super::*;
use crate::beds::live::{CardFacts, OpenStay};

pub async fn board(ctx: &Ctx, filter: &BoardFilter) -> Result<Board, AppError> {
    let user = ctx.user()?;
    let db = &ctx.db;
    let (today, now) = (today(), Utc::now());
    let found = structures_shown(db, filter).await?;
    let facts = CardFacts::load(db, &found).await?;
    let free_only = !filter.free_only.trim().is_empty();
    let reveals = running_reveals(ctx).await?;
    let mut structures_out = Vec::new();
    let (mut free_total, mut beds_total) = (0, 0);
    for structure in &found {
        // The address goes out only to this user, while her reveal runs.
        let revealed = reveals
            .iter()
            .find(|(id, _)| *id == structure.id)
            .map(|(_, until)| *until)
            .filter(|_| may_reveal_address(user, structure));
        let card = facts.card(user, structure, revealed, today, now);
        free_total += card.free_beds;
        beds_total += card.beds.len();
        if free_only && card.free_beds == 0 {
            continue;
        }
        structures_out.push(card);
    }
    let waiting_entries = waiting_list::Entity::find()
        .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
        .all(db)
        .await?;
    let waiting = rows_of(db, waiting_entries).await?;
    let organisations = crate::kernel::names::organisations_of_kinds(
        db,
        &[OrganisationKind::ImplementingBody.code()],
        false,
    )
    .await?;
    record_alone(
        db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "board.view", "board").detail(format!(
            "structures={} occupied={}",
            structures_out.len(),
            facts.open.len()
        )),
    )
    .await?;
    Ok(Board {
        structures: structures_out,
        waiting,
        free_beds: free_total,
        total_beds: beds_total,
        organisations,
        today,
        undo: undo::offer(ctx).await?,
    })
}

/// The active structures the board's filter keeps, by province and name.
pub(super) async fn structures_shown<C: ConnectionTrait>(
    conn: &C,
    filter: &BoardFilter,
) -> Result<Vec<structures::Model>, AppError> {
    let mut found = structures::Entity::find()
        .filter(structures::Column::Active.eq(true))
        .order_by_asc(structures::Column::Province)
        .order_by_asc(structures::Column::Name)
        .all(conn)
        .await?;
    found.retain(|structure| filter_keeps(filter, structure));
    Ok(found)
}

/// Whether the board's filter keeps an active structure: the one test of the page and of
/// the live updates, so a delta never shows a structure the page would not. (A network
/// has a few hundred structures at most: they are filtered here, not in SQL.)
pub(super) fn filter_keeps(filter: &BoardFilter, structure: &structures::Model) -> bool {
    let province = filter.province.trim();
    let province_kept = province.is_empty() || structure.province == province.to_uppercase();
    let organisation_kept = match filter.organisation.trim().parse::<i32>() {
        Ok(organisation) => structure.organisation_id == organisation,
        Err(_) => true,
    };
    let kind_kept = match StructureKind::from_code(filter.kind.trim()) {
        Some(kind) => structure.kind == kind.code(),
        None => true,
    };
    let target_kept = match TargetGroup::from_code(filter.target.trim()) {
        Some(target) => {
            parse_codes(&structure.target_groups, TargetGroup::from_code).contains(&target)
        }
        None => true,
    };
    structure.active && province_kept && organisation_kept && kind_kept && target_kept
}

impl CardFacts {
    pub(super) async fn load<C: ConnectionTrait>(
        conn: &C,
        structures: &[structures::Model],
    ) -> Result<CardFacts, AppError> {
        let ids: Vec<i32> = structures.iter().map(|s| s.id).collect();
        let beds = beds::Entity::find()
            .filter(beds::Column::StructureId.is_in(ids.clone()))
            .order_by_asc(beds::Column::Position)
            .all(conn)
            .await?;
        let rooms = rooms::Entity::find()
            .filter(rooms::Column::StructureId.is_in(ids.clone()))
            .order_by_asc(rooms::Column::Position)
            .order_by_asc(rooms::Column::Id)
            .all(conn)
            .await?;
        let open = open_placements_in(ids)
            .into_model::<OpenStay>()
            .all(conn)
            .await?;
        let codes = person_codes(conn, open.iter().map(|p| p.person_id)).await?;
        let names = organisation_names(conn, structures.iter().map(|s| s.organisation_id)).await?;
        let open_in = open
            .iter()
            .enumerate()
            .map(|(index, placement)| (placement.bed_id, index))
            .collect();
        Ok(CardFacts {
            beds,
            rooms,
            open,
            open_in,
            codes,
            names,
        })
    }

    /// A structure's card as `user` sees it; the address only while `revealed`.
    pub(super) fn card(
        &self,
        user: &CurrentUser,
        structure: &structures::Model,
        revealed: Option<chrono::DateTime<Utc>>,
        today: NaiveDate,
        now: chrono::DateTime<Utc>,
    ) -> StructureCard {
        let kind = StructureKind::from_stored(&structure.kind, StructureKind::SecondReception);
        let slots: Vec<BedSlot> = self
            .beds
            .iter()
            .filter(|b| b.structure_id == structure.id)
            .map(|bed| {
                let placement = self.open_in.get(&bed.id).map(|index| &self.open[*index]);
                bed_slot(bed, placement, &self.codes, kind, today, now)
            })
            .collect();
        let rooms = self
            .rooms
            .iter()
            .filter(|room| room.structure_id == structure.id)
            .map(|room| RoomView {
                id: room.id,
                name: room.name.clone(),
                floor: room.floor,
            })
            .collect();
        structure_card(user, structure, kind, (rooms, slots), &self.names, revealed)
    }
}

/// A structure's card on the board, with its beds; the address only while `revealed`.
fn structure_card(
    user: &CurrentUser,
    structure: &structures::Model,
    kind: StructureKind,
    (rooms, slots): (Vec<RoomView>, Vec<BedSlot>),
    names: &HashMap<i32, String>,
    revealed: Option<chrono::DateTime<Utc>>,
) -> StructureCard {
    let free = slots.iter().filter(|s| s.state == BedState::Free).count();
    StructureCard {
        id: structure.id,
        name: structure.name.clone(),
        kind,
        province: structure.province.clone(),
        organisation: names
            .get(&structure.organisation_id)
            .cloned()
            .unwrap_or_default(),
        target_groups: parse_codes(&structure.target_groups, TargetGroup::from_code),
        rooms,
        beds: slots,
        free_beds: free,
        may_manage: may_manage_structure(user, structure),
        may_reveal_address: may_reveal_address(user, structure),
        address: revealed.and(structure.address.clone()),
        address_visible_until: revealed,
    }
}

fn bed_slot(
    bed: &beds::Model,
    placement: Option<&OpenStay>,
    codes: &HashMap<i32, String>,
    kind: StructureKind,
    today: NaiveDate,
    now: chrono::DateTime<Utc>,
) -> BedSlot {
    let held = bed.held_until.filter(|until| *until > now);
    let state = match (placement, &bed.out_of_service_reason, held) {
        (Some(_), _, _) => BedState::Occupied,
        (None, Some(_), _) => BedState::OutOfService,
        (None, None, Some(_)) => BedState::Held,
        (None, None, None) => BedState::Free,
    };
    let planned_exit = placement.and_then(|p| {
        p.planned_exit_on.or_else(|| {
            matches!(kind, StructureKind::Emergency | StructureKind::SafeHouse)
                .then(|| p.started_on + Duration::days(EMERGENCY_STAY_DAYS))
        })
    });
    BedSlot {
        id: bed.id,
        label: bed.label.clone(),
        room: bed.room_id,
        state,
        person_code: placement.and_then(|p| codes.get(&p.person_id).cloned()),
        arrived_on: placement.map(|p| p.started_on),
        days_since_arrival: placement.map(|p| (today - p.started_on).num_days()),
        planned_exit_on: planned_exit,
        exit_overdue: planned_exit.is_some_and(|d| d < today),
        held_until: held,
        out_of_service_reason: bed.out_of_service_reason.clone(),
    }
}

/// The open placements in some structures, what their beds' cards show of them: read
/// through the partial index of open placements by structure, never through the
/// history (see the test below).
fn open_placements_in(structure_ids: Vec<i32>) -> sea_orm::Select<placements::Entity> {
    placements::Entity::find()
        .select_only()
        .columns([
            placements::Column::PersonId,
            placements::Column::BedId,
            placements::Column::StartedOn,
            placements::Column::PlannedExitOn,
        ])
        .filter(placements::Column::StructureId.is_in(structure_ids))
        .filter(placements::Column::EndedOn.is_null())
}

#[cfg(test)]
mod on_databases {
    use super::*;
    use crate::testing::{databases, TestDb};
    use sea_orm::{QueryTrait, Statement, TransactionTrait};

    /// The database's plan for a query, one line per step. On PostgreSQL the demo's tables
    /// are small enough for a sequential scan to win, so the planner is asked for its
    /// best plan without one: what is checked is that the index serves the query.
    async fn plan_of(test: &TestDb, query: String) -> String {
        let backend = test.db.get_database_backend();
        let lines: Vec<String> = match backend {
            sea_orm::DbBackend::Postgres => {
                let txn = test.db.begin().await.unwrap();
                txn.execute_unprepared("SET LOCAL enable_seqscan = off")
                    .await
                    .unwrap();
                let explain = Statement::from_string(backend, format!("EXPLAIN {query}"));
                let rows = txn.query_all_raw(explain).await.unwrap();
                rows.iter()
                    .map(|row| row.try_get_by_index::<String>(0).unwrap())
                    .collect()
            }
            _ => {
                let explain =
                    Statement::from_string(backend, format!("EXPLAIN QUERY PLAN {query}"));
                let rows = test.db.query_all_raw(explain).await.unwrap();
                rows.iter()
                    .map(|row| row.try_get::<String>("", "detail").unwrap())
                    .collect()
            }
        };
        lines.join("\n")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_board_and_the_family_rules_read_through_their_indexes() {
        for test in databases().await {
            let backend = test.db.get_database_backend();
            let board = open_placements_in(vec![1, 2, 3]).build(backend).to_string();
            let plan = plan_of(&test, board).await;
            // Never the index of every placement, history included. On PostgreSQL any
            // index of open placements will do: on the demo's few rows the planner
            // rightly picks the smallest.
            assert!(
                !plan.contains("idx_placements_structure"),
                "{}: {plan}",
                test.backend
            );
            let open_indexes = if test.backend == "postgres" {
                &[
                    "idx_placements_open_structure",
                    "uq_placements_open_bed",
                    "uq_placements_open_person",
                ][..]
            } else {
                &["idx_placements_open_structure"][..]
            };
            assert!(
                open_indexes.iter().any(|index| plan.contains(index)),
                "{}: {plan}",
                test.backend
            );
            let family = people::Entity::find()
                .filter(people::Column::FamilyHeadId.eq(1))
                .build(backend)
                .to_string();
            let plan = plan_of(&test, family).await;
            assert!(
                plan.contains("idx_people_family_head"),
                "{}: {plan}",
                test.backend
            );
            test.finish().await;
        }
    }
}
