//! The plan's areas: the assessment, the goals and their actions.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub(super) fn AreaSection(
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
                                " " {move_tr!("plan-assessed-on", { "date" => day_text(row.assessed_on) })}
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
pub(super) fn AssessmentEditor(
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
                    <Submit action=action class="button primary">{move_tr!("save")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn NewGoalForm(
    code: String,
    area: Area,
    action: ServerAction<AddGoal>,
) -> impl IntoView {
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
                    <Submit action=action class="button primary">{move_tr!("plan-goal-add-submit")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn GoalItem(
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
                    " " <span class="hint">{move_tr!("plan-goal-expected", { "date" => day_text(expected) })}</span>
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
                        <Submit action=actions.goal_status class="button small">{move_tr!("save")}</Submit>
                    </ActionForm>
                </details>
            </div>
            })}
        </li>
    }
}

#[component]
pub(super) fn NewActionFields(
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
                <Submit action=action class="button primary">{move_tr!("plan-action-add-submit")}</Submit>
            </div>
        </ActionForm>
    }
}

#[component]
pub(super) fn ActionItem(
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
                        <Submit action=action class="button small primary">{move_tr!("plan-action-mark-done")}</Submit>
                    </ActionForm>
                    }
                })}
                <ActionUpdateForm code=code.clone() row=row.clone() today action />
            </div>
            })}
        </li>
    }
}

/// The form that changes an action's status, planned and actual dates and outcome.
#[component]
fn ActionUpdateForm(
    code: String,
    row: ActionRow,
    today: NaiveDate,
    action: ServerAction<UpdatePlanAction>,
) -> impl IntoView {
    let status = row.status;
    let prefix = format!("action-{}", row.id);
    let (status_id, start_id, end_id, actual_start_id, actual_end_id, outcome_id) = (
        format!("{prefix}-status"),
        format!("{prefix}-planned-start"),
        format!("{prefix}-planned-end"),
        format!("{prefix}-actual-start"),
        format!("{prefix}-actual-end"),
        format!("{prefix}-outcome"),
    );
    view! {
        <details class="more-details">
            <summary>{move_tr!("plan-action-update")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
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
                    <Submit action=action class="button primary">{move_tr!("save")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}
