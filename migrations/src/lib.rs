//! Schema migrations, applied in order at start-up (`anello serve` and `anello migrate`).
//! One timestamped file per change; a file, once landed, is never edited.
//!
//! A migration's `up` lists a feature's tables in the order they are created; it is long
//! because the schema is, and a landed file is never edited to cut it, so clippy's
//! `too_many_lines` is allowed for this crate.
#![allow(clippy::too_many_lines)]

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261122_000002_contacts;
mod m20261122_000003_people;
mod m20261122_000004_placements;
mod m20261122_000005_placement_rules;
mod m20261129_000006_planner;
mod m20261130_000007_plan_agreement;
mod m20261201_000008_forum;
mod m20261201_000009_forum_search;
mod m20261201_000010_forum_materials;
mod m20261201_000011_email_notifications;
mod m20261203_000012_path_events;
mod m20261205_000013_code_counters;
mod m20261205_000014_known_sign_in_addresses;
mod m20261205_000015_forum_guard_checks;
mod m20261205_000016_board_indexes;
mod m20261205_000017_board_undo;
mod m20261206_000018_identity_search;
mod m20261206_000019_password_resets;
mod m20261206_000020_work_reminders;
mod m20261206_000021_contact_client_ids;
mod m20261206_000022_commission;
mod m20261206_000023_judicial;
mod m20261206_000024_minor_procedures;
mod m20261206_000025_person_documents;
mod m20261206_000026_rooms;
mod m20261207_000027_support_spending;
mod m20261207_000028_person_transfers;
mod m20261207_000029_network_events;
mod m20261207_000030_placement_rule_checks;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261122_000002_contacts::Migration),
            Box::new(m20261122_000003_people::Migration),
            Box::new(m20261122_000004_placements::Migration),
            Box::new(m20261122_000005_placement_rules::Migration),
            Box::new(m20261129_000006_planner::Migration),
            Box::new(m20261130_000007_plan_agreement::Migration),
            Box::new(m20261201_000008_forum::Migration),
            Box::new(m20261201_000009_forum_search::Migration),
            Box::new(m20261201_000010_forum_materials::Migration),
            Box::new(m20261201_000011_email_notifications::Migration),
            Box::new(m20261203_000012_path_events::Migration),
            Box::new(m20261205_000013_code_counters::Migration),
            Box::new(m20261205_000014_known_sign_in_addresses::Migration),
            Box::new(m20261205_000015_forum_guard_checks::Migration),
            Box::new(m20261205_000016_board_indexes::Migration),
            Box::new(m20261205_000017_board_undo::Migration),
            Box::new(m20261206_000018_identity_search::Migration),
            Box::new(m20261206_000019_password_resets::Migration),
            Box::new(m20261206_000020_work_reminders::Migration),
            Box::new(m20261206_000021_contact_client_ids::Migration),
            Box::new(m20261206_000022_commission::Migration),
            Box::new(m20261206_000023_judicial::Migration),
            Box::new(m20261206_000024_minor_procedures::Migration),
            Box::new(m20261206_000025_person_documents::Migration),
            Box::new(m20261206_000026_rooms::Migration),
            Box::new(m20261207_000027_support_spending::Migration),
            Box::new(m20261207_000028_person_transfers::Migration),
            Box::new(m20261207_000029_network_events::Migration),
            Box::new(m20261207_000030_placement_rule_checks::Migration),
        ]
    }
}
