//! The network's work in the demo, so that "Azioni di sistema" and "Il mio lavoro" show
//! something after `make run`: a training for emergency-department staff held (with
//! who came, their certificates, a material of the library), a workshop and a training
//! for CAS operators to come, and a meeting of the steering group with its minutes and
//! three decisions (one done, one overdue). Days are counted from today; the people
//! without an account are fictional.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use super::model::{Audience, EventKind};
use crate::entity::{
    forum_materials, network_decisions, network_event_materials, network_events,
    network_participants, users,
};

struct DemoEvent {
    kind: EventKind,
    title: &'static str,
    audience: Audience,
    days_from_today: i64,
    hours: Option<i32>,
    place: &'static str,
    trainers: &'static str,
    agenda: &'static str,
    organiser: &'static str,
}

const EVENTS: [DemoEvent; 4] = [
    DemoEvent {
        kind: EventKind::Training,
        title: "Riconoscere gli indicatori di tratta al pronto soccorso",
        audience: Audience::EmergencyDepartment,
        days_from_today: -17,
        hours: Some(4),
        place: "Ospedale Maria Vittoria, aula A, Torino",
        trainers: "Laura Ferrero (Gruppo Abele), Grace Okafor (Tampep)",
        agenda: "Il fenomeno in Piemonte; gli indicatori nel colloquio sanitario; come e quando chiamare il Numero Verde 800 290 290; casi di studio.",
        organiser: "formatrice@anello.test",
    },
    DemoEvent {
        kind: EventKind::Workshop,
        title: "Mamme con bambini: la presa in carico condivisa con i servizi sociali",
        audience: Audience::SocialServices,
        days_from_today: 12,
        hours: Some(3),
        place: "Regione Piemonte, corso Regina Margherita 153, Torino",
        trainers: "Chiara Bertola (Coordinamento rete antitratta)",
        agenda: "I problemi incontrati dagli operatori; una proposta di protocollo con gli enti gestori; chi fa che cosa.",
        organiser: "coordinatrice@anello.test",
    },
    DemoEvent {
        kind: EventKind::Training,
        title: "Indicatori di tratta per gli operatori dei CAS (progetto FAMI)",
        audience: Audience::CasSai,
        days_from_today: 20,
        hours: Some(4),
        place: "Prefettura di Torino, sala riunioni",
        trainers: "Laura Ferrero (Gruppo Abele)",
        agenda: "Osservare e rilevare gli indicatori; il decalogo per i CAS che ospitano donne; l'invio alla rete.",
        organiser: "formatrice@anello.test",
    },
    DemoEvent {
        kind: EventKind::Meeting,
        title: "Cabina di regia regionale",
        audience: Audience::NetworkStaff,
        days_from_today: -10,
        hours: Some(2),
        place: "Regione Piemonte, Torino, e in videochiamata",
        trainers: "Chiara Bertola",
        agenda: "1. Posti letto e lista d'attesa\n2. Accoglienza delle 16-18enni in case per maggiorenni\n3. Formazione dei pronto soccorso",
        organiser: "coordinatrice@anello.test",
    },
];

async fn user<C: ConnectionTrait>(
    conn: &C,
    email: &str,
) -> Result<Option<users::Model>, sea_orm::DbErr> {
    users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(conn)
        .await
}

/// Loads the demo events once (when the network has none).
pub async fn load_demo_events<C: ConnectionTrait>(conn: &C) -> Result<(), sea_orm::DbErr> {
    if network_events::Entity::find().count(conn).await? > 0 {
        return Ok(());
    }
    let mut ids = Vec::new();
    for event in &EVENTS {
        let Some(organiser) = user(conn, event.organiser).await? else {
            return Ok(());
        };
        ids.push((insert_event(conn, event, &organiser).await?, organiser.id));
    }
    let [(training, trainer), (workshop, _), (cas_training, _), (meeting, coordinator)] = ids[..]
    else {
        return Ok(());
    };
    for (name, organisation, attended) in [
        (
            "Anna Rossi",
            "ASL Città di Torino, pronto soccorso Maria Vittoria",
            true,
        ),
        (
            "Marco Esposito",
            "ASL Città di Torino, pronto soccorso Maria Vittoria",
            true,
        ),
        ("Giulia Conti", "ASL TO4, consultorio di Chivasso", true),
        (
            "Paolo Greco",
            "ASL Città di Torino, pronto soccorso Giovanni Bosco",
            false,
        ),
    ] {
        participant(training, None, (name, organisation), attended, trainer)
            .insert(conn)
            .await?;
    }
    for (email, event, attended) in [
        ("partner@anello.test", cas_training, false),
        ("operatrice@anello.test", workshop, false),
        ("accoglienza@anello.test", meeting, true),
        ("accoglienza.cuneo@anello.test", meeting, true),
    ] {
        register_member(conn, email, event, attended).await?;
    }
    link_first_material(conn, training).await?;
    write_meeting(conn, meeting, coordinator).await
}

async fn insert_event<C: ConnectionTrait>(
    conn: &C,
    event: &DemoEvent,
    organiser: &users::Model,
) -> Result<i32, sea_orm::DbErr> {
    let now = Utc::now();
    let today = crate::kernel::clock::today();
    Ok(network_events::ActiveModel {
        kind: Set(event.kind.code().into()),
        title: Set(event.title.into()),
        audience: Set(event.audience.code().into()),
        held_on: Set(today + Duration::days(event.days_from_today)),
        hours: Set(event.hours),
        place: Set(event.place.into()),
        trainers: Set(event.trainers.into()),
        agenda: Set(Some(event.agenda.into())),
        minutes: Set(None),
        organisation_id: Set(organiser.organisation_id),
        created_by: Set(organiser.id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?
    .id)
}

fn participant(
    event: i32,
    user_id: Option<i32>,
    (name, organisation): (&str, &str),
    attended: bool,
    by: i32,
) -> network_participants::ActiveModel {
    network_participants::ActiveModel {
        event_id: Set(event),
        user_id: Set(user_id),
        full_name: Set(name.into()),
        organisation_name: Set(organisation.into()),
        attended: Set(attended),
        registered_by: Set(by),
        registered_at: Set(Utc::now()),
        ..Default::default()
    }
}

async fn register_member<C: ConnectionTrait>(
    conn: &C,
    email: &str,
    event: i32,
    attended: bool,
) -> Result<(), sea_orm::DbErr> {
    let Some(member) = user(conn, email).await? else {
        return Ok(());
    };
    let organisation = crate::kernel::names::organisation_name(conn, member.organisation_id)
        .await
        .map_err(|e| sea_orm::DbErr::Custom(format!("{e:?}")))?;
    participant(
        event,
        Some(member.id),
        (&member.display_name, &organisation),
        attended,
        member.id,
    )
    .insert(conn)
    .await?;
    Ok(())
}

async fn link_first_material<C: ConnectionTrait>(
    conn: &C,
    event: i32,
) -> Result<(), sea_orm::DbErr> {
    if let Some(material) = forum_materials::Entity::find()
        .filter(forum_materials::Column::CurrentVersionId.is_not_null())
        .order_by_asc(forum_materials::Column::Id)
        .one(conn)
        .await?
    {
        network_event_materials::ActiveModel {
            event_id: Set(event),
            material_id: Set(material.id),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

const MINUTES: &str = "Presenti: Coordinamento, Progetto Tenda, Papa Giovanni XXIII.\n\n1. Posti letto: liberi 6 su 78; la lista d'attesa conta 3 persone.\n2. Le 16-18enni: la direttiva regionale si applica anche a Cuneo; serve un protocollo scritto.\n3. Formazione dei pronto soccorso: primo incontro tenuto a Torino, il prossimo a Cuneo.";

/// The meeting's minutes and its decisions: one due in five days, one two days late,
/// one done.
async fn write_meeting<C: ConnectionTrait>(
    conn: &C,
    meeting: i32,
    coordinator: i32,
) -> Result<(), sea_orm::DbErr> {
    if let Some(row) = network_events::Entity::find_by_id(meeting)
        .one(conn)
        .await?
    {
        let mut row = row.into_active_model();
        row.minutes = Set(Some(MINUTES.into()));
        row.update(conn).await?;
    }
    let today = crate::kernel::clock::today();
    for (email, body, due, done) in [
        (
            "accoglienza@anello.test",
            "Inviare alla Prefettura la bozza di protocollo per le 16-18enni",
            5,
            false,
        ),
        (
            "operatrice@anello.test",
            "Raccogliere dai CAS di Torino le segnalazioni del trimestre",
            -2,
            false,
        ),
        (
            "coordinatrice@anello.test",
            "Fissare la data della formazione al pronto soccorso di Cuneo",
            -5,
            true,
        ),
    ] {
        if let Some(owner) = user(conn, email).await? {
            network_decisions::ActiveModel {
                event_id: Set(meeting),
                body: Set(body.into()),
                owner_id: Set(owner.id),
                due_on: Set(today + Duration::days(due)),
                done_on: Set(done.then(|| today - Duration::days(6))),
                created_by: Set(coordinator),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}
