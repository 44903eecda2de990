//! Pages of the personalised project: the plan (phases, team, timeline, areas with their
//! assessment, goals and actions), the case diary, "My work" and the service catalogue.
//! Every form is a plain server-rendered form first; hydration only saves the reload.

use crate::ui::submit::Submit;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::*;
use super::model::*;
use super::timeline_drag::{focus_bar, Grip, TimelineEdit};
use crate::kernel::error::AppError;
use crate::ui::errors::{ErrorPanel, FormProblems};
use crate::ui::page_forms::PageForms;
use crate::ui::pages::Loading;
use crate::ui::time::{day, day_text, interface_language, month_text, optional_day};

mod areas;
mod diary;
mod exit;
mod my_work;
mod names;
mod permits;
mod reviews;
mod services;
mod team;
mod timeline;
mod work;
pub use areas::*;
pub use diary::*;
pub use exit::*;
pub use my_work::*;
pub use names::*;
pub use permits::*;
pub use reviews::*;
pub use services::*;
pub use team::*;
pub use timeline::*;
pub use work::*;

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

/// The server actions of the plan page's forms, shared by its sections.
#[derive(Clone, Copy)]
pub struct PlanActions {
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
    fn new(forms: PageForms) -> Self {
        PlanActions {
            open: forms.action(),
            phase: forms.action(),
            add_member: forms.action(),
            remove_member: forms.action(),
            assessment: forms.action(),
            goal: forms.action(),
            goal_status: forms.action(),
            action: forms.action(),
            progress: forms.action(),
            schedule: forms.action(),
            review: forms.action(),
            permit: forms.action(),
            convert: forms.action(),
            add_work: forms.action(),
            update_work: forms.action(),
            exit: forms.action(),
        }
    }
}

#[component]
pub fn PersonalPlanPage() -> impl IntoView {
    let code = code_param();
    let forms = PageForms::new();
    let actions = PlanActions::new(forms);
    provide_context(TimelineEdit::new());
    let data = Resource::new(
        move || (code.get(), forms.answers()),
        |(code, _)| fetch_plan(code),
    );
    let error = forms.error();
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
                    <Submit action=action class="button primary">{move_tr!("plan-open")}</Submit>
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
                    <h2 id="closed-heading">{move_tr!("plan-closed-title", { "date" => day_text(closing.closed_on) })}</h2>
                    <p><strong>{move_tr!("plan-field-exit-outcome")} ": "</strong> {move || exit_name(outcome)}</p>
                    <p class="prose">{closing.summary.clone()}</p>
                    <p class="hint">{move_tr!("plan-closed-read-only")}</p>
                </section>
            }
        })}
        <p class="lead">
            {move_tr!("plan-opened-on", { "date" => day_text(plan.opened_on) })}
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
                    {move_tr!("plan-latest-version", { "number" => version.number, "date" => day_text(version.agreed_on) })}
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
        <PermitsSection code=code.clone() permits=plan.permits.clone() today actions reads_judicial=plan.reads_judicial />
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
                <p>{move_tr!("plan-phase-current", { "phase" => phase_name(phase), "date" => day_text(since) })}</p>
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
                        <Submit action=action class="button primary">{move_tr!("plan-phase-record")}</Submit>
                    </div>
                </ActionForm>
            </details>
            })}
        </section>
    }
}
