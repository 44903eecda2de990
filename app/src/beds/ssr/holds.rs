//! Beds held for someone, and beds out of service.

use super::*;

// ---------------------------------------------------------------- holds and service

/// Holds a free bed for an incoming person until a time, or releases the hold
/// (`hours` = 0). The hold lapses by itself when the time passes.
pub async fn hold_bed(
    ctx: &Ctx,
    bed_id: i32,
    person_code: Option<&str>,
    hours: i64,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    if !(0..=MAX_HOLD_HOURS).contains(&hours) {
        return Err(AppError::invalid("hours", Problem::OutOfRange));
    }
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let (bed, _) = managed_bed(&txn, user, bed_id).await?;
        let person = match person_code {
            Some(code) => Some(
                find_person(&txn, code)
                    .await
                    .map_err(|_| AppError::invalid("person_code", Problem::UnknownChoice))?,
            ),
            None => None,
        };
        let person_id = person.as_ref().map(|person| person.id);
        if hours > 0 {
            if bed.out_of_service_reason.is_some() {
                return Err(AppError::Conflict {
                    conflict: Conflict::BedOutOfService,
                });
            }
            if bed_is_occupied(&txn, bed.id).await? {
                return Err(AppError::Conflict {
                    conflict: Conflict::BedTaken,
                });
            }
        }
        let id = bed.id;
        let mut update: beds::ActiveModel = bed.into();
        if hours > 0 {
            update.held_until = Set(Some(Utc::now() + Duration::hours(hours)));
            update.held_for_person_id = Set(person_id);
        } else {
            update.held_until = Set(None);
            update.held_for_person_id = Set(None);
        }
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(
                Some(user),
                if hours > 0 { "bed.hold" } else { "bed.release" },
                "bed",
            )
            .object(id)
            .detail(format!("hours={hours}")),
        )
        .await?;
        // A bed kept for someone is news about her: it goes in her access log too.
        if let (Some(person), true) = (&person, hours > 0) {
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "person.bed.hold", "person")
                    .object(&person.code)
                    .detail(format!("bed={id} hours={hours}")),
            )
            .await?;
        }
        Ok(())
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Beds, Touched::just_bed(bed_id)),
        "bed.hold",
        ("bed", bed_id.to_string()),
        result,
    )
    .await
}

/// Takes a free bed out of service with a reason, or puts it back (empty reason).
pub async fn set_out_of_service(ctx: &Ctx, bed_id: i32, reason: &str) -> Result<(), AppError> {
    let user = ctx.user()?;
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.chars().count() > MAX_REASON_LENGTH {
        return Err(AppError::invalid("reason", Problem::TooLong));
    }
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let (bed, _) = managed_bed(&txn, user, bed_id).await?;
        if !reason.is_empty() && bed_is_occupied(&txn, bed.id).await? {
            // Someone sleeps there: move her first.
            return Err(AppError::Conflict {
                conflict: Conflict::BedTaken,
            });
        }
        let id = bed.id;
        let mut update: beds::ActiveModel = bed.into();
        update.out_of_service_reason = Set((!reason.is_empty()).then(|| reason.clone()));
        if !reason.is_empty() {
            update.held_until = Set(None);
            update.held_for_person_id = Set(None);
        }
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(
                Some(user),
                if reason.is_empty() {
                    "bed.in_service"
                } else {
                    "bed.out_of_service"
                },
                "bed",
            )
            .object(id),
        )
        .await?;
        Ok(())
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Beds, Touched::just_bed(bed_id)),
        "bed.out_of_service",
        ("bed", bed_id.to_string()),
        result,
    )
    .await
}
