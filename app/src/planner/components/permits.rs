//! Residence permits: the one the person holds, its renewal and its conversion.

use super::*;
use crate::ui::submit::Submit;

pub(crate) fn permit_route_name(route: PermitRoute) -> String {
    match route {
        PermitRoute::Judicial => tr!("permit-route-judicial"),
        PermitRoute::Social => tr!("permit-route-social"),
    }
}

#[component]
pub(super) fn PermitsSection(
    code: String,
    permits: Vec<PermitRow>,
    today: NaiveDate,
    actions: PlanActions,
    /// The reader opens the judicial route: a judicial-route permit links to it.
    reads_judicial: bool,
) -> impl IntoView {
    let editable = is_editable();
    let choices: Vec<(i32, PermitKind)> = permits.iter().map(|p| (p.id, p.kind)).collect();
    let new_code = code.clone();
    let new_choices = choices.clone();
    view! {
        <section class="panel" id="permessi" aria-labelledby="permits-heading">
            <h2 id="permits-heading">{move_tr!("plan-permits")}</h2>
            {if permits.is_empty() {
                view! { <p>{move_tr!("plan-permits-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plan-actions">
                        {permits.into_iter().map(|permit| view! {
                            <PermitItem code=code.clone() permit choices=choices.clone() today actions reads_judicial />
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {editable.then(|| view! {
                <details class="more-details">
                    <summary>{move_tr!("plan-permit-add")}</summary>
                    <PermitFields code=new_code permit=None choices=new_choices today action=actions.permit reads_judicial />
                </details>
            })}
        </section>
    }
}

#[component]
pub(super) fn PermitItem(
    code: String,
    permit: PermitRow,
    choices: Vec<(i32, PermitKind)>,
    today: NaiveDate,
    actions: PlanActions,
    reads_judicial: bool,
) -> impl IntoView {
    let editable = is_editable();
    let kind = permit.kind;
    let route = permit.route;
    let judicial_link = format!("/persone/{code}/giudiziario");
    let convert_code = code.clone();
    let id = permit.id;
    let may_convert = permit.issued_on.is_some() && permit.converted_to.is_none();
    let class = if permit.expiry_alert.is_some() {
        "plan-action overdue-action"
    } else {
        "plan-action"
    };
    view! {
        <li class=class>
            <p class="action-title">
                <strong>{move || permit_kind_name(kind)}</strong>
                {route.map(|route| view! { " · " <span class="badge">{move || permit_route_name(route)}</span> })}
            </p>
            {(reads_judicial && route == Some(PermitRoute::Judicial)).then(|| view! {
                <p><a href=judicial_link.clone()>{move_tr!("permit-judicial-link")}</a></p>
            })}
            {permit.expiry_alert.map(|days| view! {
                <p class="notice warning" role="status">
                    {if days < 0 {
                        view! { {move_tr!("permit-expired", { "days" => -days })} }.into_any()
                    } else {
                        view! { {move_tr!("permit-expires-in", { "days" => days })} }.into_any()
                    }}
                </p>
            })}
            <ol class="permit-route">
                <li>{move_tr!("permit-applied-on")} ": " {optional_day(permit.applied_on)}</li>
                <li>{move_tr!("permit-opinion-on")} ": " {optional_day(permit.opinion_on)}</li>
                <li>{move_tr!("permit-questura-on")} ": " {optional_day(permit.questura_on)}</li>
                <li>{move_tr!("permit-issued-on")} ": " {optional_day(permit.issued_on)}</li>
                <li>{move_tr!("permit-expires-on")} ": " {optional_day(permit.expires_on)}</li>
            </ol>
            {permit.renewed.then(|| view! { <p><span class="badge">{move_tr!("permit-renewed")}</span></p> })}
            {permit.renewal_of.is_some().then(|| view! { <p class="hint">{move_tr!("permit-is-renewal")}</p> })}
            {permit.converted_to.zip(permit.converted_on).map(|(to, on)| view! {
                <p><span class="badge badge-ok">{move_tr!("permit-converted", { "to" => conversion_name(to), "date" => day_text(on) })}</span></p>
            })}
            {editable.then(|| view! {
                <div class="button-row">
                    <details class="more-details">
                        <summary>{move_tr!("permit-update")}</summary>
                        <PermitFields code=code.clone() permit=Some(permit.clone()) choices today action=actions.permit reads_judicial />
                    </details>
                    {may_convert.then(|| {
                        let to_id = format!("permit-{id}-to");
                        let on_id = format!("permit-{id}-on");
                        view! {
                            <details class="more-details">
                                <summary>{move_tr!("permit-convert")}</summary>
                                <ActionForm action=actions.convert attr:class="stack-form">
                                    <input type="hidden" name="code" value=convert_code.clone() />
                                    <input type="hidden" name="permit_id" value=id.to_string() />
                                    <div class="field">
                                        <label for=to_id.clone()>{move_tr!("permit-converted-to")}</label>
                                        <select id=to_id name="form[converted_to]" required=true>
                                            {Conversion::ALL.iter().map(|&c| view! { <option value=c.code()>{move || conversion_name(c)}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for=on_id.clone()>{move_tr!("permit-converted-on")}</label>
                                        <input id=on_id type="date" name="form[converted_on]" value=today.to_string() max=today.to_string() required=true />
                                    </div>
                                    <Submit action=actions.convert class="button small primary">{move_tr!("permit-convert-submit")}</Submit>
                                </ActionForm>
                            </details>
                        }
                    })}
                </div>
            })}
        </li>
    }
}

/// The permit form: a new permit (`permit` None) or the correction of one.
#[component]
pub(super) fn PermitFields(
    code: String,
    permit: Option<PermitRow>,
    choices: Vec<(i32, PermitKind)>,
    today: NaiveDate,
    action: ServerAction<SavePermit>,
    /// Only the judicial route's readers see and set a permit's route.
    reads_judicial: bool,
) -> impl IntoView {
    let prefix = permit.as_ref().map_or("permit-new".to_string(), |p| {
        format!("permit-{}-edit", p.id)
    });
    let current_kind = permit.as_ref().map(|p| p.kind);
    let current_renewal = permit.as_ref().and_then(|p| p.renewal_of);
    let own_id = permit.as_ref().map(|p| p.id);
    let value =
        |pick: fn(&PermitRow) -> Option<NaiveDate>| date_value(permit.as_ref().and_then(pick));
    let dates = [
        ("applied_on", value(|p| p.applied_on), true),
        ("opinion_on", value(|p| p.opinion_on), true),
        ("questura_on", value(|p| p.questura_on), true),
        ("issued_on", value(|p| p.issued_on), true),
        ("expires_on", value(|p| p.expires_on), false),
    ];
    let kind_id = format!("{prefix}-kind");
    let renewal_id = format!("{prefix}-renewal");
    let route_id = format!("{prefix}-route");
    let current_route = permit.as_ref().and_then(|p| p.route);
    view! {
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="permit_id" value=own_id.map(|id| id.to_string()).unwrap_or_default() />
            <div class="field">
                <label for=kind_id.clone()>{move_tr!("plan-field-kind")}</label>
                <select id=kind_id name="form[kind]" required=true>
                    {PermitKind::ALL.iter().map(|&k| view! {
                        <option value=k.code() selected={Some(k) == current_kind}>{move || permit_kind_name(k)}</option>
                    }).collect_view()}
                </select>
            </div>
            {reads_judicial.then(|| view! {
                <div class="field">
                    <label for=route_id.clone()>{move_tr!("permit-route")}</label>
                    <p class="hint" id=format!("{route_id}-hint")>{move_tr!("permit-route-choice-hint")}</p>
                    <select id=route_id.clone() name="form[route]" aria-describedby=format!("{route_id}-hint")>
                        <option value="">"—"</option>
                        {PermitRoute::ALL.iter().map(|&r| view! {
                            <option value=r.code() selected={Some(r) == current_route}>{move || permit_route_name(r)}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <p class="hint">{move_tr!("permit-route-hint")}</p>
            <div class="field-pair">
                {dates.into_iter().map(|(field, current, past)| {
                    let id = format!("{prefix}-{field}");
                    let label = move || field_label(field);
                    view! {
                        <div class="field">
                            <label for=id.clone()>{label}</label>
                            <input id=id type="date" name=format!("form[{field}]") value=current max=past.then(|| today.to_string()) />
                        </div>
                    }
                }).collect_view()}
            </div>
            {(!choices.is_empty()).then(|| view! {
                <div class="field">
                    <label for=renewal_id.clone()>{move_tr!("permit-renewal-of")}</label>
                    <select id=renewal_id name="form[renewal_of]">
                        <option value="">{move_tr!("permit-not-a-renewal")}</option>
                        {choices.iter().copied().filter(|(id, _)| Some(*id) != own_id).map(|(id, kind)| view! {
                            <option value=id.to_string() selected={Some(id) == current_renewal}>
                                {move || format!("{} (n. {id})", permit_kind_name(kind))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="form-actions">
                <Submit action=action class="button primary">{move_tr!("save")}</Submit>
            </div>
        </ActionForm>
    }
}
