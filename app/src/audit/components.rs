//! The audit page: filters by who, what, outcome and dates, newest first, paged.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::ui::forms::{coded_choices, urlencode, FilterSelect};

use super::api::audit_entries;
use super::model::{AuditFilter, AuditPage, Outcome, KNOWN_ACTIONS};
use crate::ui::errors::ErrorPanel;
use crate::ui::pages::Loading;
use crate::ui::time::moment;

/// An outcome code as stored in the audit trail, in words.
pub fn outcome_text(code: &str) -> String {
    Outcome::from_code(code)
        .map(outcome_name)
        .unwrap_or_else(|| code.to_string())
}

fn outcome_name(outcome: Outcome) -> String {
    match outcome {
        Outcome::Success => tr!("audit-outcome-success"),
        Outcome::Denied => tr!("audit-outcome-denied"),
        Outcome::Failure => tr!("audit-outcome-failure"),
        Outcome::Conflict => tr!("audit-outcome-conflict"),
    }
}

/// What happened, in words; an action this page does not know yet shows its code.
pub fn action_name(action: &str) -> String {
    match action.split('.').next() {
        Some("plan") => plan_action_name(action),
        Some("forum") => forum_action_name(action),
        Some("path" | "spending") => path_action_name(action),
        _ => general_action_name(action),
    }
}

/// Accounts, people, beds, reports and the rest.
fn general_action_name(action: &str) -> String {
    match action {
        "auth.sign_in" => tr!("action-sign-in"),
        "auth.sign_out" => tr!("action-sign-out"),
        "auth.password.change" => tr!("action-password-change"),
        "auth.session.end" => tr!("action-session-end"),
        "access.denied" => tr!("action-access-denied"),
        "organisation.create" => tr!("action-organisation-create"),
        "organisation.update" => tr!("action-organisation-update"),
        "user.create" => tr!("action-user-create"),
        "user.update" => tr!("action-user-update"),
        "user.disable" => tr!("action-user-disable"),
        "user.enable" => tr!("action-user-enable"),
        "user.language" => tr!("action-user-language"),
        "demo.load" => tr!("action-demo-load"),
        "contact.create" => tr!("action-contact-create"),
        "contact.resend" => tr!("action-contact-resend"),
        "people.list" => tr!("action-people-list"),
        "people.search" => tr!("action-people-search"),
        "person.create" => tr!("action-person-create"),
        "person.view" => tr!("action-person-view"),
        "person.identity.view" => tr!("action-person-identity-view"),
        "person.identity.update" => tr!("action-person-identity-update"),
        "person.path.update" => tr!("action-person-path-update"),
        "person.organisation.add" => tr!("action-person-organisation-add"),
        "person.organisation.add_override" => tr!("action-person-organisation-add-override"),
        "person.organisation.remove" => tr!("action-person-organisation-remove"),
        "person.reference.update" => tr!("action-person-reference-update"),
        "person.consent.record" => tr!("action-person-consent-record"),
        "person.consent.withdraw" => tr!("action-person-consent-withdraw"),
        "person.screening.start" => tr!("action-person-screening-start"),
        "person.export" => tr!("action-person-export"),
        "board.view" => tr!("action-board-view"),
        "bed.place" => tr!("action-bed-place"),
        "bed.move" => tr!("action-bed-move"),
        "bed.discharge" => tr!("action-bed-discharge"),
        "bed.hold" => tr!("action-bed-hold"),
        "bed.create" => tr!("action-bed-create"),
        "bed.delete" => tr!("action-bed-delete"),
        "bed.room" => tr!("action-bed-room"),
        "room.create" => tr!("action-room-create"),
        "room.update" => tr!("action-room-update"),
        "room.delete" => tr!("action-room-delete"),
        "structure.create" => tr!("action-structure-create"),
        "structure.timeline" => tr!("action-structure-timeline"),
        "structure.update" => tr!("action-structure-update"),
        "bed.release" => tr!("action-bed-release"),
        "bed.out_of_service" => tr!("action-bed-out-of-service"),
        "bed.in_service" => tr!("action-bed-in-service"),
        "structure.address.reveal" => tr!("action-structure-address-reveal"),
        "person.duplicate.link" => tr!("action-person-duplicate-link"),
        "people.duplicates" => tr!("action-people-duplicates"),
        "person.contact.link" => tr!("action-person-contact-link"),
        "person.anonymise" => tr!("action-person-anonymise"),
        "person.waiting.add" => tr!("action-person-waiting-add"),
        "person.waiting.withdraw" => tr!("action-person-waiting-withdraw"),
        "waiting.list" => tr!("action-waiting-list"),
        "person.screening.create" => tr!("action-person-screening-create"),
        "checklist.draft" => tr!("action-checklist-draft"),
        "checklist.edit" => tr!("action-checklist-edit"),
        "checklist.publish" => tr!("action-checklist-publish"),
        "report.view" => tr!("action-report-view"),
        "report.print" => tr!("action-report-print"),
        "report.export" => tr!("action-report-export"),
        "report.dashboards" => tr!("action-report-dashboards"),
        "report.figure" => tr!("action-report-figure"),
        "auth.password.reset" => tr!("action-auth-password-reset"),
        "auth.password.reset_request" => tr!("action-auth-password-reset-request"),
        "bed.undo" => tr!("action-bed-undo"),
        "notifications.email" => tr!("action-notifications-email"),
        "notifications.unsubscribe" => tr!("action-notifications-unsubscribe"),
        "organisation.save" => tr!("action-organisation-save"),
        "person.authorisation.record" => tr!("action-person-authorisation-record"),
        "person.authorisation.withdraw" => tr!("action-person-authorisation-withdraw"),
        "person.bed.hold" => tr!("action-person-bed-hold"),
        "person.contact.list" => tr!("action-person-contact-list"),
        "person.kept_apart.add" => tr!("action-person-kept-apart-add"),
        "person.kept_apart.remove" => tr!("action-person-kept-apart-remove"),
        "person.safeguards.view" => tr!("action-person-safeguards-view"),
        "person.timeline.view" => tr!("action-person-timeline-view"),
        other => other.to_string(),
    }
}

/// The personalised project's actions.
fn plan_action_name(action: &str) -> String {
    match action {
        "plan.action.add" => tr!("action-plan-action-add"),
        "plan.action.update" => tr!("action-plan-action-update"),
        "plan.assessment.save" => tr!("action-plan-assessment-save"),
        "plan.diary.add" => tr!("action-plan-diary-add"),
        "plan.diary.view" => tr!("action-plan-diary-view"),
        "plan.exit" => tr!("action-plan-exit"),
        "plan.family.joint_work" => tr!("action-plan-family-joint-work"),
        "plan.family.need" => tr!("action-plan-family-need"),
        "plan.family.view" => tr!("action-plan-family-view"),
        "plan.goal.add" => tr!("action-plan-goal-add"),
        "plan.goal.status" => tr!("action-plan-goal-status"),
        "plan.my_work.view" => tr!("action-plan-my-work-view"),
        "plan.open" => tr!("action-plan-open"),
        "plan.permit.convert" => tr!("action-plan-permit-convert"),
        "plan.permit.save" => tr!("action-plan-permit-save"),
        "plan.phase" => tr!("action-plan-phase"),
        "plan.print" => tr!("action-plan-print"),
        "plan.review.record" => tr!("action-plan-review-record"),
        "plan.review.schedule" => tr!("action-plan-review-schedule"),
        "plan.service.active" => tr!("action-plan-service-active"),
        "plan.service.add" => tr!("action-plan-service-add"),
        "plan.team.add" => tr!("action-plan-team-add"),
        "plan.team.remove" => tr!("action-plan-team-remove"),
        "plan.version.agree" => tr!("action-plan-version-agree"),
        "plan.version.approve" => tr!("action-plan-version-approve"),
        "plan.versions.view" => tr!("action-plan-versions-view"),
        "plan.view" => tr!("action-plan-view"),
        "plan.work.add" => tr!("action-plan-work-add"),
        "plan.work.update" => tr!("action-plan-work-update"),
        other => other.to_string(),
    }
}

/// The forum's and its library's actions.
fn forum_action_name(action: &str) -> String {
    match action {
        "forum.answer.accept" => tr!("action-forum-answer-accept"),
        "forum.attachment.add" => tr!("action-forum-attachment-add"),
        "forum.attachment.remove" => tr!("action-forum-attachment-remove"),
        "forum.denied" => tr!("action-forum-denied"),
        "forum.draft.discard" => tr!("action-forum-draft-discard"),
        "forum.draft.publish" => tr!("action-forum-draft-publish"),
        "forum.material.create" => tr!("action-forum-material-create"),
        "forum.material.publish" => tr!("action-forum-material-publish"),
        "forum.material.version.discard" => tr!("action-forum-material-version-discard"),
        "forum.material.version.publish" => tr!("action-forum-material-version-publish"),
        "forum.material.version.save" => tr!("action-forum-material-version-save"),
        "forum.material.version.start" => tr!("action-forum-material-version-start"),
        "forum.moderator.add" => tr!("action-forum-moderator-add"),
        "forum.moderator.remove" => tr!("action-forum-moderator-remove"),
        "forum.moderator.set" => tr!("action-forum-moderator-set"),
        "forum.post.edit" => tr!("action-forum-post-edit"),
        "forum.post.flag" => tr!("action-forum-post-flag"),
        "forum.post.moderate" => tr!("action-forum-post-moderate"),
        "forum.reply" => tr!("action-forum-reply"),
        "forum.rule.set" => tr!("action-forum-rule-set"),
        "forum.thread.create" => tr!("action-forum-thread-create"),
        "forum.thread.moderate" => tr!("action-forum-thread-moderate"),
        other => other.to_string(),
    }
}

/// The actions of the rest of a person's path.
fn path_action_name(action: &str) -> String {
    match action {
        "path.commission.view" => tr!("action-path-commission-view"),
        "path.commission.request" => tr!("action-path-commission-request"),
        "path.commission.referral" => tr!("action-path-commission-referral"),
        "path.judicial.view" => tr!("action-path-judicial-view"),
        "path.judicial.proceedings" => tr!("action-path-judicial-proceedings"),
        "path.judicial.hearing" => tr!("action-path-judicial-hearing"),
        "path.minors.view" => tr!("action-path-minors-view"),
        "path.minors.procedures" => tr!("action-path-minors-procedures"),
        "path.minors.communication" => tr!("action-path-minors-communication"),
        "path.documents.view" => tr!("action-path-documents-view"),
        "path.documents.add" => tr!("action-path-documents-add"),
        "path.documents.download" => tr!("action-path-documents-download"),
        "path.documents.remove" => tr!("action-path-documents-remove"),
        "path.spending.view" => tr!("action-path-spending-view"),
        "path.spending.expense" => tr!("action-path-spending-expense"),
        "path.spending.approve" => tr!("action-path-spending-approve"),
        "path.spending.remove" => tr!("action-path-spending-remove"),
        "spending.budgets.view" => tr!("action-spending-budgets-view"),
        "spending.budget.save" => tr!("action-spending-budget-save"),
        "spending.budget.remove" => tr!("action-spending-budget-remove"),
        "spending.workbook" => tr!("action-spending-workbook"),
        "path.transfers.view" => tr!("action-path-transfers-view"),
        "path.transfers.outgoing" => tr!("action-path-transfers-outgoing"),
        "path.transfers.incoming" => tr!("action-path-transfers-incoming"),
        other => other.to_string(),
    }
}

fn object_name(object_type: &str) -> String {
    match object_type {
        "user" => tr!("object-user"),
        "organisation" => tr!("object-organisation"),
        "server_function" => tr!("object-function"),
        "account" => tr!("object-account"),
        "network" => tr!("object-network"),
        "contact" => tr!("object-contact"),
        "person" => tr!("object-person"),
        "checklist" => tr!("object-checklist"),
        "board" => tr!("object-board"),
        "bed" => tr!("object-bed"),
        "structure" => tr!("object-structure"),
        "report" => tr!("object-report"),
        "budget" => tr!("object-budget"),
        other => other.to_string(),
    }
}

fn detail_text(detail: &str) -> String {
    match detail {
        "wrong_password" => tr!("detail-wrong-password"),
        "unknown_account" => tr!("detail-unknown-account"),
        "inactive" => tr!("detail-inactive"),
        "throttled" => tr!("detail-throttled"),
        "organisation_inactive" => tr!("detail-organisation-inactive"),
        other => other.to_string(),
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        AuditFilter {
            actor_email: q.get("chi").unwrap_or_default(),
            action: q.get("azione").unwrap_or_default(),
            outcome: q.get("esito").unwrap_or_default(),
            from: q.get("dal").unwrap_or_default(),
            to: q.get("al").unwrap_or_default(),
            page: q
                .get("pagina")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(1)
                .saturating_sub(1),
        }
    });
    let entries = Resource::new(move || filter.get(), audit_entries);
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-audit")
        }) />
        <h1>{move_tr!("nav-audit")}</h1>
        <p class="lead">{move_tr!("audit-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match entries.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => {
                        let filter = filter.get_untracked();
                        view! {
                            <AuditFilterForm filter=filter.clone() />
                            <AuditTable page filter />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn AuditFilterForm(filter: AuditFilter) -> impl IntoView {
    view! {
        <form method="get" class="filters" role="search">
            <div class="field">
                <label for="audit-who">{move_tr!("audit-who")}</label>
                <input id="audit-who" name="chi" type="search" value=filter.actor_email.clone() />
            </div>
            <FilterSelect label=move_tr!("audit-action") id="audit-action" name="azione"
                choices=action_choices() current=filter.action.clone() />
            <FilterSelect label=move_tr!("audit-outcome") id="audit-outcome" name="esito"
                choices=coded_choices(&Outcome::ALL, Outcome::code, outcome_name) current=filter.outcome.clone() />
            <div class="field">
                <label for="audit-from">{move_tr!("audit-from")}</label>
                <input id="audit-from" name="dal" type="date" value=filter.from.clone() />
            </div>
            <div class="field">
                <label for="audit-to">{move_tr!("audit-to")}</label>
                <input id="audit-to" name="al" type="date" value=filter.to.clone() />
            </div>
            <Submit class="button secondary">{move_tr!("filter-apply")}</Submit>
        </form>
    }
}

/// The actions the trail knows, by their names in the reader's language.
fn action_choices() -> Vec<(String, Signal<String>)> {
    KNOWN_ACTIONS
        .into_iter()
        .map(|action| {
            (
                action.to_string(),
                Signal::derive(move || action_name(action)),
            )
        })
        .collect()
}

fn page_link(filter: &AuditFilter, page: u64) -> String {
    let params = [
        ("chi", filter.actor_email.as_str()),
        ("azione", filter.action.as_str()),
        ("esito", filter.outcome.as_str()),
        ("dal", filter.from.as_str()),
        ("al", filter.to.as_str()),
    ];
    let mut link = format!("?pagina={}", page + 1);
    for (name, value) in params.into_iter().filter(|(_, v)| !v.is_empty()) {
        link.push_str(&format!("&{name}={}", urlencode(value)));
    }
    link
}

#[component]
fn AuditTable(page: AuditPage, filter: AuditFilter) -> impl IntoView {
    let AuditPage {
        entries,
        page: current,
        pages,
        total,
    } = page;
    view! {
        <div class="table-wrap">
            <table>
                <caption>{move_tr!("audit-caption", { "count" => total })}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move_tr!("audit-when")}</th>
                        <th scope="col">{move_tr!("audit-who")}</th>
                        <th scope="col">{move_tr!("audit-action")}</th>
                        <th scope="col">{move_tr!("audit-object")}</th>
                        <th scope="col">{move_tr!("audit-outcome")}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries
                        .into_iter()
                        .map(|entry| {
                            let outcome = entry.outcome;
                            let who = entry.actor.clone().unwrap_or_else(|| "—".to_string());
                            let action = entry.action.clone();
                            let object_type = entry.object_type.clone();
                            let detail = entry.detail.clone();
                            view! {
                                <tr>
                                    <th scope="row">
                                        {moment(entry.occurred_at)}
                                    </th>
                                    <td data-label=move || tr!("audit-who")>
                                        {who}
                                        {entry.organisation.map(|o| view! { <br /><small>{o}</small> })}
                                    </td>
                                    <td data-label=move || tr!("audit-action")>
                                        {move || action_name(&action)}
                                        {detail.clone().map(|d| view! { <br /><small>{move || detail_text(&d)}</small> })}
                                    </td>
                                    <td data-label=move || tr!("audit-object")>
                                        {move || object_name(&object_type)} " " {entry.object_id.clone().unwrap_or_default()}
                                    </td>
                                    <td data-label=move || tr!("audit-outcome")>
                                        <span class=format!("badge badge-{}", outcome.code())>{move || outcome_name(outcome)}</span>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=move_tr!("pager-label")>
            {(current > 0).then(|| view! { <a href=page_link(&filter, current - 1)>{move_tr!("pager-previous")}</a> })}
            <span>{move_tr!("pager-position", { "page" => current + 1, "pages" => pages.max(1) })}</span>
            {(current + 1 < pages).then(|| view! { <a href=page_link(&filter, current + 1)>{move_tr!("pager-next")}</a> })}
        </nav>
    }
}
