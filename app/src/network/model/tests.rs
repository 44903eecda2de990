use super::*;

fn form() -> EventForm {
    EventForm {
        record: String::new(),
        kind: "training".into(),
        title: "  Indicatori di tratta  al pronto soccorso ".into(),
        audience: "emergency_department".into(),
        held_on: "2026-12-20".into(),
        hours: "4".into(),
        place: "Ospedale Maria Vittoria".into(),
        trainers: "Laura Ferrero".into(),
        agenda: String::new(),
    }
}

fn user(kind: OrganisationKind, roles: Vec<Role>, organisation_id: i32) -> CurrentUser {
    CurrentUser {
        id: 1,
        email: "a@b.c".into(),
        display_name: "A".into(),
        organisation_id,
        organisation_name: "Org".into(),
        organisation_kind: kind,
        organisation_province: None,
        roles,
        language: None,
        unread_notifications: 0,
        must_change_password: false,
    }
}

#[test]
fn an_event_has_a_kind_an_audience_a_day_a_place_and_for_a_training_its_trainers() {
    let valid = form().validate().unwrap();
    assert_eq!(valid.title, "Indicatori di tratta al pronto soccorso");
    assert_eq!(valid.kind, EventKind::Training);
    assert_eq!(valid.audience, Audience::EmergencyDepartment);
    assert_eq!(valid.hours, Some(4));
    let error = EventForm {
        record: "x".into(),
        kind: "party".into(),
        title: String::new(),
        audience: String::new(),
        held_on: "31/02/2026".into(),
        hours: "13".into(),
        place: "p".repeat(MAX_PLACE + 1),
        trainers: String::new(),
        agenda: "a".repeat(MAX_AGENDA + 1),
    }
    .validate()
    .unwrap_err();
    for (field, problem) in [
        ("record", Problem::UnknownChoice),
        ("kind", Problem::UnknownChoice),
        ("title", Problem::Required),
        ("audience", Problem::Required),
        ("held_on", Problem::InvalidDate),
        ("hours", Problem::OutOfRange),
        ("place", Problem::TooLong),
        ("agenda", Problem::TooLong),
    ] {
        assert_eq!(error.problem_for(field), Some(problem), "{field}");
    }
    // A training names its trainers; a meeting need not name who chairs it.
    let untrained = EventForm {
        trainers: " ".into(),
        ..form()
    }
    .validate()
    .unwrap_err();
    assert_eq!(untrained.problem_for("trainers"), Some(Problem::Required));
    let meeting = EventForm {
        kind: "meeting".into(),
        trainers: String::new(),
        hours: "due".into(),
        ..form()
    }
    .validate()
    .unwrap_err();
    assert_eq!(meeting.problem_for("trainers"), None);
    assert_eq!(meeting.problem_for("hours"), Some(Problem::UnknownChoice));
}

#[test]
fn a_decision_names_what_who_and_by_when() {
    let error = DecisionForm {
        body: String::new(),
        owner: "nobody".into(),
        due_on: String::new(),
    }
    .validate()
    .unwrap_err();
    assert_eq!(error.problem_for("body"), Some(Problem::Required));
    assert_eq!(error.problem_for("owner"), Some(Problem::UnknownChoice));
    assert_eq!(error.problem_for("due_on"), Some(Problem::Required));
    let valid = DecisionForm {
        body: "Inviare la bozza di protocollo".into(),
        owner: "7".into(),
        due_on: "2026-12-20".into(),
    }
    .validate()
    .unwrap();
    assert_eq!(valid.owner, 7);
}

#[test]
fn partners_never_see_meetings_and_organisers_change_only_their_own_events() {
    let partner = user(OrganisationKind::Partner, vec![Role::Partner], 9);
    assert!(!sees_meetings(&partner));
    assert!(!may_organise(&partner, 9));
    let trainer = user(OrganisationKind::ImplementingBody, vec![Role::Trainer], 4);
    assert!(sees_meetings(&trainer));
    assert!(may_organise(&trainer, 4));
    assert!(!may_organise(&trainer, 5));
    let worker = user(
        OrganisationKind::ImplementingBody,
        vec![Role::CaseWorker],
        4,
    );
    assert!(!may_organise(&worker, 4));
    let coordinator = user(OrganisationKind::Coordination, vec![Role::Coordinator], 1);
    assert!(may_organise(&coordinator, 4));
    assert!(EventKind::Training.certifies() && !EventKind::Meeting.certifies());
}
