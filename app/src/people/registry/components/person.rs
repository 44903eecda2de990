//! A person's page: identity, path, team, consents, rights and the access log.

use super::*;
use crate::people::components::exploitation_options;
use crate::ui::submit::Submit;
use crate::ui::time::{moment, optional_day};

#[component]
pub fn PersonDetailPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let identity = ServerAction::<SaveIdentity>::new();
    let path = ServerAction::<SavePath>::new();
    let add = ServerAction::<AddOrganisationInCharge>::new();
    let remove = ServerAction::<RemoveOrganisationInCharge>::new();
    let reference = ServerAction::<SetReferenceOperator>::new();
    let consent = ServerAction::<RecordConsent>::new();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let wait = ServerAction::<AddToWaitingList>::new();
    let unwait = ServerAction::<WithdrawFromWaitingList>::new();
    let anonymise = ServerAction::<AnonymisePerson>::new();
    let versions = move || {
        (
            identity.version().get(),
            path.version().get(),
            add.version().get(),
            remove.version().get(),
            reference.version().get(),
            consent.version().get(),
            withdraw.version().get(),
            wait.version().get(),
            unwait.version().get(),
            anonymise.version().get(),
        )
    };
    let data = Resource::new(
        move || (code.get(), versions()),
        |(code, _)| fetch_person(code),
    );
    let actions = PersonActions {
        identity,
        path,
        add,
        remove,
        reference,
        consent,
        withdraw,
        wait,
        unwait,
        anonymise,
    };
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "person-title", { "code" => code.get() })
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <PersonView page actions /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
pub struct PersonActions {
    pub(super) identity: ServerAction<SaveIdentity>,
    pub(super) path: ServerAction<SavePath>,
    pub(super) add: ServerAction<AddOrganisationInCharge>,
    pub(super) remove: ServerAction<RemoveOrganisationInCharge>,
    pub(super) reference: ServerAction<SetReferenceOperator>,
    pub(super) consent: ServerAction<RecordConsent>,
    pub(super) withdraw: ServerAction<WithdrawConsent>,
    pub(super) wait: ServerAction<AddToWaitingList>,
    pub(super) unwait: ServerAction<WithdrawFromWaitingList>,
    pub(super) anonymise: ServerAction<AnonymisePerson>,
}

#[component]
pub(super) fn PersonView(page: PersonPage, actions: PersonActions) -> impl IntoView {
    let code = page.person.code.clone();
    let who = who_text(&page.person);
    let status = page.person.status;
    let exit = page.exit_outcome;
    let kinds = page.person.exploitation.clone();
    view! {
        <p><a href="/persone">{move_tr!("back-to-people")}</a></p>
        <h1>
            <span class="code">{code.clone()}</span>
            " "
            <span class="badge">{move || status_name(status)}</span>
        </h1>
        <p class="lead">{who} " · " {move || kinds_text(&kinds)}</p>
        {page.person.anonymised.then(|| view! { <p class="notice" role="status">{move_tr!("person-anonymised")}</p> })}
        {page.coming_of_age_in_days.map(|days| view! {
            <p class="notice warning" role="status">{move_tr!("person-coming-of-age", { "days" => days })}</p>
        })}
        {page.possible_duplicate.then(|| view! {
            <p class="notice warning" role="status">{move_tr!("person-possible-duplicate")}</p>
        })}
        {page.duplicate_of.clone().map(|other| view! {
            <p class="notice">{move_tr!("person-linked-to", { "code" => other.clone() })}</p>
        })}
        {page.may_manage.then(|| {
            let plan = format!("/persone/{code}/progetto");
            let diary = format!("/persone/{code}/diario");
            let commission = format!("/persone/{code}/commissione");
            let documents = format!("/persone/{code}/documenti");
            let spending = format!("/persone/{code}/spese");
            let transfers = format!("/persone/{code}/trasferimenti");
            let judicial = page.reads_judicial.then(|| format!("/persone/{code}/giudiziario"));
            // Minors' procedures: for a minor, or a person whose age is being assessed.
            let minors = (page.person.minor || page.unaccompanied).then(|| format!("/persone/{code}/minore"));
            view! {
                <p class="button-row">
                    <a class="button primary" href=plan>{move_tr!("person-plan-link")}</a>
                    <a class="button secondary" href=diary>{move_tr!("person-diary-link")}</a>
                </p>
                <nav class="path-links" aria-label=move_tr!("person-path-records")>
                    <p class="button-row">
                        <a class="button secondary" href=commission>{move_tr!("person-commission-link")}</a>
                        <a class="button secondary" href=documents>{move_tr!("person-documents-link")}</a>
                        <a class="button secondary" href=spending>{move_tr!("person-spending-link")}</a>
                        <a class="button secondary" href=transfers>{move_tr!("person-transfers-link")}</a>
                        {judicial.map(|href| view! {
                            <a class="button secondary" href=href>{move_tr!("person-judicial-link")}</a>
                        })}
                        {minors.map(|href| view! {
                            <a class="button secondary" href=href>{move_tr!("person-minors-link")}</a>
                        })}
                    </p>
                </nav>
            }
        })}
        <div class="person-grid">
            <IdentitySection page=page.clone() action=actions.identity />
            <section class="panel">
                <h2>{move_tr!("person-path")}</h2>
                <dl class="facts">
                    <dt>{move_tr!("field-status")}</dt>
                    <dd>{move || status_name(status)}</dd>
                    {exit.map(|outcome| view! {
                        <dt>{move_tr!("field-exit-outcome")}</dt>
                        <dd>{move || exit_outcome_name(outcome)}</dd>
                    })}
                    <dt>{move_tr!("field-province-in-charge")}</dt>
                    <dd>{page.province.clone()}</dd>
                    {page.family_head.clone().map(|head| view! {
                        <dt>{move_tr!("field-family-head")}</dt>
                        <dd><a href=format!("/persone/{head}") class="code">{head.clone()}</a></dd>
                    })}
                    {(!page.children.is_empty()).then(|| view! {
                        <dt>{move_tr!("person-children")}</dt>
                        <dd>{page.children.iter().map(|c| view! { <a href=format!("/persone/{c}") class="code">{c.clone()}</a>" " }).collect_view()}</dd>
                    })}
                </dl>
                {page.may_manage.then(|| view! { <PathForm page=page.clone() action=actions.path /> })}
            </section>
            <TeamSection page=page.clone() actions />
            <ScreeningList rows=page.screenings.clone() code=page.person.code.clone() may_screen=page.may_manage />
            <WaitingSection
                code=page.person.code.clone()
                entry=page.waiting.clone()
                may_manage=page.may_manage
                is_coordinator=page.is_coordinator
                minor=page.person.minor
                add=actions.wait
                withdraw=actions.unwait
            />
            {page.may_manage.then(|| view! { <crate::beds::safeguards::SafeguardsSection code=page.person.code.clone() /> })}
            <ConsentSection page=page.clone() actions />
            {(page.access == PersonAccess::Identity && !page.person.anonymised).then(|| view! { <RightsSection code=page.person.code.clone() action=actions.anonymise /> })}
            {(page.access == PersonAccess::Identity).then(|| view! { <AccessLog rows=page.access_log.clone() /> })}
        </div>
    }
}

#[component]
pub(super) fn IdentitySection(
    page: PersonPage,
    action: ServerAction<SaveIdentity>,
) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let Some(identity) = page.identity.clone() else {
        return view! {
            <section class="panel">
                <h2>{move_tr!("person-identity")}</h2>
                <p class="notice">{move_tr!("person-identity-hidden")}</p>
            </section>
        }
        .into_any();
    };
    let shown = identity.clone();
    let field = |value: Option<String>| value.unwrap_or_else(|| "—".to_string());
    let edit = page.may_manage.then(|| {
        let code = page.person.code.clone();
        let province = page.province.clone();
        view! {
            <details class="more-details">
                <summary>{move_tr!("person-identity-edit")}</summary>
                <ActionForm action>
                    <FormErrorSummary error />
                    <input type="hidden" name="code" value=code />
                    <input type="hidden" name="form[province]" value=province />
                    <IdentityFields current=Some(identity.clone()) gender=Some(page.person.gender) minor=page.person.minor && identity.date_of_birth.is_none() unaccompanied=page.unaccompanied error />
                    <div class="form-actions">
                        <Submit action=action class="button primary">{move_tr!("save")}</Submit>
                    </div>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="panel identity" data-identity="shown">
            <h2>{move_tr!("person-identity")}</h2>
            <p class="hint">{move_tr!("person-identity-logged")}</p>
            <dl class="facts">
                <dt>{move_tr!("field-family-name")}</dt><dd>{shown.family_name.clone()}</dd>
                <dt>{move_tr!("field-given-names")}</dt><dd>{shown.given_names.clone()}</dd>
                <dt>{move_tr!("field-aliases")}</dt><dd>{field(shown.aliases.clone())}</dd>
                <dt>{move_tr!("field-date-of-birth")}</dt>
                <dd>{optional_day(shown.date_of_birth)}</dd>
                <dt>{move_tr!("field-nationality")}</dt>
                <dd>{move || shown.nationality.map(nationality_name).unwrap_or_else(|| "—".into())}</dd>
                <dt>{move_tr!("field-languages")}</dt><dd>{field(shown.languages.clone())}</dd>
                <dt>{move_tr!("field-documents")}</dt><dd>{field(shown.documents.clone())}</dd>
                <dt>{move_tr!("field-phone")}</dt><dd>{field(shown.phone.clone())}</dd>
                <dt>{move_tr!("field-guardian")}</dt><dd>{field(shown.guardian.clone())}</dd>
            </dl>
            {edit}
        </section>
    }
    .into_any()
}

#[component]
pub(super) fn PathForm(page: PersonPage, action: ServerAction<SavePath>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let statuses: Vec<(String, String)> = PathStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), status_name(*s)))
        .collect();
    let outcomes: Vec<(String, String)> = std::iter::once((String::new(), "—".to_string()))
        .chain(
            ExitOutcome::ALL
                .iter()
                .map(|o| (o.code().to_string(), exit_outcome_name(*o))),
        )
        .collect();
    let kinds = exploitation_options(&page.person.exploitation);
    view! {
        <details class="more-details">
            <summary>{move_tr!("person-path-edit")}</summary>
            <ActionForm action>
                <FormErrorSummary error />
                <input type="hidden" name="code" value=page.person.code.clone() />
                <SelectField label=move_tr!("field-status") name="form[status]" options=statuses selected=page.person.status.code().to_string() error />
                <SelectField label=move_tr!("field-exit-outcome") name="form[exit_outcome]" options=outcomes selected=page.exit_outcome.map(|o| o.code().to_string()).unwrap_or_default() error />
                <Choices legend=move_tr!("field-exploitation") name="form[exploitation]" key="exploitation" kind="checkbox" options=kinds error />
                <div class="form-actions">
                    <Submit action=action class="button primary">{move_tr!("save")}</Submit>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn TeamSection(page: PersonPage, actions: PersonActions) -> impl IntoView {
    let add_error = Signal::derive(move || actions.add.value().get().and_then(|r| r.err()));
    let remove_error = Signal::derive(move || actions.remove.value().get().and_then(|r| r.err()));
    let reference_error =
        Signal::derive(move || actions.reference.value().get().and_then(|r| r.err()));
    let code = page.person.code.clone();
    let can_remove = (page.may_manage || page.is_coordinator) && page.in_charge.len() > 1;
    let rows = page.in_charge.clone().into_iter().map(|row| {
        let code = code.clone();
        view! {
            <li>
                <strong>{row.organisation.clone()}</strong>
                <br />
                {match row.reference.clone() {
                    Some(name) => view! { <span>{move_tr!("person-reference", { "name" => name.clone() })}</span> }.into_any(),
                    None => view! { <span class="hint">{move_tr!("person-no-reference")}</span> }.into_any(),
                }}
                " · " {move_tr!("person-since")} " " {day(row.since)}
                {can_remove.then(|| view! {
                    <ActionForm action=actions.remove attr:class="inline-form">
                        <input type="hidden" name="code" value=code.clone() />
                        <input type="hidden" name="organisation_id" value=row.organisation_id.to_string() />
                        <Submit action=actions.remove class="button small">{move_tr!("person-remove-organisation")}</Submit>
                    </ActionForm>
                })}
            </li>
        }
    }).collect_view();
    let reference_code = code.clone();
    let reference_form = (page.may_manage && !page.reference_choices.is_empty()).then(move || view! {
        <ActionForm action=actions.reference>
            <FormErrorSummary error=reference_error />
            <input type="hidden" name="code" value=reference_code />
            <SelectField label=move_tr!("field-reference-operator") name="reference_user_id" options=page.reference_choices.iter().map(|(id, name)| (id.to_string(), name.clone())).collect() selected=page.own_reference.map(|id| id.to_string()).unwrap_or_default() error=reference_error />
            {if page.own_reference.is_some() {
                view! {
                    <div class="field">
                        <label for="handover-note">{move_tr!("field-handover-note")}</label>
                        <p class="hint" id="handover-note-hint">{move_tr!("handover-note-hint")}</p>
                        <textarea id="handover-note" name="handover_note" rows="4" maxlength="4000" aria-describedby="handover-note-hint handover-note-error"></textarea>
                        {move || reference_error.get().and_then(|e| e.problem_for("handover_note")).map(|problem| view! {
                            <p class="field-error" id="handover-note-error">{problem_message(problem)}</p>
                        })}
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="handover_note" value="" /> }.into_any()
            }}
            <div class="form-actions"><Submit action=actions.reference class="button">{move_tr!("save")}</Submit></div>
        </ActionForm>
    });
    let in_charge_ids: Vec<i32> = page.in_charge.iter().map(|r| r.organisation_id).collect();
    let add_form = ((page.may_manage || page.is_coordinator) && !page.person.anonymised).then(|| {
        let options: Vec<(String, String)> = std::iter::once((String::new(), tr!("choose")))
            .chain(page.organisation_choices.iter().filter(|(id, _)| !in_charge_ids.contains(id)).map(|(id, name)| (id.to_string(), name.clone())))
            .collect();
        view! {
            <details class="more-details">
                <summary>{move_tr!("person-add-organisation")}</summary>
                <p class="hint">{move_tr!("person-add-organisation-hint")}</p>
                <ActionForm action=actions.add>
                    <FormErrorSummary error=add_error />
                    <input type="hidden" name="code" value=code.clone() />
                    <SelectField label=move_tr!("field-organisation") name="form[organisation_id]" options required=true error=add_error />
                    {page.is_coordinator.then(|| view! {
                        <TextField label=move_tr!("field-override-reason") name="form[override_reason]" hint=move_tr!("override-reason-hint") error=add_error />
                    })}
                    <div class="form-actions"><Submit action=actions.add class="button primary">{move_tr!("person-add-organisation")}</Submit></div>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="panel">
            <h2>{move_tr!("person-team")}</h2>
            <FormErrorSummary error=remove_error />
            <ul class="plain-list">{rows}</ul>
            {reference_form}
            {add_form}
        </section>
    }
}

#[component]
pub(super) fn ConsentSection(page: PersonPage, actions: PersonActions) -> impl IntoView {
    let error = Signal::derive(move || actions.consent.value().get().and_then(|r| r.err()));
    let withdraw_error =
        Signal::derive(move || actions.withdraw.value().get().and_then(|r| r.err()));
    let code = page.person.code.clone();
    let manage = page.may_manage;
    let rows = page.consents.clone().into_iter().map(|row| {
        let code = code.clone();
        let kind = row.kind;
        let active = row.withdrawn_on.is_none();
        view! {
            <tr>
                <th scope="row">{move || consent_kind_name(kind)} {row.organisation.clone().map(|o| format!(" — {o}"))}</th>
                <td data-label=move || tr!("field-given-on")>{day(row.given_on)}</td>
                <td data-label=move || tr!("field-withdrawn-on")>
                    {match row.withdrawn_on {
                        Some(date) => day(date).into_any(),
                        None => view! { <span class="badge badge-ok">{move_tr!("consent-active")}</span> }.into_any(),
                    }}
                </td>
                <td>
                    {(manage && active).then(|| view! {
                        <ActionForm action=actions.withdraw attr:class="inline-form">
                            <input type="hidden" name="code" value=code.clone() />
                            <input type="hidden" name="consent_id" value=row.id.to_string() />
                            <Submit action=actions.withdraw class="button small">{move_tr!("consent-withdraw")}</Submit>
                        </ActionForm>
                    })}
                </td>
            </tr>
        }
    }).collect_view();
    let kinds: Vec<(String, String)> = ConsentKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), consent_kind_name(*k)))
        .collect();
    let organisations: Vec<(String, String)> = std::iter::once((String::new(), "—".to_string()))
        .chain(
            page.organisation_choices
                .iter()
                .map(|(id, name)| (id.to_string(), name.clone())),
        )
        .collect();
    let today = chrono::Utc::now().date_naive().to_string();
    view! {
        <section class="panel">
            <h2>{move_tr!("person-consents")}</h2>
            <FormErrorSummary error=withdraw_error />
            {if page.consents.is_empty() {
                view! { <p>{move_tr!("consents-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{move_tr!("field-consent-kind")}</th>
                                <th scope="col">{move_tr!("field-given-on")}</th>
                                <th scope="col">{move_tr!("field-withdrawn-on")}</th>
                                <th scope="col"><span class="visually-hidden">{move_tr!("actions")}</span></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {manage.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("consent-record")}</summary>
                    <ActionForm action=actions.consent>
                        <FormErrorSummary error />
                        <input type="hidden" name="code" value=code.clone() />
                        <SelectField label=move_tr!("field-consent-kind") name="form[kind]" options=kinds error />
                        <SelectField label=move_tr!("field-consent-organisation") name="form[organisation_id]" options=organisations error />
                        <TextField label=move_tr!("field-given-on") name="form[given_on]" kind="date" value=today required=true error />
                        <div class="form-actions"><Submit action=actions.consent class="button primary">{move_tr!("consent-record")}</Submit></div>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

/// Export (JSON, CSV) and anonymisation: only for who sees the identity.
#[component]
pub(super) fn RightsSection(code: String, action: ServerAction<AnonymisePerson>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let reasons: Vec<(String, String)> = vec![
        ("request".to_string(), tr!("anonymise-request")),
        ("retention".to_string(), tr!("anonymise-retention")),
    ];
    view! {
        <section class="panel">
            <h2>{move_tr!("person-rights")}</h2>
            <p class="hint">{move_tr!("person-rights-hint")}</p>
            <p class="button-row">
                <a class="button" href=format!("/persone/{code}/esporta/json") download="">{move_tr!("person-export-json")}</a>
                " "
                <a class="button" href=format!("/persone/{code}/esporta/csv") download="">{move_tr!("person-export-csv")}</a>
            </p>
            <details class="more-details">
                <summary>{move_tr!("person-anonymise")}</summary>
                <ActionForm action>
                    <FormErrorSummary error />
                    <input type="hidden" name="code" value=code.clone() />
                    <SelectField label=move_tr!("field-anonymise-reason") name="reason" options=reasons error />
                    <div class="field field-check">
                        <input type="checkbox" id="anonymise-confirm" name="confirm" required=true />
                        <label for="anonymise-confirm">{move_tr!("field-anonymise-confirm")}</label>
                    </div>
                    <div class="form-actions"><Submit action=action class="button danger">{move_tr!("person-anonymise")}</Submit></div>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
pub(super) fn AccessLog(rows: Vec<AccessLogRow>) -> impl IntoView {
    view! {
        <section class="panel wide">
            <h2>{move_tr!("person-access-log")}</h2>
            <p class="hint">{move_tr!("person-access-log-hint")}</p>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{move_tr!("audit-when")}</th>
                        <th scope="col">{move_tr!("audit-who")}</th>
                        <th scope="col">{move_tr!("audit-action")}</th>
                        <th scope="col">{move_tr!("audit-outcome")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let when = row.occurred_at;
                            let action = row.action.clone();
                            let outcome = row.outcome.clone();
                            view! {
                                <tr>
                                    <th scope="row">{moment(when)}</th>
                                    <td data-label=move || tr!("audit-who")>{row.who.clone()} <br /><small>{row.organisation.clone()}</small></td>
                                    <td data-label=move || tr!("audit-action")>{move || crate::audit::components::action_name(&action)}</td>
                                    <td data-label=move || tr!("audit-outcome")>{move || crate::audit::components::outcome_text(&outcome)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
