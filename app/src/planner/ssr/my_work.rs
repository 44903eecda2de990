//! My work: the due dates of the plans a worker is on.

use super::*;

/// How many rows "My work" shows in each list.
pub(super) const MY_WORK_ROWS: usize = 100;

/// Overdue and upcoming actions of the plans the user is on (as a team member, or as
/// the one responsible for an action), and the people of those plans who come of age
/// soon. Each person listed gets an audit row, as when her record is opened.
pub async fn my_work(ctx: &Ctx) -> Result<MyWork, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let today = today();
        let horizon = today + Duration::days(UPCOMING_DAYS);
        let scope = user_plans(&txn, user).await?;
        let (overdue, upcoming) = due_actions(&txn, user, &scope, today, horizon).await?;
        let coming_of_age = coming_of_age(&txn, &scope, today).await?;
        // Reviews and permits of the plans she is on as a team member (open plans only).
        let team_plans = scope.open_team_plans();
        let reviews = due_reviews(&txn, &scope, team_plans.clone(), horizon).await?;
        let expiring = expiring_permits(&txn, &scope, team_plans.clone(), today).await?;
        let path_people = path_people(&txn, user, &scope, &team_plans).await?;
        let mut path_dates =
            crate::path::dates::due_dates(&txn, user, &path_people, horizon).await?;
        path_dates.truncate(MY_WORK_ROWS);
        let listed: HashSet<&str> = overdue
            .iter()
            .chain(upcoming.iter())
            .map(|item| item.code.as_str())
            .chain(coming_of_age.iter().map(|(code, _)| code.as_str()))
            .chain(reviews.iter().map(|(code, _)| code.as_str()))
            .chain(expiring.iter().map(|(code, _, _)| code.as_str()))
            .chain(path_dates.iter().map(|date| date.code.as_str()))
            .collect();
        let mut listed: Vec<&str> = listed.into_iter().collect();
        listed.sort_unstable();
        for code in listed {
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "plan.my_work.view", "person").object(code),
            )
            .await?;
        }
        let network = crate::network::ssr::due_for(&txn, user, horizon).await?;
        Ok(MyWork {
            today,
            overdue,
            upcoming,
            coming_of_age,
            reviews,
            permits: expiring,
            path_dates,
            network,
            works_with_people: user.has_any_role(crate::people::access::TEAM_ROLES),
        })
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("plan.my_work.view", "person"))
        .await
}

/// The people whose path's dates are hers to keep: those of the open plans she is on as
/// a team member, and those she is the reference operator of in her organisation (a
/// person may meet the Commission before any plan is opened). Id → network code.
async fn path_people<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    scope: &UserPlans,
    team_plans: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    let mut people_found: HashMap<i32, String> = team_plans
        .iter()
        .filter_map(|plan| scope.entitled.get(plan))
        .map(|person| (person.id, person.code.clone()))
        .collect();
    let referred: Vec<i32> = person_organisations::Entity::find()
        .filter(person_organisations::Column::ReferenceUserId.eq(user.id))
        .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.person_id)
        .filter(|id| !people_found.contains_key(id))
        .collect();
    if !referred.is_empty() && user.has_any_role(crate::people::access::TEAM_ROLES) {
        for person in people::Entity::find()
            .filter(people::Column::Id.is_in(referred))
            .filter(people::Column::AnonymisedAt.is_null())
            .all(conn)
            .await?
        {
            people_found.insert(person.id, person.code);
        }
    }
    Ok(people_found)
}

/// The plans "My work" looks at, and the people of those the user may still manage.
struct UserPlans {
    /// The plans she is on as a team member.
    member_of: HashSet<i32>,
    /// Every plan she is on, as a team member or as the one responsible for an action.
    plans_found: Vec<plans::Model>,
    /// Her plans whose person she may still manage (and not anonymised), with that person.
    entitled: HashMap<i32, people::Model>,
}

impl UserPlans {
    /// The entitled plans she is on as a team member that are still open.
    fn open_team_plans(&self) -> Vec<i32> {
        self.entitled
            .keys()
            .copied()
            .filter(|plan| self.member_of.contains(plan))
            .filter(|plan| {
                self.plans_found
                    .iter()
                    .any(|p| p.id == *plan && p.closed_on.is_none())
            })
            .collect()
    }

    /// The code of the person of an entitled plan.
    fn code_of(&self, plan: i32) -> Option<String> {
        self.entitled.get(&plan).map(|p| p.code.clone())
    }
}

/// The plans the user is on, as a team member or as the one responsible for an action.
async fn user_plans<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> Result<UserPlans, AppError> {
    let member_of: HashSet<i32> = plan_team::Entity::find()
        .filter(plan_team::Column::UserId.eq(user.id))
        .filter(plan_team::Column::RemovedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.plan_id)
        .collect();
    let responsible_for: HashSet<i32> = plan_actions::Entity::find()
        .filter(plan_actions::Column::ResponsibleUserId.eq(user.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.plan_id)
        .collect();
    let plan_ids: Vec<i32> = member_of.union(&responsible_for).copied().collect();
    let plans_found = plans::Entity::find()
        .filter(plans::Column::Id.is_in(plan_ids.clone()))
        .all(conn)
        .await?;
    let persons = people::Entity::find()
        .filter(people::Column::Id.is_in(plans_found.iter().map(|p| p.person_id)))
        .all(conn)
        .await?;
    // The team is decided as everywhere else: a plan of a person her organisation no
    // longer has in charge is not this user's work any more.
    let mut entitled: HashMap<i32, people::Model> = HashMap::new();
    for plan in &plans_found {
        if let Some(person) = persons.iter().find(|p| p.id == plan.person_id) {
            if person.anonymised_at.is_none() && may_manage(conn, user, person).await? {
                entitled.insert(plan.id, person.clone());
            }
        }
    }
    Ok(UserPlans {
        member_of,
        plans_found,
        entitled,
    })
}

/// The pending actions due by `horizon`: (overdue, upcoming), each at most
/// [`MY_WORK_ROWS`] long.
async fn due_actions<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    scope: &UserPlans,
    today: chrono::NaiveDate,
    horizon: chrono::NaiveDate,
) -> Result<(Vec<WorkItem>, Vec<WorkItem>), AppError> {
    let pending: Vec<&str> = ActionStatus::ALL
        .iter()
        .filter(|s| s.is_pending())
        .map(|s| s.code())
        .collect();
    let actions = plan_actions::Entity::find()
        .filter(plan_actions::Column::PlanId.is_in(scope.entitled.keys().copied()))
        .filter(plan_actions::Column::Status.is_in(pending))
        .filter(plan_actions::Column::PlannedEnd.lte(horizon))
        .order_by_asc(plan_actions::Column::PlannedEnd)
        .all(conn)
        .await?;
    let catalogue: HashMap<i32, services::Model> = services::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut overdue = Vec::new();
    let mut upcoming = Vec::new();
    for action in actions {
        let Some(person) = scope.entitled.get(&action.plan_id) else {
            continue;
        };
        // On a plan as the one responsible only: just her own actions.
        let own = action.responsible_user_id == Some(user.id);
        if !own && !scope.member_of.contains(&action.plan_id) {
            continue;
        }
        let service = catalogue.get(&action.service_id);
        let item = WorkItem {
            code: person.code.clone(),
            area: service
                .and_then(|s| Area::from_code(&s.area))
                .unwrap_or(Area::Legal),
            service: service.map(service_name).unwrap_or(Bilingual {
                it: String::new(),
                en: String::new(),
            }),
            planned_end: action.planned_end,
            status: ActionStatus::from_stored(&action.status, ActionStatus::Planned),
            mine: own,
        };
        if action.planned_end < today {
            overdue.push(item);
        } else {
            upcoming.push(item);
        }
    }
    overdue.truncate(MY_WORK_ROWS);
    upcoming.truncate(MY_WORK_ROWS);
    Ok((overdue, upcoming))
}

/// The people of the plans she is on as a team member who turn 18 soon, with the days
/// left, soonest first.
async fn coming_of_age<C: ConnectionTrait>(
    conn: &C,
    scope: &UserPlans,
    today: chrono::NaiveDate,
) -> Result<Vec<(String, i64)>, AppError> {
    let team_people: Vec<&people::Model> = scope
        .entitled
        .iter()
        .filter(|(plan, _)| scope.member_of.contains(plan))
        .map(|(_, person)| person)
        .collect();
    let births: HashMap<i32, chrono::NaiveDate> = person_identities::Entity::find()
        .filter(person_identities::Column::PersonId.is_in(team_people.iter().map(|p| p.id)))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|identity| identity.date_of_birth.map(|d| (identity.person_id, d)))
        .collect();
    let mut coming_of_age: Vec<(String, i64)> = team_people
        .iter()
        .filter_map(|person| {
            let birth = births.get(&person.id)?;
            let days = (eighteenth_birthday(*birth) - today).num_days();
            (0..=COMING_OF_AGE_ALERT_DAYS)
                .contains(&days)
                .then(|| (person.code.clone(), days))
        })
        .collect();
    coming_of_age.sort_by_key(|(_, days)| *days);
    Ok(coming_of_age)
}

/// The review meetings of `team_plans` not held yet and scheduled by `horizon`, soonest
/// first.
async fn due_reviews<C: ConnectionTrait>(
    conn: &C,
    scope: &UserPlans,
    team_plans: Vec<i32>,
    horizon: chrono::NaiveDate,
) -> Result<Vec<(String, chrono::NaiveDate)>, AppError> {
    let mut reviews: Vec<(String, chrono::NaiveDate)> = plan_reviews::Entity::find()
        .filter(plan_reviews::Column::PlanId.is_in(team_plans))
        .filter(plan_reviews::Column::HeldOn.is_null())
        .filter(plan_reviews::Column::ScheduledOn.lte(horizon))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| scope.code_of(r.plan_id).map(|code| (code, r.scheduled_on)))
        .collect();
    reviews.sort_by_key(|(_, day)| *day);
    Ok(reviews)
}

/// The residence permits of `team_plans` with an expiry alert, soonest expiry first.
async fn expiring_permits<C: ConnectionTrait>(
    conn: &C,
    scope: &UserPlans,
    team_plans: Vec<i32>,
    today: chrono::NaiveDate,
) -> Result<Vec<(String, PermitKind, chrono::NaiveDate)>, AppError> {
    let team_permits = permits::Entity::find()
        .filter(permits::Column::PlanId.is_in(team_plans))
        .all(conn)
        .await?;
    let renewed: HashSet<i32> = team_permits.iter().filter_map(|p| p.renewal_of).collect();
    let mut expiring: Vec<(String, PermitKind, chrono::NaiveDate)> = team_permits
        .iter()
        .filter(|p| {
            permit_expiry_alert(
                p.expires_on,
                renewed.contains(&p.id),
                p.converted_to.is_some(),
                today,
            )
            .is_some()
        })
        .filter_map(|p| {
            Some((
                scope.code_of(p.plan_id)?,
                PermitKind::from_stored(&p.kind, PermitKind::Other),
                p.expires_on?,
            ))
        })
        .collect();
    expiring.sort_by_key(|(_, _, day)| *day);
    Ok(expiring)
}
