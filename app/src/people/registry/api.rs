//! Server functions of the registry: thin, one verb each; the decisions are in `ssr`.

use leptos::prelude::*;

use crate::kernel::error::AppError;
use crate::people::registry::model::{
    ConsentForm, DuplicateGroup, InChargeForm, PathForm, PeopleFilter, PeopleList, PersonForm,
    PersonPage,
};

/// Where a plain form post returns after a change to one person.
#[cfg(feature = "ssr")]
fn back_to_person(code: &str) {
    if super::model::is_network_code(code) {
        leptos_axum::redirect(&format!("/persone/{code}"));
    }
}

#[server(endpoint = "people/list")]
pub async fn fetch_people(filter: PeopleFilter) -> Result<PeopleList, AppError> {
    use crate::auth::ssr::guard;
    guard("people/list", |ctx| async move {
        super::ssr::list_people(&ctx.db, &ctx, &filter).await
    })
    .await
}

#[server(endpoint = "people/register")]
pub async fn register_person(form: PersonForm) -> Result<String, AppError> {
    use crate::auth::ssr::guard;
    guard("people/register", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        let code = super::ssr::register_person(&ctx, valid).await?;
        leptos_axum::redirect(&format!("/persone/{code}"));
        Ok(code)
    })
    .await
}

#[server(endpoint = "people/person")]
pub async fn fetch_person(code: String) -> Result<PersonPage, AppError> {
    use crate::auth::ssr::guard;
    guard("people/person", |ctx| async move {
        super::ssr::person_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "people/identity/save")]
pub async fn save_identity(code: String, form: PersonForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/identity/save", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_identity(&ctx, &code, valid).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/path/save")]
pub async fn save_path(code: String, form: PathForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/path/save", |ctx| async move {
        let (status, outcome, exploitation) = form.validate()?;
        super::ssr::save_path(&ctx, &code, status, outcome, exploitation).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/organisations/add")]
pub async fn add_organisation_in_charge(code: String, form: InChargeForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/organisations/add", |ctx| async move {
        super::ssr::add_organisation(&ctx, &code, &form).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/organisations/remove")]
pub async fn remove_organisation_in_charge(
    code: String,
    organisation_id: i32,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/organisations/remove", |ctx| async move {
        super::ssr::remove_organisation(&ctx, &code, organisation_id).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/organisations/reference")]
pub async fn set_reference_operator(
    code: String,
    reference_user_id: i32,
    handover_note: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/organisations/reference", |ctx| async move {
        super::ssr::set_reference(&ctx, &code, reference_user_id, &handover_note).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/consents/record")]
pub async fn record_consent(code: String, form: ConsentForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/consents/record", |ctx| async move {
        super::ssr::record_consent(&ctx, &code, &form).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/anonymise")]
pub async fn anonymise_person(
    code: String,
    reason: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/anonymise", |ctx| async move {
        let user = ctx.user()?;
        super::rights::anonymise_person(
            &ctx.db,
            user,
            ctx.request_id(),
            &code,
            reason.trim(),
            confirm.is_some(),
        )
        .await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "people/duplicates")]
pub async fn fetch_duplicates() -> Result<Vec<DuplicateGroup>, AppError> {
    use crate::auth::ssr::guard;
    guard("people/duplicates", |ctx| async move {
        super::ssr::duplicate_groups(&ctx).await
    })
    .await
}

#[server(endpoint = "people/duplicates/link")]
pub async fn link_duplicate(code: String, earlier: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/duplicates/link", |ctx| async move {
        super::ssr::link_duplicate(&ctx, &code, &earlier).await?;
        leptos_axum::redirect("/persone/doppioni");
        Ok(())
    })
    .await
}

#[server(endpoint = "people/consents/withdraw")]
pub async fn withdraw_consent(code: String, consent_id: i32) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/consents/withdraw", |ctx| async move {
        super::ssr::withdraw_consent(&ctx, &code, consent_id).await?;
        back_to_person(&code);
        Ok(())
    })
    .await
}
