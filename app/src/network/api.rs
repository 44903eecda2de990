//! Server functions of the network's events. Each answers a plain form too: after a
//! change the browser without JavaScript is sent back to the page it came from.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn back_to(id: i32) {
    leptos_axum::redirect(&event_path(id));
}

#[server(endpoint = "network/events")]
pub async fn fetch_events() -> Result<EventsPage, AppError> {
    use crate::auth::ssr::guard;
    guard("network/events", |ctx| async move {
        super::ssr::events_page(&ctx).await
    })
    .await
}

#[server(endpoint = "network/event")]
pub async fn fetch_event(id: String) -> Result<EventPage, AppError> {
    use crate::auth::ssr::guard;
    guard("network/event", |ctx| async move {
        super::ssr::event_page(&ctx, valid_id("id", &id)?).await
    })
    .await
}

#[server(endpoint = "network/events/save")]
pub async fn save_event(form: EventForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/events/save", |ctx| async move {
        let id = super::ssr::save_event(&ctx, form.validate()?).await?;
        back_to(id);
        Ok(())
    })
    .await
}

#[server(endpoint = "network/events/minutes")]
pub async fn save_minutes(id: String, minutes: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/events/minutes", |ctx| async move {
        let id = valid_id("id", &id)?;
        super::ssr::save_minutes(&ctx, id, valid_minutes(&minutes)?).await?;
        back_to(id);
        Ok(())
    })
    .await
}

/// Adds (`linked` = "true") or takes off a material of the library.
#[server(endpoint = "network/events/material")]
pub async fn link_material(id: String, material: String, linked: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/events/material", |ctx| async move {
        let id = valid_id("id", &id)?;
        let material = valid_id("material", &material)?;
        super::ssr::link_material(&ctx, id, material, linked == "true").await?;
        back_to(id);
        Ok(())
    })
    .await
}

/// Registers the reader (`registering` = "true"), or takes her registration back.
#[server(endpoint = "network/register")]
pub async fn register_myself(id: String, registering: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/register", |ctx| async move {
        let id = valid_id("id", &id)?;
        super::ssr::register_myself(&ctx, id, registering == "true").await?;
        back_to(id);
        Ok(())
    })
    .await
}

#[server(endpoint = "network/participants/add")]
pub async fn add_participant(id: String, form: ParticipantForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/participants/add", |ctx| async move {
        let id = valid_id("id", &id)?;
        super::ssr::add_participant(&ctx, id, form.validate()?).await?;
        back_to(id);
        Ok(())
    })
    .await
}

#[server(endpoint = "network/participants/remove")]
pub async fn remove_participant(id: String, participant: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/participants/remove", |ctx| async move {
        let id = valid_id("id", &id)?;
        let participant = valid_id("participant", &participant)?;
        super::ssr::remove_participant(&ctx, id, participant).await?;
        back_to(id);
        Ok(())
    })
    .await
}

/// Marks a participant present (`attended` = "true") or absent.
#[server(endpoint = "network/attendance")]
pub async fn mark_attendance(
    id: String,
    participant: String,
    attended: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/attendance", |ctx| async move {
        let id = valid_id("id", &id)?;
        let participant = valid_id("participant", &participant)?;
        super::ssr::mark_attendance(&ctx, id, participant, attended == "true").await?;
        back_to(id);
        Ok(())
    })
    .await
}

#[server(endpoint = "network/decisions/add")]
pub async fn add_decision(id: String, form: DecisionForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/decisions/add", |ctx| async move {
        let id = valid_id("id", &id)?;
        super::ssr::add_decision(&ctx, id, form.validate()?).await?;
        back_to(id);
        Ok(())
    })
    .await
}

/// Marks a decision done (`done` = "true") or open again.
#[server(endpoint = "network/decisions/done")]
pub async fn close_decision(id: String, decision: String, done: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("network/decisions/done", |ctx| async move {
        let id = valid_id("id", &id)?;
        let decision = valid_id("decision", &decision)?;
        super::ssr::close_decision(&ctx, id, decision, done == "true").await?;
        back_to(id);
        Ok(())
    })
    .await
}
