//! The list of people the reader may see, filtered and paged.

use super::*;

pub async fn list_people(
    db: &DatabaseConnection,
    ctx: &Ctx,
    filter: &PeopleFilter,
) -> Result<PeopleList, AppError> {
    let user = ctx.user()?;
    let today = today();
    let mut condition = Condition::all();
    if !user.is_network_wide() {
        // Only the people the user's organisation has in charge.
        condition = condition
            .add(people::Column::Id.in_subquery(people_in_charge_of(user.organisation_id)));
    }
    let code = crate::kernel::fields::search_text("code", &filter.code)?.to_uppercase();
    if !code.is_empty() {
        condition = condition.add(people::Column::Code.contains(&code));
    }
    if let Some(status) = PathStatus::from_code(filter.status.trim()) {
        condition = condition.add(people::Column::Status.eq(status.code()));
    }
    if let Some(kind) = Exploitation::from_code(filter.exploitation.trim()) {
        // No code is a substring of another, so a LIKE on the joined list is exact.
        condition = condition.add(people::Column::Exploitation.contains(kind.code()));
    }
    if let Ok(organisation_id) = filter.organisation.trim().parse::<i32>() {
        condition =
            condition.add(people::Column::Id.in_subquery(people_in_charge_of(organisation_id)));
    }
    let threshold = first_of_month(adulthood_threshold(today));
    match filter.age.trim() {
        "minor" => {
            condition = condition.add(
                Condition::any()
                    .add(people::Column::BirthMonth.gte(threshold))
                    .add(
                        Condition::all()
                            .add(people::Column::BirthMonth.is_null())
                            .add(people::Column::DeclaredMinor.eq(true)),
                    ),
            )
        }
        "adult" => {
            condition = condition.add(
                Condition::any()
                    .add(people::Column::BirthMonth.lt(threshold))
                    .add(
                        Condition::all()
                            .add(people::Column::BirthMonth.is_null())
                            .add(people::Column::DeclaredMinor.eq(false)),
                    ),
            )
        }
        _ => {}
    }
    let page = filter.page.trim().parse::<u64>().unwrap_or(1).max(1);
    let paginator = people::Entity::find()
        .filter(condition)
        .order_by_desc(people::Column::CreatedAt)
        .order_by_desc(people::Column::Id)
        .paginate(db, PEOPLE_PAGE_SIZE);
    let counts = paginator.num_items_and_pages().await?;
    // A page past the last shows the last (a huge number would overflow the offset).
    let page = page.min(counts.number_of_pages.max(1));
    let found = paginator.fetch_page(page - 1).await?;
    let ids: Vec<i32> = found.iter().map(|p| p.id).collect();
    let in_charge = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.is_in(ids))
        .all(db)
        .await?;
    let names = organisation_names(db, in_charge.iter().map(|row| row.organisation_id)).await?;
    let rows: Vec<PersonRow> = found
        .iter()
        .map(|person| person_row(person, &in_charge, &names, today))
        .collect();
    record_alone(
        db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "people.list", "person")
            .detail(format!("page={page} rows={}", rows.len())),
    )
    .await?;
    Ok(PeopleList {
        rows,
        total: counts.number_of_items,
        page,
        pages: counts.number_of_pages.max(1),
        organisations: implementing_bodies(db).await?,
        may_register: user.has_any_role(TEAM_ROLES),
        may_link_duplicates: user.is_network_wide(),
    })
}

pub(super) async fn implementing_bodies<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(i32, String)>, AppError> {
    crate::kernel::names::organisations_of_kinds(
        conn,
        &[
            OrganisationKind::ImplementingBody.code(),
            OrganisationKind::Coordination.code(),
        ],
        true,
    )
    .await
}
