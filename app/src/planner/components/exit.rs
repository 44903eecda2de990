//! The exit from the programme, which closes the plan.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub(super) fn ExitSection(
    code: String,
    today: NaiveDate,
    action: ServerAction<ClosePlan>,
) -> impl IntoView {
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
                        <Submit action=action class="button danger">{move_tr!("plan-exit-submit")}</Submit>
                    </div>
                </ActionForm>
            </details>
        </section>
    }
}
