//! Database work the parts of the path share: the team's audited read of a part's page
//! and the team's audited change of one of its records. The rule is the plan's: only the team in charge (front-line staff of an
//! organisation that has the person in charge) reads or changes; a refusal is audited
//! in the transaction that refused; an anonymised record takes no new data.

use std::future::Future;
use std::pin::Pin;

use sea_orm::DatabaseTransaction;

use crate::auth::ssr::Ctx;
use crate::entity::people;
use crate::kernel::error::AppError;
use crate::people::access::{audit_person, person_event, person_for_change, refuse, team_person};

/// A boxed future borrowing the transaction and the person: what the closures of
/// [`read_for_team`] and [`change_for_team`] return.
pub type TeamWork<'a, T> = Pin<Box<dyn Future<Output = Result<T, AppError>> + Send + 'a>>;

/// Reads a part of the path for the person's team, audited as `action`; a `Forbidden`
/// from `read` is audited as a refusal.
pub async fn read_for_team<T: Send + 'static, F>(
    ctx: &Ctx,
    code: &str,
    action: &'static str,
    read: F,
) -> Result<T, AppError>
where
    F: for<'a> FnOnce(&'a DatabaseTransaction, &'a people::Model) -> TeamWork<'a, T>,
{
    read_detailed_for_team(ctx, code, action, |txn, person| {
        let work = read(txn, person);
        Box::pin(async move { Ok((work.await?, None)) })
    })
    .await
}

/// Like [`read_for_team`], for a read whose audit row names what was read (the id of a
/// downloaded document): `read` returns it beside the answer.
pub async fn read_detailed_for_team<T: Send + 'static, F>(
    ctx: &Ctx,
    code: &str,
    action: &'static str,
    read: F,
) -> Result<T, AppError>
where
    F: for<'a> FnOnce(
        &'a DatabaseTransaction,
        &'a people::Model,
    ) -> TeamWork<'a, (T, Option<String>)>,
{
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, action).await?;
        match read(&txn, &person).await {
            Ok((page, detail)) => {
                audit_person(&txn, ctx, action, &person, detail).await?;
                Ok(page)
            }
            // A part kept to some of the team (the judicial route): refused, audited.
            Err(AppError::Forbidden) => Err(refuse(&txn, ctx, action, &person).await?),
            Err(error) => Err(error),
        }
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, action, code))
        .await
}

/// Changes a part of the path for the person's team: `change` returns the audit detail
/// (ids and codes, never free text). A `Forbidden` from `change` is audited as a refusal.
pub async fn change_for_team<F>(
    ctx: &Ctx,
    code: &str,
    action: &'static str,
    change: F,
) -> Result<(), AppError>
where
    F: for<'a> FnOnce(&'a DatabaseTransaction, &'a people::Model) -> TeamWork<'a, String>,
{
    change_of_team(ctx, (code, action), false, change).await
}

/// Like [`change_for_team`], for settling a record that is already there (an expense
/// approved or taken back): it adds nothing about her, so an anonymised record takes it.
pub async fn settle_for_team<F>(
    ctx: &Ctx,
    code: &str,
    action: &'static str,
    change: F,
) -> Result<(), AppError>
where
    F: for<'a> FnOnce(&'a DatabaseTransaction, &'a people::Model) -> TeamWork<'a, String>,
{
    change_of_team(ctx, (code, action), true, change).await
}

async fn change_of_team<F>(
    ctx: &Ctx,
    (code, action): (&str, &'static str),
    even_anonymised: bool,
    change: F,
) -> Result<(), AppError>
where
    F: for<'a> FnOnce(&'a DatabaseTransaction, &'a people::Model) -> TeamWork<'a, String>,
{
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = if even_anonymised {
            team_person(&txn, ctx, code, action).await?
        } else {
            person_for_change(&txn, ctx, code, action).await?
        };
        match change(&txn, &person).await {
            Ok(detail) => audit_person(&txn, ctx, action, &person, Some(detail)).await,
            Err(AppError::Forbidden) => Err(refuse(&txn, ctx, action, &person).await?),
            Err(error) => Err(error),
        }
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, action, code))
        .await
}

/// A record the form names by id, if it is one of this person's: none at all is 404;
/// another person's is a refusal (403, audited by `change_for_team`), since only a
/// forged form names it.
pub fn own_record<T>(
    found: Option<T>,
    person_of: impl Fn(&T) -> i32,
    person: &people::Model,
) -> Result<T, AppError> {
    match found {
        None => Err(AppError::NotFound),
        Some(row) if person_of(&row) == person.id => Ok(row),
        Some(_) => Err(AppError::Forbidden),
    }
}
