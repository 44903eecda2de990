//! A person's ledger of support spending: what the organisations in charge spent for
//! her, by category, with the receipt and who approved it; what is left of the budget
//! of the reader's organisation; a plain form to record an expense; approval and
//! removal as plain forms too.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use super::api::*;
use super::model::*;
use crate::kernel::money::euro_text;
use crate::path::documents::model::document_path;
use crate::path::page::{path_page, person_code, PathTexts};
use crate::ui::page_forms::PageForms;
use crate::ui::submit::Submit;
use crate::ui::time::{day, day_text, interface_language};

pub fn category_name(category: SpendingCategory) -> String {
    match category {
        SpendingCategory::Papers => tr!("spending-category-papers"),
        SpendingCategory::Health => tr!("spending-category-health"),
        SpendingCategory::Transport => tr!("spending-category-transport"),
        SpendingCategory::School => tr!("spending-category-school"),
        SpendingCategory::PocketMoney => tr!("spending-category-pocket-money"),
    }
}

/// An amount in the reader's language ("12,50 €", "€12.50").
pub fn euros(cents: i64) -> String {
    euro_text(cents, &interface_language())
}

fn field_label(field: &str) -> String {
    match field {
        "category" => tr!("spending-field-category"),
        "amount" => tr!("spending-field-amount"),
        "spent_on" => tr!("spending-field-spent-on"),
        "description" => tr!("spending-field-description"),
        "receipt" => tr!("spending-field-receipt"),
        "expense" => tr!("spending-field-expense"),
        _ => field.to_string(),
    }
}

#[component]
pub fn SupportSpendingPage() -> impl IntoView {
    let forms = PageForms::new();
    let add = forms.action::<AddExpense>();
    let approve = forms.action::<ApproveExpense>();
    let remove = forms.action::<RemoveExpense>();
    let texts = PathTexts {
        title: |i18n, code| tr!(i18n, "spending-title", { "code" => code }),
        heading: move_tr!("spending-heading"),
        field_label,
    };
    path_page(
        person_code(),
        (forms, forms.error()),
        texts,
        view! { <p class="hint">{move_tr!("spending-intro")}</p> },
        fetch_spending,
        move |page| view! { <SpendingView page add approve remove /> },
    )
}

#[component]
fn SpendingView(
    page: SpendingPage,
    add: ServerAction<AddExpense>,
    approve: ServerAction<ApproveExpense>,
    remove: ServerAction<RemoveExpense>,
) -> impl IntoView {
    let SpendingPage {
        code,
        today,
        editable,
        expenses,
        totals,
        receipts,
        budget,
    } = page;
    let total: i64 = totals.iter().map(|(_, cents)| cents).sum();
    view! {
        {(!editable).then(|| view! { <p class="notice">{move_tr!("spending-anonymised")}</p> })}
        {budget.map(|budget| view! { <BudgetNotice budget /> })}
        <section class="panel" aria-labelledby="spending-totals-heading">
            <h2 id="spending-totals-heading">{move_tr!("spending-totals")}</h2>
            <dl class="facts">
                {totals.into_iter().filter(|(_, cents)| *cents > 0).map(|(category, cents)| view! {
                    <dt>{move || category_name(category)}</dt>
                    <dd class="number">{move || euros(cents)}</dd>
                }).collect_view()}
                <dt><strong>{move_tr!("spending-total")}</strong></dt>
                <dd class="number"><strong>{move || euros(total)}</strong></dd>
            </dl>
            <p class="hint">{move_tr!("spending-totals-hint")}</p>
        </section>
        <section class="panel" aria-labelledby="spending-list-heading">
            <h2 id="spending-list-heading">{move_tr!("spending-list")}</h2>
            {if expenses.is_empty() {
                view! { <p>{move_tr!("spending-empty")}</p> }.into_any()
            } else {
                expenses.into_iter().map(|row| {
                    let code = code.clone();
                    view! { <ExpenseCard code row approve remove /> }
                }).collect_view().into_any()
            }}
        </section>
        {editable.then(|| view! { <ExpenseFields code=code.clone() today receipts action=add /> })}
    }
}

#[component]
fn BudgetNotice(budget: BudgetLeft) -> impl IntoView {
    let left = budget.left_cents();
    let project = budget.project.clone();
    view! {
        <p class="notice" class:warning=move || left < 0 role="status">
            {move_tr!("spending-budget-left", {
                "project" => project.clone(),
                "left" => euros(left),
                "amount" => euros(budget.amount_cents),
                "date" => day_text(budget.ends_on),
            })}
            {(budget.waiting_cents > 0).then(|| view! {
                " " {move_tr!("spending-budget-waiting", { "waiting" => euros(budget.waiting_cents) })}
            })}
        </p>
    }
}

#[component]
fn ExpenseCard(
    code: String,
    row: ExpenseRow,
    approve: ServerAction<ApproveExpense>,
    remove: ServerAction<RemoveExpense>,
) -> impl IntoView {
    let heading = format!("expense-{}", row.id);
    let category = row.category;
    let (amount, recorded_by, organisation) = (
        row.amount_cents,
        row.recorded_by.clone(),
        row.organisation.clone(),
    );
    let id = row.id.to_string();
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {move || category_name(category)} " · " {move || euros(amount)}
                " " {match row.approved.clone() {
                    Some(_) => view! { <span class="badge">{move_tr!("spending-approved")}</span> }.into_any(),
                    None => view! { <span class="badge warning">{move_tr!("spending-waiting")}</span> }.into_any(),
                }}
            </h3>
            <dl class="facts">
                <dt>{move_tr!("spending-field-spent-on")}</dt>
                <dd>{day(row.spent_on)}</dd>
                {row.description.clone().map(|text| view! {
                    <dt>{move_tr!("spending-field-description")}</dt>
                    <dd>{text}</dd>
                })}
                <dt>{move_tr!("spending-field-receipt")}</dt>
                <dd>{match row.receipt {
                    Some((document, dated_on)) => view! {
                        <a href=document_path(&code, document)>{move_tr!("spending-receipt-of", { "date" => day_text(dated_on) })}</a>
                    }.into_any(),
                    None => view! { <span>{move_tr!("spending-no-receipt")}</span> }.into_any(),
                }}</dd>
                <dt>{move_tr!("spending-field-organisation")}</dt>
                <dd>{organisation}</dd>
                {row.approved.clone().map(|(name, on)| view! {
                    <dt>{move_tr!("spending-field-approved-by")}</dt>
                    <dd>{move_tr!("spending-approved-by", { "name" => name.clone(), "date" => day_text(on) })}</dd>
                })}
            </dl>
            <p class="hint">{move_tr!("recorded-by", { "name" => recorded_by.clone() })}</p>
            {(row.may_approve || row.may_remove).then(|| view! {
                <div class="button-row">
                    {row.may_approve.then({
                        let (code, id) = (code.clone(), id.clone());
                        move || view! {
                        <ActionForm action=approve>
                            <input type="hidden" name="code" value=code.clone() />
                            <input type="hidden" name="expense" value=id.clone() />
                            <Submit action=approve class="button primary">{move_tr!("spending-approve")}</Submit>
                        </ActionForm>
                    }})}
                    {row.may_remove.then(|| view! {
                        <details class="more-details">
                            <summary>{move_tr!("spending-remove")}</summary>
                            <ActionForm action=remove attr:class="stack-form">
                                <input type="hidden" name="code" value=code.clone() />
                                <input type="hidden" name="expense" value=id.clone() />
                                <p class="hint">{move_tr!("spending-remove-hint")}</p>
                                <Submit action=remove class="button danger">{move_tr!("spending-remove-confirm")}</Submit>
                            </ActionForm>
                        </details>
                    })}
                </div>
            })}
        </article>
    }
}

/// The form of a new expense.
#[component]
fn ExpenseFields(
    code: String,
    today: NaiveDate,
    receipts: Vec<(i32, NaiveDate, Option<String>)>,
    action: ServerAction<AddExpense>,
) -> impl IntoView {
    let documents = format!("/persone/{code}/documenti");
    view! {
        <section class="panel" aria-labelledby="spending-add-heading">
            <h2 id="spending-add-heading">{move_tr!("spending-add")}</h2>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=code />
                <div class="field-pair">
                    <div class="field">
                        <label for="expense-category">{move_tr!("spending-field-category")} <span class="required" aria-hidden="true">" *"</span></label>
                        <select id="expense-category" name="form[category]" required=true>
                            <option value="">{move_tr!("choose")}</option>
                            {SpendingCategory::ALL.iter().map(|&category| view! {
                                <option value=category.code()>{move || category_name(category)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="expense-amount">{move_tr!("spending-field-amount")} <span class="required" aria-hidden="true">" *"</span></label>
                        <input id="expense-amount" type="text" inputmode="decimal" name="form[amount]" required=true maxlength="16" autocomplete="off" aria-describedby="expense-amount-hint" />
                        <p class="hint" id="expense-amount-hint">{move_tr!("spending-amount-hint")}</p>
                    </div>
                </div>
                <div class="field-pair">
                    <div class="field">
                        <label for="expense-day">{move_tr!("spending-field-spent-on")} <span class="required" aria-hidden="true">" *"</span></label>
                        <input id="expense-day" type="date" name="form[spent_on]" required=true max=today.to_string() value=today.to_string() />
                    </div>
                    <div class="field">
                        <label for="expense-receipt">{move_tr!("spending-field-receipt")}</label>
                        <select id="expense-receipt" name="form[receipt]" aria-describedby="expense-receipt-hint">
                            <option value="">{move_tr!("spending-no-receipt")}</option>
                            {receipts.into_iter().map(|(id, dated_on, description)| {
                                let label = match description {
                                    Some(text) => format!("{} · {text}", day_text(dated_on)),
                                    None => day_text(dated_on),
                                };
                                view! { <option value=id.to_string()>{label}</option> }
                            }).collect_view()}
                        </select>
                        <p class="hint" id="expense-receipt-hint">
                            {move_tr!("spending-receipt-hint")} " "
                            <a href=documents>{move_tr!("spending-receipt-upload")}</a>
                        </p>
                    </div>
                </div>
                <div class="field">
                    <label for="expense-description">{move_tr!("spending-field-description")}</label>
                    <input id="expense-description" type="text" name="form[description]" maxlength=MAX_DESCRIPTION.to_string() aria-describedby="expense-description-hint" />
                    <p class="hint" id="expense-description-hint">{move_tr!("spending-description-hint")}</p>
                </div>
                <div class="form-actions">
                    <Submit action class="button primary">{move_tr!("spending-send")}</Submit>
                </div>
            </ActionForm>
        </section>
    }
}
