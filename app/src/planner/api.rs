//! Server functions of the personalised project: thin, one verb each. Who may call them
//! is in `auth::policy`; whether the caller is on the person's team, in `ssr`.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

/// Where a plain form post returns after a change to a plan.
#[cfg(feature = "ssr")]
fn back_to_plan(code: &str, page: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&format!("/persone/{}/{page}", code.trim().to_uppercase()));
    }
}

#[cfg(feature = "ssr")]
fn parse_id(field: &str, value: &str) -> Result<i32, AppError> {
    let mut checks = crate::kernel::error::Validation::default();
    let id = crate::kernel::fields::parse_id(field, value, &mut checks);
    checks.finish()?;
    id.ok_or(AppError::BadRequest)
}

#[server(endpoint = "planner/plan")]
pub async fn fetch_plan(code: String) -> Result<PlanPage, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/plan", |ctx| async move {
        super::ssr::plan_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "planner/open")]
pub async fn open_plan(code: String, review_every_days: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("planner/open", |ctx| async move {
        let days = match review_every_days.trim().parse::<i32>() {
            Ok(days) if (7..=365).contains(&days) => days,
            Ok(_) => return Err(AppError::invalid("review_every_days", Problem::OutOfRange)),
            Err(_) => return Err(AppError::invalid("review_every_days", Problem::Required)),
        };
        super::ssr::open_plan(&ctx, &code, days).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/phase")]
pub async fn record_phase(code: String, form: PhaseForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/phase", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::record_phase(&ctx, &code, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/team/add")]
pub async fn add_team_member(code: String, form: TeamForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/team/add", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::add_team_member(&ctx, &code, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/team/remove")]
pub async fn remove_team_member(code: String, member_id: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/team/remove", |ctx| async move {
        let member_id = parse_id("member_id", &member_id)?;
        super::ssr::remove_team_member(&ctx, &code, member_id).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/assessment")]
pub async fn save_assessment(code: String, form: AssessmentForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/assessment", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::save_assessment(&ctx, &code, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/goals/add")]
pub async fn add_goal(code: String, form: GoalForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/goals/add", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::add_goal(&ctx, &code, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/goals/status")]
pub async fn set_goal_status(
    code: String,
    goal_id: String,
    status: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("planner/goals/status", |ctx| async move {
        let goal_id = parse_id("goal_id", &goal_id)?;
        let status = GoalStatus::from_code(status.trim())
            .ok_or_else(|| AppError::invalid("status", Problem::UnknownChoice))?;
        super::ssr::set_goal_status(&ctx, &code, goal_id, status).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/actions/add")]
pub async fn add_plan_action(code: String, form: NewActionForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/actions/add", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::add_action(&ctx, &code, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/actions/update")]
pub async fn update_plan_action(
    code: String,
    action_id: String,
    form: ActionProgressForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/actions/update", |ctx| async move {
        let action_id = parse_id("action_id", &action_id)?;
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::update_action(&ctx, &code, action_id, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/diary")]
pub async fn fetch_diary(code: String) -> Result<DiaryPage, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/diary", |ctx| async move {
        super::ssr::diary(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "planner/diary/add")]
pub async fn add_diary_note(code: String, form: DiaryForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/diary/add", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::add_diary_note(&ctx, &code, valid).await?;
        back_to_plan(&code, "diario");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/my_work")]
pub async fn fetch_my_work() -> Result<MyWork, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/my_work", |ctx| async move {
        super::ssr::my_work(&ctx).await
    })
    .await
}

#[server(endpoint = "planner/services")]
pub async fn fetch_services() -> Result<Catalogue, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/services", |ctx| async move {
        Ok(Catalogue {
            services: super::ssr::catalogue(&ctx.db).await?,
            may_edit: crate::auth::policy::allows("planner/services/add", ctx.user.as_ref())
                == crate::auth::policy::Decision::Allowed,
        })
    })
    .await
}

#[server(endpoint = "planner/services/add")]
pub async fn add_service(form: ServiceForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/services/add", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::add_service(&ctx, valid).await?;
        leptos_axum::redirect("/servizi");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/services/active")]
pub async fn set_service_active(service_id: String, active: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/services/active", |ctx| async move {
        let service_id = parse_id("service_id", &service_id)?;
        super::ssr::set_service_active(&ctx, service_id, active.trim() == "true").await?;
        leptos_axum::redirect("/servizi");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/reviews/schedule")]
pub async fn schedule_review(code: String, scheduled_on: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/reviews/schedule", |ctx| async move {
        let mut checks = crate::kernel::error::Validation::default();
        let day = crate::kernel::dates::required_day("scheduled_on", &scheduled_on, &mut checks);
        checks.finish()?;
        super::ssr::schedule_review(&ctx, &code, day.unwrap_or_default()).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/reviews/record")]
pub async fn record_review(
    code: String,
    review_id: String,
    form: ReviewForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/reviews/record", |ctx| async move {
        let review_id = parse_id("review_id", &review_id)?;
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::record_review(&ctx, &code, review_id, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

/// Records a new permit, or corrects one when `permit_id` is given.
#[server(endpoint = "planner/permits/save")]
pub async fn save_permit(
    code: String,
    permit_id: Option<String>,
    form: PermitForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/permits/save", |ctx| async move {
        let permit_id = match permit_id.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(id) => Some(parse_id("permit_id", id)?),
        };
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_permit(&ctx, &code, permit_id, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/permits/convert")]
pub async fn convert_permit(
    code: String,
    permit_id: String,
    form: ConversionForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/permits/convert", |ctx| async move {
        let permit_id = parse_id("permit_id", &permit_id)?;
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::convert_permit(&ctx, &code, permit_id, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/work/add")]
pub async fn add_work_placement(code: String, form: WorkPlacementForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/work/add", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::add_work_placement(&ctx, &code, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/work/update")]
pub async fn update_work_placement(
    code: String,
    work_id: String,
    form: WorkProgressForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/work/update", |ctx| async move {
        let work_id = parse_id("work_id", &work_id)?;
        let valid = form.validate()?;
        super::ssr::update_work_placement(&ctx, &code, work_id, valid).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}

/// Closes the plan (read-only from then on); the tick confirms it is meant.
#[server(endpoint = "planner/exit")]
pub async fn close_plan(
    code: String,
    form: ExitForm,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Problem;
    guard("planner/exit", |ctx| async move {
        let closing = form.validate(crate::kernel::clock::today())?;
        if confirm.is_none() {
            return Err(AppError::invalid("confirm", Problem::Required));
        }
        super::ssr::close_plan(&ctx, &code, closing).await?;
        back_to_plan(&code, "progetto");
        Ok(())
    })
    .await
}
