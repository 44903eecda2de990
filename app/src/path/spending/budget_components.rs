//! The organisations' budgets ("Spese e budget"): for each project period, the budget,
//! what was spent and approved, what waits, what is left and where it went; the expenses
//! waiting for the reader's approval; a plain form to set a budget; each budget's
//! workbook for the accounts.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;

use super::api::*;
use super::budgets::*;
use super::components::{category_name, euros};
use super::model::spending_path;
use crate::kernel::money::cents_field;
use crate::ui::errors::{ErrorPanel, FormProblems};
use crate::ui::page_forms::PageForms;
use crate::ui::pages::{page_title, Loading};
use crate::ui::submit::Submit;
use crate::ui::time::{day, interface_language};

fn field_label(field: &str) -> String {
    match field {
        "project" => tr!("budget-field-project"),
        "starts_on" => tr!("budget-field-starts-on"),
        "ends_on" => tr!("budget-field-ends-on"),
        "amount" => tr!("budget-field-amount"),
        "record" | "budget" => tr!("budget-field-record"),
        _ => field.to_string(),
    }
}

#[component]
pub fn BudgetsPage() -> impl IntoView {
    let forms = PageForms::new();
    let save = forms.action::<SaveBudget>();
    let remove = forms.action::<RemoveBudget>();
    let data = Resource::new(move || forms.answers(), move |_| fetch_budgets());
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "budgets-title")
        }) />
        <h1>{move_tr!("budgets-heading")}</h1>
        <p class="hint">{move_tr!("budgets-intro")}</p>
        <FormProblems error=forms.error() field_label />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <BudgetsView page save remove /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BudgetsView(
    page: BudgetsPage,
    save: ServerAction<SaveBudget>,
    remove: ServerAction<RemoveBudget>,
) -> impl IntoView {
    let may_manage = page.may_manage;
    let today = page.today;
    let nothing = page.organisations.is_empty();
    view! {
        {nothing.then(|| view! { <p>{move_tr!("budgets-empty")}</p> })}
        {page.organisations.into_iter().map(|organisation| view! {
            <section class="panel" aria-label=organisation.organisation.clone()>
                <h2>{organisation.organisation.clone()}</h2>
                {(!organisation.waiting.is_empty()).then(|| view! { <Waiting rows=organisation.waiting.clone() /> })}
                {if organisation.budgets.is_empty() {
                    view! { <p>{move_tr!("budgets-empty")}</p> }.into_any()
                } else {
                    organisation.budgets.into_iter().map(|row| view! {
                        <BudgetCard row may_manage save remove />
                    }).collect_view().into_any()
                }}
            </section>
        }).collect_view()}
        {may_manage.then(|| view! {
            <section class="panel" aria-labelledby="budget-add-heading">
                <h2 id="budget-add-heading">{move_tr!("budget-add")}</h2>
                <BudgetFields row=None today action=save />
            </section>
        })}
    }
}

#[component]
fn Waiting(rows: Vec<WaitingExpense>) -> impl IntoView {
    view! {
        <h3>{move_tr!("budgets-waiting")}</h3>
        <ul class="plain-list">
            {rows.into_iter().map(|row| {
                let (category, cents) = (row.category, row.amount_cents);
                view! {
                    <li>
                        <a href=spending_path(&row.code) class="code">{row.code.clone()}</a>
                        " · " {move || category_name(category)} " · " {move || euros(cents)}
                        " · " {day(row.spent_on)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn BudgetCard(
    row: BudgetRow,
    may_manage: bool,
    save: ServerAction<SaveBudget>,
    remove: ServerAction<RemoveBudget>,
) -> impl IntoView {
    let heading = format!("budget-{}", row.id);
    let left = row.left_cents();
    let (amount, spent, waiting) = (row.amount_cents, row.spent_cents, row.waiting_cents);
    let people = row.people;
    let workbook = budget_workbook_path(row.id);
    let id = row.id.to_string();
    let starts_on = row.starts_on;
    view! {
        <article class="child-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {row.project.clone()} " · " {day(row.starts_on)} " – " {day(row.ends_on)}
            </h3>
            <h4>{move_tr!("spending-sheet-summary")}</h4>
            <dl class="facts">
                <dt>{move_tr!("budget-field-amount")}</dt>
                <dd class="number">{move || euros(amount)}</dd>
                <dt>{move_tr!("budget-spent")}</dt>
                <dd class="number">{move || euros(spent)}</dd>
                <dt>{move_tr!("budget-waiting")}</dt>
                <dd class="number">{move || euros(waiting)}</dd>
                <dt><strong>{move_tr!("budget-left")}</strong></dt>
                <dd class="number" class:overdue=move || left < 0><strong>{move || euros(left)}</strong></dd>
                <dt>{move_tr!("budget-people")}</dt>
                <dd class="number">{people}</dd>
            </dl>
            <table class="data-table">
                <caption>{move_tr!("budget-by-category")}</caption>
                <thead><tr>
                    <th scope="col">{move_tr!("spending-field-category")}</th>
                    <th scope="col" class="number">{move_tr!("budget-spent")}</th>
                </tr></thead>
                <tbody>
                    {row.by_category.clone().into_iter().map(|(category, cents)| view! {
                        <tr>
                            <th scope="row">{move || category_name(category)}</th>
                            <td class="number" data-label=move || tr!("budget-spent")>{move || euros(cents)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!row.lines.is_empty()).then(|| view! { <LedgerLines lines=row.lines.clone() /> })}
            <p class="button-row">
                <a class="button secondary" href=workbook download="">{move_tr!("budget-workbook")}</a>
            </p>
            {may_manage.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("budget-update")}</summary>
                    <BudgetFields row=Some(row.clone()) today=starts_on action=save />
                </details>
                <details class="more-details">
                    <summary>{move_tr!("budget-remove")}</summary>
                    <ActionForm action=remove attr:class="stack-form">
                        <input type="hidden" name="budget" value=id.clone() />
                        <p class="hint">{move_tr!("budget-remove-hint")}</p>
                        <Submit action=remove class="button danger">{move_tr!("budget-remove-confirm")}</Submit>
                    </ActionForm>
                </details>
            })}
        </article>
    }
}

/// The expenses of a budget's period, as in its workbook, folded away.
#[component]
fn LedgerLines(lines: Vec<LedgerLine>) -> impl IntoView {
    let count = lines.len();
    view! {
        <details class="more-details">
            <summary>{move_tr!("spending-sheet-lines")} " (" {count} ")"</summary>
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{move_tr!("spending-field-spent-on")}</th>
                    <th scope="col">{move_tr!("spending-field-person")}</th>
                    <th scope="col">{move_tr!("spending-field-category")}</th>
                    <th scope="col" class="number">{move_tr!("spending-field-amount")}</th>
                    <th scope="col">{move_tr!("spending-field-receipt")}</th>
                    <th scope="col">{move_tr!("spending-field-recorded-by")}</th>
                    <th scope="col">{move_tr!("spending-field-approved-by")}</th>
                    <th scope="col">{move_tr!("spending-field-approved-on")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let (category, cents, receipt) = (line.category, line.amount_cents, line.receipt);
                        let (approver, approved_on) = match line.approved {
                            Some((name, on)) => (name.into_any(), day(on).into_any()),
                            None => (move_tr!("spending-waiting").into_any(), "—".into_any()),
                        };
                        view! {
                            <tr>
                                <td data-label=move || tr!("spending-field-spent-on")>{day(line.spent_on)}</td>
                                <td data-label=move || tr!("spending-field-person")>
                                    <a href=spending_path(&line.code) class="code">{line.code.clone()}</a>
                                </td>
                                <td data-label=move || tr!("spending-field-category")>{move || category_name(category)}</td>
                                <td class="number" data-label=move || tr!("spending-field-amount")>{move || euros(cents)}</td>
                                <td data-label=move || tr!("spending-field-receipt")>
                                    {move || if receipt { tr!("spending-receipt-yes") } else { tr!("spending-receipt-no") }}
                                </td>
                                <td data-label=move || tr!("spending-field-recorded-by")>{line.recorded_by.clone()}</td>
                                <td data-label=move || tr!("spending-field-approved-by")>{approver}</td>
                                <td data-label=move || tr!("spending-field-approved-on")>{approved_on}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

/// The form of a budget: empty for a new one, filled in to change one.
#[component]
fn BudgetFields(
    row: Option<BudgetRow>,
    today: chrono::NaiveDate,
    action: ServerAction<SaveBudget>,
) -> impl IntoView {
    let key = row.as_ref().map_or("new".to_string(), |r| r.id.to_string());
    let id = move |name: &str| format!("budget-{name}-{key}");
    let record = row.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
    let project = row.as_ref().map(|r| r.project.clone()).unwrap_or_default();
    let starts_on = row
        .as_ref()
        .map_or(today.to_string(), |r| r.starts_on.to_string());
    let ends_on = row
        .as_ref()
        .map(|r| r.ends_on.to_string())
        .unwrap_or_default();
    let amount = row
        .as_ref()
        .map(|r| cents_field(r.amount_cents, &interface_language()))
        .unwrap_or_default();
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="form[record]" value=record />
            <div class="field">
                <label for=id("project")>{move_tr!("budget-field-project")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id=id("project") type="text" name="form[project]" required=true maxlength=MAX_PROJECT.to_string() value=project aria-describedby=id("project-hint") />
                <p class="hint" id=id("project-hint")>{move_tr!("budget-project-hint")}</p>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for=id("starts")>{move_tr!("budget-field-starts-on")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("starts") type="date" name="form[starts_on]" required=true value=starts_on />
                </div>
                <div class="field">
                    <label for=id("ends")>{move_tr!("budget-field-ends-on")} <span class="required" aria-hidden="true">" *"</span></label>
                    <input id=id("ends") type="date" name="form[ends_on]" required=true value=ends_on />
                </div>
            </div>
            <div class="field">
                <label for=id("amount")>{move_tr!("budget-field-amount")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id=id("amount") type="text" inputmode="decimal" name="form[amount]" required=true maxlength="16" value=amount aria-describedby=id("amount-hint") />
                <p class="hint" id=id("amount-hint")>{move_tr!("spending-amount-hint")}</p>
            </div>
            <div class="form-actions">
                <Submit action class="button primary">{move_tr!("budget-send")}</Submit>
            </div>
        </ActionForm>
    }
}
