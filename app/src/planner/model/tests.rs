//! Tests of the planner's form validation and codes.

use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn problem(result: Result<impl Sized, AppError>, field: &str) -> Option<Problem> {
    result.err().and_then(|e| e.problem_for(field))
}

#[test]
fn an_action_ends_after_it_starts() {
    let form = NewActionForm {
        goal_id: "1".into(),
        service_id: "2".into(),
        responsible_user_id: "3".into(),
        planned_start: "2026-05-10".into(),
        planned_end: "2026-05-01".into(),
        ..Default::default()
    };
    assert_eq!(
        problem(form.validate(), "planned_end"),
        Some(Problem::Contradiction)
    );
    let form = NewActionForm {
        planned_end: "2026-05-10".into(),
        ..form
    };
    assert!(form.validate().is_ok());
}

#[test]
fn an_action_has_one_responsible() {
    let form = NewActionForm {
        goal_id: "1".into(),
        service_id: "2".into(),
        responsible_user_id: "3".into(),
        responsible_external: "SerD Torino".into(),
        planned_start: "2026-05-01".into(),
        planned_end: "2026-05-10".into(),
    };
    assert_eq!(
        problem(form.validate(), "responsible_external"),
        Some(Problem::Contradiction)
    );
    let nobody = NewActionForm {
        responsible_user_id: String::new(),
        responsible_external: String::new(),
        ..form
    };
    assert_eq!(
        problem(nobody.validate(), "responsible_user_id"),
        Some(Problem::Required)
    );
}

#[test]
fn done_without_a_date_ends_today_and_pending_has_no_end() {
    let today = day("2026-11-29");
    let form = ActionProgressForm {
        status: "done".into(),
        planned_start: "2026-11-01".into(),
        planned_end: "2026-11-20".into(),
        ..Default::default()
    };
    let valid = form.validate(today).unwrap();
    assert_eq!(valid.actual_end, Some(today));
    assert_eq!(valid.actual_start, Some(today));
    let pending = ActionProgressForm {
        status: "in_progress".into(),
        actual_end: "2026-11-20".into(),
        ..form.clone()
    };
    assert_eq!(
        problem(pending.validate(today), "actual_end"),
        Some(Problem::Contradiction)
    );
    let future = ActionProgressForm {
        actual_end: "2026-12-20".into(),
        ..form
    };
    assert_eq!(
        problem(future.validate(today), "actual_end"),
        Some(Problem::DateInFuture)
    );
}

#[test]
fn dates_are_real_and_in_range() {
    let mut checks = Validation::default();
    assert_eq!(required_day("d", "2026-02-30", &mut checks), None);
    assert_eq!(required_day("d", "1900-01-01", &mut checks), None);
    assert_eq!(
        required_day("d", "2026-02-28", &mut checks),
        Some(day("2026-02-28"))
    );
    let error = checks.finish().unwrap_err();
    assert!(matches!(error, AppError::Invalid { problems } if problems.len() == 2));
}

#[test]
fn team_members_are_a_colleague_or_a_named_external_service() {
    let colleague = TeamForm {
        user_id: "4".into(),
        role: "psychologist".into(),
        ..Default::default()
    };
    assert!(matches!(
        colleague.validate().unwrap().member,
        TeamMember::Colleague(4)
    ));
    let external_with_profession = TeamForm {
        external_name: "Consultorio familiare".into(),
        role: "psychologist".into(),
        ..Default::default()
    };
    assert_eq!(
        problem(external_with_profession.validate(), "role"),
        Some(Problem::Contradiction)
    );
    let unknown = TeamForm {
        user_id: "4".into(),
        role: "astrologer".into(),
        ..Default::default()
    };
    assert_eq!(
        problem(unknown.validate(), "role"),
        Some(Problem::UnknownChoice)
    );
}

#[test]
fn overdue_is_a_pending_action_past_its_planned_end() {
    let today = day("2026-11-29");
    assert!(is_overdue(ActionStatus::Planned, day("2026-11-28"), today));
    assert!(!is_overdue(ActionStatus::Planned, today, today));
    assert!(!is_overdue(ActionStatus::Done, day("2026-11-01"), today));
    assert!(!is_overdue(
        ActionStatus::Cancelled,
        day("2026-11-01"),
        today
    ));
}

#[test]
fn restricted_diary_levels_open_to_their_profession() {
    assert_eq!(DiaryLevel::Team.reader_role(), None);
    assert_eq!(
        DiaryLevel::Legal.reader_role(),
        Some(TeamRole::LegalAdvisor)
    );
    assert_eq!(
        DiaryLevel::Psychologist.reader_role(),
        Some(TeamRole::Psychologist)
    );
}

#[test]
fn service_codes_are_slugs_of_the_area_and_name() {
    assert_eq!(
        service_code(Area::Health, "Screening odontoiatrico – città"),
        "health_screening_odontoiatrico_citta"
    );
}

#[test]
fn euro_amounts_are_read_the_italian_way() {
    assert_eq!(parse_euro_cents("450"), Some(45_000));
    assert_eq!(parse_euro_cents("450,5"), Some(45_050));
    assert_eq!(parse_euro_cents("1.200,50"), Some(120_050));
    assert_eq!(parse_euro_cents("€ 300.25"), Some(30_025));
    assert_eq!(parse_euro_cents("3,141"), None);
    assert_eq!(parse_euro_cents("-5"), None);
    assert_eq!(parse_euro_cents("tanti"), None);
}

#[test]
fn a_permit_route_goes_forward() {
    let today = day("2026-11-29");
    let form = PermitForm {
        kind: "art18".into(),
        applied_on: "2026-03-01".into(),
        issued_on: "2026-02-01".into(),
        expires_on: "2027-02-01".into(),
        ..Default::default()
    };
    assert_eq!(
        problem(form.validate(today), "issued_on"),
        Some(Problem::Contradiction)
    );
    let expiry_without_issue = PermitForm {
        kind: "art18".into(),
        expires_on: "2027-02-01".into(),
        ..Default::default()
    };
    assert_eq!(
        problem(expiry_without_issue.validate(today), "issued_on"),
        Some(Problem::Required)
    );
    let fine = PermitForm {
        issued_on: "2026-04-01".into(),
        ..form
    };
    assert!(fine.validate(today).is_ok());
}

#[test]
fn permits_alert_before_expiry_unless_renewed_or_converted() {
    let today = day("2026-11-29");
    assert_eq!(
        permit_expiry_alert(Some(day("2027-01-10")), false, false, today),
        Some(42)
    );
    assert_eq!(
        permit_expiry_alert(Some(day("2027-06-10")), false, false, today),
        None
    );
    assert_eq!(
        permit_expiry_alert(Some(day("2026-11-01")), false, false, today),
        Some(-28)
    );
    assert_eq!(
        permit_expiry_alert(Some(day("2027-01-10")), true, false, today),
        None
    );
    assert_eq!(
        permit_expiry_alert(Some(day("2027-01-10")), false, true, today),
        None
    );
    assert_eq!(permit_expiry_alert(None, false, false, today), None);
}

#[test]
fn reviews_are_due_two_weeks_ahead_until_held() {
    let today = day("2026-11-29");
    assert!(review_due(day("2026-12-10"), false, today));
    assert!(review_due(day("2026-11-01"), false, today));
    assert!(!review_due(day("2027-01-10"), false, today));
    assert!(!review_due(day("2026-11-01"), true, today));
}

#[test]
fn internships_have_hours_a_span_and_a_sensible_grant() {
    let form = WorkPlacementForm {
        kind: "internship".into(),
        host_company: "Trattoria Da Gino".into(),
        starts_on: "2026-01-10".into(),
        ends_on: "2026-05-10".into(),
        hours_per_week: "25".into(),
        grant: "450,00".into(),
        tutor: String::new(),
    };
    assert_eq!(form.validate().unwrap().grant_cents, Some(45_000));
    let too_long = WorkPlacementForm {
        ends_on: "2029-05-10".into(),
        ..form.clone()
    };
    assert_eq!(
        problem(too_long.validate(), "ends_on"),
        Some(Problem::OutOfRange)
    );
    let no_hours = WorkPlacementForm {
        hours_per_week: "0".into(),
        ..form
    };
    assert_eq!(
        problem(no_hours.validate(), "hours_per_week"),
        Some(Problem::OutOfRange)
    );
}

#[test]
fn an_exit_has_an_outcome_a_date_and_a_summary() {
    let today = day("2026-11-29");
    let form = ExitForm {
        outcome: "permit_converted".into(),
        closed_on: "2026-11-28".into(),
        summary: String::new(),
    };
    assert_eq!(
        problem(form.validate(today), "summary"),
        Some(Problem::Required)
    );
    assert_eq!(
        PlanExit::PermitConverted.path_outcome(),
        ExitOutcome::Autonomy
    );
}

#[test]
fn the_status_bar_has_one_step_for_both_kinds_of_reception() {
    assert_eq!(Phase::Reception.step(), Phase::NonResidential.step());
    assert_eq!(Phase::STEPS.len(), 5);
    assert!(Phase::STEPS.iter().enumerate().all(|(i, p)| p.step() == i));
}
