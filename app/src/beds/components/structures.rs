//! The structures page: each structure's beds, rules and address, for those who manage them.

use super::rooms::{RoomsAndBeds, StructureActions};
use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn StructuresPage() -> impl IntoView {
    let forms = PageForms::staying_open();
    let save = forms.action::<SaveStructure>();
    let actions = StructureActions {
        save,
        add: forms.action::<AddBed>(),
        remove: forms.action::<RemoveBed>(),
        save_room: forms.action::<SaveRoom>(),
        remove_room: forms.action::<RemoveRoom>(),
        bed_room: forms.action::<SetBedRoom>(),
    };
    let data = Resource::new(move || forms.answers(), |_| fetch_structures());
    let error = forms.error();
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-structures")
        }) />
        <h1>{move_tr!("nav-structures")}</h1>
        <p class="lead">{move_tr!("structures-intro")}</p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => {
                        let organisations = page.organisations.clone();
                        view! {
                            <details class="panel">
                                <summary><h2 class="inline">{move_tr!("structure-new")}</h2></summary>
                                <StructureEditor structure=None organisations=organisations.clone() save />
                            </details>
                            {page.structures.into_iter().map(|s| view! { <StructureAdmin structure=s organisations=organisations.clone() actions /> }).collect_view()}
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn StructureEditor(
    structure: Option<ManagedStructure>,
    organisations: Vec<(i32, String)>,
    save: ServerAction<SaveStructure>,
) -> impl IntoView {
    let prefix = structure
        .as_ref()
        .map_or("new".to_string(), |s| s.id.to_string());
    let id = structure
        .as_ref()
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    let name = structure
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let kind = structure.as_ref().map(|s| s.kind);
    let province = structure
        .as_ref()
        .map(|s| s.province.clone())
        .unwrap_or_default();
    let organisation = structure.as_ref().map(|s| s.organisation_id);
    let targets = structure
        .as_ref()
        .map(|s| s.target_groups.clone())
        .unwrap_or_default();
    let has_address = structure.as_ref().is_some_and(|s| s.has_address);
    let active = structure.as_ref().is_none_or(|s| s.active);
    let field = move |name: &str| format!("structure-{prefix}-{name}");
    view! {
        <ActionForm action=save attr:class="structure-form">
            <input type="hidden" name="form[id]" value=id />
            <div class="field">
                <label for=field("name")>{move_tr!("field-structure-name")}</label>
                <input id=field("name") name="form[name]" value=name required=true maxlength="120" />
            </div>
            <div class="field">
                <label for=field("kind")>{move_tr!("field-structure-kind")}</label>
                <select id=field("kind") name="form[kind]">
                    {StructureKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.code() selected=kind == Some(k)>{move || kind_name(k)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("province")>{move_tr!("field-province")}</label>
                <select id=field("province") name="form[province]">
                    {crate::auth::model::PROVINCES.iter().map(|(code, pname, _)| {
                        view! { <option value=*code selected=province == *code>{format!("{pname} ({code})")}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("organisation")>{move_tr!("field-organisation")}</label>
                <select id=field("organisation") name="form[organisation_id]">
                    {organisations.into_iter().map(|(oid, oname)| {
                        view! { <option value=oid.to_string() selected=organisation == Some(oid)>{oname}</option> }
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>{move_tr!("field-target-groups")}</legend>
                {TargetGroup::ALL.iter().map(|g| {
                    let g = *g;
                    let input = field(g.code());
                    view! {
                        <div class="field-check">
                            <input type="checkbox" id=input.clone() name=format!("form[targets][{}]", g.code()) checked=targets.contains(&g) />
                            <label for=input>{move || target_group_name(g)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for=field("address")>{move_tr!("field-address")}</label>
                <p class="hint">{if has_address { move_tr!("address-kept-hint") } else { move_tr!("address-new-hint") }}</p>
                <input id=field("address") name="form[address]" autocomplete="off" maxlength="240" />
            </div>
            <div class="field-check">
                <input type="checkbox" id=field("active") name="form[active]" checked=active />
                <label for=field("active")>{move_tr!("field-structure-active")}</label>
            </div>
            <div class="form-actions"><Submit action=save class="button primary">{move_tr!("save")}</Submit></div>
        </ActionForm>
    }
}

#[component]
pub(super) fn StructureAdmin(
    structure: ManagedStructure,
    organisations: Vec<(i32, String)>,
    actions: StructureActions,
) -> impl IntoView {
    let kind = structure.kind;
    let save = actions.save;
    view! {
        <section class="panel">
            <h2>{structure.name.clone()}</h2>
            <p class="hint">{move || kind_name(kind)} " · " {structure.province.clone()} " · " {structure.organisation.clone()}
                {(!structure.active).then(|| view! { " · " <span class="badge badge-off">{move_tr!("structure-inactive")}</span> })}
            </p>
            <RoomsAndBeds structure=structure.clone() actions />
            <details class="more-details">
                <summary>{move_tr!("structure-edit")}</summary>
                <StructureEditor structure=Some(structure.clone()) organisations save />
            </details>
        </section>
    }
}
