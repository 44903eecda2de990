//! Computing the funder report's tables: every count of the scope read once, counted in memory.

use super::*;

/// The tables that hold `table`: the funder report's or the dashboards'.
pub async fn tables_holding<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
    table: TableId,
) -> Result<Vec<RawTable>, AppError> {
    if table.is_dashboard() {
        crate::reports::dashboard::compute(
            conn,
            scope,
            from,
            to,
            crate::kernel::clock::today(),
            chrono::Utc::now(),
        )
        .await
    } else {
        compute(conn, scope, from, to).await
    }
}

/// All tables of the report for `scope` and the period, before suppression.
pub async fn compute<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<RawTable>, AppError> {
    let scope_people = people_in_scope(conn, scope).await?;
    let people = Population::read(conn, &scope_people, to).await?;
    let [by_sex, by_age, dependants, births, mut exploitation] = take_ins(&people, from, to);
    let mut evaluations = RawTable::new(
        TableId::Evaluations,
        vec![
            Label::Contacts,
            Label::Proximity,
            Label::Evaluations,
            Label::StillOpen,
            Label::Identified,
            Label::Proposals,
            Label::CommissionRequests,
            Label::CommissionReferrals,
            Label::HearingAccompaniments,
            Label::UnaccompaniedBeforeHearing,
            Label::PermitsConverted,
        ],
        vec![Label::AllPeople, Label::Minors],
    );
    // Rows that count people count each person once, however many evaluations,
    // requests or referrals she had.
    let mut counted: HashMap<Label, HashSet<i32>> = HashMap::new();
    let first_heard = super::path_counts::first_heard(conn).await?;
    count_screenings(
        conn,
        scope,
        (&people, &first_heard),
        (from, to),
        (&mut evaluations, &mut exploitation),
        &mut counted,
    )
    .await?;
    super::path_counts::count_commission(
        conn,
        scope,
        people.in_provinces,
        (from, to),
        &mut evaluations,
        &mut counted,
    )
    .await?;
    let channels = count_contacts(conn, scope, (from, to), &mut evaluations).await?;
    let work = count_work_and_permits(conn, &people, (from, to), &mut evaluations).await?;
    let presence = presence(conn, scope, from, to).await?;
    let spending =
        super::path_counts::count_spending(conn, scope, people.in_provinces, (from, to)).await?;
    let transfers =
        super::path_counts::count_transfers(conn, scope, people.in_provinces, (from, to)).await?;
    let system_actions =
        super::network_counts::count_system_actions(conn, scope, (from, to)).await?;
    Ok(vec![
        by_sex.with_totals(true, true),
        by_age.with_totals(true, true),
        dependants.with_totals(true, true),
        births.with_totals(false, true),
        evaluations,
        exploitation,
        work,
        channels.with_totals(true, true),
        presence.with_totals(true, false),
        spending,
        transfers,
        system_actions,
    ])
}

/// What the tables read of the people in scope: each by id, her steps up to the period's
/// end, and the children of each family head.
struct Population<'a> {
    in_provinces: &'a HashMap<i32, people::Model>,
    everyone: &'a [people::Model],
    by_id: HashMap<i32, &'a people::Model>,
    steps: HashMap<i32, Vec<path_events::Model>>,
    children: HashMap<i32, Vec<&'a people::Model>>,
}

impl<'a> Population<'a> {
    async fn read<C: ConnectionTrait>(
        conn: &C,
        scope_people: &'a ScopePeople,
        to: NaiveDate,
    ) -> Result<Population<'a>, AppError> {
        let everyone = &scope_people.everyone;
        let by_id: HashMap<i32, &people::Model> = everyone.iter().map(|p| (p.id, p)).collect();
        let mut steps: HashMap<i32, Vec<path_events::Model>> = HashMap::new();
        for step in path_events::Entity::find()
            .filter(path_events::Column::OnDate.lte(to))
            .order_by_asc(path_events::Column::OnDate)
            .all(conn)
            .await?
        {
            if by_id.contains_key(&step.person_id) {
                steps.entry(step.person_id).or_default().push(step);
            }
        }
        let mut children: HashMap<i32, Vec<&people::Model>> = HashMap::new();
        for person in everyone.iter() {
            if let Some(head) = person.family_head_id {
                children.entry(head).or_default().push(person);
            }
        }
        Ok(Population {
            in_provinces: &scope_people.in_provinces,
            everyone,
            by_id,
            steps,
            children,
        })
    }
}

/// Take-ins by sex and age, their dependent children and those born in the project, and
/// the exploitation of those taken in charge (the column of identifications is filled by
/// `count_screenings`).
fn take_ins(people: &Population, from: NaiveDate, to: NaiveDate) -> [RawTable; 5] {
    let Population {
        everyone,
        steps,
        children,
        ..
    } = people;
    let mut by_sex = RawTable::new(
        TableId::TakeInsBySex,
        vec![Label::Continuing, Label::NewTakeIns, Label::Total],
        Gender::ALL
            .iter()
            .map(|g| Label::Gender(*g))
            .chain([Label::Total])
            .collect(),
    );
    let mut by_age = RawTable::new(
        TableId::TakeInsByAge,
        vec![Label::Continuing, Label::NewTakeIns, Label::Total],
        vec![Label::Minors, Label::Adults, Label::Total],
    );
    let mut dependants = RawTable::new(
        TableId::DependentChildren,
        vec![Label::Continuing, Label::NewTakeIns, Label::Total],
        by_sex.columns.clone(),
    );
    let mut births = super::births::births_table(by_sex.columns.clone());
    let mut exploitation = RawTable::new(
        TableId::Exploitation,
        Exploitation::ALL
            .iter()
            .map(|k| Label::Exploitation(*k))
            .collect(),
        vec![Label::Identifications, Label::TakenInCharge],
    );
    let gender_column = |gender: &str| {
        Gender::from_code(gender)
            .and_then(|g| Gender::ALL.iter().position(|x| *x == g))
            .unwrap_or(0)
    };
    for person in everyone.iter().filter(|p| p.family_head_id.is_none()) {
        let (Some(take_in), exit) = take_in_and_exit(steps.get(&person.id).map_or(&[], |s| s))
        else {
            continue;
        };
        let (row, day) = if take_in < from && exit.is_none_or(|e| e >= from) {
            (Label::Continuing, from)
        } else if take_in >= from && take_in <= to {
            (Label::NewTakeIns, take_in)
        } else {
            continue;
        };
        let member = Member::Person { id: person.id, day };
        by_sex.add_to(&row, gender_column(&person.gender), 1, member);
        let minor = minor_from_record(person, day);
        by_age.add_to(&row, if minor { 0 } else { 1 }, 1, member);
        for kind in parse_codes(&person.exploitation, Exploitation::from_code) {
            exploitation.add_to(&Label::Exploitation(kind), 1, 1, member);
        }
        for child in children.get(&person.id).into_iter().flatten() {
            let column = gender_column(&child.gender);
            let member = Member::Person { id: child.id, day };
            if minor_from_record(child, day) {
                dependants.add_to(&row, column, 1, member);
            }
            if super::births::born_during(child, take_in, exit, to) {
                births.add_to(&Label::BornInProject, column, 1, member);
                if super::births::born_within(child, from, to) {
                    births.add_to(&Label::BornInPeriod, column, 1, member);
                }
            }
        }
    }

    [by_sex, by_age, dependants, births, exploitation]
}

/// Evaluations and what came of them, by the screenings held in the period.
async fn count_screenings<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    (people, first_heard): (&Population<'_>, &HashMap<i32, NaiveDate>),
    (from, to): (NaiveDate, NaiveDate),
    (evaluations, exploitation): (&mut RawTable, &mut RawTable),
    counted: &mut HashMap<Label, HashSet<i32>>,
) -> Result<(), AppError> {
    let in_provinces = people.in_provinces;
    let mut screening_query = screenings::Entity::find()
        .filter(screenings::Column::HeldOn.gte(from))
        .filter(screenings::Column::HeldOn.lte(to))
        .order_by_asc(screenings::Column::HeldOn)
        .order_by_asc(screenings::Column::Id);
    if let Some(chosen) = &scope.organisations {
        screening_query =
            screening_query.filter(screenings::Column::OrganisationId.is_in(chosen.clone()));
    }
    let mut identified: HashSet<i32> = HashSet::new();
    for screening in screening_query.all(conn).await? {
        // The person's province decides; organisations were filtered above.
        let Some(person) = in_provinces.get(&screening.person_id) else {
            continue;
        };
        let minor = minor_from_record(person, screening.held_on);
        let outcome = ScreeningOutcome::from_code(&screening.outcome);
        let person_member = Member::Person {
            id: person.id,
            day: screening.held_on,
        };
        let mut rows: Vec<(Label, Member)> =
            vec![(Label::Evaluations, Member::Screening(screening.id))];
        if outcome == Some(ScreeningOutcome::Open) {
            rows.push((Label::StillOpen, Member::Screening(screening.id)));
        }
        let found = matches!(
            outcome,
            Some(
                ScreeningOutcome::IndicatorsFound
                    | ScreeningOutcome::Proposal
                    | ScreeningOutcome::CommissionReferral
            )
        );
        let people_rows = [
            (Label::Identified, found),
            (
                Label::Proposals,
                outcome == Some(ScreeningOutcome::Proposal),
            ),
            (
                Label::CommissionRequests,
                matches!(
                    outcome,
                    Some(
                        ScreeningOutcome::CommissionRequest | ScreeningOutcome::CommissionReferral
                    )
                ),
            ),
            (
                Label::CommissionReferrals,
                outcome == Some(ScreeningOutcome::CommissionReferral),
            ),
            (
                Label::UnaccompaniedBeforeHearing,
                minor
                    && person.unaccompanied
                    && first_heard
                        .get(&person.id)
                        .is_none_or(|heard| *heard > screening.held_on),
            ),
        ];
        for (row, applies) in people_rows {
            if applies && counted.entry(row.clone()).or_default().insert(person.id) {
                rows.push((row, person_member));
            }
        }
        for (row, member) in rows {
            evaluations.add_to(&row, 0, 1, member);
            if minor {
                evaluations.add_to(&row, 1, 1, member);
            }
        }
        if found && identified.insert(person.id) {
            for kind in parse_codes(&person.exploitation, Exploitation::from_code) {
                exploitation.add_to(&Label::Exploitation(kind), 0, 1, person_member);
            }
        }
    }

    Ok(())
}

/// Contacts: people met, by channel; outreach units are "proximity".
async fn count_contacts<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    (from, to): (NaiveDate, NaiveDate),
    evaluations: &mut RawTable,
) -> Result<RawTable, AppError> {
    let mut channels = RawTable::new(
        TableId::ContactChannels,
        Channel::ALL
            .iter()
            .map(|c| Label::Channel(*c))
            .chain([Label::Total])
            .collect(),
        vec![Label::Adults, Label::Minors, Label::Total],
    );
    let mut contact_query = contacts::Entity::find()
        .filter(contacts::Column::OccurredOn.gte(from))
        .filter(contacts::Column::OccurredOn.lte(to));
    if let Some(chosen) = &scope.organisations {
        contact_query =
            contact_query.filter(contacts::Column::OrganisationId.is_in(chosen.clone()));
    }
    if !scope.provinces.is_empty() {
        contact_query =
            contact_query.filter(contacts::Column::Province.is_in(scope.provinces.clone()));
    }
    for contact in contact_query.all(conn).await? {
        let amount = i64::from(contact.people_count);
        let member = Member::Contact(contact.id);
        let channel = Channel::from_code(&contact.channel);
        let row = channel
            .and_then(|c| Channel::ALL.iter().position(|x| *x == c))
            .unwrap_or(0);
        channels.add(row, if contact.minor { 1 } else { 0 }, amount, member);
        evaluations.add_to(&Label::Contacts, 0, amount, member);
        if contact.minor {
            evaluations.add_to(&Label::Contacts, 1, amount, member);
        }
        if matches!(channel, Some(Channel::StreetUnit | Channel::IndoorUnit)) {
            evaluations.add_to(&Label::Proximity, 0, amount, member);
            if contact.minor {
                evaluations.add_to(&Label::Proximity, 1, amount, member);
            }
        }
    }

    Ok(channels)
}

/// Internships, work grants and permits converted, through each person's plan.
async fn count_work_and_permits<C: ConnectionTrait>(
    conn: &C,
    people: &Population<'_>,
    (from, to): (NaiveDate, NaiveDate),
    evaluations: &mut RawTable,
) -> Result<RawTable, AppError> {
    let Population {
        by_id, children, ..
    } = people;
    let plan_people: HashMap<i32, i32> = plans::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter(|plan| by_id.contains_key(&plan.person_id))
        .map(|plan| (plan.id, plan.person_id))
        .collect();
    let mut work = RawTable::new(
        TableId::WorkInclusion,
        vec![Label::Internships, Label::WorkGrants],
        vec![Label::AllPeople, Label::SingleMothers],
    );
    for activation in work_placements::Entity::find()
        .filter(work_placements::Column::StartsOn.gte(from))
        .filter(work_placements::Column::StartsOn.lte(to))
        .all(conn)
        .await?
    {
        let Some(person) = plan_people
            .get(&activation.plan_id)
            .and_then(|id| by_id.get(id))
        else {
            continue;
        };
        let row = match WorkKind::from_code(&activation.kind) {
            Some(WorkKind::Internship) => Label::Internships,
            Some(WorkKind::WorkGrant) => Label::WorkGrants,
            None => continue,
        };
        let member = Member::Work(activation.id);
        work.add_to(&row, 0, 1, member);
        let single_mother = person.gender == Gender::Female.code()
            && children.get(&person.id).is_some_and(|kids| {
                kids.iter()
                    .any(|k| minor_from_record(k, activation.starts_on))
            });
        if single_mother {
            work.add_to(&row, 1, 1, member);
        }
    }
    for permit in permits::Entity::find()
        .filter(permits::Column::ConvertedOn.gte(from))
        .filter(permits::Column::ConvertedOn.lte(to))
        .all(conn)
        .await?
    {
        let Some(person) = plan_people
            .get(&permit.plan_id)
            .and_then(|id| by_id.get(id))
        else {
            continue;
        };
        let member = Member::Permit(permit.id);
        evaluations.add_to(&Label::PermitsConverted, 0, 1, member);
        if permit
            .converted_on
            .is_some_and(|day| minor_from_record(person, day))
        {
            evaluations.add_to(&Label::PermitsConverted, 1, 1, member);
        }
    }

    Ok(work)
}

/// Days of presence per structure, beside its beds and available bed-days.
async fn presence<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<RawTable, AppError> {
    let in_scope = structures_in_scope(conn, scope).await?;
    let ids: Vec<i32> = in_scope.iter().map(|s| s.id).collect();
    let mut bed_counts: BTreeMap<i32, i64> = BTreeMap::new();
    for bed in beds::Entity::find()
        .filter(beds::Column::StructureId.is_in(ids.clone()))
        .all(conn)
        .await?
    {
        *bed_counts.entry(bed.structure_id).or_default() += 1;
    }
    let period_days = (to - from).num_days() + 1;
    let mut presence = RawTable::new(
        TableId::Presence,
        in_scope
            .iter()
            .map(|s| Label::Structure(s.name.clone()))
            .chain([Label::Total])
            .collect(),
        vec![Label::Beds, Label::AvailableDays, Label::PresenceDays],
    );
    // Beds and bed-days are no secret (the board shows them).
    presence.kinds = vec![ColumnKind::Public, ColumnKind::Public, ColumnKind::People];
    let row_of: HashMap<i32, usize> = in_scope
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    for (id, row) in &row_of {
        let count = bed_counts.get(id).copied().unwrap_or(0);
        presence.cells[*row][0].0 = count;
        presence.cells[*row][1].0 = count * period_days;
    }
    for stay in placements::Entity::find()
        .filter(placements::Column::StructureId.is_in(ids))
        .filter(placements::Column::StartedOn.lte(to))
        .all(conn)
        .await?
    {
        let days = nights_within(&stay, from, to);
        if days <= 0 {
            continue;
        }
        if let Some(row) = row_of.get(&stay.structure_id) {
            presence.add(
                *row,
                2,
                days,
                Member::Stay {
                    placement: stay.id,
                    days,
                },
            );
        }
    }

    Ok(presence)
}
