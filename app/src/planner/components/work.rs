//! Internships and work grants.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub(super) fn WorkSection(
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
                        {work.into_iter().map(|row| view! {
                            <WorkPlacementItem code=code.clone() row editable action=actions.update_work />
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
                <NewWorkPlacementForm code=add_code today action=actions.add_work />
            })}
        </section>
    }
}

/// One internship or work grant: its facts and, while the plan is open, the form that
/// records attendance and outcome.
#[component]
fn WorkPlacementItem(
    code: String,
    row: WorkPlacementRow,
    editable: bool,
    action: ServerAction<UpdateWorkPlacement>,
) -> impl IntoView {
    let (kind, outcome, id) = (row.kind, row.outcome, row.id);
    let attendance_id = format!("work-{id}-attendance");
    let outcome_id = format!("work-{id}-outcome");
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
                    <ActionForm action attr:class="stack-form">
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
                        <Submit action=action class="button small primary">{move_tr!("save")}</Submit>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}

/// The form that adds an internship or a work grant to the plan.
#[component]
fn NewWorkPlacementForm(
    code: String,
    today: NaiveDate,
    action: ServerAction<AddWorkPlacement>,
) -> impl IntoView {
    view! {
        <details class="more-details">
            <summary>{move_tr!("work-add")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
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
                    <Submit action=action class="button primary">{move_tr!("work-add-submit")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}
