//! Possible duplicates across organisations, for the coordinator.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn DuplicatesPage() -> impl IntoView {
    let link = ServerAction::<LinkDuplicate>::new();
    let data = Resource::new(move || link.version().get(), |_| fetch_duplicates());
    let error = Signal::derive(move || link.value().get().and_then(|r| r.err()));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "duplicates-title")
        }) />
        <p><a href="/persone">{move_tr!("back-to-people")}</a></p>
        <h1>{move_tr!("duplicates-title")}</h1>
        <p class="lead">{move_tr!("duplicates-intro")}</p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(groups) if groups.is_empty() => view! { <p class="panel">{move_tr!("duplicates-none")}</p> }.into_any(),
                    Ok(groups) => groups.into_iter().map(|group| view! { <DuplicateGroupView group link /> }).collect_view().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn DuplicateGroupView(
    group: DuplicateGroup,
    link: ServerAction<LinkDuplicate>,
) -> impl IntoView {
    let earliest = group.records[0].code.clone();
    view! {
        <section class="panel">
            <ul class="plain-list">
                {group.records.into_iter().enumerate().map(|(index, record)| {
                    let status = record.status;
                    let earliest = earliest.clone();
                    view! {
                        <li>
                            <a class="code" href=format!("/persone/{}", record.code)>{record.code.clone()}</a>
                            " · " {record.organisation.clone()} " · " {move || status_name(status)}
                            " · " {move_tr!("people-registered-on")} " " {day(record.registered_on)}
                            {record.linked_to.clone().map(|other| view! { <br /><span class="badge">{move_tr!("person-linked-to", { "code" => other.clone() })}</span> })}
                            {(index > 0 && record.linked_to.is_none()).then(|| view! {
                                <ActionForm action=link attr:class="inline-form">
                                    <input type="hidden" name="code" value=record.code.clone() />
                                    <input type="hidden" name="earlier" value=earliest.clone() />
                                    <Submit action=link class="button small">{move_tr!("duplicates-link", { "code" => earliest.clone() })}</Submit>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
