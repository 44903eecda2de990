//! The family page of a plan: each child with her needs by area, and the log of the
//! work done together with the social services. Plain forms first, as everywhere.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::*;
use super::model::*;
use crate::planner::components::{area_name, need_name, PlanErrors};
use crate::planner::model::NeedLevel;
use crate::ui::errors::ErrorPanel;
use crate::ui::page_forms::PageForms;
use crate::ui::pages::Loading;
use crate::ui::time::day;

fn joint_kind_name(kind: JointWorkKind) -> String {
    match kind {
        JointWorkKind::Meeting => tr!("joint-meeting"),
        JointWorkKind::HomeVisit => tr!("joint-home-visit"),
        JointWorkKind::Report => tr!("joint-report"),
        JointWorkKind::CaseConference => tr!("joint-case-conference"),
        JointWorkKind::CourtCommunication => tr!("joint-court-communication"),
    }
}

#[component]
pub fn FamilyPlanPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let forms = PageForms::new();
    let need = forms.action::<SaveChildNeed>();
    let joint = forms.action::<AddJointWork>();
    let data = Resource::new(
        move || (code.get(), forms.answers()),
        |(code, _)| fetch_family(code),
    );
    let error = forms.error();
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "family-title", { "code" => code.get() })
        }) />
        <p><a href=move || format!("/persone/{}/progetto", code.get())>{move_tr!("back-to-plan")}</a></p>
        <h1>{move_tr!("family-heading")} " " <span class="code">{move || code.get()}</span></h1>
        <p class="hint">{move_tr!("family-intro")}</p>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) if !page.has_plan => view! {
                        <p class="notice">{move_tr!("family-no-plan")}</p>
                    }.into_any(),
                    Ok(page) => view! { <FamilyView page need joint /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FamilyView(
    page: FamilyPage,
    need: ServerAction<SaveChildNeed>,
    joint: ServerAction<AddJointWork>,
) -> impl IntoView {
    let editable = page.editable;
    let code = page.code.clone();
    let child_codes: Vec<String> = page.children.iter().map(|c| c.code.clone()).collect();
    view! {
        <section class="panel" aria-labelledby="children-heading">
            <h2 id="children-heading">{move_tr!("family-children")}</h2>
            {if page.children.is_empty() {
                view! { <p>{move_tr!("family-no-children")}</p> }.into_any()
            } else {
                page.children.iter().cloned().map(|child| {
                    let code = code.clone();
                    view! { <ChildPanel code child editable action=need /> }
                }).collect_view().into_any()
            }}
        </section>
        <section class="panel" aria-labelledby="joint-heading">
            <h2 id="joint-heading">{move_tr!("family-joint-work")}</h2>
            <p class="hint">{move_tr!("family-joint-work-intro")}</p>
            {editable.then(|| view! { <JointWorkForm code=code.clone() today=page.today children=child_codes.clone() action=joint /> })}
            {if page.joint_work.is_empty() {
                view! { <p>{move_tr!("family-joint-work-empty")}</p> }.into_any()
            } else {
                view! {
                    <ol class="diary">
                        {page.joint_work.into_iter().map(|row| {
                            let kind = row.kind;
                            view! {
                                <li class="diary-note">
                                    <p class="diary-meta">
                                        {day(row.held_on)} " · " <span class="badge">{move || joint_kind_name(kind)}</span>
                                        " · " <strong>{row.service.clone()}</strong>
                                        {row.child.clone().map(|child| view! { " · " {move_tr!("family-about-child", { "code" => child.clone() })} })}
                                    </p>
                                    <p class="prose">{row.summary.clone()}</p>
                                    {row.next_steps.clone().map(|next| view! {
                                        <p class="prose"><strong>{move_tr!("family-field-next-steps")} ": "</strong>{next}</p>
                                    })}
                                    <p class="hint">{move_tr!("recorded-by", { "name" => row.recorded_by.clone() })}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ChildPanel(
    code: String,
    child: ChildNeeds,
    editable: bool,
    action: ServerAction<SaveChildNeed>,
) -> impl IntoView {
    let key = child.code.to_lowercase();
    let heading = format!("child-{key}");
    let child_code = child.code.clone();
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                <a href=format!("/persone/{}", child.code)>{child.code.clone()}</a>
                {child.age.map(|age| view! { " · " {move_tr!("family-age", { "years" => age })} })}
            </h3>
            {if child.needs.is_empty() {
                view! { <p>{move_tr!("family-no-needs")}</p> }.into_any()
            } else {
                view! {
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{move_tr!("plan-field-area")}</th>
                            <th scope="col">{move_tr!("plan-field-need")}</th>
                            <th scope="col">{move_tr!("plan-field-notes")}</th>
                            <th scope="col">{move_tr!("family-assessed-on")}</th>
                        </tr></thead>
                        <tbody>
                            {child.needs.into_iter().map(|row| {
                                let (area, need) = (row.area, row.need);
                                view! {
                                    <tr>
                                        <th scope="row">{move || area_name(area)}</th>
                                        <td><span class=format!("badge need-{}", need.code())>{move || need_name(need)}</span></td>
                                        <td class="prose">{row.notes.clone()}</td>
                                        <td>{day(row.assessed_on)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {editable.then(|| {
                let key = key.clone();
                let id = move |name: &str| format!("{name}-{key}");
                view! {
                    <details class="more-details">
                        <summary>{move_tr!("family-assess-need")}</summary>
                        <ActionForm action attr:class="stack-form">
                            <input type="hidden" name="code" value=code.clone() />
                            <input type="hidden" name="form[child]" value=child_code.clone() />
                            <div class="field-pair">
                                <div class="field">
                                    <label for=id("child-area")>{move_tr!("plan-field-area")}</label>
                                    <select id=id("child-area") name="form[area]" required=true>
                                        {CHILD_AREAS.iter().map(|&area| view! {
                                            <option value=area.code()>{move || area_name(area)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for=id("child-need")>{move_tr!("plan-field-need")}</label>
                                    <select id=id("child-need") name="form[need]" required=true>
                                        {NeedLevel::ALL.iter().map(|&need| view! {
                                            <option value=need.code()>{move || need_name(need)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            </div>
                            <div class="field">
                                <label for=id("child-notes")>{move_tr!("plan-field-notes")}</label>
                                <textarea id=id("child-notes") name="form[notes]" rows="3" maxlength=crate::planner::model::MAX_ASSESSMENT_NOTES.to_string()></textarea>
                            </div>
                            <div class="form-actions">
                                <Submit action=action class="button primary">{move_tr!("family-save-need")}</Submit>
                            </div>
                        </ActionForm>
                    </details>
                }
            })}
        </article>
    }
}

#[component]
fn JointWorkForm(
    code: String,
    today: chrono::NaiveDate,
    children: Vec<String>,
    action: ServerAction<AddJointWork>,
) -> impl IntoView {
    view! {
        <details class="more-details">
            <summary>{move_tr!("family-joint-work-add")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
                <div class="field-pair">
                    <div class="field">
                        <label for="joint-held-on">{move_tr!("plan-field-held-on")}</label>
                        <input id="joint-held-on" type="date" name="form[held_on]" value=today.to_string() max=today.to_string() required=true />
                    </div>
                    <div class="field">
                        <label for="joint-kind">{move_tr!("plan-field-kind")}</label>
                        <select id="joint-kind" name="form[kind]" required=true>
                            {JointWorkKind::ALL.iter().map(|&kind| view! {
                                <option value=kind.code()>{move || joint_kind_name(kind)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for="joint-service">{move_tr!("family-field-service")}</label>
                    <p class="hint" id="joint-service-hint">{move_tr!("family-service-hint")}</p>
                    <input id="joint-service" type="text" name="form[service]" required=true maxlength=MAX_SERVICE.to_string() aria-describedby="joint-service-hint" />
                </div>
                <div class="field">
                    <label for="joint-child">{move_tr!("family-field-child")}</label>
                    <select id="joint-child" name="form[child]">
                        <option value="">{move_tr!("family-whole-family")}</option>
                        {children.into_iter().map(|child| view! { <option value=child.clone()>{child.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="joint-summary">{move_tr!("plan-field-summary")}</label>
                    <textarea id="joint-summary" name="form[summary]" rows="4" required=true maxlength=MAX_JOINT_SUMMARY.to_string()></textarea>
                </div>
                <div class="field">
                    <label for="joint-next">{move_tr!("family-field-next-steps")}</label>
                    <textarea id="joint-next" name="form[next_steps]" rows="2" maxlength=MAX_JOINT_SUMMARY.to_string()></textarea>
                </div>
                <div class="form-actions">
                    <Submit action=action class="button primary">{move_tr!("family-joint-work-save")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}
