//! The versions page (record an agreed version, compare two, approve) and the print view
//! of the agreed plan, clean on A4 and ready to be signed.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::*;
use super::model::*;
use crate::planner::components::{
    action_status_name, area_name, goal_status_name, need_name, phase_name, service_label,
    team_role_name, PlanErrors,
};
use crate::planner::family::model::ChildNeeds;
use crate::planner::model::AreaPlan;
use crate::ui::errors::ErrorPanel;
use crate::ui::page_forms::PageForms;
use crate::ui::pages::Loading;
use crate::ui::time::{day, day_text, moment_day_text};

fn field_name(field: DiffField) -> String {
    match field {
        DiffField::Value => tr!("diff-value"),
        DiffField::Need => tr!("plan-field-need"),
        DiffField::Notes => tr!("plan-field-notes"),
        DiffField::Description => tr!("plan-field-description"),
        DiffField::ExpectedOn => tr!("plan-field-expected-on"),
        DiffField::Status => tr!("plan-field-status"),
        DiffField::PlannedStart => tr!("plan-field-planned-start"),
        DiffField::PlannedEnd => tr!("plan-field-planned-end"),
        DiffField::Responsible => tr!("diff-responsible"),
        DiffField::Outcome => tr!("plan-field-outcome"),
    }
}

fn value_text(value: &DiffValue) -> String {
    match value {
        DiffValue::Empty => "—".to_string(),
        DiffValue::Text(text) => text.clone(),
        DiffValue::Date(day) => day_text(*day),
        DiffValue::Days(days) => tr!("diff-days", { "days" => *days }),
        DiffValue::Phase(phase) => phase_name(*phase),
        DiffValue::Need(need) => need_name(*need),
        DiffValue::GoalStatus(status) => goal_status_name(*status),
        DiffValue::ActionStatus(status) => action_status_name(*status),
    }
}

fn subject_text(subject: &DiffSubject) -> String {
    match subject {
        DiffSubject::Phase => tr!("plan-phase"),
        DiffSubject::ReviewInterval => tr!("plan-field-review-every"),
        DiffSubject::Member { name, role } => format!("{name} · {}", team_role_name(*role)),
        DiffSubject::Assessment => tr!("plan-assessment"),
        DiffSubject::Goal { description } => tr!("diff-goal", { "goal" => description.clone() }),
        DiffSubject::Action { service, goal } => {
            tr!("diff-action", { "service" => service_label(service), "goal" => goal.clone() })
        }
        DiffSubject::ChildNeed { child } => tr!("diff-child", { "code" => child.clone() }),
    }
}

fn version_label(number: i32) -> String {
    if number == 0 {
        tr!("agreement-current-plan")
    } else {
        tr!("agreement-version", { "number" => number })
    }
}

#[component]
pub fn PlanVersionsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let compare = Memo::new(move |_| {
        let q = query.read();
        (
            q.get("da").unwrap_or_default(),
            q.get("a").unwrap_or_default(),
        )
    });
    let forms = PageForms::new();
    let agree = forms.action::<RecordAgreedVersion>();
    let approve = forms.action::<ApproveVersion>();
    let data = Resource::new(
        move || (code.get(), compare.get(), forms.answers()),
        |(code, (from, to), _)| fetch_versions(code, from, to),
    );
    let error = forms.error();
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "agreement-title", { "code" => code.get() })
        }) />
        <h1>{move_tr!("agreement-heading")} " " <span class="code">{move || code.get()}</span></h1>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <VersionsView page agree approve /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VersionsView(
    page: VersionsPage,
    agree: ServerAction<RecordAgreedVersion>,
    approve: ServerAction<ApproveVersion>,
) -> impl IntoView {
    let code = page.code.clone();
    let on_team = page.on_team;
    view! {
        {on_team.then(|| view! {
            <p class="button-row">
                <a class="button secondary" href=format!("/persone/{code}/progetto")>{move_tr!("back-to-plan")}</a>
                <a class="button secondary" href=format!("/persone/{code}/progetto/stampa")>{move_tr!("agreement-print-latest")}</a>
            </p>
        })}
        <p class="hint">{move_tr!("agreement-intro")}</p>
        {(!page.has_plan).then(|| view! { <p class="notice">{move_tr!("family-no-plan")}</p> })}
        {page.may_record.then(|| view! {
            <AgreementFormSection
                code=page.code.clone()
                today=page.today
                minor=page.minor
                approvers=page.approvers.clone()
                first=page.versions.is_empty()
                action=agree
            />
        })}
        <section class="panel" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{move_tr!("agreement-versions")}</h2>
            {if page.versions.is_empty() {
                view! { <p>{move_tr!("agreement-no-versions")}</p> }.into_any()
            } else {
                view! { <VersionList code=page.code.clone() versions=page.versions.clone() on_team approve /> }.into_any()
            }}
        </section>
        {(page.versions.len() + usize::from(on_team) >= 2).then(|| view! {
            <CompareSection versions=page.versions.iter().map(|v| v.number).collect() on_team comparison=page.comparison.clone() />
        })}
    }
}

#[component]
fn AgreementFormSection(
    code: String,
    today: chrono::NaiveDate,
    minor: bool,
    approvers: Vec<(i32, String)>,
    first: bool,
    action: ServerAction<RecordAgreedVersion>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="agree-heading">
            <h2 id="agree-heading">{move_tr!("agreement-record")}</h2>
            <details class="more-details" open=first>
                <summary>{move_tr!("agreement-record-open")}</summary>
                <p class="hint">{move_tr!("agreement-record-hint")}</p>
                <ActionForm action attr:class="stack-form">
                    <input type="hidden" name="code" value=code />
                    <div class="field-pair">
                        <div class="field">
                            <label for="agreed-on">{move_tr!("agreement-field-agreed-on")}</label>
                            <input id="agreed-on" type="date" name="form[agreed_on]" value=today.to_string() max=today.to_string() required=true />
                        </div>
                        <div class="field">
                            <label for="agreed-language">{move_tr!("agreement-field-language")}</label>
                            <p class="hint" id="agreed-language-hint">{move_tr!("agreement-language-hint")}</p>
                            <input id="agreed-language" type="text" name="form[language]" required=true maxlength=MAX_LANGUAGE.to_string() aria-describedby="agreed-language-hint" />
                        </div>
                    </div>
                    <div class="field">
                        <label for="agreed-mediator">{move_tr!("agreement-field-mediator")}</label>
                        <p class="hint" id="agreed-mediator-hint">{move_tr!("agreement-mediator-hint")}</p>
                        <input id="agreed-mediator" type="text" name="form[mediator]" maxlength=MAX_PRESENT_NAME.to_string() aria-describedby="agreed-mediator-hint" />
                    </div>
                    <div class="field">
                        <label for="agreed-guardian">
                            {move_tr!("agreement-field-guardian")}
                            {minor.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                        </label>
                        <p class="hint" id="agreed-guardian-hint">{move_tr!("agreement-guardian-hint")}</p>
                        <input id="agreed-guardian" type="text" name="form[guardian]" required=minor maxlength=MAX_PRESENT_NAME.to_string() aria-describedby="agreed-guardian-hint" />
                    </div>
                    <div class="field">
                        <label for="agreed-notes">{move_tr!("plan-field-notes")}</label>
                        <textarea id="agreed-notes" name="form[notes]" rows="3" maxlength=MAX_AGREEMENT_NOTES.to_string()></textarea>
                    </div>
                    <div class="field">
                        <label for="agreed-approver">{move_tr!("agreement-field-approver")}</label>
                        <p class="hint" id="agreed-approver-hint">{move_tr!("agreement-approver-hint")}</p>
                        <select id="agreed-approver" name="form[approver_id]" required=true aria-describedby="agreed-approver-hint">
                            <option value="">{move_tr!("choose")}</option>
                            {approvers.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="form-actions">
                        <Submit action=action class="button primary">{move_tr!("agreement-record-submit")}</Submit>
                    </div>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn VersionList(
    code: String,
    versions: Vec<VersionRow>,
    on_team: bool,
    approve: ServerAction<ApproveVersion>,
) -> impl IntoView {
    view! {
        <ol class="version-list">
            {versions.into_iter().map(|version| {
                let number = version.number;
                let code = code.clone();
                view! {
                    <li class="version-card">
                        <h3>{move || version_label(number)} " · " {move_tr!("agreement-agreed-on", { "date" => day_text(version.agreed_on) })}</h3>
                        <dl class="facts">
                            <dt>{move_tr!("agreement-field-language")}</dt><dd>{version.language.clone()}</dd>
                            <dt>{move_tr!("agreement-field-mediator")}</dt><dd>{version.mediator.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move_tr!("agreement-field-guardian")}</dt><dd>{version.guardian.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move_tr!("agreement-recorded-by")}</dt><dd>{version.recorded_by.clone()}</dd>
                            <dt>{move_tr!("agreement-approval")}</dt>
                            <dd>
                                {match version.approval.clone() {
                                    Some(approval) => view! {
                                        <span class="badge badge-success">{move_tr!("agreement-approved")}</span> " "
                                        {move_tr!("agreement-approved-by", { "name" => approval.by.clone(), "date" => moment_day_text(approval.at) })}
                                        {approval.note.clone().map(|note| view! { <br /> <span class="prose">{note}</span> })}
                                    }.into_any(),
                                    None => view! {
                                        <span class="badge badge-warning">{move_tr!("agreement-pending")}</span> " "
                                        {move_tr!("agreement-pending-with", { "name" => version.approver.clone() })}
                                    }.into_any(),
                                }}
                            </dd>
                        </dl>
                        {version.notes.clone().map(|notes| view! { <p class="prose">{notes}</p> })}
                        {on_team.then(|| view! {
                            <p><a class="button small secondary" href=format!("/persone/{code}/progetto/stampa?versione={number}")>{move_tr!("agreement-print")}</a></p>
                        })}
                        {version.may_approve.then(|| view! {
                            <ActionForm action=approve attr:class="stack-form">
                                <input type="hidden" name="code" value=code.clone() />
                                <input type="hidden" name="number" value=number.to_string() />
                                <div class="field">
                                    <label for=format!("approval-note-{number}")>{move_tr!("agreement-approval-note")}</label>
                                    <textarea id=format!("approval-note-{number}") name="note" rows="2" maxlength=MAX_AGREEMENT_NOTES.to_string()></textarea>
                                </div>
                                <div class="form-actions">
                                    <Submit action=approve class="button primary">{move_tr!("agreement-approve", { "number" => number })}</Submit>
                                </div>
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn CompareSection(
    versions: Vec<i32>,
    on_team: bool,
    comparison: Option<Comparison>,
) -> impl IntoView {
    let mut choices = versions.clone();
    if on_team {
        choices.insert(0, 0);
    }
    let (from, to) = comparison
        .as_ref()
        .map_or((None, None), |c| (Some(c.from), Some(c.to)));
    let options = move |selected: Option<i32>| {
        choices
            .iter()
            .map(|&number| view! { <option value=number.to_string() selected={selected == Some(number)}>{move || version_label(number)}</option> })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{move_tr!("agreement-compare")}</h2>
            <form method="get" class="filters">
                <div class="field">
                    <label for="compare-from">{move_tr!("agreement-compare-from")}</label>
                    <select id="compare-from" name="da">{options(from)}</select>
                </div>
                <div class="field">
                    <label for="compare-to">{move_tr!("agreement-compare-to")}</label>
                    <select id="compare-to" name="a">{options(to)}</select>
                </div>
                <div class="form-actions">
                    <Submit class="button secondary">{move_tr!("agreement-compare-submit")}</Submit>
                </div>
            </form>
            {comparison.map(|comparison| {
                let (from, to) = (comparison.from, comparison.to);
                view! {
                    <h3>{move || tr!("agreement-compare-result", { "from" => version_label(from), "to" => version_label(to) })}</h3>
                    {if comparison.rows.is_empty() {
                        view! { <p>{move_tr!("agreement-no-differences")}</p> }.into_any()
                    } else {
                        view! { <DiffTable rows=comparison.rows from to /> }.into_any()
                    }}
                }
            })}
        </section>
    }
}

#[component]
fn DiffTable(rows: Vec<DiffRow>, from: i32, to: i32) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table diff-table">
                <thead><tr>
                    <th scope="col">{move_tr!("plan-field-area")}</th>
                    <th scope="col">{move_tr!("diff-item")}</th>
                    <th scope="col">{move_tr!("diff-what")}</th>
                    <th scope="col">{move || version_label(from)}</th>
                    <th scope="col">{move || version_label(to)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let area = match row.area {
                            Some(area) => area_name(area),
                            None => tr!("diff-whole-plan"),
                        };
                        let subject = row.subject.clone();
                        let (what, before, after, class) = match row.change {
                            DiffChange::Added => (tr!("diff-added"), "—".to_string(), tr!("diff-present"), "diff-added"),
                            DiffChange::Removed => (tr!("diff-removed"), tr!("diff-present"), "—".to_string(), "diff-removed"),
                            DiffChange::Changed { field, before, after } => (field_name(field), value_text(&before), value_text(&after), "diff-changed"),
                        };
                        view! {
                            <tr class=class>
                                <td>{area}</td>
                                <th scope="row">{subject_text(&subject)}</th>
                                <td>{what}</td>
                                <td>{before}</td>
                                <td>{after}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

// ---------------------------------------------------------------- print view

#[component]
pub fn PlanPrintPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let version = Memo::new(move |_| query.read().get("versione").unwrap_or_default());
    let data = Resource::new(
        move || (code.get(), version.get()),
        |(code, version)| fetch_print(code, version),
    );
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "print-title", { "code" => code.get() })
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <PrintSheet page /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PrintSheet(page: PrintPage) -> impl IntoView {
    let code = page.code.clone();
    let PlanSnapshot {
        phase,
        review_every_days,
        reference_operators,
        team,
        areas,
        children,
    } = page.snapshot.clone();
    let mediator = page.version.as_ref().and_then(|v| v.mediator.clone());
    let guardian = page.version.as_ref().and_then(|v| v.guardian.clone());
    let needs_guardian = page.minor || guardian.is_some();
    let print = move |_: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="print-controls no-print">
            <p class="button-row">
                <a class="button secondary" href=format!("/persone/{code}/progetto/versioni")>{move_tr!("agreement-back-to-versions")}</a>
                <button type="button" class="button primary" on:click=print>{move_tr!("print-now")}</button>
            </p>
            <p class="hint">{move_tr!("print-hint")}</p>
        </div>
        <article class="print-sheet" aria-labelledby="print-heading">
            <header class="print-header">
                <p class="print-network">{move_tr!("print-network")}</p>
                <h1 id="print-heading">{move_tr!("print-heading")}</h1>
                <p class="print-person">
                    <strong>{page.name.clone()}</strong> " · " <span class="code">{page.code.clone()}</span>
                </p>
                {match page.version.clone() {
                    Some(version) => view! {
                        <p>
                            {move_tr!("print-version", { "number" => version.number, "date" => day_text(version.agreed_on), "language" => version.language.clone() })}
                        </p>
                        {version.approval.clone().map(|approval| view! {
                            <p>{move_tr!("agreement-approved-by", { "name" => approval.by.clone(), "date" => moment_day_text(approval.at) })}</p>
                        })}
                    }.into_any(),
                    None => view! { <p class="print-draft">{move_tr!("print-draft")}</p> }.into_any(),
                }}
            </header>
            <section class="print-block">
                <h2>{move_tr!("plan-team")}</h2>
                <ul>
                    {reference_operators.into_iter().map(|(organisation, name)| view! {
                        <li>{move_tr!("print-reference", { "name" => name.clone(), "organisation" => organisation.clone() })}</li>
                    }).collect_view()}
                    {team.into_iter().map(|member| {
                        let role = member.role;
                        view! { <li>{member.name.clone()} " · " {move || team_role_name(role)}</li> }
                    }).collect_view()}
                </ul>
                {phase.map(|phase| view! {
                    <p><strong>{move_tr!("plan-phase")} ": "</strong>{move || phase_name(phase)}</p>
                })}
                <p>{move_tr!("plan-review-every", { "days" => review_every_days })}</p>
            </section>
            {areas.into_iter().filter(|a| a.assessment.is_some() || !a.goals.is_empty()).map(|area| view! {
                <PrintArea area />
            }).collect_view()}
            {(!children.is_empty()).then(|| view! { <PrintChildren children /> })}
            <PrintSignatures name=page.name.clone() mediator guardian needs_guardian />
        </article>
    }
}

/// One area of the agreed plan: the need assessed, then each goal with its actions.
#[component]
fn PrintArea(area: AreaPlan) -> impl IntoView {
    let key = area.area;
    view! {
        <section class="print-block">
            <h2>{move || area_name(key)}</h2>
            {area.assessment.clone().map(|assessment| {
                let need = assessment.need;
                view! {
                    <p><strong>{move_tr!("plan-field-need")} ": "</strong>{move || need_name(need)}</p>
                    {(!assessment.notes.is_empty()).then(|| view! { <p class="prose">{assessment.notes.clone()}</p> })}
                }
            })}
            {area.goals.into_iter().map(|goal| {
                let status = goal.status;
                view! {
                    <h3>{goal.description.clone()}</h3>
                    <p class="hint">
                        {move || goal_status_name(status)}
                        {goal.expected_on.map(|d| view! { " · " {move_tr!("print-expected", { "date" => day_text(d) })} })}
                    </p>
                    {(!goal.actions.is_empty()).then(|| view! {
                        <table class="data-table print-table">
                            <thead><tr>
                                <th scope="col">{move_tr!("plan-field-service")}</th>
                                <th scope="col">{move_tr!("diff-responsible")}</th>
                                <th scope="col">{move_tr!("print-when")}</th>
                                <th scope="col">{move_tr!("plan-field-status")}</th>
                            </tr></thead>
                            <tbody>
                                {goal.actions.into_iter().map(|action| {
                                    let status = action.status;
                                    view! {
                                        <tr>
                                            <td>{service_label(&action.service)}</td>
                                            <td>{action.responsible.clone()}</td>
                                            <td>{day(action.planned_start)} " – " {day(action.planned_end)}</td>
                                            <td>{move || action_status_name(status)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                }
            }).collect_view()}
        </section>
    }
}

/// The needs of her children, for each child by area.
#[component]
fn PrintChildren(children: Vec<ChildNeeds>) -> impl IntoView {
    view! {
        <section class="print-block">
            <h2>{move_tr!("family-children")}</h2>
            {children.into_iter().map(|child| view! {
                <h3>{child.code.clone()} {child.age.map(|age| view! { " · " {move_tr!("family-age", { "years" => age })} })}</h3>
                <ul>
                    {child.needs.into_iter().map(|need| {
                        let (area, level) = (need.area, need.need);
                        view! { <li><strong>{move || area_name(area)} ": "</strong>{move || need_name(level)} {(!need.notes.is_empty()).then(|| format!(" — {}", need.notes))}</li> }
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </section>
    }
}

/// The signatures: hers, the operator's, the mediator's and the guardian's when there
/// are any, and the place and date.
#[component]
fn PrintSignatures(
    name: String,
    mediator: Option<String>,
    guardian: Option<String>,
    needs_guardian: bool,
) -> impl IntoView {
    view! {
        <section class="print-block signatures" aria-labelledby="signatures-heading">
            <h2 id="signatures-heading">{move_tr!("print-signatures")}</h2>
            <p>{move_tr!("print-agreement-statement")}</p>
            <div class="signature-grid">
                <div class="signature"><span class="signature-line"></span>{move_tr!("print-sign-person")} " (" {name} ")"</div>
                <div class="signature"><span class="signature-line"></span>{move_tr!("print-sign-operator")}</div>
                {mediator.map(|mediator| view! {
                    <div class="signature"><span class="signature-line"></span>{move_tr!("print-sign-mediator")} " (" {mediator} ")"</div>
                })}
                {needs_guardian.then(|| view! {
                    <div class="signature"><span class="signature-line"></span>{move_tr!("print-sign-guardian")} {guardian.clone().map(|g| format!(" ({g})"))}</div>
                })}
                <div class="signature"><span class="signature-line"></span>{move_tr!("print-place-date")}</div>
            </div>
        </section>
    }
}
