//! The fictional demo network of Piemonte and Valle d'Aosta: the implementing bodies and
//! provinces of the network, a few partners, the 6 emergency structures (15 beds) and 22
//! reception houses (63 beds) of the seed, and one demo user per role.
//! Loading is idempotent: what already exists (by name or e-mail) is left alone.
//! Every name of a structure and every address is invented.

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::{OrganisationKind, Role};
use crate::auth::password::{hash_password, DEMO_PASSWORD};
use crate::entity::{beds, organisations, structures, users};

mod network;
mod waiting;

pub const DEMO_DOMAIN: &str = "@anello.test";

const COORDINATION: &str = "Regione Piemonte - Coordinamento rete antitratta";
const TORINO_BODY: &str = "Cooperativa Progetto Tenda";
const CUNEO_BODY: &str = "Associazione Papa Giovanni XXIII";
const PREFECTURE: &str = "Prefettura di Torino";

/// (e-mail, description) of every demo account, for the start-up banner and the README.
pub const DEMO_ACCOUNTS: [(&str, &str); 9] = [
    ("admin@anello.test", "administrator"),
    (
        "coordinatrice@anello.test",
        "network coordinator, Regione Piemonte",
    ),
    (
        "accoglienza@anello.test",
        "reception manager, Cooperativa Progetto Tenda (Torino)",
    ),
    (
        "accoglienza.cuneo@anello.test",
        "reception manager, Associazione Papa Giovanni XXIII (Cuneo)",
    ),
    (
        "operatrice@anello.test",
        "case worker, Cooperativa Progetto Tenda (Torino)",
    ),
    (
        "operatrice.cuneo@anello.test",
        "case worker, Associazione Papa Giovanni XXIII (Cuneo)",
    ),
    (
        "strada@anello.test",
        "outreach worker, Associazione Tampep (Torino)",
    ),
    (
        "formatrice@anello.test",
        "trainer, Associazione Gruppo Abele (Torino)",
    ),
    (
        "partner@anello.test",
        "network partner, Prefettura di Torino",
    ),
];

const USERS: [(&str, &str, &str, Role); 9] = [
    (
        "admin@anello.test",
        "Amministrazione Anello",
        COORDINATION,
        Role::Administrator,
    ),
    (
        "coordinatrice@anello.test",
        "Chiara Bertola",
        COORDINATION,
        Role::Coordinator,
    ),
    (
        "accoglienza@anello.test",
        "Marta Gallo",
        TORINO_BODY,
        Role::ReceptionManager,
    ),
    (
        "accoglienza.cuneo@anello.test",
        "Paola Giordano",
        CUNEO_BODY,
        Role::ReceptionManager,
    ),
    (
        "operatrice@anello.test",
        "Sara Colombo",
        TORINO_BODY,
        Role::CaseWorker,
    ),
    (
        "operatrice.cuneo@anello.test",
        "Elena Barbero",
        CUNEO_BODY,
        Role::CaseWorker,
    ),
    (
        "strada@anello.test",
        "Grace Okafor",
        "Associazione Tampep",
        Role::OutreachWorker,
    ),
    (
        "formatrice@anello.test",
        "Laura Ferrero",
        "Associazione Gruppo Abele",
        Role::Trainer,
    ),
    (
        "partner@anello.test",
        "Davide Rinaldi",
        PREFECTURE,
        Role::Partner,
    ),
];

/// (name, kind, province) of the organisations.
const ORGANISATIONS: [(&str, OrganisationKind, &str); 18] = [
    (COORDINATION, OrganisationKind::Coordination, "TO"),
    ("Comune di Torino", OrganisationKind::ImplementingBody, "TO"),
    (TORINO_BODY, OrganisationKind::ImplementingBody, "TO"),
    (
        "Associazione Idea Donna",
        OrganisationKind::ImplementingBody,
        "TO",
    ),
    (
        "Associazione Tampep",
        OrganisationKind::ImplementingBody,
        "TO",
    ),
    (
        "Associazione Gruppo Abele",
        OrganisationKind::ImplementingBody,
        "TO",
    ),
    (CUNEO_BODY, OrganisationKind::ImplementingBody, "CN"),
    (
        "Associazione Granello di Senape",
        OrganisationKind::ImplementingBody,
        "CN",
    ),
    (
        "Consorzio Monviso Solidale",
        OrganisationKind::ImplementingBody,
        "CN",
    ),
    (
        "Associazione Piam Onlus",
        OrganisationKind::ImplementingBody,
        "AT",
    ),
    (
        "Associazione San Benedetto al Porto",
        OrganisationKind::ImplementingBody,
        "AL",
    ),
    (
        "Consorzio CISSACA",
        OrganisationKind::ImplementingBody,
        "AL",
    ),
    (
        "Associazione Liberazione e Speranza",
        OrganisationKind::ImplementingBody,
        "NO",
    ),
    (PREFECTURE, OrganisationKind::Partner, "TO"),
    ("Questura di Cuneo", OrganisationKind::Partner, "CN"),
    (
        "ASL Città di Torino - Servizi sanitari",
        OrganisationKind::Partner,
        "TO",
    ),
    (
        "Commissione Territoriale di Torino",
        OrganisationKind::Partner,
        "TO",
    ),
    (
        "CAS Il Ponte (Alessandria)",
        OrganisationKind::Partner,
        "AL",
    ),
];

/// (name, organisation, kind, province, target groups, beds). 6 emergency structures
/// with 15 beds, then 22 reception houses with 63 beds.
const STRUCTURES: [(&str, &str, &str, &str, &str, u32); 28] = [
    (
        "Pronta accoglienza Aurora",
        TORINO_BODY,
        "safe_house",
        "TO",
        "women,girls_16_18",
        3,
    ),
    (
        "Pronta accoglienza Stella",
        "Associazione Gruppo Abele",
        "emergency",
        "TO",
        "women,transgender",
        3,
    ),
    (
        "Casa di fuga Glicine",
        CUNEO_BODY,
        "safe_house",
        "CN",
        "women,mothers_with_children",
        2,
    ),
    (
        "Pronta accoglienza Tarassaco",
        "Associazione Piam Onlus",
        "emergency",
        "AT",
        "women",
        3,
    ),
    (
        "Pronta accoglienza Faro",
        "Associazione San Benedetto al Porto",
        "emergency",
        "AL",
        "men",
        2,
    ),
    (
        "Casa di fuga Lanterna",
        "Associazione Liberazione e Speranza",
        "safe_house",
        "NO",
        "women",
        2,
    ),
    (
        "Casa Ginestra",
        TORINO_BODY,
        "second_reception",
        "TO",
        "women",
        3,
    ),
    (
        "Casa Edera",
        TORINO_BODY,
        "second_reception",
        "TO",
        "mothers_with_children",
        3,
    ),
    (
        "Appartamento Vela",
        TORINO_BODY,
        "supported_flat",
        "TO",
        "women",
        2,
    ),
    (
        "Casa Mimosa",
        "Associazione Idea Donna",
        "second_reception",
        "TO",
        "women",
        3,
    ),
    (
        "Casa Girasole",
        "Associazione Idea Donna",
        "second_reception",
        "TO",
        "mothers_with_children",
        3,
    ),
    (
        "Casa Arcobaleno",
        "Associazione Tampep",
        "second_reception",
        "TO",
        "transgender",
        3,
    ),
    (
        "Casa Quercia",
        "Associazione Gruppo Abele",
        "second_reception",
        "TO",
        "men",
        3,
    ),
    (
        "Appartamento Ponte",
        "Comune di Torino",
        "supported_flat",
        "TO",
        "women",
        2,
    ),
    (
        "Casa Lavanda",
        "Comune di Torino",
        "second_reception",
        "TO",
        "women",
        3,
    ),
    (
        "Casa Betulla",
        CUNEO_BODY,
        "second_reception",
        "CN",
        "women",
        3,
    ),
    (
        "Casa Magnolia",
        CUNEO_BODY,
        "second_reception",
        "CN",
        "mothers_with_children",
        3,
    ),
    (
        "Casa Granello",
        "Associazione Granello di Senape",
        "second_reception",
        "CN",
        "women",
        3,
    ),
    (
        "Casa Monviso",
        "Consorzio Monviso Solidale",
        "second_reception",
        "CN",
        "men",
        3,
    ),
    (
        "Appartamento Sorgente",
        "Consorzio Monviso Solidale",
        "supported_flat",
        "CN",
        "women",
        2,
    ),
    (
        "Casa Tiglio",
        "Associazione Piam Onlus",
        "second_reception",
        "AT",
        "women",
        3,
    ),
    (
        "Casa Camelia",
        "Associazione Piam Onlus",
        "second_reception",
        "AT",
        "mothers_with_children",
        3,
    ),
    (
        "Casa Porto",
        "Associazione San Benedetto al Porto",
        "second_reception",
        "AL",
        "men",
        3,
    ),
    (
        "Casa Acero",
        "Consorzio CISSACA",
        "second_reception",
        "AL",
        "women",
        3,
    ),
    (
        "Casa Rosa dei venti",
        "Associazione Liberazione e Speranza",
        "second_reception",
        "NO",
        "women",
        3,
    ),
    (
        "Casa Speranza",
        "Associazione Liberazione e Speranza",
        "second_reception",
        "VC",
        "women",
        3,
    ),
    (
        "Casa Orchidea",
        "Associazione Gruppo Abele",
        "second_reception",
        "AO",
        "women",
        3,
    ),
    (
        "Casa Fontana",
        "Associazione Tampep",
        "second_reception",
        "AO",
        "transgender",
        3,
    ),
];

#[derive(Debug, Default)]
pub struct DemoReport {
    pub organisations: u64,
    pub structures: u64,
    pub beds: u64,
}

pub async fn network_is_empty(db: &DatabaseConnection) -> Result<bool, sea_orm::DbErr> {
    Ok(organisations::Entity::find().count(db).await? == 0)
}

/// Production refuses to start while demo accounts (and their public password) exist.
pub async fn refuse_demo_accounts(db: &DatabaseConnection) -> Result<(), anyhow::Error> {
    let demo = users::Entity::find()
        .filter(users::Column::Email.ends_with(DEMO_DOMAIN))
        .filter(users::Column::Active.eq(true))
        .count(db)
        .await?;
    if demo > 0 {
        anyhow::bail!("{demo} active demo account(s) ({DEMO_DOMAIN}) exist: disable them first");
    }
    // A demo account renamed to another address keeps a public password: check them all
    // (once, at start-up; a few milliseconds per account).
    for user in users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await?
    {
        if crate::auth::password::verify_password_off_thread(DEMO_PASSWORD, user.password_hash)
            .await
        {
            anyhow::bail!(
                "the active account {} still has the demo password: change it first",
                user.email
            );
        }
    }
    Ok(())
}

/// A year and a half of dated activity for the demo (path steps, evaluations, outreach
/// contacts), so that the funder report shows something, and people waiting for a bed
/// (`waiting`). Only `anello demo-data` and `serve --demo-if-empty` add it, once: the
/// tests start from the bare demo network.
pub async fn load_demo_activity(db: &DatabaseConnection) -> Result<(), anyhow::Error> {
    if crate::entity::contacts::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let txn = crate::kernel::db::begin_write(db).await?;
    // The past stays first: the dated steps of their people follow them.
    crate::reports::demo::load_demo_past_stays(&txn, crate::kernel::clock::today(), Utc::now())
        .await?;
    crate::reports::demo::load_demo_history(&txn, 1).await?;
    let key = crate::state::IdentityKey::new(crate::state::IdentityKey::DEVELOPMENT);
    waiting::load_demo_waiting(&txn, &key).await?;
    txn.commit().await?;
    Ok(())
}

/// Loads the demo network (what is missing of it) in one transaction, and reports what
/// the database then holds.
pub async fn load_demo_network(db: &DatabaseConnection) -> Result<DemoReport, anyhow::Error> {
    // Each demo user gets a hash of their own (own salt), computed before the transaction.
    let mut hashes = Vec::with_capacity(USERS.len());
    for _ in USERS {
        hashes.push(hash_password(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("hashing: {e}"))?);
    }
    let now = Utc::now();
    let txn = crate::kernel::db::begin_write(db).await?;
    network::insert_missing_organisations(&txn, now).await?;
    network::insert_missing_users(&txn, hashes).await?;
    network::insert_missing_structures(&txn, now).await?;
    if crate::people::registry::demo::registry_is_empty(&txn).await? {
        let key = crate::state::IdentityKey::new(crate::state::IdentityKey::DEVELOPMENT);
        crate::people::registry::demo::load_demo_people(&txn, 1, &key).await?;
        crate::planner::demo::load_demo_plans(&txn).await?;
        crate::path::demo::load_demo_path(&txn).await?;
    }
    crate::forum::demo::load_demo_forum(&txn).await?;
    crate::network::demo::load_demo_events(&txn).await?;
    record(&txn, None, AuditEvent::new(None, "demo.load", "network")).await?;
    txn.commit().await?;
    Ok(DemoReport {
        organisations: organisations::Entity::find().count(db).await?,
        structures: structures::Entity::find().count(db).await?,
        beds: beds::Entity::find().count(db).await?,
    })
}
