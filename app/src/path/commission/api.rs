//! Server functions of the Commission page.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

/// Where a plain form's submission lands: the person's Commission page.
pub fn commission_path(code: &str) -> String {
    format!("/persone/{}/commissione", code.trim().to_uppercase())
}

#[cfg(feature = "ssr")]
fn back_to_page(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&commission_path(code));
    }
}

#[server(endpoint = "path/commission")]
pub async fn fetch_commission(code: String) -> Result<CommissionPage, AppError> {
    use crate::auth::ssr::guard;
    guard("path/commission", |ctx| async move {
        super::ssr::commission_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "path/commission/request")]
pub async fn save_commission_request(code: String, form: RequestForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/commission/request", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_request(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "path/commission/referral")]
pub async fn save_commission_referral(code: String, form: ReferralForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/commission/referral", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_referral(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}
