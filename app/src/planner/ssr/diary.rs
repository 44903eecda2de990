//! The case diary: reading and adding notes, restricted notes only for their roles.

use super::*;

/// The team roles `user` holds on `plan` (active memberships).
pub(super) async fn roles_on_plan<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    user: &CurrentUser,
) -> Result<HashSet<TeamRole>, AppError> {
    Ok(plan_team::Entity::find()
        .filter(plan_team::Column::PlanId.eq(plan.id))
        .filter(plan_team::Column::UserId.eq(user.id))
        .filter(plan_team::Column::RemovedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| TeamRole::from_code(&m.role))
        .collect())
}

/// Whether a note at `level` by `author` is readable by `user`, who is on the team.
pub fn may_read_note(level: DiaryLevel, author: i32, user: i32, roles: &HashSet<TeamRole>) -> bool {
    author == user
        || match level.reader_role() {
            None => true,
            Some(role) => roles.contains(&role),
        }
}

pub async fn diary(ctx: &Ctx, code: &str) -> Result<DiaryPage, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "plan.diary.view").await?;
        let plan = existing_plan(&txn, &person).await?;
        let roles = roles_on_plan(&txn, &plan, user).await?;
        let all = plan_diary::Entity::find()
            .filter(plan_diary::Column::PlanId.eq(plan.id))
            .order_by_desc(plan_diary::Column::WrittenOn)
            .order_by_desc(plan_diary::Column::Id)
            .all(&txn)
            .await?;
        let total = all.len();
        let readable: Vec<plan_diary::Model> = all
            .into_iter()
            .filter(|note| {
                let level = DiaryLevel::from_stored(&note.level, DiaryLevel::Psychologist);
                may_read_note(level, note.author_id, user.id, &roles)
            })
            .collect();
        let names = user_names(&txn, readable.iter().map(|n| n.author_id)).await?;
        let hidden = total - readable.len();
        audit(
            &txn,
            ctx,
            "plan.diary.view",
            &person,
            Some(format!("shown={} hidden={hidden}", readable.len())),
        )
        .await?;
        Ok(DiaryPage {
            code: person.code.clone(),
            today: today(),
            hidden,
            notes: readable
                .into_iter()
                .map(|note| DiaryNote {
                    id: note.id,
                    written_on: note.written_on,
                    level: DiaryLevel::from_stored(&note.level, DiaryLevel::Psychologist),
                    author: names.get(&note.author_id).cloned().unwrap_or_default(),
                    body: note.body,
                })
                .collect(),
        })
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "plan.diary.view", code))
        .await
}

pub async fn add_diary_note(ctx: &Ctx, code: &str, note: ValidDiaryNote) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.diary.add", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let created = plan_diary::ActiveModel {
                plan_id: Set(plan.id),
                written_on: Set(note.written_on),
                level: Set(note.level.code().to_string()),
                body: Set(note.body),
                author_id: Set(user_id),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(format!("note={} level={}", created.id, note.level.code()))
        })
    })
    .await
}
