//! How every audited write of a server function ends: the request's side of
//! `audit::ssr::finish_write`, so that a feature writes
//! `ctx.finish_write(txn, result, ctx.event("forum.reply", "thread").object(id))`.

use super::ssr::Ctx;
use crate::audit::ssr::AuditEvent;
use crate::kernel::db::WriteTransaction;
use crate::kernel::error::AppError;

impl Ctx {
    /// What this request's user did (or tried to do), to be audited.
    pub fn event<'a>(&'a self, action: &'a str, object_type: &'a str) -> AuditEvent<'a> {
        AuditEvent::new(self.user.as_ref(), action, object_type)
    }

    /// Ends the write transaction of an audited change (`audit::ssr::finish_write`):
    /// `refused` is what a conflict is audited as.
    pub async fn finish_write<T>(
        &self,
        txn: WriteTransaction,
        result: Result<T, AppError>,
        refused: AuditEvent<'_>,
    ) -> Result<T, AppError> {
        crate::audit::ssr::finish_write(&self.db, txn, result, self.request_id(), refused).await
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

    use crate::audit::ssr::{deny, record};
    use crate::entity::audit_log;
    use crate::kernel::db::begin_write;
    use crate::kernel::error::{AppError, Conflict};
    use crate::testing::databases;

    /// How many rows of `action` with `outcome` the trail holds.
    async fn rows(db: &sea_orm::DatabaseConnection, action: &str, outcome: &str) -> u64 {
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq(action))
            .filter(audit_log::Column::Outcome.eq(outcome))
            .count(db)
            .await
            .unwrap()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_write_ends_one_way_and_no_refusal_or_conflict_goes_unaudited() {
        for test in databases().await {
            let ctx = test.as_user("strada@anello.test").await;
            let backend = test.backend;

            // A success is committed with the rows written in its transaction.
            let txn = begin_write(&ctx.db).await.unwrap();
            let done: Result<(), AppError> = record(&txn, ctx.request_id(), ctx.event("t.ok", "t"))
                .await
                .map_err(Into::into);
            ctx.finish_write(txn, done, ctx.event("t.ok", "t"))
                .await
                .unwrap();
            assert_eq!(rows(&ctx.db, "t.ok", "success").await, 1, "{backend}");

            // A refusal keeps its denial row.
            let txn = begin_write(&ctx.db).await.unwrap();
            let refusal = deny(&txn, ctx.request_id(), ctx.event("t.denied", "t")).await;
            let refused = ctx
                .finish_write::<()>(txn, Err(refusal), ctx.event("t.denied", "t"))
                .await;
            assert!(matches!(refused, Err(AppError::Forbidden)), "{backend}");
            assert_eq!(rows(&ctx.db, "t.denied", "denied").await, 1, "{backend}");

            // A conflict rolls the change back and leaves one row of its own.
            let txn = begin_write(&ctx.db).await.unwrap();
            record(&txn, ctx.request_id(), ctx.event("t.half", "t"))
                .await
                .unwrap();
            let conflict = Err(AppError::conflict(Conflict::ThreadLocked));
            let answered = ctx
                .finish_write::<()>(txn, conflict, ctx.event("t.conflict", "t").object(7))
                .await;
            assert!(
                matches!(answered, Err(AppError::Conflict { .. })),
                "{backend}"
            );
            assert_eq!(rows(&ctx.db, "t.half", "success").await, 0, "{backend}");
            let traced = audit_log::Entity::find()
                .filter(audit_log::Column::Action.eq("t.conflict"))
                .one(&ctx.db)
                .await
                .unwrap()
                .expect("the conflict's row");
            assert_eq!(
                (traced.outcome.as_str(), traced.object_id.as_deref()),
                ("conflict", Some("7")),
                "{backend}"
            );
            assert_eq!(
                traced.detail.as_deref(),
                Some("conflict=thread_locked"),
                "{backend}"
            );

            // Any other error rolls back and writes nothing.
            let txn = begin_write(&ctx.db).await.unwrap();
            record(&txn, ctx.request_id(), ctx.event("t.lost", "t"))
                .await
                .unwrap();
            let failed = ctx
                .finish_write::<()>(txn, Err(AppError::NotFound), ctx.event("t.lost", "t"))
                .await;
            assert!(matches!(failed, Err(AppError::NotFound)), "{backend}");
            assert_eq!(
                audit_log::Entity::find()
                    .filter(audit_log::Column::Action.eq("t.lost"))
                    .count(&ctx.db)
                    .await
                    .unwrap(),
                0,
                "{backend}"
            );
            test.finish().await;
        }
    }
}
