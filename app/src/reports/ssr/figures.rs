//! The list behind a figure of the report, for those who may see the people it counts.

use super::*;

/// The list behind one figure, for a reader entitled to it: the coordinator on her
/// screen, or the staff of the organisation whose figure it is. Audited with its size.
pub async fn figure_list(ctx: &Ctx, request: &FigureRequest) -> Result<FigureList, AppError> {
    let valid = request.report.validate(crate::kernel::clock::today())?;
    let reading = reading_for(ctx, &valid).await?;
    let table = TableId::from_code(request.table.trim()).ok_or(AppError::NotFound)?;
    let row = request
        .row
        .trim()
        .parse::<usize>()
        .map_err(|_| AppError::NotFound)?;
    let column = request
        .column
        .trim()
        .parse::<usize>()
        .map_err(|_| AppError::NotFound)?;
    let raw = tables_holding(&ctx.db, &reading.scope, valid.from, valid.to, table).await?;
    let raw = raw
        .iter()
        .find(|t| t.id == table)
        .ok_or(AppError::NotFound)?;
    let (total, members) = raw
        .cells
        .get(row)
        .and_then(|r| r.get(column))
        .cloned()
        .ok_or(AppError::NotFound)?;
    // The list says no more than the figure does for this reader: behind a figure shown
    // as "<3" or withheld there is no list.
    let suppressed = request.report.print || !reading.network_wide;
    let shown = finished(raw, suppressed, ctx.settings.report_min_count, false);
    if !matches!(shown.cells[row][column], Count::Exact(_)) {
        record_alone(
            &ctx.db,
            ctx.request_id(),
            AuditEvent::new(ctx.user.as_ref(), "report.figure", "report")
                .outcome(crate::audit::model::Outcome::Denied)
                .detail(format!(
                    "table={} row={row} column={column} suppressed",
                    table.code()
                )),
        )
        .await?;
        // For this reader, no such list exists (a 403 would say the function is barred).
        return Err(AppError::NotFound);
    }
    let mut lines = figure_lines(&ctx.db, &members).await?;
    if !reading.network_wide {
        hide_codes_of_others(&ctx.db, ctx.user()?, &mut lines).await?;
    }
    record_alone(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(ctx.user.as_ref(), "report.figure", "report").detail(format!(
            "table={} row={row} column={column} lines={} {}",
            table.code(),
            lines.len(),
            scope_detail(&valid, &reading.scope)
        )),
    )
    .await?;
    Ok(FigureList {
        table,
        row: raw.rows[row].clone(),
        column: raw.columns[column].clone(),
        total,
        lines,
        from: valid.from,
        to: valid.to,
    })
}

/// The staff of a body read the codes of the people their body is in charge of; a line
/// about anyone else (a guest of another body in one of their structures) keeps its
/// count and loses its code.
pub(super) async fn hide_codes_of_others<C: ConnectionTrait>(
    conn: &C,
    user: &crate::auth::model::CurrentUser,
    lines: &mut [FigureLine],
) -> Result<(), AppError> {
    let codes: Vec<String> = lines
        .iter()
        .filter_map(|line| line.person_code.clone())
        .collect();
    let mut people_by_code: HashMap<String, i32> = HashMap::new();
    for chunk in codes.chunks(500) {
        for person in people::Entity::find()
            .filter(people::Column::Code.is_in(chunk.iter().cloned()))
            .all(conn)
            .await?
        {
            people_by_code.insert(person.code, person.id);
        }
    }
    let ids: Vec<i32> = people_by_code.values().copied().collect();
    let mut own: HashSet<i32> = HashSet::new();
    if user.has_any_role(crate::people::access::TEAM_ROLES) {
        for chunk in ids.chunks(500) {
            own.extend(
                person_organisations::Entity::find()
                    .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
                    .filter(person_organisations::Column::PersonId.is_in(chunk.iter().copied()))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|row| row.person_id),
            );
        }
    }
    for line in lines {
        let visible = line
            .person_code
            .as_ref()
            .and_then(|code| people_by_code.get(code))
            .is_some_and(|id| own.contains(id));
        if !visible {
            line.person_code = None;
        }
    }
    Ok(())
}

pub(super) async fn figure_lines<C: ConnectionTrait>(
    conn: &C,
    members: &[Member],
) -> Result<Vec<FigureLine>, AppError> {
    let records = FigureRecords::load(conn, members).await?;
    let mut lines = Vec::with_capacity(members.len());
    lines.extend(members.iter().filter_map(|member| records.line(member)));
    lines.sort_by(|a, b| a.day.cmp(&b.day).then(a.person_code.cmp(&b.person_code)));
    Ok(lines)
}

/// The records behind a figure's members, by id, with the people, plans and structures
/// those records point to: all read before any line is written.
struct FigureRecords {
    screenings: HashMap<i32, screenings::Model>,
    contacts: HashMap<i32, contacts::Model>,
    stays: HashMap<i32, placements::Model>,
    works: HashMap<i32, work_placements::Model>,
    permits: HashMap<i32, permits::Model>,
    /// The person of each plan, by the plan's id.
    plan_people: HashMap<i32, i32>,
    people: HashMap<i32, people::Model>,
    structure_names: HashMap<i32, String>,
}

impl FigureRecords {
    /// Reads the records the members name, then the people, plans and structures those
    /// records point to.
    async fn load<C: ConnectionTrait>(conn: &C, members: &[Member]) -> Result<Self, AppError> {
        let mut wanted: [HashSet<i32>; 6] = Default::default();
        for member in members {
            let (kind, id) = match *member {
                Member::Person { id, .. } | Member::Days { person: id, .. } => (0, id),
                Member::Screening(id) => (1, id),
                Member::Contact(id) => (2, id),
                Member::Stay { placement, .. } => (3, placement),
                Member::Work(id) => (4, id),
                Member::Permit(id) => (5, id),
            };
            wanted[kind].insert(id);
        }
        let [mut person_ids, screening_ids, contact_ids, stay_ids, work_ids, permit_ids] = wanted;
        let screenings =
            by_ids::<_, screenings::Entity>(conn, screenings::Column::Id, &screening_ids, |m| m.id)
                .await?;
        let contacts =
            by_ids::<_, contacts::Entity>(conn, contacts::Column::Id, &contact_ids, |m| m.id)
                .await?;
        let stays =
            by_ids::<_, placements::Entity>(conn, placements::Column::Id, &stay_ids, |m| m.id)
                .await?;
        let works = by_ids::<_, work_placements::Entity>(
            conn,
            work_placements::Column::Id,
            &work_ids,
            |m| m.id,
        )
        .await?;
        let permits =
            by_ids::<_, permits::Entity>(conn, permits::Column::Id, &permit_ids, |m| m.id).await?;
        let plan_ids: HashSet<i32> = works
            .values()
            .map(|w| w.plan_id)
            .chain(permits.values().map(|p| p.plan_id))
            .collect();
        let plan_people: HashMap<i32, i32> =
            by_ids::<_, plans::Entity>(conn, plans::Column::Id, &plan_ids, |m| m.id)
                .await?
                .into_iter()
                .map(|(id, plan)| (id, plan.person_id))
                .collect();
        person_ids.extend(screenings.values().map(|s| s.person_id));
        person_ids.extend(stays.values().map(|s| s.person_id));
        person_ids.extend(plan_people.values().copied());
        let people =
            by_ids::<_, people::Entity>(conn, people::Column::Id, &person_ids, |m| m.id).await?;
        let structure_ids: HashSet<i32> = stays.values().map(|s| s.structure_id).collect();
        let structure_names: HashMap<i32, String> =
            by_ids::<_, structures::Entity>(conn, structures::Column::Id, &structure_ids, |m| m.id)
                .await?
                .into_iter()
                .map(|(id, structure)| (id, structure.name))
                .collect();
        Ok(FigureRecords {
            screenings,
            contacts,
            stays,
            works,
            permits,
            plan_people,
            people,
            structure_names,
        })
    }

    /// The person a plan is about.
    fn planned(&self, plan: i32) -> Option<&people::Model> {
        self.plan_people
            .get(&plan)
            .and_then(|id| self.people.get(id))
    }

    /// The line of one member, if its records (and the person they name) were found.
    fn line(&self, member: &Member) -> Option<FigureLine> {
        match *member {
            Member::Person { id, day } => self.people.get(&id).map(|p| person_line(p, day, None)),
            Member::Days { person, day, days } => self.people.get(&person).map(|p| FigureLine {
                amount: days,
                ..person_line(p, day, None)
            }),
            Member::Screening(id) => self.screenings.get(&id).and_then(|screening| {
                self.people.get(&screening.person_id).map(|person| {
                    person_line(
                        person,
                        screening.held_on,
                        Some(FigureDetail::Screening {
                            outcome: screening.outcome.clone(),
                        }),
                    )
                })
            }),
            Member::Contact(id) => self.contacts.get(&id).map(|contact| FigureLine {
                person_code: None,
                day: Some(contact.occurred_on),
                amount: i64::from(contact.people_count),
                detail: FigureDetail::Contact {
                    channel: Channel::from_stored(&contact.channel, Channel::StreetUnit),
                    province: contact.province.clone(),
                },
            }),
            Member::Stay { placement, days } => self.stays.get(&placement).map(|stay| FigureLine {
                person_code: self.people.get(&stay.person_id).map(|p| p.code.clone()),
                day: Some(stay.started_on),
                amount: days,
                detail: FigureDetail::Stay {
                    structure: self
                        .structure_names
                        .get(&stay.structure_id)
                        .cloned()
                        .unwrap_or_default(),
                },
            }),
            Member::Work(id) => self.works.get(&id).and_then(|activation| {
                self.planned(activation.plan_id).map(|person| {
                    person_line(
                        person,
                        activation.starts_on,
                        Some(FigureDetail::Work {
                            kind: activation.kind.clone(),
                        }),
                    )
                })
            }),
            Member::Permit(id) => self.permits.get(&id).and_then(|permit| {
                match (self.planned(permit.plan_id), permit.converted_on) {
                    (Some(person), Some(day)) => Some(person_line(
                        person,
                        day,
                        Some(FigureDetail::Permit {
                            converted_to: permit.converted_to.clone().unwrap_or_default(),
                        }),
                    )),
                    _ => None,
                }
            }),
        }
    }
}

/// A line about one person on `day`: by default her gender and whether she was a minor.
fn person_line(person: &people::Model, day: NaiveDate, detail: Option<FigureDetail>) -> FigureLine {
    FigureLine {
        person_code: Some(person.code.clone()),
        day: Some(day),
        amount: 1,
        detail: detail.unwrap_or(FigureDetail::Person {
            gender: Gender::from_stored(&person.gender, Gender::Female),
            minor: minor_from_record(person, day),
        }),
    }
}
