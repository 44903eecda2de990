//! Scheduled reviews of the plan and their outcome.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub(super) fn ReviewsSection(
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
                            {move_tr!("plan-review-next", { "date" => day_text(next.scheduled_on) })}
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
                                            <Submit action=actions.review class="button primary">{move_tr!("plan-review-record-submit")}</Submit>
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
                                        <Submit action=actions.schedule class="button small">{move_tr!("save")}</Submit>
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
