//! Changes to a person's record: identity, path, team, consents.

use super::*;

pub async fn save_identity(ctx: &Ctx, code: &str, person: ValidPerson) -> Result<(), AppError> {
    let user = ctx.user()?;
    let hash = identity_hash(&ctx.settings.identity_key, &person.identity);
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let existing = person_for_change(&txn, ctx, code, "person.identity.update").await?;
        crate::people::registry::duplicates::check_identity_edit_rate(&txn, user).await?;
        let row = identity_model(existing.id, &person.identity);
        let exists = person_identities::Entity::find_by_id(existing.id)
            .one(&txn)
            .await?
            .is_some();
        if exists {
            row.update(&txn).await?;
        } else {
            row.insert(&txn).await?;
        }
        let mut update: people::ActiveModel = existing.clone().into();
        update.gender = Set(person.gender.code().to_string());
        update.birth_month = Set(person.identity.date_of_birth.map(first_of_month));
        update.declared_minor = Set(person.declared_minor);
        update.unaccompanied = Set(person.unaccompanied);
        update.identity_hash = Set(hash.clone());
        update.updated_at = Set(Utc::now());
        let updated = update.update(&txn).await?;
        crate::people::registry::duplicates::tell_coordination_of_twin(
            &txn,
            &updated,
            existing.identity_hash.as_deref(),
        )
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.identity.update", "person").object(&existing.code),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.identity.update", code),
    )
    .await
}

pub async fn save_path(
    ctx: &Ctx,
    code: &str,
    status: PathStatus,
    exit_outcome: Option<ExitOutcome>,
    exploitation: Vec<Exploitation>,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let existing = person_for_change(&txn, ctx, code, "person.path.update").await?;
        let before = existing.status.clone();
        let outcome_before = existing.exit_outcome.clone();
        let mut update: people::ActiveModel = existing.clone().into();
        update.status = Set(status.code().to_string());
        update.exit_outcome = Set(exit_outcome.map(|o| o.code().to_string()));
        update.exploitation = Set(join_codes(&exploitation, Exploitation::code));
        update.updated_at = Set(Utc::now());
        update.update(&txn).await?;
        let outcome_code = exit_outcome.map(|o| o.code().to_string());
        if before != status.code() || outcome_before != outcome_code {
            record_path_step(&txn, existing.id, status, exit_outcome, today(), Some(user)).await?;
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.path.update", "person")
                .object(&existing.code)
                .detail(format!("status={before}->{}", status.code())),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "person.path.update", code))
        .await
}

pub async fn add_organisation(ctx: &Ctx, code: &str, form: &InChargeForm) -> Result<(), AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = add_organisation_in(ctx, &txn, code, form).await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.organisation.add", code),
    )
    .await
}

pub(super) async fn add_organisation_in(
    ctx: &Ctx,
    txn: &WriteTransaction,
    code: &str,
    form: &InChargeForm,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let mut checks = Validation::default();
    let organisation_id = parse_id("organisation_id", &form.organisation_id, &mut checks);
    let reason = form
        .override_reason
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if reason.chars().count() > 300 {
        checks.add("override_reason", Problem::TooLong);
    }
    checks.finish()?;
    let organisation_id = organisation_id.unwrap_or_default();
    let person = find_person(txn, code).await?;
    let team = may_manage(txn, user, &person).await?;
    if !team && !user.is_network_wide() {
        let error = refuse(txn, ctx, "person.organisation.add", &person).await?;
        return Err(error);
    }
    if person.anonymised_at.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::Anonymised,
        });
    }
    let organisation = organisations::Entity::find_by_id(organisation_id)
        .one(txn)
        .await?
        .filter(|o| o.active && o.kind != OrganisationKind::Partner.code())
        .ok_or_else(|| AppError::invalid("organisation_id", Problem::UnknownChoice))?;
    if organisations_in_charge(txn, person.id)
        .await?
        .iter()
        .any(|row| row.organisation_id == organisation.id)
    {
        return Err(AppError::Conflict {
            conflict: Conflict::AlreadyInCharge,
        });
    }
    let consented = has_active_sharing_consent(txn, person.id, organisation.id).await?;
    let overridden = !consented && user.is_network_wide() && !reason.is_empty();
    if !consented && !overridden {
        record(
            txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.organisation.add", "person")
                .object(&person.code)
                .outcome(Outcome::Denied)
                .detail(format!("organisation={} no_consent", organisation.id)),
        )
        .await?;
        return Err(AppError::Conflict {
            conflict: Conflict::NoSharingConsent,
        });
    }
    person_organisations::ActiveModel {
        person_id: Set(person.id),
        organisation_id: Set(organisation.id),
        reference_user_id: Set(None),
        since: Set(today()),
        added_by: Set(user.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let detail = if overridden {
        format!("organisation={} override reason: {reason}", organisation.id)
    } else {
        format!("organisation={} consent", organisation.id)
    };
    record(
        txn,
        ctx.request_id(),
        AuditEvent::new(
            Some(user),
            if overridden {
                "person.organisation.add_override"
            } else {
                "person.organisation.add"
            },
            "person",
        )
        .object(&person.code)
        .detail(detail),
    )
    .await?;
    Ok(())
}

pub async fn remove_organisation(
    ctx: &Ctx,
    code: &str,
    organisation_id: i32,
) -> Result<(), AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = remove_organisation_in(ctx, &txn, code, organisation_id).await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.organisation.remove", code),
    )
    .await
}

pub(super) async fn remove_organisation_in(
    ctx: &Ctx,
    txn: &WriteTransaction,
    code: &str,
    organisation_id: i32,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let person = find_person(txn, code).await?;
    if !may_manage(txn, user, &person).await? && !user.is_network_wide() {
        let error = refuse(txn, ctx, "person.organisation.remove", &person).await?;
        return Err(error);
    }
    let in_charge = organisations_in_charge(txn, person.id).await?;
    let Some(row) = in_charge
        .iter()
        .find(|row| row.organisation_id == organisation_id)
    else {
        return Err(AppError::NotFound);
    };
    if in_charge.len() == 1 {
        return Err(AppError::Conflict {
            conflict: Conflict::LastOrganisationInCharge,
        });
    }
    person_organisations::Entity::delete_by_id(row.id)
        .exec(txn)
        .await?;
    record(
        txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), "person.organisation.remove", "person")
            .object(&person.code)
            .detail(format!("organisation={organisation_id}")),
    )
    .await?;
    Ok(())
}

/// The longest hand-over note kept.
pub const MAX_HANDOVER_NOTE: usize = 4000;

/// The reference operator of the user's own organisation for this person. Replacing one
/// asks for a hand-over note for the new one, who is notified.
pub async fn set_reference(
    ctx: &Ctx,
    code: &str,
    reference_user_id: i32,
    handover_note: &str,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = person_for_change(&txn, ctx, code, "person.reference.update").await?;
        let colleague = users::Entity::find_by_id(reference_user_id)
            .one(&txn)
            .await?
            .filter(|u| u.active && u.organisation_id == user.organisation_id)
            .ok_or_else(|| AppError::invalid("reference_user_id", Problem::UnknownChoice))?;
        let row = person_organisations::Entity::find()
            .filter(person_organisations::Column::PersonId.eq(person.id))
            .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let previous = row.reference_user_id;
        let note = handover_note.trim().replace("\r\n", "\n");
        let replacing = previous.is_some_and(|previous| previous != colleague.id);
        if replacing && note.is_empty() {
            return Err(AppError::invalid("handover_note", Problem::Required));
        }
        if note.chars().count() > MAX_HANDOVER_NOTE {
            return Err(AppError::invalid("handover_note", Problem::TooLong));
        }
        if previous == Some(colleague.id) {
            return Ok(());
        }
        let organisation_id = row.organisation_id;
        let mut update: person_organisations::ActiveModel = row.into();
        update.reference_user_id = Set(Some(colleague.id));
        update.update(&txn).await?;
        if !note.is_empty() || replacing {
            reference_handovers::ActiveModel {
                person_id: Set(person.id),
                organisation_id: Set(organisation_id),
                from_user_id: Set(previous),
                to_user_id: Set(colleague.id),
                note: Set(note),
                created_by: Set(user.id),
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        if colleague.id != user.id {
            crate::notifications::ssr::notify(
                &txn,
                colleague.id,
                crate::notifications::model::NotificationKind::Handover,
                &person.code,
                &format!("/persone/{}/progetto", person.code),
            )
            .await?;
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.reference.update", "person")
                .object(&person.code)
                .detail(format!("user={}", colleague.id)),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.reference.update", code),
    )
    .await
}

pub async fn record_consent(ctx: &Ctx, code: &str, form: &ConsentForm) -> Result<(), AppError> {
    let user = ctx.user()?;
    let today = today();
    let mut checks = Validation::default();
    let kind = ConsentKind::from_code(form.kind.trim());
    if kind.is_none() {
        checks.add("kind", Problem::UnknownChoice);
    }
    let organisation_id = match kind {
        Some(ConsentKind::Sharing) => {
            parse_id("organisation_id", &form.organisation_id, &mut checks)
        }
        _ => None,
    };
    let given_on = past_day("given_on", &form.given_on, today, &mut checks);
    checks.finish()?;
    let (kind, given_on) = (
        kind.unwrap_or(ConsentKind::Processing),
        given_on.unwrap_or(today),
    );
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = person_for_change(&txn, ctx, code, "person.consent.record").await?;
        if let Some(id) = organisation_id {
            organisations::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|o| o.active && o.kind != OrganisationKind::Partner.code())
                .ok_or_else(|| AppError::invalid("organisation_id", Problem::UnknownChoice))?;
        }
        let created = consents::ActiveModel {
            person_id: Set(person.id),
            kind: Set(kind.code().to_string()),
            organisation_id: Set(organisation_id),
            given_on: Set(given_on),
            withdrawn_on: Set(None),
            recorded_by: Set(user.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.consent.record", "person")
                .object(&person.code)
                .detail(format!(
                    "consent={} kind={}{}",
                    created.id,
                    kind.code(),
                    organisation_id
                        .map(|id| format!(" organisation={id}"))
                        .unwrap_or_default()
                )),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.consent.record", code),
    )
    .await
}

/// Withdrawing a sharing consent also takes that organisation off the team (unless it
/// is the last one), in the same transaction: from now on it sees nothing.
pub async fn withdraw_consent(ctx: &Ctx, code: &str, consent_id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let today = today();
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = person_for_change(&txn, ctx, code, "person.consent.withdraw").await?;
        let consent = consents::Entity::find_by_id(consent_id)
            .one(&txn)
            .await?
            .filter(|c| c.person_id == person.id && c.withdrawn_on.is_none())
            .ok_or(AppError::NotFound)?;
        let organisation_id = consent.organisation_id;
        let mut update: consents::ActiveModel = consent.into();
        update.withdrawn_on = Set(Some(today));
        update.update(&txn).await?;
        let mut detail = format!("consent={consent_id}");
        if let Some(organisation_id) = organisation_id {
            let in_charge = organisations_in_charge(&txn, person.id).await?;
            if in_charge.len() > 1 {
                if let Some(row) = in_charge
                    .iter()
                    .find(|r| r.organisation_id == organisation_id)
                {
                    person_organisations::Entity::delete_by_id(row.id)
                        .exec(&txn)
                        .await?;
                    detail.push_str(&format!(" removed_organisation={organisation_id}"));
                }
            }
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.consent.withdraw", "person")
                .object(&person.code)
                .detail(detail),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.consent.withdraw", code),
    )
    .await
}
