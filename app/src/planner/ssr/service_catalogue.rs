//! The service catalogue.

use super::*;

pub async fn catalogue<C: ConnectionTrait>(conn: &C) -> Result<Vec<ServiceRow>, AppError> {
    Ok(services::Entity::find()
        .order_by_asc(services::Column::Area)
        .order_by_asc(services::Column::NameIt)
        .all(conn)
        .await?
        .iter()
        .map(service_row)
        .collect())
}

pub async fn add_service(ctx: &Ctx, service: ValidService) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let base = service_code(service.area, &service.name_it);
        let taken: HashSet<String> = services::Entity::find()
            .filter(services::Column::Code.starts_with(&base))
            .all(&txn)
            .await?
            .into_iter()
            .map(|s| s.code)
            .collect();
        let same_name = services::Entity::find()
            .filter(services::Column::Area.eq(service.area.code()))
            .filter(services::Column::NameIt.eq(&service.name_it))
            .one(&txn)
            .await?;
        if same_name.is_some() {
            return Err(AppError::invalid("name_it", Problem::AlreadyTaken));
        }
        let code = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}_{n}")
                }
            })
            .find(|code| !taken.contains(code))
            .unwrap_or(base);
        let created = services::ActiveModel {
            area: Set(service.area.code().to_string()),
            code: Set(code.clone()),
            name_it: Set(service.name_it),
            name_en: Set(service.name_en),
            active: Set(true),
            created_by: Set(Some(user.id)),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "plan.service.add", "service")
                .object(created.id)
                .detail(format!("code={code}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("plan.service.add", "service"))
        .await
}

pub async fn set_service_active(ctx: &Ctx, service_id: i32, active: bool) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let service = services::Entity::find_by_id(service_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut row = service.into_active_model();
        row.active = Set(active);
        row.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "plan.service.active", "service")
                .object(service_id)
                .detail(format!("active={active}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("plan.service.active", "service")
            .object(service_id),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restricted_notes_open_to_their_profession_and_their_author() {
        let legal: HashSet<TeamRole> = [TeamRole::LegalAdvisor].into();
        let none = HashSet::new();
        assert!(may_read_note(DiaryLevel::Team, 1, 2, &none));
        assert!(!may_read_note(DiaryLevel::Legal, 1, 2, &none));
        assert!(may_read_note(DiaryLevel::Legal, 1, 2, &legal));
        assert!(!may_read_note(DiaryLevel::Psychologist, 1, 2, &legal));
        assert!(may_read_note(DiaryLevel::Psychologist, 2, 2, &none));
    }

    #[test]
    fn a_plan_starts_where_the_person_is() {
        assert_eq!(
            initial_phase(Some(PathStatus::Screening)),
            Phase::FirstContact
        );
        assert_eq!(initial_phase(Some(PathStatus::Placed)), Phase::Reception);
        assert_eq!(initial_phase(None), Phase::FirstContact);
    }
}
