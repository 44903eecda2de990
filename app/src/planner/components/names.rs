//! Names of the planner's codes and the error panel of its forms, in the reader's language.

use super::*;

pub fn area_name(area: Area) -> String {
    match area {
        Area::Legal => tr!("area-legal"),
        Area::Health => tr!("area-health"),
        Area::Housing => tr!("area-housing"),
        Area::Language => tr!("area-language"),
        Area::Training => tr!("area-training"),
        Area::Work => tr!("area-work"),
        Area::Relations => tr!("area-relations"),
        Area::Parenting => tr!("area-parenting"),
        Area::Schooling => tr!("area-schooling"),
    }
}

pub(crate) fn phase_name(phase: Phase) -> String {
    match phase {
        Phase::FirstContact => tr!("phase-first-contact"),
        Phase::Protection => tr!("phase-protection"),
        Phase::Reception => tr!("phase-reception"),
        Phase::NonResidential => tr!("phase-non-residential"),
        Phase::Inclusion => tr!("phase-inclusion"),
        Phase::Exit => tr!("phase-exit"),
    }
}

pub(crate) fn team_role_name(role: TeamRole) -> String {
    match role {
        TeamRole::SocialWorker => tr!("team-role-social-worker"),
        TeamRole::Educator => tr!("team-role-educator"),
        TeamRole::CulturalMediator => tr!("team-role-cultural-mediator"),
        TeamRole::Psychologist => tr!("team-role-psychologist"),
        TeamRole::LegalAdvisor => tr!("team-role-legal-advisor"),
        TeamRole::Tutor => tr!("team-role-tutor"),
        TeamRole::ExternalService => tr!("team-role-external-service"),
    }
}

pub(crate) fn need_name(need: NeedLevel) -> String {
    match need {
        NeedLevel::NoNeed => tr!("need-none"),
        NeedLevel::Low => tr!("need-low"),
        NeedLevel::Medium => tr!("need-medium"),
        NeedLevel::High => tr!("need-high"),
    }
}

pub(crate) fn goal_status_name(status: GoalStatus) -> String {
    match status {
        GoalStatus::Open => tr!("goal-open"),
        GoalStatus::Achieved => tr!("goal-achieved"),
        GoalStatus::Dropped => tr!("goal-dropped"),
    }
}

pub(crate) fn action_status_name(status: ActionStatus) -> String {
    match status {
        ActionStatus::Planned => tr!("action-planned"),
        ActionStatus::InProgress => tr!("action-in-progress"),
        ActionStatus::Done => tr!("action-done"),
        ActionStatus::Cancelled => tr!("action-cancelled"),
    }
}

pub(crate) fn diary_level_name(level: DiaryLevel) -> String {
    match level {
        DiaryLevel::Team => tr!("diary-level-team"),
        DiaryLevel::Legal => tr!("diary-level-legal"),
        DiaryLevel::Psychologist => tr!("diary-level-psychologist"),
    }
}

pub(crate) fn exit_name(outcome: PlanExit) -> String {
    match outcome {
        PlanExit::Autonomy => tr!("plan-exit-autonomy"),
        PlanExit::PermitConverted => tr!("plan-exit-permit-converted"),
        PlanExit::VoluntaryReturn => tr!("plan-exit-voluntary-return"),
        PlanExit::Transfer => tr!("plan-exit-transfer"),
        PlanExit::DropOut => tr!("plan-exit-drop-out"),
    }
}

pub(crate) fn permit_kind_name(kind: PermitKind) -> String {
    match kind {
        PermitKind::Art18 => tr!("permit-art18"),
        PermitKind::LabourExploitation => tr!("permit-labour-exploitation"),
        PermitKind::InternationalProtection => tr!("permit-international-protection"),
        PermitKind::SpecialProtection => tr!("permit-special-protection"),
        PermitKind::MinorAge => tr!("permit-minor-age"),
        PermitKind::Work => tr!("permit-work"),
        PermitKind::Study => tr!("permit-study"),
        PermitKind::Family => tr!("permit-family"),
        PermitKind::Other => tr!("permit-other"),
    }
}

pub(crate) fn conversion_name(conversion: Conversion) -> String {
    match conversion {
        Conversion::Work => tr!("conversion-work"),
        Conversion::Study => tr!("conversion-study"),
    }
}

pub(crate) fn work_kind_name(kind: WorkKind) -> String {
    match kind {
        WorkKind::Internship => tr!("work-internship"),
        WorkKind::WorkGrant => tr!("work-grant"),
    }
}

pub(crate) fn work_outcome_name(outcome: WorkOutcome) -> String {
    match outcome {
        WorkOutcome::Hired => tr!("work-hired"),
        WorkOutcome::NotHired => tr!("work-not-hired"),
        WorkOutcome::Interrupted => tr!("work-interrupted"),
    }
}

pub(crate) fn euro_text(cents: i32) -> String {
    format!("€ {},{:02}", cents / 100, cents % 100)
}

pub(crate) use crate::ui::forms::date_value;

/// The label of a form field of the planner, for the error summary.
pub(crate) fn field_label(field: &str) -> String {
    match field {
        "phase" => tr!("plan-field-phase"),
        "started_on" => tr!("plan-field-started-on"),
        "note" => tr!("plan-field-note"),
        "user_id" | "responsible_user_id" => tr!("plan-field-colleague"),
        "external_name" | "responsible_external" => tr!("plan-field-external"),
        "role" => tr!("plan-field-role"),
        "area" => tr!("plan-field-area"),
        "need" => tr!("plan-field-need"),
        "notes" => tr!("plan-field-notes"),
        "description" => tr!("plan-field-description"),
        "expected_on" => tr!("plan-field-expected-on"),
        "goal_id" => tr!("plan-field-goal"),
        "service_id" => tr!("plan-field-service"),
        "planned_start" => tr!("plan-field-planned-start"),
        "planned_end" => tr!("plan-field-planned-end"),
        "actual_start" => tr!("plan-field-actual-start"),
        "actual_end" => tr!("plan-field-actual-end"),
        "status" => tr!("plan-field-status"),
        "outcome" => tr!("plan-field-outcome"),
        "level" => tr!("plan-field-level"),
        "written_on" => tr!("plan-field-written-on"),
        "body" => tr!("plan-field-body"),
        "name_it" => tr!("plan-field-name-it"),
        "name_en" => tr!("plan-field-name-en"),
        "review_every_days" => tr!("plan-field-review-every"),
        "scheduled_on" => tr!("plan-field-scheduled-on"),
        "held_on" => tr!("plan-field-held-on"),
        "minutes" => tr!("plan-field-minutes"),
        "decisions" => tr!("plan-field-decisions"),
        "kind" => tr!("plan-field-kind"),
        "applied_on" => tr!("permit-applied-on"),
        "opinion_on" => tr!("permit-opinion-on"),
        "questura_on" => tr!("permit-questura-on"),
        "issued_on" => tr!("permit-issued-on"),
        "expires_on" => tr!("permit-expires-on"),
        "renewal_of" => tr!("permit-renewal-of"),
        "route" => tr!("permit-route"),
        "converted_to" => tr!("permit-converted-to"),
        "converted_on" => tr!("permit-converted-on"),
        "host_company" => tr!("work-host-company"),
        "starts_on" => tr!("work-starts-on"),
        "ends_on" => tr!("work-ends-on"),
        "hours_per_week" => tr!("work-hours-per-week"),
        "grant" => tr!("work-grant-amount"),
        "tutor" => tr!("work-tutor"),
        "attendance_percent" => tr!("work-attendance"),
        "closed_on" => tr!("plan-field-closed-on"),
        "summary" => tr!("plan-field-summary"),
        "confirm" => tr!("plan-field-confirm"),
        "child" => tr!("family-field-child"),
        "service" => tr!("family-field-service"),
        "next_steps" => tr!("family-field-next-steps"),
        "agreed_on" => tr!("agreement-field-agreed-on"),
        "language" => tr!("agreement-field-language"),
        "mediator" => tr!("agreement-field-mediator"),
        "guardian" => tr!("agreement-field-guardian"),
        "approver_id" => tr!("agreement-field-approver"),
        _ => field.to_string(),
    }
}

/// The service's name in the interface's language.
pub(crate) fn service_label(name: &Bilingual) -> String {
    name.in_language(&interface_language()).to_string()
}

/// The error of a planner form: what went wrong and, for invalid input, each field in
/// words, so that nobody has to guess which of the page's forms it was.
#[component]
pub(crate) fn PlanErrors(error: Signal<Option<AppError>>) -> impl IntoView {
    view! { <FormProblems error field_label /> }
}
