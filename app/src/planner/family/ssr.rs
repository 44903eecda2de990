//! Database work of the family part of a plan. Same rule as the plan: only the mother's
//! team reads or changes it, every read and change is audited in its transaction.

use std::collections::HashMap;

use chrono::{Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

use super::model::*;
use crate::auth::ssr::Ctx;
use crate::entity::{people, plan_child_needs, plan_joint_work, plans};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::names::user_names;
use crate::people::access::person_event;
use crate::planner::model::{Area, NeedLevel};
use crate::planner::ssr::{audit, change_plan, plan_of, team_person, touch};

/// The person's children: records whose family head she is, oldest first.
async fn children_of<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<people::Model>, AppError> {
    Ok(people::Entity::find()
        .filter(people::Column::FamilyHeadId.eq(person.id))
        .order_by_asc(people::Column::BirthMonth)
        .order_by_asc(people::Column::Id)
        .all(conn)
        .await?)
}

fn age_on(birth_month: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> Option<i32> {
    let born = birth_month?;
    let mut age = today.year() - born.year();
    if today.month() < born.month() {
        age -= 1;
    }
    Some(age.max(0))
}

/// The children and their assessed needs, for the family page and the plan's versions.
pub(crate) async fn children_needs<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
    today: chrono::NaiveDate,
) -> Result<Vec<ChildNeeds>, AppError> {
    let children = children_of(conn, person).await?;
    if children.is_empty() {
        return Ok(Vec::new());
    }
    let mut needs: HashMap<i32, Vec<ChildNeedRow>> = HashMap::new();
    for row in plan_child_needs::Entity::find()
        .filter(plan_child_needs::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_child_needs::Column::Id)
        .all(conn)
        .await?
    {
        let (Some(area), Some(need)) =
            (Area::from_code(&row.area), NeedLevel::from_code(&row.need))
        else {
            continue;
        };
        needs.entry(row.child_id).or_default().push(ChildNeedRow {
            area,
            need,
            notes: row.notes,
            assessed_on: row.assessed_on,
        });
    }
    Ok(children
        .into_iter()
        .map(|child| {
            let mut rows = needs.remove(&child.id).unwrap_or_default();
            rows.sort_by_key(|row| CHILD_AREAS.iter().position(|a| *a == row.area));
            ChildNeeds {
                age: age_on(child.birth_month, today),
                code: child.code,
                needs: rows,
            }
        })
        .collect())
}

pub async fn family_page(ctx: &Ctx, code: &str) -> Result<FamilyPage, AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "plan.family.view").await?;
        let today = today();
        let plan = plan_of(&txn, &person).await?;
        let (children, joint_work) = match &plan {
            None => (Vec::new(), Vec::new()),
            Some(plan) => (
                children_needs(&txn, &person, plan, today).await?,
                joint_work(&txn, plan).await?,
            ),
        };
        audit(&txn, ctx, "plan.family.view", &person, None).await?;
        Ok(FamilyPage {
            code: person.code.clone(),
            today,
            has_plan: plan.is_some(),
            editable: plan.as_ref().is_some_and(|p| p.closed_on.is_none()),
            children,
            joint_work,
        })
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "plan.family.view", code))
        .await
}

async fn joint_work<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
) -> Result<Vec<JointWorkRow>, AppError> {
    let rows = plan_joint_work::Entity::find()
        .filter(plan_joint_work::Column::PlanId.eq(plan.id))
        .order_by_desc(plan_joint_work::Column::HeldOn)
        .order_by_desc(plan_joint_work::Column::Id)
        .all(conn)
        .await?;
    let names = user_names(conn, rows.iter().map(|r| r.recorded_by)).await?;
    let child_ids: Vec<i32> = rows.iter().filter_map(|r| r.child_id).collect();
    let codes: HashMap<i32, String> = if child_ids.is_empty() {
        HashMap::new()
    } else {
        people::Entity::find()
            .filter(people::Column::Id.is_in(child_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p.code))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|row| JointWorkRow {
            id: row.id,
            held_on: row.held_on,
            service: row.service,
            kind: JointWorkKind::from_stored(&row.kind, JointWorkKind::Meeting),
            child: row.child_id.and_then(|id| codes.get(&id).cloned()),
            summary: row.summary,
            next_steps: row.next_steps,
            recorded_by: names.get(&row.recorded_by).cloned().unwrap_or_default(),
        })
        .collect())
}

/// The child behind `code`, if she is one of the person's children.
async fn own_child<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    code: &str,
) -> Result<people::Model, AppError> {
    people::Entity::find()
        .filter(people::Column::Code.eq(code))
        .filter(people::Column::FamilyHeadId.eq(person.id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("child", Problem::UnknownChoice))
}

pub async fn save_child_need(ctx: &Ctx, code: &str, need: ValidChildNeed) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.family.need", move |txn, person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let child = own_child(txn, person, &need.child).await?;
            let existing = plan_child_needs::Entity::find()
                .filter(plan_child_needs::Column::PlanId.eq(plan.id))
                .filter(plan_child_needs::Column::ChildId.eq(child.id))
                .filter(plan_child_needs::Column::Area.eq(need.area.code()))
                .one(txn)
                .await?;
            let now = Utc::now();
            // Assessing the same area again replaces the earlier assessment, as for the mother.
            let mut row = match existing {
                Some(row) => row.into_active_model(),
                None => plan_child_needs::ActiveModel {
                    plan_id: Set(plan.id),
                    child_id: Set(child.id),
                    area: Set(need.area.code().to_string()),
                    ..Default::default()
                },
            };
            row.need = Set(need.need.code().to_string());
            row.notes = Set(need.notes);
            row.assessed_on = Set(today());
            row.updated_by = Set(user_id);
            row.updated_at = Set(now);
            row.save(txn).await?;
            touch(txn, plan).await?;
            Ok(format!(
                "child={} area={} need={}",
                child.code,
                need.area.code(),
                need.need.code()
            ))
        })
    })
    .await
}

pub async fn add_joint_work(ctx: &Ctx, code: &str, work: ValidJointWork) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(
        ctx,
        code,
        "plan.family.joint_work",
        move |txn, person, plan| {
            Box::pin(async move {
                let plan = plan.ok_or(AppError::NotFound)?;
                let child = match &work.child {
                    Some(child) => Some(own_child(txn, person, child).await?.id),
                    None => None,
                };
                let created = plan_joint_work::ActiveModel {
                    plan_id: Set(plan.id),
                    child_id: Set(child),
                    held_on: Set(work.held_on),
                    service: Set(work.service),
                    kind: Set(work.kind.code().to_string()),
                    summary: Set(work.summary),
                    next_steps: Set(work.next_steps),
                    recorded_by: Set(user_id),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
                touch(txn, plan).await?;
                Ok(format!(
                    "joint_work={} kind={}",
                    created.id,
                    work.kind.code()
                ))
            })
        },
    )
    .await
}
