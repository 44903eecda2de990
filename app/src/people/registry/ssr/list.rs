//! The list of people the reader may see, filtered, searched and paged.
//!
//! The search finds a person by her code among everyone the list shows, and by the start
//! of a name or alias, or her birth date, only among the people whose identity the reader
//! may see (`identity_visible`): her team, or the coordination with her consent. Names
//! are compared folded (`kernel::folding`), through `person_identities.search_key`. A
//! search is audited with how many it found, never with what was typed.

use sea_orm::sea_query::Query;

use super::*;
use crate::kernel::folding::folded_words;

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
    let search = crate::kernel::fields::search_text("search", &filter.search)?;
    if !search.is_empty() {
        condition = condition.add(search_condition(user, &search));
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
    let mut rows: Vec<PersonRow> = found
        .iter()
        .map(|person| person_row(person, &in_charge, &names, today))
        .collect();
    let event = if search.is_empty() {
        AuditEvent::new(Some(user), "people.list", "person")
            .detail(format!("page={page} rows={}", rows.len()))
    } else {
        let named = name_found_rows(db, user, &search, &found, &mut rows).await?;
        AuditEvent::new(Some(user), "people.search", "person").detail(format!(
            "results={} page={page} names_shown={named}",
            counts.number_of_items
        ))
    };
    record_alone(db, ctx.request_id(), event).await?;
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

/// The people a search finds (see the module's comment).
fn search_condition(user: &CurrentUser, search: &str) -> Condition {
    let by_code = people::Column::Code.contains(search.trim().to_uppercase());
    let Some(visible) = identity_visible(user) else {
        return Condition::any().add(by_code);
    };
    let mut identities = Query::select()
        .column(person_identities::Column::PersonId)
        .from(person_identities::Entity)
        .to_owned();
    if let Some(born) = typed_birth_date(search) {
        identities.and_where(person_identities::Column::DateOfBirth.eq(born));
    } else {
        let words = folded_words(search);
        if words.is_empty() {
            return Condition::any().add(by_code);
        }
        // Folded words are letters and digits only: no LIKE wildcard can be among them.
        for word in words {
            identities.and_where(person_identities::Column::SearchKey.like(format!("% {word}%")));
        }
    }
    Condition::any().add(by_code).add(
        Condition::all()
            .add(people::Column::Id.in_subquery(identities))
            .add(visible),
    )
}

/// The people whose identity `user` may see, as `access_to` decides for one person: her
/// organisation's people for the front-line team, and for the coordination those who
/// consented to share their record with it. None: nobody's.
fn identity_visible(user: &CurrentUser) -> Option<Condition> {
    let mut visible = Condition::any();
    let mut anyone = false;
    if user.has_any_role(TEAM_ROLES) {
        visible =
            visible.add(people::Column::Id.in_subquery(people_in_charge_of(user.organisation_id)));
        anyone = true;
    }
    if user.is_network_wide() {
        let consented = Query::select()
            .column(consents::Column::PersonId)
            .from(consents::Entity)
            .and_where(consents::Column::Kind.eq(ConsentKind::Sharing.code()))
            .and_where(consents::Column::OrganisationId.eq(user.organisation_id))
            .and_where(consents::Column::WithdrawnOn.is_null())
            .to_owned();
        visible = visible.add(people::Column::Id.in_subquery(consented));
        anyone = true;
    }
    anyone.then_some(visible)
}

/// Puts her name beside each person of a search's page that the search found by her
/// identity, when the reader may see it (a search by code shows codes only); returns how
/// many names were shown.
async fn name_found_rows(
    db: &DatabaseConnection,
    user: &CurrentUser,
    search: &str,
    found: &[people::Model],
    rows: &mut [PersonRow],
) -> Result<usize, AppError> {
    let Some(visible) = identity_visible(user) else {
        return Ok(0);
    };
    let ids: Vec<i32> = found.iter().map(|p| p.id).collect();
    let visible_ids: Vec<i32> = people::Entity::find()
        .select_only()
        .column(people::Column::Id)
        .filter(people::Column::Id.is_in(ids.clone()))
        .filter(visible)
        .into_tuple()
        .all(db)
        .await?;
    let identities: HashMap<i32, person_identities::Model> = person_identities::Entity::find()
        .filter(person_identities::Column::PersonId.is_in(visible_ids))
        .all(db)
        .await?
        .into_iter()
        .filter(|identity| found_by_identity(identity, search))
        .map(|identity| (identity.person_id, identity))
        .collect();
    let mut named = 0;
    for (person, row) in found.iter().zip(rows.iter_mut()) {
        if let Some(identity) = identities.get(&person.id) {
            row.name = Some(format!("{} {}", identity.given_names, identity.family_name));
            named += 1;
        }
    }
    Ok(named)
}

/// Whether the search names this identity, as `search_condition` asks the database.
fn found_by_identity(identity: &person_identities::Model, search: &str) -> bool {
    match typed_birth_date(search) {
        Some(born) => identity.date_of_birth == Some(born),
        None => {
            let key = identity.search_key.as_deref().unwrap_or_default();
            let words = folded_words(search);
            !words.is_empty() && words.iter().all(|word| key.contains(&format!(" {word}")))
        }
    }
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
