//! The plan's team: who works with the person, in which role, and how a member is added or removed.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub(super) fn TeamSection(code: String, plan: Plan, actions: PlanActions) -> impl IntoView {
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
                                        <Submit action=actions.remove_member class="button small secondary">{move_tr!("plan-team-remove")}</Submit>
                                    </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
                <AddTeamMemberForm code colleagues=plan.colleagues giveable_roles=plan.giveable_roles action=actions.add_member />
            })}
        </section>
    }
}

/// The form that adds a colleague or an outside professional to the team, with a role
/// the reader may give.
#[component]
fn AddTeamMemberForm(
    code: String,
    colleagues: Vec<(i32, String)>,
    giveable_roles: Vec<TeamRole>,
    action: ServerAction<AddTeamMember>,
) -> impl IntoView {
    view! {
        <details class="more-details">
            <summary>{move_tr!("plan-team-add")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
                <div class="field">
                    <label for="team-user">{move_tr!("plan-field-colleague")}</label>
                    <select id="team-user" name="form[user_id]">
                        <option value="">{move_tr!("plan-team-external-choice")}</option>
                        {colleagues.into_iter().map(|(id, name)| view! {
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
                        {giveable_roles.iter().map(|&role| view! {
                            <option value=role.code()>{move || team_role_name(role)}</option>
                        }).collect_view()}
                    </select>
                    {(giveable_roles.len() < TeamRole::ALL.len()).then(|| view! {
                        <p class="hint">{move_tr!("plan-team-restricted-hint")}</p>
                    })}
                </div>
                <div class="form-actions">
                    <Submit action=action class="button primary">{move_tr!("plan-team-add-submit")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}
