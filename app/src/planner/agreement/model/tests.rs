//! Tests of the plan agreement's model: versions, comparison and the approval forms.

use super::*;
use crate::planner::model::{ActionRow, AssessmentRow, GoalRow};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn snapshot() -> PlanSnapshot {
    PlanSnapshot {
        phase: Some(Phase::Reception),
        review_every_days: 90,
        reference_operators: vec![("Tenda".into(), "Sara Colombo".into())],
        team: vec![TeamMemberRow {
            id: 1,
            name: "Marta Gallo".into(),
            external: false,
            role: TeamRole::Educator,
        }],
        areas: vec![AreaPlan {
            area: Area::Language,
            assessment: Some(AssessmentRow {
                need: NeedLevel::High,
                notes: "Parla poco italiano".into(),
                assessed_on: day(2),
            }),
            goals: vec![GoalRow {
                id: 10,
                description: "Livello A2".into(),
                expected_on: Some(day(28)),
                status: GoalStatus::Open,
                actions: vec![ActionRow {
                    id: 20,
                    area: Area::Language,
                    service: Bilingual {
                        it: "Corso di italiano L2".into(),
                        en: "Italian L2 course".into(),
                    },
                    responsible: "CPIA 1 Torino".into(),
                    planned_start: day(3),
                    planned_end: day(27),
                    actual_start: None,
                    actual_end: None,
                    status: ActionStatus::Planned,
                    outcome: None,
                    overdue: false,
                }],
            }],
        }],
        children: Vec::new(),
    }
}

#[test]
fn identical_versions_have_no_differences() {
    assert!(compare(&snapshot(), &snapshot()).is_empty());
}

#[test]
fn a_moved_action_a_new_goal_and_a_new_member_are_told_apart() {
    let before = snapshot();
    let mut after = snapshot();
    after.areas[0].goals[0].actions[0].planned_end = day(30);
    after.areas[0].goals[0].status = GoalStatus::Achieved;
    after.areas[0].goals.push(GoalRow {
        id: 11,
        description: "Iscrizione al CPIA".into(),
        expected_on: None,
        status: GoalStatus::Open,
        actions: Vec::new(),
    });
    after.team.clear();
    after.phase = Some(Phase::Inclusion);
    let rows = compare(&before, &after);
    assert!(rows.contains(&DiffRow {
        area: None,
        subject: DiffSubject::Phase,
        change: DiffChange::Changed {
            field: DiffField::Value,
            before: DiffValue::Phase(Phase::Reception),
            after: DiffValue::Phase(Phase::Inclusion),
        },
    }));
    assert!(rows.iter().any(|r| matches!(
        (&r.subject, &r.change),
        (DiffSubject::Member { name, .. }, DiffChange::Removed) if name == "Marta Gallo"
    )));
    assert!(rows.iter().any(|r| matches!(
        (&r.subject, &r.change),
        (DiffSubject::Goal { description }, DiffChange::Added) if description == "Iscrizione al CPIA"
    )));
    assert!(rows.contains(&DiffRow {
        area: Some(Area::Language),
        subject: DiffSubject::Goal {
            description: "Livello A2".into()
        },
        change: DiffChange::Changed {
            field: DiffField::Status,
            before: DiffValue::GoalStatus(GoalStatus::Open),
            after: DiffValue::GoalStatus(GoalStatus::Achieved),
        },
    }));
    assert!(rows.iter().any(|r| matches!(
        &r.change,
        DiffChange::Changed { field: DiffField::PlannedEnd, before: DiffValue::Date(b), after: DiffValue::Date(a) }
            if *b == day(27) && *a == day(30)
    )));
    assert_eq!(rows.len(), 5, "{rows:#?}");
}

#[test]
fn a_removed_action_is_a_removal() {
    let before = snapshot();
    let mut after = snapshot();
    after.areas[0].goals[0].actions.clear();
    let rows = compare(&before, &after);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].change, DiffChange::Removed);
    assert!(matches!(rows[0].subject, DiffSubject::Action { .. }));
}

#[test]
fn the_guardian_is_required_for_a_minor_only() {
    let form = AgreementForm {
        agreed_on: "2026-11-20".into(),
        language: "  inglese ".into(),
        mediator: "Grace Edo".into(),
        guardian: String::new(),
        notes: String::new(),
        approver_id: "4".into(),
    };
    let adult = form.validate(day(30), false).unwrap();
    assert_eq!(adult.language, "inglese");
    assert_eq!(adult.guardian, None);
    let error = form.validate(day(30), true).unwrap_err();
    assert_eq!(error.problem_for("guardian"), Some(Problem::Required));
    let future = AgreementForm {
        agreed_on: "2026-12-01".into(),
        ..form
    };
    let error = future.validate(day(30), false).unwrap_err();
    assert_eq!(error.problem_for("agreed_on"), Some(Problem::DateInFuture));
}
