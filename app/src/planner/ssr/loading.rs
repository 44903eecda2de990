//! Loading the plan page: the plan, its team, areas, reviews, permits and timeline, as the reader may see them.

use super::*;

pub async fn plan_page(ctx: &Ctx, code: &str) -> Result<PlanPage, AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "plan.view").await?;
        let today = today();
        let plan = match plan_of(&txn, &person).await? {
            None => None,
            Some(plan) => {
                let mut loaded = load_plan(&txn, &person, &plan, today).await?;
                let user = ctx.user()?;
                for role in TeamRole::ALL.iter().copied() {
                    if !role.opens_restricted_notes()
                        || gives_restricted_role(&txn, user, &person, &plan, role).await?
                    {
                        loaded.giveable_roles.push(role);
                    }
                }
                loaded.reads_judicial =
                    crate::path::judicial::ssr::may_read_judicial(&txn, user, &person).await?;
                // Which route a permit came by tells whether she filed a complaint: the
                // rest of the team sees the permit without it.
                if !loaded.reads_judicial {
                    for permit in &mut loaded.permits {
                        permit.route = None;
                    }
                }
                Some(loaded)
            }
        };
        audit(&txn, ctx, "plan.view", &person, None).await?;
        Ok(PlanPage {
            code: person.code.clone(),
            minor: minor_from_record(&person, today),
            today,
            plan,
        })
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "plan.view", code))
        .await
}

pub(crate) async fn load_plan<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
    today: chrono::NaiveDate,
) -> Result<Plan, AppError> {
    let rows = plan_rows(conn, person, plan).await?;
    let names = PlanNames::load(conn, &rows).await?;
    let areas = area_plans(&rows, &names, today);
    let overdue_actions = areas
        .iter()
        .flat_map(|a| a.goals.iter())
        .flat_map(|g| g.actions.iter())
        .filter(|a| a.overdue)
        .count();
    let reviews = plan_reviews::Entity::find()
        .filter(plan_reviews::Column::PlanId.eq(plan.id))
        .all(conn)
        .await?;
    let permit_rows = permits::Entity::find()
        .filter(permits::Column::PlanId.eq(plan.id))
        .order_by_asc(permits::Column::Id)
        .all(conn)
        .await?;
    let work = work_placements::Entity::find()
        .filter(work_placements::Column::PlanId.eq(plan.id))
        .order_by_asc(work_placements::Column::StartsOn)
        .all(conn)
        .await?;
    let review_rows = review_rows(conn, plan, &reviews, today).await?;
    Ok(Plan {
        reviews: review_rows,
        permits: permit_view(&permit_rows, today),
        work: work.into_iter().map(work_row).collect(),
        closing: plan_closing(plan),
        opened_on: plan.opened_on,
        review_every_days: plan.review_every_days,
        phases: rows.phases.iter().map(|p| phase_row(p, &names)).collect(),
        reference_operators: rows
            .in_charge
            .iter()
            .filter_map(|o| {
                o.reference_user_id
                    .map(|user| (names.organisation(o.organisation_id), names.user(user)))
            })
            .collect(),
        team: rows
            .team
            .iter()
            .map(|m| team_member_row(m, &names))
            .collect(),
        colleagues: team_colleagues(conn, person).await?,
        giveable_roles: Vec::new(),
        reads_judicial: false,
        areas,
        services: rows
            .catalogue
            .iter()
            .filter(|s| s.active)
            .map(service_row)
            .collect(),
        overdue_actions,
        handovers: rows
            .handovers
            .iter()
            .map(|h| handover_row(h, &names))
            .collect(),
        latest_version: rows.latest_version.map(|v| AgreedVersionSummary {
            number: v.number,
            agreed_on: v.agreed_on,
            approved: v.approved_by.is_some(),
        }),
        children: rows.children as usize,
    })
}

/// The rows a plan page is built from, read before the names they refer to.
struct PlanRows {
    phases: Vec<plan_phases::Model>,
    team: Vec<plan_team::Model>,
    /// The organisations that have the person in charge.
    in_charge: Vec<person_organisations::Model>,
    assessments: Vec<plan_assessments::Model>,
    goals: Vec<plan_goals::Model>,
    actions: Vec<plan_actions::Model>,
    /// The whole service catalogue, the retired services included (old actions use them).
    catalogue: Vec<services::Model>,
    handovers: Vec<reference_handovers::Model>,
    latest_version: Option<plan_versions::Model>,
    /// How many children have the person as their family head.
    children: u64,
}

/// Reads the plan's phases, team, areas and history, and the person's organisations in
/// charge, handovers and children.
async fn plan_rows<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
) -> Result<PlanRows, AppError> {
    let phases = plan_phases::Entity::find()
        .filter(plan_phases::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_phases::Column::StartedOn)
        .order_by_asc(plan_phases::Column::Id)
        .all(conn)
        .await?;
    let team = plan_team::Entity::find()
        .filter(plan_team::Column::PlanId.eq(plan.id))
        .filter(plan_team::Column::RemovedAt.is_null())
        .order_by_asc(plan_team::Column::Id)
        .all(conn)
        .await?;
    let in_charge = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .order_by_asc(person_organisations::Column::Id)
        .all(conn)
        .await?;
    let assessments = plan_assessments::Entity::find()
        .filter(plan_assessments::Column::PlanId.eq(plan.id))
        .all(conn)
        .await?;
    let goals = plan_goals::Entity::find()
        .filter(plan_goals::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_goals::Column::Id)
        .all(conn)
        .await?;
    let actions = plan_actions::Entity::find()
        .filter(plan_actions::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_actions::Column::PlannedStart)
        .order_by_asc(plan_actions::Column::Id)
        .all(conn)
        .await?;
    let catalogue = services::Entity::find()
        .order_by_asc(services::Column::Area)
        .order_by_asc(services::Column::NameIt)
        .all(conn)
        .await?;
    let handovers = reference_handovers::Entity::find()
        .filter(reference_handovers::Column::PersonId.eq(person.id))
        .order_by_desc(reference_handovers::Column::CreatedAt)
        .order_by_desc(reference_handovers::Column::Id)
        .all(conn)
        .await?;
    let latest_version = plan_versions::Entity::find()
        .filter(plan_versions::Column::PlanId.eq(plan.id))
        .order_by_desc(plan_versions::Column::Number)
        .one(conn)
        .await?;
    let children = people::Entity::find()
        .filter(people::Column::FamilyHeadId.eq(person.id))
        .count(conn)
        .await?;
    Ok(PlanRows {
        phases,
        team,
        in_charge,
        assessments,
        goals,
        actions,
        catalogue,
        handovers,
        latest_version,
        children,
    })
}

/// The names of the users and organisations a plan's rows refer to.
struct PlanNames {
    users: HashMap<i32, String>,
    organisations: HashMap<i32, String>,
}

impl PlanNames {
    /// Looks up, in two queries, every user and organisation named in `rows`.
    async fn load<C: ConnectionTrait>(conn: &C, rows: &PlanRows) -> Result<Self, AppError> {
        // Collected first: a closure borrowing the rows inside the chain below would make
        // the future's lifetimes too specific to be Send.
        let handover_users: Vec<i32> = rows
            .handovers
            .iter()
            .flat_map(|h| [h.from_user_id, Some(h.to_user_id)])
            .flatten()
            .collect();
        let users = user_names(
            conn,
            rows.phases
                .iter()
                .map(|p| p.recorded_by)
                .chain(handover_users.iter().copied())
                .chain(rows.team.iter().filter_map(|m| m.user_id))
                .chain(rows.in_charge.iter().filter_map(|o| o.reference_user_id))
                .chain(rows.actions.iter().filter_map(|a| a.responsible_user_id)),
        )
        .await?;
        let organisations = organisation_names(
            conn,
            rows.in_charge
                .iter()
                .map(|o| o.organisation_id)
                .chain(rows.handovers.iter().map(|h| h.organisation_id)),
        )
        .await?;
        Ok(Self {
            users,
            organisations,
        })
    }

    /// The user's name, or an empty one if she was not found.
    fn user(&self, id: i32) -> String {
        self.users.get(&id).cloned().unwrap_or_default()
    }

    /// The organisation's name, or an empty one if it was not found.
    fn organisation(&self, id: i32) -> String {
        self.organisations.get(&id).cloned().unwrap_or_default()
    }
}

/// Every area of the plan, in the order of [`Area::ALL`], with its assessment and its
/// goals and their actions.
fn area_plans(rows: &PlanRows, names: &PlanNames, today: chrono::NaiveDate) -> Vec<AreaPlan> {
    let services_by_id: HashMap<i32, &services::Model> =
        rows.catalogue.iter().map(|s| (s.id, s)).collect();
    Area::ALL
        .iter()
        .map(|&area| AreaPlan {
            area,
            assessment: rows
                .assessments
                .iter()
                .find(|a| a.area == area.code())
                .map(|a| AssessmentRow {
                    need: NeedLevel::from_stored(&a.need, NeedLevel::NoNeed),
                    notes: a.notes.clone(),
                    assessed_on: a.assessed_on,
                }),
            goals: rows
                .goals
                .iter()
                .filter(|g| g.area == area.code())
                .map(|goal| GoalRow {
                    id: goal.id,
                    description: goal.description.clone(),
                    expected_on: goal.expected_on,
                    status: GoalStatus::from_stored(&goal.status, GoalStatus::Open),
                    actions: rows
                        .actions
                        .iter()
                        .filter(|a| a.goal_id == goal.id)
                        .map(|action| action_row(action, &services_by_id, names, today))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// One action as the plan page shows it, with its service's area and name.
fn action_row(
    action: &plan_actions::Model,
    services_by_id: &HashMap<i32, &services::Model>,
    names: &PlanNames,
    today: chrono::NaiveDate,
) -> ActionRow {
    let status = ActionStatus::from_stored(&action.status, ActionStatus::Planned);
    let service = services_by_id.get(&action.service_id);
    ActionRow {
        id: action.id,
        area: service
            .and_then(|s| Area::from_code(&s.area))
            .unwrap_or(Area::Legal),
        service: service.map(|s| service_name(s)).unwrap_or(Bilingual {
            it: String::new(),
            en: String::new(),
        }),
        responsible: action
            .responsible_user_id
            .map(|id| names.user(id))
            .or_else(|| action.responsible_external.clone())
            .unwrap_or_default(),
        planned_start: action.planned_start,
        planned_end: action.planned_end,
        actual_start: action.actual_start,
        actual_end: action.actual_end,
        status,
        outcome: action.outcome.clone(),
        overdue: is_overdue(status, action.planned_end, today),
    }
}

/// The review meetings, with who recorded them: the next meeting first, then the
/// minutes of those held, newest first.
async fn review_rows<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    reviews: &[plan_reviews::Model],
    today: chrono::NaiveDate,
) -> Result<Vec<ReviewRow>, AppError> {
    let reviewers = user_names(conn, reviews.iter().filter_map(|r| r.recorded_by)).await?;
    let mut review_rows: Vec<ReviewRow> = reviews
        .iter()
        .map(|r| ReviewRow {
            id: r.id,
            scheduled_on: r.scheduled_on,
            held_on: r.held_on,
            minutes: r.minutes.clone(),
            decisions: r.decisions.clone(),
            recorded_by: r.recorded_by.and_then(|id| reviewers.get(&id).cloned()),
            due: plan.closed_on.is_none() && review_due(r.scheduled_on, r.held_on.is_some(), today),
        })
        .collect();
    // The next meeting first, then the minutes of those held, newest first.
    review_rows.sort_by_key(|r| match r.held_on {
        None => (0, r.scheduled_on.num_days_from_ce()),
        Some(held) => (1, -held.num_days_from_ce()),
    });
    Ok(review_rows)
}

/// The residence permits, each knowing whether it was renewed and whether it needs an
/// expiry alert.
fn permit_view(permit_rows: &[permits::Model], today: chrono::NaiveDate) -> Vec<PermitRow> {
    let renewed: HashSet<i32> = permit_rows.iter().filter_map(|p| p.renewal_of).collect();
    permit_rows
        .iter()
        .map(|p| PermitRow {
            id: p.id,
            kind: PermitKind::from_stored(&p.kind, PermitKind::Other),
            applied_on: p.applied_on,
            opinion_on: p.opinion_on,
            questura_on: p.questura_on,
            issued_on: p.issued_on,
            expires_on: p.expires_on,
            renewal_of: p.renewal_of,
            renewed: renewed.contains(&p.id),
            converted_to: p.converted_to.as_deref().and_then(Conversion::from_code),
            converted_on: p.converted_on,
            route: p.route.as_deref().and_then(PermitRoute::from_code),
            expiry_alert: permit_expiry_alert(
                p.expires_on,
                renewed.contains(&p.id),
                p.converted_to.is_some(),
                today,
            ),
        })
        .collect()
}

/// One internship or job placement as the plan page shows it.
fn work_row(w: work_placements::Model) -> WorkPlacementRow {
    WorkPlacementRow {
        id: w.id,
        kind: WorkKind::from_stored(&w.kind, WorkKind::Internship),
        host_company: w.host_company,
        starts_on: w.starts_on,
        ends_on: w.ends_on,
        hours_per_week: w.hours_per_week,
        grant_cents: w.grant_cents,
        tutor: w.tutor,
        attendance_percent: w.attendance_percent,
        outcome: w.outcome.as_deref().and_then(WorkOutcome::from_code),
    }
}

/// How the plan was closed, if it was (a closing date and an exit outcome both recorded).
fn plan_closing(plan: &plans::Model) -> Option<PlanClosing> {
    match (plan.closed_on, plan.exit_outcome.as_deref()) {
        (Some(closed_on), Some(outcome)) => Some(PlanClosing {
            closed_on,
            outcome: PlanExit::from_stored(outcome, PlanExit::Autonomy),
            summary: plan.closing_summary.clone().unwrap_or_default(),
        }),
        _ => None,
    }
}

/// A team member: a user by her name, an external member by the name recorded.
fn team_member_row(m: &plan_team::Model, names: &PlanNames) -> TeamMemberRow {
    TeamMemberRow {
        id: m.id,
        name: m
            .user_id
            .map(|id| names.user(id))
            .or_else(|| m.external_name.clone())
            .unwrap_or_default(),
        external: m.user_id.is_none(),
        role: TeamRole::from_stored(&m.role, TeamRole::SocialWorker),
    }
}

/// A change of phase, with who recorded it.
fn phase_row(p: &plan_phases::Model, names: &PlanNames) -> PhaseRow {
    PhaseRow {
        phase: Phase::from_stored(&p.phase, Phase::FirstContact),
        started_on: p.started_on,
        note: p.note.clone(),
        recorded_by: names.user(p.recorded_by),
    }
}

/// A handover of the reference operator, with the organisation and both operators named.
fn handover_row(h: &reference_handovers::Model, names: &PlanNames) -> HandoverRow {
    HandoverRow {
        on: h.created_at.date_naive(),
        organisation: names.organisation(h.organisation_id),
        from: h.from_user_id.map(|id| names.user(id)),
        to: names.user(h.to_user_id),
        note: h.note.clone(),
    }
}
