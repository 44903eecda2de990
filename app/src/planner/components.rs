//! Pages of the personalised project: the plan (phases, team, timeline, areas with their
//! assessment, goals and actions), the case diary, "My work" and the service catalogue.
//! Every form is a plain server-rendered form first; hydration only saves the reload.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::*;
use super::model::*;
use super::timeline_drag::{focus_bar, Grip, TimelineEdit};
use crate::error::AppError;
use crate::ui::errors::{error_message, problem_message, set_page_status, ErrorPanel};
use crate::ui::pages::Loading;

// ---------------------------------------------------------------- names

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

pub(crate) fn date_value(value: Option<NaiveDate>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

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
pub(crate) fn service_label(name: &ServiceName) -> String {
    let language = use_context::<I18n>()
        .map(|i18n| i18n.language.get().id.to_string())
        .unwrap_or_default();
    name.in_language(&language)
}

pub(crate) fn date_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

pub(crate) fn day(day: NaiveDate) -> impl IntoView {
    view! { <time datetime=day.to_string()>{date_text(day)}</time> }
}

pub(crate) fn optional_day(value: Option<NaiveDate>) -> AnyView {
    match value {
        Some(value) => day(value).into_any(),
        None => "—".into_any(),
    }
}

/// The error of a planner form: what went wrong and, for invalid input, each field in
/// words, so that nobody has to guess which of the page's forms it was.
#[component]
pub(crate) fn PlanErrors(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            set_page_status(&error);
            let problems = match &error {
                AppError::Invalid { problems } => problems.clone(),
                _ => Vec::new(),
            };
            view! {
                <div class="form-error" role="alert" tabindex="-1">
                    <p>{error_message(&error)}</p>
                    {(!problems.is_empty()).then(|| view! {
                        <ul>
                            {problems.into_iter().map(|p| view! {
                                <li>{field_label(&p.field)} ": " {problem_message(p.problem)}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

/// Whether the plan on this page may still be changed (false once it is closed).
#[derive(Clone, Copy)]
struct Editable(bool);

/// Whether forms are shown: a closed plan shows none (the server refuses changes anyway).
fn is_editable() -> bool {
    use_context::<Editable>().is_some_and(|e| e.0)
}

fn code_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("code").unwrap_or_default())
}

// ---------------------------------------------------------------- the plan page

#[derive(Clone, Copy)]
struct PlanActions {
    open: ServerAction<OpenPlan>,
    phase: ServerAction<RecordPhase>,
    add_member: ServerAction<AddTeamMember>,
    remove_member: ServerAction<RemoveTeamMember>,
    assessment: ServerAction<SaveAssessment>,
    goal: ServerAction<AddGoal>,
    goal_status: ServerAction<SetGoalStatus>,
    action: ServerAction<AddPlanAction>,
    progress: ServerAction<UpdatePlanAction>,
    schedule: ServerAction<ScheduleReview>,
    review: ServerAction<RecordReview>,
    permit: ServerAction<SavePermit>,
    convert: ServerAction<ConvertPermit>,
    add_work: ServerAction<AddWorkPlacement>,
    update_work: ServerAction<UpdateWorkPlacement>,
    exit: ServerAction<ClosePlan>,
}

impl PlanActions {
    fn new() -> Self {
        PlanActions {
            open: ServerAction::new(),
            phase: ServerAction::new(),
            add_member: ServerAction::new(),
            remove_member: ServerAction::new(),
            assessment: ServerAction::new(),
            goal: ServerAction::new(),
            goal_status: ServerAction::new(),
            action: ServerAction::new(),
            progress: ServerAction::new(),
            schedule: ServerAction::new(),
            review: ServerAction::new(),
            permit: ServerAction::new(),
            convert: ServerAction::new(),
            add_work: ServerAction::new(),
            update_work: ServerAction::new(),
            exit: ServerAction::new(),
        }
    }

    fn versions(&self) -> [usize; 16] {
        [
            self.open.version().get(),
            self.phase.version().get(),
            self.add_member.version().get(),
            self.remove_member.version().get(),
            self.assessment.version().get(),
            self.goal.version().get(),
            self.goal_status.version().get(),
            self.action.version().get(),
            self.progress.version().get(),
            self.schedule.version().get(),
            self.review.version().get(),
            self.permit.version().get(),
            self.convert.version().get(),
            self.add_work.version().get(),
            self.update_work.version().get(),
            self.exit.version().get(),
        ]
    }

    /// Folds the page's forms after any of them succeeded (see `fold_forms_after_success`);
    /// a failure leaves them as they are, so the user can correct what she typed.
    fn fold_after_success(&self) {
        use crate::ui::forms::fold_forms_after_success as fold;
        let a = *self;
        fold(move || a.open.value().get().map(|r| r.is_ok()));
        fold(move || a.phase.value().get().map(|r| r.is_ok()));
        fold(move || a.add_member.value().get().map(|r| r.is_ok()));
        fold(move || a.remove_member.value().get().map(|r| r.is_ok()));
        fold(move || a.assessment.value().get().map(|r| r.is_ok()));
        fold(move || a.goal.value().get().map(|r| r.is_ok()));
        fold(move || a.goal_status.value().get().map(|r| r.is_ok()));
        fold(move || a.action.value().get().map(|r| r.is_ok()));
        fold(move || a.progress.value().get().map(|r| r.is_ok()));
        fold(move || a.schedule.value().get().map(|r| r.is_ok()));
        fold(move || a.review.value().get().map(|r| r.is_ok()));
        fold(move || a.permit.value().get().map(|r| r.is_ok()));
        fold(move || a.convert.value().get().map(|r| r.is_ok()));
        fold(move || a.add_work.value().get().map(|r| r.is_ok()));
        fold(move || a.update_work.value().get().map(|r| r.is_ok()));
        fold(move || a.exit.value().get().map(|r| r.is_ok()));
    }

    /// The error of the last form that failed (each action keeps its own).
    fn error(&self) -> Option<AppError> {
        let errors = [
            self.open.value().get().and_then(|r| r.err()),
            self.phase.value().get().and_then(|r| r.err()),
            self.add_member.value().get().and_then(|r| r.err()),
            self.remove_member.value().get().and_then(|r| r.err()),
            self.assessment.value().get().and_then(|r| r.err()),
            self.goal.value().get().and_then(|r| r.err()),
            self.goal_status.value().get().and_then(|r| r.err()),
            self.action.value().get().and_then(|r| r.err()),
            self.progress.value().get().and_then(|r| r.err()),
            self.schedule.value().get().and_then(|r| r.err()),
            self.review.value().get().and_then(|r| r.err()),
            self.permit.value().get().and_then(|r| r.err()),
            self.convert.value().get().and_then(|r| r.err()),
            self.add_work.value().get().and_then(|r| r.err()),
            self.update_work.value().get().and_then(|r| r.err()),
            self.exit.value().get().and_then(|r| r.err()),
        ];
        errors.into_iter().flatten().next()
    }
}

#[component]
pub fn PersonalPlanPage() -> impl IntoView {
    let code = code_param();
    let actions = PlanActions::new();
    provide_context(TimelineEdit::new());
    actions.fold_after_success();
    let data = Resource::new(
        move || (code.get(), actions.versions()),
        |(code, _)| fetch_plan(code),
    );
    let error = Signal::derive(move || actions.error());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "plan-title", { "code" => code.get() })
        }) />
        <p><a href=move || format!("/persone/{}", code.get())>{move_tr!("plan-back-to-person")}</a></p>
        <h1>{move_tr!("plan-heading")} " " <span class="code">{move || code.get()}</span></h1>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(PlanPage { code, plan: None, .. }) => view! { <OpenPlanForm code action=actions.open /> }.into_any(),
                    Ok(PlanPage { code, plan: Some(plan), today, minor }) => view! {
                        <PlanView code plan today minor actions />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OpenPlanForm(code: String, action: ServerAction<OpenPlan>) -> impl IntoView {
    view! {
        <section class="panel">
            <h2>{move_tr!("plan-none-title")}</h2>
            <p>{move_tr!("plan-none-intro")}</p>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
                <div class="field">
                    <label for="review-every">{move_tr!("plan-field-review-every")}</label>
                    <p class="hint" id="review-every-hint">{move_tr!("plan-review-every-hint")}</p>
                    <input id="review-every" type="number" name="review_every_days" min="7" max="365" value="90" required=true aria-describedby="review-every-hint" />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary">{move_tr!("plan-open")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn PlanView(
    code: String,
    plan: Plan,
    today: NaiveDate,
    minor: bool,
    actions: PlanActions,
) -> impl IntoView {
    let editable = plan.closing.is_none();
    let current = plan.current_phase();
    let overdue = plan.overdue_actions;
    let diary = format!("/persone/{code}/diario");
    let has_actions = plan
        .areas
        .iter()
        .any(|a| a.goals.iter().any(|g| !g.actions.is_empty()));
    provide_context(Editable(plan.closing.is_none()));
    let closing = plan.closing.clone();
    view! {
        {closing.map(|closing| {
            let outcome = closing.outcome;
            view! {
                <section class="panel panel-warning" aria-labelledby="closed-heading">
                    <h2 id="closed-heading">{move_tr!("plan-closed-title", { "date" => date_text(closing.closed_on) })}</h2>
                    <p><strong>{move_tr!("plan-field-exit-outcome")} ": "</strong> {move || exit_name(outcome)}</p>
                    <p class="prose">{closing.summary.clone()}</p>
                    <p class="hint">{move_tr!("plan-closed-read-only")}</p>
                </section>
            }
        })}
        <p class="lead">
            {move_tr!("plan-opened-on", { "date" => date_text(plan.opened_on) })}
            " · "
            {move_tr!("plan-review-every", { "days" => plan.review_every_days })}
        </p>
        {minor.then(|| view! { <p class="notice">{move_tr!("plan-minor")}</p> })}
        {(overdue > 0).then(|| view! {
            <p class="notice warning" role="status">{move_tr!("plan-overdue", { "count" => overdue })}</p>
        })}
        <p class="agreement-status">
            {match plan.latest_version.clone() {
                Some(version) => view! {
                    {move_tr!("plan-latest-version", { "number" => version.number, "date" => date_text(version.agreed_on) })}
                    " "
                    {if version.approved {
                        view! { <span class="badge badge-success">{move_tr!("agreement-approved")}</span> }.into_any()
                    } else {
                        view! { <span class="badge badge-warning">{move_tr!("agreement-pending")}</span> }.into_any()
                    }}
                }.into_any(),
                None => view! { {move_tr!("plan-not-agreed")} }.into_any(),
            }}
        </p>
        <p class="button-row">
            <a class="button secondary" href=diary>{move_tr!("plan-open-diary")}</a>
            <a class="button secondary" href=format!("/persone/{code}/progetto/versioni")>{move_tr!("plan-open-versions")}</a>
            <a class="button secondary" href=format!("/persone/{code}/progetto/famiglia")>{move_tr!("plan-open-family", { "count" => plan.children })}</a>
            <a class="button secondary" href=format!("/persone/{code}/progetto/stampa")>{move_tr!("plan-open-print")}</a>
            <a class="button secondary" href="#cronoprogramma">{move_tr!("plan-see-timeline")}</a>
        </p>
        <PhaseSection code=code.clone() phases=plan.phases.clone() current today action=actions.phase />
        <TeamSection code=code.clone() plan=plan.clone() actions />
        <section class="panel" id="cronoprogramma" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{move_tr!("plan-timeline")}</h2>
            {if has_actions {
                view! { <PlanTimeline areas=plan.areas.clone() today code=code.clone() action=actions.progress editable /> }.into_any()
            } else {
                view! { <p>{move_tr!("plan-timeline-empty")}</p> }.into_any()
            }}
        </section>
        <ReviewsSection code=code.clone() reviews=plan.reviews.clone() today actions />
        <h2>{move_tr!("plan-areas")}</h2>
        <p class="hint">{move_tr!("plan-areas-intro")}</p>
        {plan.areas.iter().cloned().map(|area| view! {
            <AreaSection
                code=code.clone()
                area
                services=plan.services.clone()
                colleagues=plan.colleagues.clone()
                today
                actions
            />
        }).collect_view()}
        <PermitsSection code=code.clone() permits=plan.permits.clone() today actions />
        <WorkSection code=code.clone() work=plan.work.clone() today actions />
        {editable.then(|| view! {
            <ExitSection code=code.clone() today action=actions.exit />
        })}
    }
}

#[component]
fn PhaseSection(
    code: String,
    phases: Vec<PhaseRow>,
    current: Option<Phase>,
    today: NaiveDate,
    action: ServerAction<RecordPhase>,
) -> impl IntoView {
    let editable = is_editable();
    let current_step = current.map(Phase::step).unwrap_or(0);
    let since = phases.last().map(|p| p.started_on);
    view! {
        <section class="panel" aria-labelledby="phase-heading">
            <h2 id="phase-heading">{move_tr!("plan-phase")}</h2>
            <ol class="phase-bar">
                {Phase::STEPS.iter().map(|&step| {
                    let index = step.step();
                    let state = if index < current_step { "done" } else if index == current_step { "current" } else { "next" };
                    // The current step is named as the plan has it (residential or not).
                    let shown = if index == current_step { current.unwrap_or(step) } else { step };
                    let state_text = move || match state {
                        "done" => tr!("phase-state-done"),
                        "current" => tr!("phase-state-current"),
                        _ => tr!("phase-state-next"),
                    };
                    view! {
                        <li class=format!("phase-step {state}") aria-current={(state == "current").then_some("step")}>
                            <span class="phase-name">{move || phase_name(shown)}</span>
                            <span class="phase-state">{state_text}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {current.zip(since).map(|(phase, since)| view! {
                <p>{move_tr!("plan-phase-current", { "phase" => phase_name(phase), "date" => date_text(since) })}</p>
            })}
            <details class="more-details">
                <summary>{move_tr!("plan-phase-history")}</summary>
                <ul class="plain-list">
                    {phases.iter().cloned().map(|row| view! {
                        <li>
                            {day(row.started_on)} " · " <strong>{move || phase_name(row.phase)}</strong>
                            " · " {row.recorded_by.clone()}
                            {row.note.clone().map(|note| view! { <br /> {note} })}
                        </li>
                    }).collect_view()}
                </ul>
            </details>
            {editable.then(|| view! {
            <details class="more-details">
                <summary>{move_tr!("plan-phase-change")}</summary>
                <ActionForm action attr:class="stack-form">
                    <input type="hidden" name="code" value=code />
                    <div class="field">
                        <label for="phase-select">{move_tr!("plan-field-phase")}</label>
                        <select id="phase-select" name="form[phase]" required=true>
                            {Phase::ALL.iter().map(|&phase| view! {
                                <option value=phase.code() selected={Some(phase) == current}>{move || phase_name(phase)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="phase-date">{move_tr!("plan-field-started-on")}</label>
                        <input id="phase-date" type="date" name="form[started_on]" value=today.to_string() max=today.to_string() required=true />
                    </div>
                    <div class="field">
                        <label for="phase-note">{move_tr!("plan-field-note")}</label>
                        <input id="phase-note" type="text" name="form[note]" maxlength=MAX_NOTE.to_string() />
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary">{move_tr!("plan-phase-record")}</button>
                    </div>
                </ActionForm>
            </details>
            })}
        </section>
    }
}

#[component]
fn TeamSection(code: String, plan: Plan, actions: PlanActions) -> impl IntoView {
    let editable = is_editable();
    let remove_code = code.clone();
    view! {
        <section class="panel" aria-labelledby="team-heading">
            <h2 id="team-heading">{move_tr!("plan-team")}</h2>
            <h3>{move_tr!("plan-reference-operators")}</h3>
            {if plan.reference_operators.is_empty() {
                view! { <p>{move_tr!("plan-no-reference-operator")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {plan.reference_operators.iter().cloned().map(|(organisation, name)| view! {
                            <li><strong>{name}</strong> " · " {organisation}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!plan.handovers.is_empty()).then(|| {
                let count = plan.handovers.len();
                view! {
                <details class="more-details">
                    <summary>{move_tr!("plan-handovers", { "count" => count })}</summary>
                    <ol class="diary">
                        {plan.handovers.iter().cloned().map(|handover| view! {
                            <li class="diary-note">
                                <p class="diary-meta">
                                    {day(handover.on)} " · " {handover.organisation.clone()} " · "
                                    {match handover.from.clone() {
                                        Some(from) => view! { {move_tr!("plan-handover-from-to", { "from" => from.clone(), "to" => handover.to.clone() })} }.into_any(),
                                        None => view! { {move_tr!("plan-handover-to", { "to" => handover.to.clone() })} }.into_any(),
                                    }}
                                </p>
                                {handover.note.split("\n\n").map(|paragraph| view! { <p class="prose">{paragraph.to_string()}</p> }).collect_view()}
                            </li>
                        }).collect_view()}
                    </ol>
                </details>
                }
            })}
            <p class="hint">{move_tr!("plan-reference-change-hint")}</p>
            <h3>{move_tr!("plan-team-members")}</h3>
            {if plan.team.is_empty() {
                view! { <p>{move_tr!("plan-team-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {plan.team.into_iter().map(|member| {
                            let code = remove_code.clone();
                            let role = member.role;
                            view! {
                                <li>
                                    <strong>{member.name.clone()}</strong> " · " {move || team_role_name(role)}
                                    {editable.then(|| view! {
                                    <ActionForm action=actions.remove_member attr:class="inline-form">
                                        <input type="hidden" name="code" value=code />
                                        <input type="hidden" name="member_id" value=member.id.to_string() />
                                        <button type="submit" class="button small secondary">{move_tr!("plan-team-remove")}</button>
                                    </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
            <details class="more-details">
                <summary>{move_tr!("plan-team-add")}</summary>
                <ActionForm action=actions.add_member attr:class="stack-form">
                    <input type="hidden" name="code" value=code />
                    <div class="field">
                        <label for="team-user">{move_tr!("plan-field-colleague")}</label>
                        <select id="team-user" name="form[user_id]">
                            <option value="">{move_tr!("plan-team-external-choice")}</option>
                            {plan.colleagues.iter().cloned().map(|(id, name)| view! {
                                <option value=id.to_string()>{name}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="team-external">{move_tr!("plan-field-external")}</label>
                        <p class="hint" id="team-external-hint">{move_tr!("plan-team-external-hint")}</p>
                        <input id="team-external" type="text" name="form[external_name]" maxlength=MAX_EXTERNAL_NAME.to_string() aria-describedby="team-external-hint" />
                    </div>
                    <div class="field">
                        <label for="team-role">{move_tr!("plan-field-role")}</label>
                        <select id="team-role" name="form[role]" required=true>
                            {plan.giveable_roles.iter().map(|&role| view! {
                                <option value=role.code()>{move || team_role_name(role)}</option>
                            }).collect_view()}
                        </select>
                        {(plan.giveable_roles.len() < TeamRole::ALL.len()).then(|| view! {
                            <p class="hint">{move_tr!("plan-team-restricted-hint")}</p>
                        })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary">{move_tr!("plan-team-add-submit")}</button>
                    </div>
                </ActionForm>
            </details>
            })}
        </section>
    }
}

#[component]
fn AreaSection(
    code: String,
    area: AreaPlan,
    services: Vec<ServiceRow>,
    colleagues: Vec<(i32, String)>,
    today: NaiveDate,
    actions: PlanActions,
) -> impl IntoView {
    let editable = is_editable();
    let key = area.area.code();
    let heading = format!("area-{key}-heading");
    let which = area.area;
    let assessment = area.assessment.clone();
    let goals = area.goals.clone();
    let empty = goals.is_empty();
    view! {
        <section class="panel area-panel" id=format!("area-{key}") aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>{move || area_name(which)}</h3>
            <div class="assessment">
                {match assessment.clone() {
                    Some(row) => {
                        let need = row.need;
                        view! {
                            <p>
                                <span class=format!("badge need-{}", need.code())>{move || need_name(need)}</span>
                                " " {move_tr!("plan-assessed-on", { "date" => date_text(row.assessed_on) })}
                            </p>
                            {(!row.notes.is_empty()).then(|| view! { <p class="prose">{row.notes.clone()}</p> })}
                        }.into_any()
                    }
                    None => view! { <p class="hint">{move_tr!("plan-not-assessed")}</p> }.into_any(),
                }}
                {editable.then(|| view! {
                    <AssessmentEditor code=code.clone() area=which current=assessment action=actions.assessment />
                })}
            </div>
            {if empty {
                view! { <p>{move_tr!("plan-no-goals")}</p> }.into_any()
            } else {
                view! {
                    <ol class="goals">
                        {goals.into_iter().map(|goal| view! {
                            <GoalItem code=code.clone() goal services=services.clone() colleagues=colleagues.clone() area=which today actions />
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {editable.then(|| view! {
                <NewGoalForm code=code.clone() area=which action=actions.goal />
            })}
        </section>
    }
}

#[component]
fn AssessmentEditor(
    code: String,
    area: Area,
    current: Option<AssessmentRow>,
    action: ServerAction<SaveAssessment>,
) -> impl IntoView {
    let key = area.code();
    let need_id = format!("need-{key}");
    let notes_id = format!("notes-{key}");
    let current_need = current.as_ref().map(|c| c.need);
    let notes = current.map(|c| c.notes).unwrap_or_default();
    view! {
        <details class="more-details">
            <summary>{move_tr!("plan-assess")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
                <input type="hidden" name="form[area]" value=key />
                <div class="field">
                    <label for=need_id.clone()>{move_tr!("plan-field-need")}</label>
                    <select id=need_id name="form[need]" required=true>
                        {NeedLevel::ALL.iter().map(|&need| view! {
                            <option value=need.code() selected={Some(need) == current_need}>{move || need_name(need)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=notes_id.clone()>{move_tr!("plan-field-notes")}</label>
                    <textarea id=notes_id name="form[notes]" rows="3" maxlength=MAX_ASSESSMENT_NOTES.to_string()>{notes}</textarea>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary">{move_tr!("save")}</button>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
fn NewGoalForm(code: String, area: Area, action: ServerAction<AddGoal>) -> impl IntoView {
    let key = area.code();
    let description_id = format!("goal-description-{key}");
    let expected_id = format!("goal-expected-{key}");
    view! {
        <details class="more-details">
            <summary>{move_tr!("plan-goal-add")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
                <input type="hidden" name="form[area]" value=key />
                <div class="field">
                    <label for=description_id.clone()>{move_tr!("plan-field-description")}</label>
                    <input id=description_id type="text" name="form[description]" required=true maxlength=MAX_DESCRIPTION.to_string() />
                </div>
                <div class="field">
                    <label for=expected_id.clone()>{move_tr!("plan-field-expected-on")}</label>
                    <input id=expected_id type="date" name="form[expected_on]" />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary">{move_tr!("plan-goal-add-submit")}</button>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
fn GoalItem(
    code: String,
    goal: GoalRow,
    services: Vec<ServiceRow>,
    colleagues: Vec<(i32, String)>,
    area: Area,
    today: NaiveDate,
    actions: PlanActions,
) -> impl IntoView {
    let editable = is_editable();
    let status = goal.status;
    let status_id = format!("goal-status-{}", goal.id);
    view! {
        <li class="goal">
            <p class="goal-title">
                <strong>{goal.description.clone()}</strong>
                " " <span class="badge">{move || goal_status_name(status)}</span>
                {goal.expected_on.map(|expected| view! {
                    " " <span class="hint">{move_tr!("plan-goal-expected", { "date" => date_text(expected) })}</span>
                })}
            </p>
            {if goal.actions.is_empty() {
                view! { <p class="hint">{move_tr!("plan-no-actions")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plan-actions">
                        {goal.actions.iter().cloned().map(|row| view! {
                            <ActionItem code=code.clone() row today action=actions.progress />
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
            <div class="button-row">
                <details class="more-details">
                    <summary>{move_tr!("plan-action-add")}</summary>
                    <NewActionFields code=code.clone() goal_id=goal.id area services colleagues today action=actions.action />
                </details>
                <details class="more-details">
                    <summary>{move_tr!("plan-goal-status-change")}</summary>
                    <ActionForm action=actions.goal_status attr:class="stack-form">
                        <input type="hidden" name="code" value=code.clone() />
                        <input type="hidden" name="goal_id" value=goal.id.to_string() />
                        <div class="field">
                            <label for=status_id.clone()>{move_tr!("plan-field-status")}</label>
                            <select id=status_id name="status">
                                {GoalStatus::ALL.iter().map(|&s| view! {
                                    <option value=s.code() selected={s == status}>{move || goal_status_name(s)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button small">{move_tr!("save")}</button>
                    </ActionForm>
                </details>
            </div>
            })}
        </li>
    }
}

#[component]
fn NewActionFields(
    code: String,
    goal_id: i32,
    area: Area,
    services: Vec<ServiceRow>,
    colleagues: Vec<(i32, String)>,
    today: NaiveDate,
    action: ServerAction<AddPlanAction>,
) -> impl IntoView {
    let prefix = format!("new-action-{goal_id}");
    let (service_id, responsible_id, external_id, start_id, end_id) = (
        format!("{prefix}-service"),
        format!("{prefix}-responsible"),
        format!("{prefix}-external"),
        format!("{prefix}-start"),
        format!("{prefix}-end"),
    );
    // The area's own services first, then the rest of the catalogue.
    let (own, others): (Vec<ServiceRow>, Vec<ServiceRow>) =
        services.into_iter().partition(|s| s.area == area);
    let option = |s: ServiceRow| view! { <option value=s.id.to_string()>{move || service_label(&s.name)}</option> };
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="form[goal_id]" value=goal_id.to_string() />
            <div class="field">
                <label for=service_id.clone()>{move_tr!("plan-field-service")}</label>
                <select id=service_id name="form[service_id]" required=true>
                    <optgroup label=move || area_name(area)>
                        {own.into_iter().map(option).collect_view()}
                    </optgroup>
                    <optgroup label=move || tr!("plan-other-services")>
                        {others.into_iter().map(option).collect_view()}
                    </optgroup>
                </select>
            </div>
            <div class="field">
                <label for=responsible_id.clone()>{move_tr!("plan-field-responsible")}</label>
                <select id=responsible_id name="form[responsible_user_id]">
                    {colleagues.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    <option value="">{move_tr!("plan-responsible-external-choice")}</option>
                </select>
            </div>
            <div class="field">
                <label for=external_id.clone()>{move_tr!("plan-field-external")}</label>
                <p class="hint">{move_tr!("plan-responsible-external-hint")}</p>
                <input id=external_id type="text" name="form[responsible_external]" maxlength=MAX_EXTERNAL_NAME.to_string() />
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=start_id.clone()>{move_tr!("plan-field-planned-start")}</label>
                    <input id=start_id type="date" name="form[planned_start]" value=today.to_string() required=true />
                </div>
                <div class="field">
                    <label for=end_id.clone()>{move_tr!("plan-field-planned-end")}</label>
                    <input id=end_id type="date" name="form[planned_end]" required=true />
                </div>
            </div>
            <div class="form-actions">
                <button type="submit" class="button primary">{move_tr!("plan-action-add-submit")}</button>
            </div>
        </ActionForm>
    }
}

#[component]
fn ActionItem(
    code: String,
    row: ActionRow,
    today: NaiveDate,
    action: ServerAction<UpdatePlanAction>,
) -> impl IntoView {
    let editable = is_editable();
    let status = row.status;
    let prefix = format!("action-{}", row.id);
    let class = if row.overdue {
        "plan-action overdue-action"
    } else {
        "plan-action"
    };
    let service = row.service.clone();
    let (status_id, start_id, end_id, actual_start_id, actual_end_id, outcome_id) = (
        format!("{prefix}-status"),
        format!("{prefix}-planned-start"),
        format!("{prefix}-planned-end"),
        format!("{prefix}-actual-start"),
        format!("{prefix}-actual-end"),
        format!("{prefix}-outcome"),
    );
    let done = ActionStatus::Done;
    view! {
        <li class=class id=prefix.clone()>
            <p class="action-title">
                <strong>{move || service_label(&service)}</strong>
                " " <span class=format!("badge action-{}", status.code())>{move || action_status_name(status)}</span>
                {row.overdue.then(|| view! { " " <span class="badge badge-denied">{move_tr!("plan-action-overdue")}</span> })}
            </p>
            <dl class="facts">
                <dt>{move_tr!("plan-field-responsible")}</dt>
                <dd>{row.responsible.clone()}</dd>
                <dt>{move_tr!("plan-action-planned")}</dt>
                <dd>{day(row.planned_start)} " – " {day(row.planned_end)}</dd>
                <dt>{move_tr!("plan-action-actual")}</dt>
                <dd>{optional_day(row.actual_start)} " – " {optional_day(row.actual_end)}</dd>
                {row.outcome.clone().map(|outcome| view! {
                    <dt>{move_tr!("plan-field-outcome")}</dt>
                    <dd>{outcome}</dd>
                })}
            </dl>
            {editable.then(|| view! {
            <div class="button-row">
                {status.is_pending().then(|| {
                    let (code, outcome) = (code.clone(), row.outcome.clone().unwrap_or_default());
                    view! {
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="code" value=code />
                        <input type="hidden" name="action_id" value=row.id.to_string() />
                        <input type="hidden" name="form[status]" value=done.code() />
                        <input type="hidden" name="form[planned_start]" value=row.planned_start.to_string() />
                        <input type="hidden" name="form[planned_end]" value=row.planned_end.to_string() />
                        <input type="hidden" name="form[actual_start]" value=row.actual_start.map(|d| d.to_string()).unwrap_or_default() />
                        <input type="hidden" name="form[outcome]" value=outcome />
                        <button type="submit" class="button small primary">{move_tr!("plan-action-mark-done")}</button>
                    </ActionForm>
                    }
                })}
                <details class="more-details">
                    <summary>{move_tr!("plan-action-update")}</summary>
                    <ActionForm action attr:class="stack-form">
                        <input type="hidden" name="code" value=code.clone() />
                        <input type="hidden" name="action_id" value=row.id.to_string() />
                        <div class="field">
                            <label for=status_id.clone()>{move_tr!("plan-field-status")}</label>
                            <select id=status_id name="form[status]">
                                {ActionStatus::ALL.iter().map(|&s| view! {
                                    <option value=s.code() selected={s == status}>{move || action_status_name(s)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field-pair">
                            <div class="field">
                                <label for=start_id.clone()>{move_tr!("plan-field-planned-start")}</label>
                                <input id=start_id type="date" name="form[planned_start]" value=row.planned_start.to_string() required=true />
                            </div>
                            <div class="field">
                                <label for=end_id.clone()>{move_tr!("plan-field-planned-end")}</label>
                                <input id=end_id type="date" name="form[planned_end]" value=row.planned_end.to_string() required=true />
                            </div>
                        </div>
                        <div class="field-pair">
                            <div class="field">
                                <label for=actual_start_id.clone()>{move_tr!("plan-field-actual-start")}</label>
                                <input id=actual_start_id type="date" name="form[actual_start]" max=today.to_string() value=row.actual_start.map(|d| d.to_string()).unwrap_or_default() />
                            </div>
                            <div class="field">
                                <label for=actual_end_id.clone()>{move_tr!("plan-field-actual-end")}</label>
                                <input id=actual_end_id type="date" name="form[actual_end]" max=today.to_string() value=row.actual_end.map(|d| d.to_string()).unwrap_or_default() />
                            </div>
                        </div>
                        <div class="field">
                            <label for=outcome_id.clone()>{move_tr!("plan-field-outcome")}</label>
                            <input id=outcome_id type="text" name="form[outcome]" maxlength=MAX_DESCRIPTION.to_string() value=row.outcome.clone().unwrap_or_default() />
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button primary">{move_tr!("save")}</button>
                        </div>
                    </ActionForm>
                </details>
            </div>
            })}
        </li>
    }
}

// ---------------------------------------------------------------- reviews

#[component]
fn ReviewsSection(
    code: String,
    reviews: Vec<ReviewRow>,
    today: NaiveDate,
    actions: PlanActions,
) -> impl IntoView {
    let editable = is_editable();
    let next = reviews.iter().find(|r| r.held_on.is_none()).cloned();
    let held: Vec<ReviewRow> = reviews
        .into_iter()
        .filter(|r| r.held_on.is_some())
        .collect();
    let schedule_code = code.clone();
    view! {
        <section class="panel" id="verifiche" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">{move_tr!("plan-reviews")}</h2>
            {match next {
                None => view! { <p>{move_tr!("plan-review-none")}</p> }.into_any(),
                Some(next) => {
                    let late = next.scheduled_on < today;
                    let class = if next.due { "notice warning" } else { "notice" };
                    view! {
                        <p class=class role=next.due.then_some("status")>
                            {move_tr!("plan-review-next", { "date" => date_text(next.scheduled_on) })}
                            {late.then(|| view! { " " <span class="badge badge-denied">{move_tr!("plan-review-late")}</span> })}
                        </p>
                        {editable.then(|| view! {
                            <div class="button-row">
                                <details class="more-details">
                                    <summary>{move_tr!("plan-review-record")}</summary>
                                    <ActionForm action=actions.review attr:class="stack-form">
                                        <input type="hidden" name="code" value=code.clone() />
                                        <input type="hidden" name="review_id" value=next.id.to_string() />
                                        <div class="field">
                                            <label for="review-held-on">{move_tr!("plan-field-held-on")}</label>
                                            <input id="review-held-on" type="date" name="form[held_on]" value=today.to_string() max=today.to_string() required=true />
                                        </div>
                                        <div class="field">
                                            <label for="review-minutes">{move_tr!("plan-field-minutes")}</label>
                                            <textarea id="review-minutes" name="form[minutes]" rows="5" required=true maxlength=MAX_MINUTES.to_string()></textarea>
                                        </div>
                                        <div class="field">
                                            <label for="review-decisions">{move_tr!("plan-field-decisions")}</label>
                                            <textarea id="review-decisions" name="form[decisions]" rows="3" maxlength=MAX_MINUTES.to_string()></textarea>
                                        </div>
                                        <div class="form-actions">
                                            <button type="submit" class="button primary">{move_tr!("plan-review-record-submit")}</button>
                                        </div>
                                    </ActionForm>
                                </details>
                                <details class="more-details">
                                    <summary>{move_tr!("plan-review-move")}</summary>
                                    <ActionForm action=actions.schedule attr:class="stack-form">
                                        <input type="hidden" name="code" value=schedule_code.clone() />
                                        <div class="field">
                                            <label for="review-scheduled-on">{move_tr!("plan-field-scheduled-on")}</label>
                                            <input id="review-scheduled-on" type="date" name="scheduled_on" value=next.scheduled_on.to_string() required=true />
                                        </div>
                                        <button type="submit" class="button small">{move_tr!("save")}</button>
                                    </ActionForm>
                                </details>
                            </div>
                        })}
                    }.into_any()
                }
            }}
            {(!held.is_empty()).then(|| view! {
                <h3>{move_tr!("plan-reviews-held")}</h3>
                <ol class="diary">
                    {held.into_iter().map(|review| view! {
                        <li class="diary-note">
                            <p class="diary-meta">
                                {optional_day(review.held_on)} " · " {review.recorded_by.clone().unwrap_or_default()}
                            </p>
                            <p class="prose">{review.minutes.clone().unwrap_or_default()}</p>
                            {review.decisions.clone().map(|decisions| view! {
                                <p><strong>{move_tr!("plan-field-decisions")} ": "</strong></p>
                                <p class="prose">{decisions}</p>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            })}
        </section>
    }
}

// ---------------------------------------------------------------- permits

#[component]
fn PermitsSection(
    code: String,
    permits: Vec<PermitRow>,
    today: NaiveDate,
    actions: PlanActions,
) -> impl IntoView {
    let editable = is_editable();
    let choices: Vec<(i32, PermitKind)> = permits.iter().map(|p| (p.id, p.kind)).collect();
    let new_code = code.clone();
    let new_choices = choices.clone();
    view! {
        <section class="panel" id="permessi" aria-labelledby="permits-heading">
            <h2 id="permits-heading">{move_tr!("plan-permits")}</h2>
            {if permits.is_empty() {
                view! { <p>{move_tr!("plan-permits-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plan-actions">
                        {permits.into_iter().map(|permit| view! {
                            <PermitItem code=code.clone() permit choices=choices.clone() today actions />
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("plan-permit-add")}</summary>
                    <PermitFields code=new_code permit=None choices=new_choices today action=actions.permit />
                </details>
            })}
        </section>
    }
}

#[component]
fn PermitItem(
    code: String,
    permit: PermitRow,
    choices: Vec<(i32, PermitKind)>,
    today: NaiveDate,
    actions: PlanActions,
) -> impl IntoView {
    let editable = is_editable();
    let kind = permit.kind;
    let convert_code = code.clone();
    let id = permit.id;
    let may_convert = permit.issued_on.is_some() && permit.converted_to.is_none();
    let class = if permit.expiry_alert.is_some() {
        "plan-action overdue-action"
    } else {
        "plan-action"
    };
    view! {
        <li class=class>
            <p class="action-title"><strong>{move || permit_kind_name(kind)}</strong></p>
            {permit.expiry_alert.map(|days| view! {
                <p class="notice warning" role="status">
                    {if days < 0 {
                        view! { {move_tr!("permit-expired", { "days" => -days })} }.into_any()
                    } else {
                        view! { {move_tr!("permit-expires-in", { "days" => days })} }.into_any()
                    }}
                </p>
            })}
            <ol class="permit-route">
                <li>{move_tr!("permit-applied-on")} ": " {optional_day(permit.applied_on)}</li>
                <li>{move_tr!("permit-opinion-on")} ": " {optional_day(permit.opinion_on)}</li>
                <li>{move_tr!("permit-questura-on")} ": " {optional_day(permit.questura_on)}</li>
                <li>{move_tr!("permit-issued-on")} ": " {optional_day(permit.issued_on)}</li>
                <li>{move_tr!("permit-expires-on")} ": " {optional_day(permit.expires_on)}</li>
            </ol>
            {permit.renewed.then(|| view! { <p><span class="badge">{move_tr!("permit-renewed")}</span></p> })}
            {permit.renewal_of.is_some().then(|| view! { <p class="hint">{move_tr!("permit-is-renewal")}</p> })}
            {permit.converted_to.zip(permit.converted_on).map(|(to, on)| view! {
                <p><span class="badge badge-ok">{move_tr!("permit-converted", { "to" => conversion_name(to), "date" => date_text(on) })}</span></p>
            })}
            {editable.then(|| view! {
                <div class="button-row">
                    <details class="more-details">
                        <summary>{move_tr!("permit-update")}</summary>
                        <PermitFields code=code.clone() permit=Some(permit.clone()) choices today action=actions.permit />
                    </details>
                    {may_convert.then(|| {
                        let to_id = format!("permit-{id}-to");
                        let on_id = format!("permit-{id}-on");
                        view! {
                            <details class="more-details">
                                <summary>{move_tr!("permit-convert")}</summary>
                                <ActionForm action=actions.convert attr:class="stack-form">
                                    <input type="hidden" name="code" value=convert_code.clone() />
                                    <input type="hidden" name="permit_id" value=id.to_string() />
                                    <div class="field">
                                        <label for=to_id.clone()>{move_tr!("permit-converted-to")}</label>
                                        <select id=to_id name="form[converted_to]" required=true>
                                            {Conversion::ALL.iter().map(|&c| view! { <option value=c.code()>{move || conversion_name(c)}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for=on_id.clone()>{move_tr!("permit-converted-on")}</label>
                                        <input id=on_id type="date" name="form[converted_on]" value=today.to_string() max=today.to_string() required=true />
                                    </div>
                                    <button type="submit" class="button small primary">{move_tr!("permit-convert-submit")}</button>
                                </ActionForm>
                            </details>
                        }
                    })}
                </div>
            })}
        </li>
    }
}

/// The permit form: a new permit (`permit` None) or the correction of one.
#[component]
fn PermitFields(
    code: String,
    permit: Option<PermitRow>,
    choices: Vec<(i32, PermitKind)>,
    today: NaiveDate,
    action: ServerAction<SavePermit>,
) -> impl IntoView {
    let prefix = permit.as_ref().map_or("permit-new".to_string(), |p| {
        format!("permit-{}-edit", p.id)
    });
    let current_kind = permit.as_ref().map(|p| p.kind);
    let current_renewal = permit.as_ref().and_then(|p| p.renewal_of);
    let own_id = permit.as_ref().map(|p| p.id);
    let value =
        |pick: fn(&PermitRow) -> Option<NaiveDate>| date_value(permit.as_ref().and_then(pick));
    let dates = [
        ("applied_on", value(|p| p.applied_on), true),
        ("opinion_on", value(|p| p.opinion_on), true),
        ("questura_on", value(|p| p.questura_on), true),
        ("issued_on", value(|p| p.issued_on), true),
        ("expires_on", value(|p| p.expires_on), false),
    ];
    let kind_id = format!("{prefix}-kind");
    let renewal_id = format!("{prefix}-renewal");
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="permit_id" value=own_id.map(|id| id.to_string()).unwrap_or_default() />
            <div class="field">
                <label for=kind_id.clone()>{move_tr!("plan-field-kind")}</label>
                <select id=kind_id name="form[kind]" required=true>
                    {PermitKind::ALL.iter().map(|&k| view! {
                        <option value=k.code() selected={Some(k) == current_kind}>{move || permit_kind_name(k)}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="hint">{move_tr!("permit-route-hint")}</p>
            <div class="field-pair">
                {dates.into_iter().map(|(field, current, past)| {
                    let id = format!("{prefix}-{field}");
                    let label = move || field_label(field);
                    view! {
                        <div class="field">
                            <label for=id.clone()>{label}</label>
                            <input id=id type="date" name=format!("form[{field}]") value=current max=past.then(|| today.to_string()) />
                        </div>
                    }
                }).collect_view()}
            </div>
            {(!choices.is_empty()).then(|| view! {
                <div class="field">
                    <label for=renewal_id.clone()>{move_tr!("permit-renewal-of")}</label>
                    <select id=renewal_id name="form[renewal_of]">
                        <option value="">{move_tr!("permit-not-a-renewal")}</option>
                        {choices.iter().copied().filter(|(id, _)| Some(*id) != own_id).map(|(id, kind)| view! {
                            <option value=id.to_string() selected={Some(id) == current_renewal}>
                                {move || format!("{} (n. {id})", permit_kind_name(kind))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="form-actions">
                <button type="submit" class="button primary">{move_tr!("save")}</button>
            </div>
        </ActionForm>
    }
}

// ---------------------------------------------------------------- internships and work grants

#[component]
fn WorkSection(
    code: String,
    work: Vec<WorkPlacementRow>,
    today: NaiveDate,
    actions: PlanActions,
) -> impl IntoView {
    let editable = is_editable();
    let add_code = code.clone();
    view! {
        <section class="panel" id="tirocini" aria-labelledby="work-heading">
            <h2 id="work-heading">{move_tr!("plan-work")}</h2>
            {if work.is_empty() {
                view! { <p>{move_tr!("plan-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plan-actions">
                        {work.into_iter().map(|row| {
                            let (kind, outcome, id) = (row.kind, row.outcome, row.id);
                            let attendance_id = format!("work-{id}-attendance");
                            let outcome_id = format!("work-{id}-outcome");
                            let code = code.clone();
                            view! {
                                <li class="plan-action">
                                    <p class="action-title">
                                        <strong>{move || work_kind_name(kind)} " · " {row.host_company.clone()}</strong>
                                        {outcome.map(|o| view! { " " <span class="badge">{move || work_outcome_name(o)}</span> })}
                                    </p>
                                    <dl class="facts">
                                        <dt>{move_tr!("work-period")}</dt>
                                        <dd>{day(row.starts_on)} " – " {day(row.ends_on)}</dd>
                                        <dt>{move_tr!("work-hours-per-week")}</dt>
                                        <dd>{row.hours_per_week}</dd>
                                        <dt>{move_tr!("work-grant-amount")}</dt>
                                        <dd>{row.grant_cents.map(euro_text).unwrap_or_else(|| "—".to_string())}</dd>
                                        <dt>{move_tr!("work-tutor")}</dt>
                                        <dd>{row.tutor.clone().unwrap_or_else(|| "—".to_string())}</dd>
                                        <dt>{move_tr!("work-attendance")}</dt>
                                        <dd>{row.attendance_percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".to_string())}</dd>
                                    </dl>
                                    {editable.then(|| view! {
                                        <details class="more-details">
                                            <summary>{move_tr!("work-update")}</summary>
                                            <ActionForm action=actions.update_work attr:class="stack-form">
                                                <input type="hidden" name="code" value=code />
                                                <input type="hidden" name="work_id" value=id.to_string() />
                                                <div class="field">
                                                    <label for=attendance_id.clone()>{move_tr!("work-attendance")}</label>
                                                    <input id=attendance_id type="number" min="0" max="100" name="form[attendance_percent]" value=row.attendance_percent.map(|p| p.to_string()).unwrap_or_default() />
                                                </div>
                                                <div class="field">
                                                    <label for=outcome_id.clone()>{move_tr!("plan-field-outcome")}</label>
                                                    <select id=outcome_id name="form[outcome]">
                                                        <option value="">{move_tr!("work-ongoing")}</option>
                                                        {WorkOutcome::ALL.iter().map(|&o| view! {
                                                            <option value=o.code() selected={Some(o) == outcome}>{move || work_outcome_name(o)}</option>
                                                        }).collect_view()}
                                                    </select>
                                                </div>
                                                <button type="submit" class="button small primary">{move_tr!("save")}</button>
                                            </ActionForm>
                                        </details>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("work-add")}</summary>
                    <ActionForm action=actions.add_work attr:class="stack-form">
                        <input type="hidden" name="code" value=add_code />
                        <div class="field">
                            <label for="work-kind">{move_tr!("plan-field-kind")}</label>
                            <select id="work-kind" name="form[kind]" required=true>
                                {WorkKind::ALL.iter().map(|&k| view! { <option value=k.code()>{move || work_kind_name(k)}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="work-company">{move_tr!("work-host-company")}</label>
                            <input id="work-company" type="text" name="form[host_company]" required=true maxlength=MAX_COMPANY.to_string() />
                        </div>
                        <div class="field-pair">
                            <div class="field">
                                <label for="work-start">{move_tr!("work-starts-on")}</label>
                                <input id="work-start" type="date" name="form[starts_on]" value=today.to_string() required=true />
                            </div>
                            <div class="field">
                                <label for="work-end">{move_tr!("work-ends-on")}</label>
                                <p class="hint">{move_tr!("work-ends-on-hint")}</p>
                                <input id="work-end" type="date" name="form[ends_on]" value=(today + chrono::Duration::days(120)).to_string() required=true />
                            </div>
                        </div>
                        <div class="field-pair">
                            <div class="field">
                                <label for="work-hours">{move_tr!("work-hours-per-week")}</label>
                                <input id="work-hours" type="number" min="1" max="48" name="form[hours_per_week]" required=true />
                            </div>
                            <div class="field">
                                <label for="work-grant">{move_tr!("work-grant-amount")}</label>
                                <p class="hint">{move_tr!("work-grant-hint")}</p>
                                <input id="work-grant" type="text" inputmode="decimal" name="form[grant]" />
                            </div>
                        </div>
                        <div class="field">
                            <label for="work-tutor">{move_tr!("work-tutor")}</label>
                            <input id="work-tutor" type="text" name="form[tutor]" maxlength=MAX_EXTERNAL_NAME.to_string() />
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button primary">{move_tr!("work-add-submit")}</button>
                        </div>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

// ---------------------------------------------------------------- exit

#[component]
fn ExitSection(code: String, today: NaiveDate, action: ServerAction<ClosePlan>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="exit-heading">
            <h2 id="exit-heading">{move_tr!("plan-exit")}</h2>
            <details class="more-details">
                <summary>{move_tr!("plan-exit-open")}</summary>
                <p class="hint">{move_tr!("plan-exit-intro")}</p>
                <ActionForm action attr:class="stack-form">
                    <input type="hidden" name="code" value=code />
                    <div class="field">
                        <label for="exit-outcome">{move_tr!("plan-field-exit-outcome")}</label>
                        <select id="exit-outcome" name="form[outcome]" required=true>
                            {PlanExit::ALL.iter().map(|&o| view! { <option value=o.code()>{move || exit_name(o)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="exit-date">{move_tr!("plan-field-closed-on")}</label>
                        <input id="exit-date" type="date" name="form[closed_on]" value=today.to_string() max=today.to_string() required=true />
                    </div>
                    <div class="field">
                        <label for="exit-summary">{move_tr!("plan-field-summary")}</label>
                        <textarea id="exit-summary" name="form[summary]" rows="5" required=true maxlength=MAX_SUMMARY.to_string()></textarea>
                    </div>
                    <div class="field-check">
                        <input id="exit-confirm" type="checkbox" name="confirm" required=true />
                        <label for="exit-confirm">{move_tr!("plan-field-confirm")}</label>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button danger">{move_tr!("plan-exit-submit")}</button>
                    </div>
                </ActionForm>
            </details>
        </section>
    }
}

// ---------------------------------------------------------------- the timeline

const LABEL_WIDTH: i64 = 230;
const CHART_WIDTH: i64 = 620;
const ROW_HEIGHT: i64 = 28;
const HEADER_HEIGHT: i64 = 30;

/// A Gantt view of the plan's actions by area: planned bars, what was actually done as a
/// thin bar inside, today's line, overdue actions marked in colour and with "!".
#[component]
fn PlanTimeline(
    areas: Vec<AreaPlan>,
    today: NaiveDate,
    code: String,
    action: ServerAction<UpdatePlanAction>,
    editable: bool,
) -> impl IntoView {
    let edit = use_context::<TimelineEdit>().unwrap_or_default();
    // `action` is the server function that saves new dates (the loop below names each
    // plan action `action`).
    let save = action;
    let rows: Vec<(Area, Vec<ActionRow>)> = areas
        .into_iter()
        .map(|a| {
            let actions: Vec<ActionRow> = a.goals.into_iter().flat_map(|g| g.actions).collect();
            (a.area, actions)
        })
        .filter(|(_, actions)| !actions.is_empty())
        .collect();
    let dates = rows
        .iter()
        .flat_map(|(_, actions)| actions.iter())
        .flat_map(|a| {
            [
                Some(a.planned_start),
                Some(a.planned_end),
                a.actual_start,
                a.actual_end,
            ]
        })
        .flatten()
        .chain([today]);
    let (first, last) = dates.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let start = first - chrono::Duration::days(3);
    let end = last + chrono::Duration::days(4);
    let span = (end - start).num_days().max(1);
    let x = move |d: NaiveDate| LABEL_WIDTH + (d - start).num_days() * CHART_WIDTH / span;
    let units_per_day = CHART_WIDTH as f64 / span as f64;
    let all_rows: Vec<ActionRow> = rows.iter().flat_map(|(_, a)| a.iter().cloned()).collect();
    let rows_by_id = StoredValue::new(all_rows);
    let find_row =
        move |id: i32| rows_by_id.with_value(|rows| rows.iter().find(|r| r.id == id).cloned());
    if editable {
        // A pointer drag is followed on the whole window, so that it ends wherever the
        // pointer is released.
        let moves =
            window_event_listener(leptos::ev::pointermove, move |ev| edit.pointer_moved(&ev));
        let drop_code = code.clone();
        let ups = window_event_listener(leptos::ev::pointerup, move |_| {
            let dragged = edit
                .drag
                .get_untracked()
                .filter(|d| d.start_x.is_some())
                .and_then(|d| find_row(d.action_id));
            if let Some(row) = dragged {
                edit.commit(&drop_code, &row, save);
            }
        });
        let cancels =
            window_event_listener(leptos::ev::pointercancel, move |_| edit.drag.set(None));
        on_cleanup(move || {
            moves.remove();
            ups.remove();
            cancels.remove();
        });
        Effect::new(move |_| {
            edit.interactive.set(true);
            if let Some(id) = edit.refocus.get_untracked() {
                edit.refocus.set(None);
                focus_bar(id);
            }
        });
    }
    let pending_text = move || {
        let drag = edit.drag.get()?;
        let row = find_row(drag.action_id)?;
        let (from, to) = super::timeline_drag::shifted(&row, drag.grip, drag.days);
        Some(tr!("plan-timeline-pending", {
            "service" => service_label(&row.service),
            "from" => date_text(from),
            "to" => date_text(to),
        }))
    };
    let line_count: i64 = rows.iter().map(|(_, a)| 1 + a.len() as i64).sum();
    let height = HEADER_HEIGHT + line_count * ROW_HEIGHT;
    let width = LABEL_WIDTH + CHART_WIDTH + 10;
    // A tick at the first of each month in range.
    let mut ticks = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(
        chrono::Datelike::year(&start),
        chrono::Datelike::month(&start),
        1,
    )
    .unwrap_or(start);
    while month <= end {
        if month >= start {
            ticks.push(month);
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(end + chrono::Duration::days(1));
    }
    let mut y = HEADER_HEIGHT;
    let mut lines = Vec::new();
    for (area, actions) in rows {
        lines.push(view! {
            <text x="4" y=(y + 19).to_string() class="area-name">{move || area_name(area)}</text>
            <line x1="0" x2=width.to_string() y1=y.to_string() y2=y.to_string() class="grid" />
        }.into_any());
        y += ROW_HEIGHT;
        for action in actions {
            let class = if action.overdue {
                "bar overdue"
            } else {
                match action.status {
                    ActionStatus::Done => "bar done",
                    ActionStatus::Cancelled => "bar cancelled",
                    ActionStatus::InProgress => "bar in-progress",
                    ActionStatus::Planned => "bar planned",
                }
            };
            let actual = action.actual_start.map(|from| {
                let to = action.actual_end.unwrap_or(today.max(from));
                let ax = x(from);
                let aw = (x(to + chrono::Duration::days(1)) - ax).max(3);
                view! { <rect x=ax.to_string() y=(y + 17).to_string() width=aw.to_string() height="5" class="actual" /> }
            });
            let service = action.service.clone();
            let label_service = action.service.clone();
            let overdue = action.overdue;
            let (from, to) = (
                date_text(action.planned_start),
                date_text(action.planned_end),
            );
            let id = action.id;
            let (row_x, row_w, row_g, row_k) = (
                action.clone(),
                action.clone(),
                action.clone(),
                action.clone(),
            );
            let left = move || x(edit.dates_of(&row_x).0);
            let bar_width = move || {
                let (s, e) = edit.dates_of(&row_w);
                (x(e + chrono::Duration::days(1)) - x(s)).max(3)
            };
            let grip_x = move || {
                let (_, e) = edit.dates_of(&row_g);
                x(e + chrono::Duration::days(1)) - 5
            };
            let bar_class = move || {
                let dragged = edit
                    .drag
                    .with(|d| d.as_ref().is_some_and(|d| d.action_id == id));
                if dragged {
                    format!("{class} dragging")
                } else {
                    class.to_string()
                }
            };
            let focusable = move || (editable && edit.interactive.get()).then_some("0");
            let key_code = code.clone();
            let bar_label = {
                let service = action.service.clone();
                let (from, to) = (from.clone(), to.clone());
                move || tr!("plan-bar-label", { "service" => service_label(&service), "from" => from.clone(), "to" => to.clone() })
            };
            lines.push(view! {
                <g>
                    <title>{move || format!("{}: {from} – {to}", service_label(&service))}</title>
                    <text x="14" y=(y + 19).to_string() class="action-name">
                        {move || {
                            let mut label: String = service_label(&label_service).chars().take(30).collect();
                            if overdue { label.push_str(" !"); }
                            label
                        }}
                    </text>
                    <rect
                        id=format!("bar-{id}")
                        x=move || left().to_string()
                        y=(y + 5).to_string()
                        width=move || bar_width().to_string()
                        height="18"
                        rx="3"
                        class=bar_class
                        tabindex=focusable
                        role=move || focusable().map(|_| "button")
                        aria-label=bar_label
                        aria-describedby="plan-timeline-keys"
                        on:pointerdown=move |ev| {
                            if editable && edit.interactive.get_untracked() {
                                edit.start_pointer(&ev, id, Grip::Move, units_per_day);
                            }
                        }
                        on:keydown=move |ev| {
                            if editable {
                                edit.key(&ev, &key_code, &row_k, save);
                            }
                        }
                    />
                    {actual}
                    {editable.then(|| view! {
                        <rect
                            class="grip"
                            x=move || grip_x().to_string()
                            y=(y + 3).to_string()
                            width="8"
                            height="22"
                            rx="2"
                            on:pointerdown=move |ev| {
                                if edit.interactive.get_untracked() {
                                    edit.start_pointer(&ev, id, Grip::End, units_per_day);
                                }
                            }
                        />
                    })}
                </g>
            }.into_any());
            y += ROW_HEIGHT;
        }
    }
    let tick_views = ticks
        .into_iter()
        .map(|tick| {
            let tx = x(tick);
            view! {
                <line x1=tx.to_string() x2=tx.to_string() y1="22" y2=height.to_string() class="tick" />
                <text x=(tx + 3).to_string() y="16" class="month">{tick.format("%m/%Y").to_string()}</text>
            }
        })
        .collect_view();
    let today_x = x(today);
    view! {
        <div class="timeline-wrap">
            <svg class="timeline plan-timeline" viewBox=format!("0 0 {width} {height}") width=width.to_string() height=height.to_string() role="img" aria-labelledby="plan-timeline-caption">
                <title id="plan-timeline-caption">{move_tr!("plan-timeline-caption")}</title>
                {tick_views}
                {lines}
                <line x1=today_x.to_string() x2=today_x.to_string() y1="22" y2=height.to_string() class="today" />
            </svg>
        </div>
        <p class="hint">{move_tr!("plan-timeline-legend")}</p>
        {editable.then(|| view! {
            <p class="hint" id="plan-timeline-keys" hidden=move || !edit.interactive.get()>{move_tr!("plan-timeline-keys")}</p>
            <p class="notice" role="status" aria-live="polite" hidden=move || pending_text().is_none()>{pending_text}</p>
        })}
    }
}

// ---------------------------------------------------------------- the case diary

#[component]
pub fn CaseDiaryPage() -> impl IntoView {
    let code = code_param();
    let add = ServerAction::<AddDiaryNote>::new();
    crate::ui::forms::fold_forms_after_success(move || add.value().get().map(|r| r.is_ok()));
    let data = Resource::new(
        move || (code.get(), add.version().get()),
        |(code, _)| fetch_diary(code),
    );
    let error = Signal::derive(move || add.value().get().and_then(|r| r.err()));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "diary-title", { "code" => code.get() })
        }) />
        <p><a href=move || format!("/persone/{}/progetto", code.get())>{move_tr!("diary-back-to-plan")}</a></p>
        <h1>{move_tr!("diary-heading")} " " <span class="code">{move || code.get()}</span></h1>
        <p class="hint">{move_tr!("diary-intro")}</p>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <DiaryView page action=add /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DiaryView(page: DiaryPage, action: ServerAction<AddDiaryNote>) -> impl IntoView {
    let hidden = page.hidden;
    view! {
        <section class="panel" aria-labelledby="diary-new-heading">
            <h2 id="diary-new-heading">{move_tr!("diary-new")}</h2>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=page.code.clone() />
                <div class="field-pair">
                    <div class="field">
                        <label for="diary-date">{move_tr!("plan-field-written-on")}</label>
                        <input id="diary-date" type="date" name="form[written_on]" value=page.today.to_string() max=page.today.to_string() required=true />
                    </div>
                    <div class="field">
                        <label for="diary-level">{move_tr!("plan-field-level")}</label>
                        <select id="diary-level" name="form[level]" required=true aria-describedby="diary-level-hint">
                            {DiaryLevel::ALL.iter().map(|&level| view! {
                                <option value=level.code()>{move || diary_level_name(level)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="hint" id="diary-level-hint">{move_tr!("diary-level-hint")}</p>
                <div class="field">
                    <label for="diary-body">{move_tr!("plan-field-body")}</label>
                    <textarea id="diary-body" name="form[body]" rows="6" required=true maxlength=MAX_DIARY_BODY.to_string()></textarea>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary">{move_tr!("diary-add")}</button>
                </div>
            </ActionForm>
        </section>
        {(hidden > 0).then(|| view! { <p class="notice">{move_tr!("diary-hidden", { "count" => hidden })}</p> })}
        {if page.notes.is_empty() {
            view! { <p>{move_tr!("diary-empty")}</p> }.into_any()
        } else {
            view! {
                <ol class="diary">
                    {page.notes.into_iter().map(|note| {
                        let level = note.level;
                        view! {
                            <li class=format!("diary-note level-{}", level.code())>
                                <p class="diary-meta">
                                    {day(note.written_on)} " · " {note.author.clone()} " · "
                                    <span class="badge">{move || diary_level_name(level)}</span>
                                </p>
                                {note.body.split("\n\n").map(|paragraph| view! { <p class="prose">{paragraph.to_string()}</p> }).collect_view()}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

// ---------------------------------------------------------------- my work

#[component]
pub fn MyWorkPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| fetch_my_work());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "my-work-title")
        }) />
        <h1>{move_tr!("my-work-title")}</h1>
        <p class="hint">{move_tr!("my-work-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(work) => view! { <MyWorkView work /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyWorkView(work: MyWork) -> impl IntoView {
    let nothing = work.overdue.is_empty()
        && work.upcoming.is_empty()
        && work.coming_of_age.is_empty()
        && work.reviews.is_empty()
        && work.permits.is_empty();
    let overdue_count = work.overdue.len();
    view! {
        {nothing.then(|| view! { <p class="notice success">{move_tr!("my-work-nothing")}</p> })}
        <section class="panel" aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">{move_tr!("my-work-overdue", { "count" => overdue_count })}</h2>
            <WorkTable items=work.overdue.clone() overdue=true />
        </section>
        <section class="panel" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{move_tr!("my-work-upcoming", { "days" => UPCOMING_DAYS })}</h2>
            <WorkTable items=work.upcoming.clone() overdue=false />
        </section>
        <section class="panel" aria-labelledby="reviews-due-heading">
            <h2 id="reviews-due-heading">{move_tr!("my-work-reviews")}</h2>
            {if work.reviews.is_empty() {
                view! { <p>{move_tr!("my-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {work.reviews.iter().cloned().map(|(code, scheduled)| {
                            let late = scheduled < work.today;
                            view! {
                                <li class:overdue=late>
                                    <a class="code" href=format!("/persone/{code}/progetto#verifiche")>{code.clone()}</a>
                                    " · " {move_tr!("my-work-review-on", { "date" => date_text(scheduled) })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="permits-due-heading">
            <h2 id="permits-due-heading">{move_tr!("my-work-permits")}</h2>
            {if work.permits.is_empty() {
                view! { <p>{move_tr!("my-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {work.permits.iter().cloned().map(|(code, kind, expires)| view! {
                            <li>
                                <a class="code" href=format!("/persone/{code}/progetto#permessi")>{code.clone()}</a>
                                " · " {move || permit_kind_name(kind)}
                                " · " {move_tr!("my-work-permit-expires", { "date" => date_text(expires) })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="coming-of-age-heading">
            <h2 id="coming-of-age-heading">{move_tr!("my-work-coming-of-age")}</h2>
            {if work.coming_of_age.is_empty() {
                view! { <p>{move_tr!("my-work-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {work.coming_of_age.iter().cloned().map(|(code, days)| view! {
                            <li>
                                <a class="code" href=format!("/persone/{code}")>{code.clone()}</a>
                                " · " {move_tr!("my-work-turns-18", { "days" => days })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn WorkTable(items: Vec<WorkItem>, overdue: bool) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{move_tr!("my-work-none")}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{move_tr!("field-network-code")}</th>
                    <th scope="col">{move_tr!("plan-field-area")}</th>
                    <th scope="col">{move_tr!("plan-field-service")}</th>
                    <th scope="col">{move_tr!("plan-field-planned-end")}</th>
                    <th scope="col">{move_tr!("plan-field-status")}</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|item| {
                        let (area, status, service) = (item.area, item.status, item.service.clone());
                        view! {
                            <tr class:overdue=overdue>
                                <th scope="row"><a class="code" href=format!("/persone/{}/progetto#area-{}", item.code, area.code())>{item.code.clone()}</a></th>
                                <td>{move || area_name(area)}</td>
                                <td>
                                    {move || service_label(&service)}
                                    {item.mine.then(|| view! { " " <span class="badge">{move_tr!("my-work-yours")}</span> })}
                                </td>
                                <td>{day(item.planned_end)}</td>
                                <td>{move || action_status_name(status)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

// ---------------------------------------------------------------- service catalogue

#[component]
pub fn ServicesPage() -> impl IntoView {
    let add = ServerAction::<AddService>::new();
    let toggle = ServerAction::<SetServiceActive>::new();
    let data = Resource::new(
        move || (add.version().get(), toggle.version().get()),
        |_| fetch_services(),
    );
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| toggle.value().get().and_then(|r| r.err()))
    });
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "services-title")
        }) />
        <h1>{move_tr!("services-title")}</h1>
        <p class="hint">{move_tr!("services-intro")}</p>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(catalogue) => view! { <ServicesView catalogue add toggle /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ServicesView(
    catalogue: Catalogue,
    add: ServerAction<AddService>,
    toggle: ServerAction<SetServiceActive>,
) -> impl IntoView {
    let may_edit = catalogue.may_edit;
    view! {
        {may_edit.then(|| view! {
            <section class="panel" aria-labelledby="service-new-heading">
                <h2 id="service-new-heading">{move_tr!("services-add")}</h2>
                <ActionForm action=add attr:class="stack-form">
                    <div class="field">
                        <label for="service-area">{move_tr!("plan-field-area")}</label>
                        <select id="service-area" name="form[area]" required=true>
                            {Area::ALL.iter().map(|&area| view! { <option value=area.code()>{move || area_name(area)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="service-name-it">{move_tr!("plan-field-name-it")}</label>
                        <input id="service-name-it" type="text" name="form[name_it]" required=true maxlength=MAX_SERVICE_NAME.to_string() />
                    </div>
                    <div class="field">
                        <label for="service-name-en">{move_tr!("plan-field-name-en")}</label>
                        <input id="service-name-en" type="text" name="form[name_en]" required=true maxlength=MAX_SERVICE_NAME.to_string() />
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button primary">{move_tr!("services-add-submit")}</button>
                    </div>
                </ActionForm>
            </section>
        })}
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{move_tr!("plan-field-area")}</th>
                    <th scope="col">{move_tr!("plan-field-service")}</th>
                    <th scope="col">{move_tr!("field-status")}</th>
                    {may_edit.then(|| view! { <th scope="col">{move_tr!("services-change")}</th> })}
                </tr></thead>
                <tbody>
                    {catalogue.services.into_iter().map(|service| {
                        let area = service.area;
                        let name = service.name.clone();
                        let active = service.active;
                        view! {
                            <tr>
                                <td>{move || area_name(area)}</td>
                                <th scope="row">{move || service_label(&name)}</th>
                                <td>{move || if active { tr!("services-active") } else { tr!("services-inactive") }}</td>
                                {may_edit.then(|| view! {
                                    <td>
                                        <ActionForm action=toggle attr:class="inline-form">
                                            <input type="hidden" name="service_id" value=service.id.to_string() />
                                            <input type="hidden" name="active" value=(!active).to_string() />
                                            <button type="submit" class="button small secondary">
                                                {move || if active { tr!("services-deactivate") } else { tr!("services-activate") }}
                                            </button>
                                        </ActionForm>
                                    </td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
