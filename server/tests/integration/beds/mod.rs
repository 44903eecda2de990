//! The bed board: placements, moves and exits; the database refuses double-booking even
//! under concurrent requests; the board carries codes, never identities or addresses.

mod board;
mod concurrency;
mod folded;
mod rooms;
mod structures;
mod timeline;

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{beds, placements};

pub(super) const MANAGER: &str = "accoglienza@anello.test";

pub(super) async fn beds_of(app: &TestApp, organisation: &str) -> Vec<beds::Model> {
    app.beds_of(organisation, None).await
}

pub(super) async fn open_placements(app: &TestApp, bed_id: i32) -> u64 {
    placements::Entity::find()
        .filter(placements::Column::BedId.eq(bed_id))
        .filter(placements::Column::EndedOn.is_null())
        .count(&app.db)
        .await
        .unwrap()
}
