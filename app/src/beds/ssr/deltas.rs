//! Each open board's share of a change. What a change touched is read once per process
//! (`Update::read`); each board then takes the touched structures her filter keeps,
//! built for her as her board page builds them (`reading`), and the waiting-list
//! entries that came or went. A board shown nothing of a change is sent nothing.
//!
//! Views are audited when a board is opened and when it reloads (`board.view`, one row
//! each); a delta is not: it shows only what her board already shows, as it now is.

use super::*;
use std::sync::Arc;

use crate::beds::live::{BoardDelta, BoardNotice, CardFacts, Facts, SharedView, Touched, Update};

/// Reads what a notice touched: the reader the server gives the board's bus at start.
pub fn read_change(
    db: sea_orm::DatabaseConnection,
    notice: BoardNotice,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Update> + Send>> {
    Box::pin(async move { Update::read(&db, notice).await })
}

impl Update {
    /// Reads what the notice touched. Never fails: a failed read becomes a reload.
    async fn read(db: &sea_orm::DatabaseConnection, notice: BoardNotice) -> Update {
        let change = notice.change;
        if matches!(change, BoardChange::Structures | BoardChange::Resync) {
            return Update {
                change,
                facts: None,
            };
        }
        match Facts::read(db, &notice.touched).await {
            Ok(facts) => Update {
                change,
                facts: Some(facts),
            },
            Err(error) => {
                tracing::warn!(%error, "board events: reading a change failed, boards reload");
                Update {
                    change: BoardChange::Resync,
                    facts: None,
                }
            }
        }
    }

    /// A reload for the boards of a stream that fell behind.
    pub fn resync() -> Update {
        Update {
            change: BoardChange::Resync,
            facts: None,
        }
    }

    /// This change as the board of `user` with `filter` shows it, numbered `seq`, as the
    /// JSON of a `BoardEvent`; none when her board shows nothing of it. Boards that show
    /// the change alike share one delta, built and written out once.
    pub fn event_json_for(
        &self,
        user: &CurrentUser,
        filter: &BoardFilter,
        seq: u64,
    ) -> Option<String> {
        let change = serde_json::to_string(&self.change).ok()?;
        let delta = match &self.facts {
            None => Arc::from("null"),
            Some(facts) => facts.shared_delta(user, filter)?,
        };
        Some(format!(
            r#"{{"seq":{seq},"change":{change},"delta":{delta}}}"#
        ))
    }
}

impl Facts {
    async fn read(db: &sea_orm::DatabaseConnection, touched: &Touched) -> Result<Facts, AppError> {
        let touched_beds = beds::Entity::find()
            .filter(beds::Column::Id.is_in(touched.beds.clone()))
            .all(db)
            .await?;
        let mut structure_ids: Vec<i32> = touched_beds.iter().map(|b| b.structure_id).collect();
        structure_ids.sort_unstable();
        structure_ids.dedup();
        let structures = structures::Entity::find()
            .filter(structures::Column::Id.is_in(structure_ids))
            .filter(structures::Column::Active.eq(true))
            .order_by_asc(structures::Column::Province)
            .order_by_asc(structures::Column::Name)
            .all(db)
            .await?;
        let cards = CardFacts::load(db, &structures).await?;
        let still_waiting = waiting_list::Entity::find()
            .filter(waiting_list::Column::Id.is_in(touched.waiting.clone()))
            .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
            .all(db)
            .await?;
        let waiting = rows_of(db, still_waiting).await?;
        let waiting_gone = touched
            .waiting
            .iter()
            .copied()
            .filter(|id| !waiting.iter().any(|row| row.id == *id))
            .collect();
        Ok(Facts {
            structures,
            cards,
            waiting,
            waiting_gone,
            today: today(),
            now: Utc::now(),
            views: std::sync::Mutex::default(),
        })
    }

    /// The delta of this board's view as JSON, built by the first board of that view.
    /// The list is locked only to find or add the view's slot: boards of other views
    /// build theirs at the same time.
    fn shared_delta(&self, user: &CurrentUser, filter: &BoardFilter) -> Option<Arc<str>> {
        let slot = {
            let mut views = self
                .views
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match views
                .iter()
                .find(|view| view.user == *user && view.filter == *filter)
            {
                Some(view) => view.delta.clone(),
                None => {
                    let slot = Arc::new(std::sync::OnceLock::new());
                    views.push(SharedView {
                        user: user.clone(),
                        filter: filter.clone(),
                        delta: slot.clone(),
                    });
                    slot
                }
            }
        };
        slot.get_or_init(|| {
            let delta = self.delta_for(user, filter);
            (!delta.is_empty())
                .then(|| serde_json::to_string(&delta).ok().map(Arc::from))
                .flatten()
        })
        .clone()
    }

    fn delta_for(&self, user: &CurrentUser, filter: &BoardFilter) -> BoardDelta {
        let free_only = !filter.free_only.trim().is_empty();
        let mut delta = BoardDelta {
            waiting: self.waiting.clone(),
            waiting_gone: self.waiting_gone.clone(),
            ..BoardDelta::default()
        };
        for structure in self.structures.iter().filter(|s| filter_keeps(filter, s)) {
            // No address: a reveal is one user's, and her board keeps its own.
            let card = self.cards.card(user, structure, None, self.today, self.now);
            if free_only && card.free_beds == 0 {
                delta.hidden.push(card.id);
            } else {
                delta.structures.push(card);
            }
        }
        delta
    }
}
