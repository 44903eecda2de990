//! The service catalogue of the network.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn ServicesPage() -> impl IntoView {
    let forms = PageForms::staying_open();
    let add = forms.action::<AddService>();
    let toggle = forms.action::<SetServiceActive>();
    let data = Resource::new(
        move || (add.version().get(), toggle.version().get()),
        |_| fetch_services(),
    );
    let error = forms.error();
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "services-title")
        }) />
        <h1>{move_tr!("services-title")}</h1>
        <p class="hint">{move_tr!("services-intro")}</p>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(catalogue) => view! { <ServicesView catalogue add toggle /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn ServicesView(
    catalogue: Catalogue,
    add: ServerAction<AddService>,
    toggle: ServerAction<SetServiceActive>,
) -> impl IntoView {
    let may_edit = catalogue.may_edit;
    view! {
        {may_edit.then(|| view! {
            <section class="panel" aria-labelledby="service-new-heading">
                <h2 id="service-new-heading">{move_tr!("services-add")}</h2>
                <ActionForm action=add attr:class="stack-form">
                    <div class="field">
                        <label for="service-area">{move_tr!("plan-field-area")}</label>
                        <select id="service-area" name="form[area]" required=true>
                            {Area::ALL.iter().map(|&area| view! { <option value=area.code()>{move || area_name(area)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="service-name-it">{move_tr!("plan-field-name-it")}</label>
                        <input id="service-name-it" type="text" name="form[name_it]" required=true maxlength=MAX_SERVICE_NAME.to_string() />
                    </div>
                    <div class="field">
                        <label for="service-name-en">{move_tr!("plan-field-name-en")}</label>
                        <input id="service-name-en" type="text" name="form[name_en]" required=true maxlength=MAX_SERVICE_NAME.to_string() />
                    </div>
                    <div class="form-actions">
                        <Submit action=add class="button primary">{move_tr!("services-add-submit")}</Submit>
                    </div>
                </ActionForm>
            </section>
        })}
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{move_tr!("plan-field-area")}</th>
                    <th scope="col">{move_tr!("plan-field-service")}</th>
                    <th scope="col">{move_tr!("field-status")}</th>
                    {may_edit.then(|| view! { <th scope="col">{move_tr!("services-change")}</th> })}
                </tr></thead>
                <tbody>
                    {catalogue.services.into_iter().map(|service| {
                        let area = service.area;
                        let name = service.name.clone();
                        let active = service.active;
                        view! {
                            <tr>
                                <td>{move || area_name(area)}</td>
                                <th scope="row">{move || service_label(&name)}</th>
                                <td>{move || if active { tr!("services-active") } else { tr!("services-inactive") }}</td>
                                {may_edit.then(|| view! {
                                    <td>
                                        <ActionForm action=toggle attr:class="inline-form">
                                            <input type="hidden" name="service_id" value=service.id.to_string() />
                                            <input type="hidden" name="active" value=(!active).to_string() />
                                            <Submit action=toggle class="button small secondary">
                                                {move || if active { tr!("services-deactivate") } else { tr!("services-activate") }}
                                            </Submit>
                                        </ActionForm>
                                    </td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
