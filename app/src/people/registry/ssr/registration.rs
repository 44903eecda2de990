//! Registering a person, with the possible-duplicate check.

use super::*;

pub async fn register_person(ctx: &Ctx, person: ValidPerson) -> Result<String, AppError> {
    let user = ctx.user()?;
    let today = today();
    let hash = identity_hash(&ctx.settings.identity_key, &person.identity);
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let family_head_id = match &person.family_head {
            None => None,
            Some(code) => {
                let head = find_person(&txn, code)
                    .await
                    .map_err(|_| AppError::invalid("family_head", Problem::UnknownChoice))?;
                if !may_manage(&txn, user, &head).await? {
                    return Err(AppError::invalid("family_head", Problem::UnknownChoice));
                }
                Some(head.id)
            }
        };
        let number =
            crate::people::registry::numbers::take_numbers(&txn, &person.province, today.year(), 1)
                .await?;
        let code = network_code(&person.province, today.year(), number);
        let now = Utc::now();
        let created = people::ActiveModel {
            code: Set(code.clone()),
            province: Set(person.province.clone()),
            year: Set(today.year()),
            number: Set(number),
            gender: Set(person.gender.code().to_string()),
            birth_month: Set(person.identity.date_of_birth.map(first_of_month)),
            declared_minor: Set(person.declared_minor),
            unaccompanied: Set(person.unaccompanied),
            exploitation: Set(join_codes(&person.exploitation, Exploitation::code)),
            status: Set(PathStatus::Contact.code().to_string()),
            exit_outcome: Set(None),
            family_head_id: Set(family_head_id),
            identity_hash: Set(hash.clone()),
            duplicate_of: Set(None),
            registered_by_organisation: Set(user.organisation_id),
            created_by: Set(user.id),
            created_at: Set(now),
            updated_at: Set(now),
            anonymised_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record_path_step(
            &txn,
            created.id,
            PathStatus::Contact,
            None,
            today,
            Some(user),
        )
        .await?;
        identity_model(created.id, &person.identity)
            .insert(&txn)
            .await?;
        person_organisations::ActiveModel {
            person_id: Set(created.id),
            organisation_id: Set(user.organisation_id),
            reference_user_id: Set(Some(user.id)),
            since: Set(today),
            added_by: Set(user.id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if person.consent_processing {
            consents::ActiveModel {
                person_id: Set(created.id),
                kind: Set(ConsentKind::Processing.code().to_string()),
                organisation_id: Set(None),
                given_on: Set(today),
                withdrawn_on: Set(None),
                recorded_by: Set(user.id),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        crate::people::registry::duplicates::tell_coordination_of_twin(&txn, &created, None)
            .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.create", "person").object(&code),
        )
        .await?;
        Ok(code)
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("person.create", "person"))
        .await
}

pub(super) fn identity_model(
    person_id: i32,
    identity: &Identity,
) -> person_identities::ActiveModel {
    person_identities::ActiveModel {
        person_id: Set(person_id),
        given_names: Set(identity.given_names.clone()),
        family_name: Set(identity.family_name.clone()),
        aliases: Set(identity.aliases.clone()),
        date_of_birth: Set(identity.date_of_birth),
        nationality: Set(identity.nationality.map(|n| n.code().to_string())),
        languages: Set(identity.languages.clone()),
        documents: Set(identity.documents.clone()),
        phone: Set(identity.phone.clone()),
        guardian: Set(identity.guardian.clone()),
        updated_at: Set(Utc::now()),
        search_key: Set(Some(search_key(identity))),
    }
}

pub fn identity_from(row: person_identities::Model) -> Identity {
    Identity {
        given_names: row.given_names,
        family_name: row.family_name,
        aliases: row.aliases,
        date_of_birth: row.date_of_birth,
        nationality: row.nationality.as_deref().and_then(Nationality::from_code),
        languages: row.languages,
        documents: row.documents,
        phone: row.phone,
        guardian: row.guardian,
    }
}
