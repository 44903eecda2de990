//! Server functions of the bed board. Arguments arrive as text so that a bad value gets
//! a field error (422), not a malformed-request answer.

use leptos::prelude::*;

use super::model::{Board, BoardFilter};
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn bed_id(value: &str) -> Result<i32, AppError> {
    use crate::kernel::error::Problem;
    value
        .trim()
        .parse::<i32>()
        .map_err(|_| AppError::invalid("bed_id", Problem::Required))
}

/// After a plain form post, back to the board with the filters it had (the page it came
/// from, if that was the board).
#[cfg(feature = "ssr")]
fn back_to_board() {
    let from = use_context::<http::request::Parts>().and_then(|parts| {
        let referer = parts.headers.get(http::header::REFERER)?.to_str().ok()?;
        let path = referer.find("/posti-letto").map(|at| &referer[at..])?;
        let clean = path.starts_with("/posti-letto?") || path == "/posti-letto";
        // The filters stay; the guest whose forms were open does not (she has moved).
        clean.then(|| {
            let path = path.split('#').next().unwrap_or(path);
            let (page, query) = path.split_once('?').unwrap_or((path, ""));
            let kept: Vec<&str> = query
                .split('&')
                .filter(|pair| !pair.is_empty() && !pair.starts_with("persona="))
                .collect();
            if kept.is_empty() {
                page.to_string()
            } else {
                format!("{page}?{}", kept.join("&"))
            }
        })
    });
    leptos_axum::redirect(from.as_deref().unwrap_or("/posti-letto"));
}

#[server(endpoint = "beds/board")]
pub async fn fetch_board(filter: BoardFilter) -> Result<Board, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/board", |ctx| async move {
        super::ssr::board(&ctx, &filter).await
    })
    .await
}

/// Places a person in a bed (her children without a bed in the adjacent ones). Answers
/// the beds taken, the chosen one first.
#[server(endpoint = "beds/place")]
pub async fn place_in_bed(
    code: String,
    bed_id: String,
    planned_exit_on: Option<String>,
    override_reason: Option<String>,
) -> Result<Vec<i32>, AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Validation;
    guard("beds/place", |ctx| async move {
        let bed = self::bed_id(&bed_id)?;
        let planned = match planned_exit_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => {
                let mut checks = Validation::default();
                let day = crate::kernel::dates::optional_day("planned_exit_on", value, &mut checks);
                checks.finish()?;
                day
            }
        };
        let taken =
            super::ssr::place(&ctx, &code, bed, planned, override_reason.as_deref()).await?;
        back_to_board();
        Ok(taken)
    })
    .await
}

/// Moves a guest (and her children sharing her structure) to another bed. Answers the
/// beds taken, the chosen one first.
#[server(endpoint = "beds/move")]
pub async fn move_to_bed(
    code: String,
    bed_id: String,
    override_reason: Option<String>,
) -> Result<Vec<i32>, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/move", |ctx| async move {
        let bed = self::bed_id(&bed_id)?;
        let taken = super::ssr::move_guest(&ctx, &code, bed, override_reason.as_deref()).await?;
        back_to_board();
        Ok(taken)
    })
    .await
}

#[server(endpoint = "beds/discharge")]
pub async fn discharge_guest(
    code: String,
    reason: String,
    ended_on: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::{Problem, Validation};
    guard("beds/discharge", |ctx| async move {
        let mut checks = Validation::default();
        let reason = super::model::StayEnd::from_code(reason.trim());
        if reason.is_none() {
            checks.add("reason", Problem::Required);
        }
        let today = crate::kernel::clock::today();
        let ended = crate::kernel::dates::past_day("ended_on", &ended_on, today, &mut checks);
        checks.finish()?;
        super::ssr::discharge(
            &ctx,
            &code,
            reason.unwrap_or(super::model::StayEnd::Other),
            ended.unwrap_or(today),
        )
        .await?;
        back_to_board();
        Ok(())
    })
    .await
}

/// Takes back this user's last change on the board, within a minute of it. Answers the
/// code of the person it was about.
#[server(endpoint = "beds/undo")]
pub async fn undo_last_change() -> Result<String, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/undo", |ctx| async move {
        let code = super::ssr::undo::undo_last(&ctx).await?;
        back_to_board();
        Ok(code)
    })
    .await
}

#[server(endpoint = "beds/address/reveal")]
pub async fn reveal_address(structure_id: String, reason: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("beds/address/reveal", |ctx| async move {
        let id = structure_id
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::invalid("structure_id", Problem::Required))?;
        super::ssr::reveal_address(&ctx, id, &reason).await?;
        back_to_board();
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/hold")]
pub async fn hold_bed(
    bed_id: String,
    person_code: Option<String>,
    hours: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("beds/hold", |ctx| async move {
        let bed = self::bed_id(&bed_id)?;
        let hours = hours
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::invalid("hours", Problem::OutOfRange))?;
        let code = person_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        super::ssr::hold_bed(&ctx, bed, code, hours).await?;
        back_to_board();
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/service")]
pub async fn set_bed_service(bed_id: String, reason: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("beds/service", |ctx| async move {
        let bed = self::bed_id(&bed_id)?;
        super::ssr::set_out_of_service(&ctx, bed, &reason).await?;
        back_to_board();
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/structures")]
pub async fn fetch_structures() -> Result<super::model::StructuresPage, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/structures", |ctx| async move {
        super::ssr::structures_page(&ctx).await
    })
    .await
}

#[server(endpoint = "beds/structures/save")]
pub async fn save_structure(form: super::model::StructureForm) -> Result<i32, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/structures/save", |ctx| async move {
        let valid = form.validate()?;
        let id = super::ssr::save_structure(&ctx, valid).await?;
        leptos_axum::redirect("/strutture");
        Ok(id)
    })
    .await
}

#[server(endpoint = "beds/beds/add")]
pub async fn add_bed(structure_id: String, label: String, room: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("beds/beds/add", |ctx| async move {
        let id = structure_id
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::invalid("structure_id", Problem::Required))?;
        let room = super::rooms::chosen_room(&room)?;
        super::ssr::add_bed(&ctx, id, &label, room).await?;
        leptos_axum::redirect("/strutture");
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/beds/remove")]
pub async fn remove_bed(bed_id: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("beds/beds/remove", |ctx| async move {
        let bed = self::bed_id(&bed_id)?;
        super::ssr::remove_bed(&ctx, bed).await?;
        leptos_axum::redirect("/strutture");
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/timeline")]
pub async fn fetch_timeline(
    structure_id: String,
    month: String,
) -> Result<super::model::Timeline, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/timeline", |ctx| async move {
        let id = structure_id
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::NotFound)?;
        super::ssr::timeline(&ctx, id, &month).await
    })
    .await
}

// ---------------------------------------------------------------- what the rules look at

#[cfg(feature = "ssr")]
fn back_to_person(code: &str) {
    leptos_axum::redirect(&format!("/persone/{}", code.trim().to_uppercase()));
}

/// The authorisations and "kept apart" pairs of a person, for her team.
#[server(endpoint = "beds/safeguards")]
pub async fn fetch_safeguards(code: String) -> Result<super::rules::Safeguards, AppError> {
    use crate::auth::ssr::guard;
    guard("beds/safeguards", |ctx| async move {
        super::ssr::rules::safeguards(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "beds/safeguards/authorise")]
pub async fn record_authorisation(
    code: String,
    kind: String,
    reference: String,
    granted_on: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::{Problem, Validation};
    guard("beds/safeguards/authorise", |ctx| async move {
        let mut checks = Validation::default();
        let kind = super::rules::AuthorisationKind::from_code(kind.trim());
        if kind.is_none() {
            checks.add("kind", Problem::Required);
        }
        let reference = reference.split_whitespace().collect::<Vec<_>>().join(" ");
        if reference.is_empty() {
            checks.add("reference", Problem::Required);
        } else if reference.chars().count() > super::rules::MAX_AUTHORISATION_REFERENCE {
            checks.add("reference", Problem::TooLong);
        }
        let today = crate::kernel::clock::today();
        let granted = crate::kernel::dates::past_day("granted_on", &granted_on, today, &mut checks);
        checks.finish()?;
        super::ssr::rules::record_authorisation(
            &ctx,
            &code,
            kind.unwrap_or(super::rules::AuthorisationKind::Guardian),
            &reference,
            granted.unwrap_or(today),
        )
        .await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/safeguards/authorisation/withdraw")]
pub async fn withdraw_authorisation(
    code: String,
    authorisation_id: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("beds/safeguards/authorisation/withdraw", |ctx| async move {
        let id = authorisation_id
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::invalid("authorisation_id", Problem::Required))?;
        super::ssr::rules::withdraw_authorisation(&ctx, &code, id).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/safeguards/apart/add")]
pub async fn add_kept_apart(
    code: String,
    other_code: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("beds/safeguards/apart/add", |ctx| async move {
        let reason = super::rules::KeptApartReason::from_code(reason.trim())
            .ok_or_else(|| AppError::invalid("reason", Problem::Required))?;
        if other_code.trim().is_empty() {
            return Err(AppError::invalid("other_code", Problem::Required));
        }
        super::ssr::rules::add_kept_apart(&ctx, &code, &other_code, reason).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/safeguards/apart/remove")]
pub async fn remove_kept_apart(code: String, pair_id: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("beds/safeguards/apart/remove", |ctx| async move {
        let id = pair_id
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::invalid("pair_id", Problem::Required))?;
        super::ssr::rules::remove_kept_apart(&ctx, &code, id).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/rooms/save")]
pub async fn save_room(form: super::rooms::RoomForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("beds/rooms/save", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::save_room(&ctx, valid).await?;
        leptos_axum::redirect("/strutture");
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/rooms/remove")]
pub async fn remove_room(room_id: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("beds/rooms/remove", |ctx| async move {
        let room = super::rooms::chosen_room(&room_id)?.ok_or(AppError::invalid(
            "room",
            crate::kernel::error::Problem::Required,
        ))?;
        super::ssr::remove_room(&ctx, room).await?;
        leptos_axum::redirect("/strutture");
        Ok(())
    })
    .await
}

#[server(endpoint = "beds/beds/room")]
pub async fn set_bed_room(bed_id: String, room: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("beds/beds/room", |ctx| async move {
        let bed = self::bed_id(&bed_id)?;
        let room = super::rooms::chosen_room(&room)?;
        super::ssr::set_bed_room(&ctx, bed, room).await?;
        leptos_axum::redirect("/strutture");
        Ok(())
    })
    .await
}
