//! The home page: who I am, what I can do here, and the network's capacity at a glance.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::auth::model::{CurrentUser, Role};
use crate::kernel::error::AppError;
use crate::ui::errors::ErrorPanel;
use crate::ui::layout::{nav_label, use_user_resource, visible_nav};
use crate::ui::pages::Loading;

/// Beds of the structures a user may see, by kind of structure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacity {
    pub network_wide: bool,
    pub emergency_structures: u64,
    pub emergency_beds: u64,
    pub reception_structures: u64,
    pub reception_beds: u64,
}

/// Partners see no structure figures: the forum is their part of Anello.
#[server(endpoint = "home/overview")]
pub async fn overview() -> Result<Option<Capacity>, AppError> {
    use crate::auth::ssr::guard;
    guard("home/overview", |ctx| async move {
        let user = ctx.user()?;
        if user.has_role(Role::Partner) && !user.is_network_wide() {
            return Ok(None);
        }
        // Aggregate capacity is not case data: administrators see the network's too.
        let network = user.is_network_wide() || user.has_role(Role::Administrator);
        let scope = (!network).then_some(user.organisation_id);
        Ok(Some(ssr::capacity(&ctx.db, scope).await?))
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

    use super::Capacity;
    use crate::entity::{beds, structures};

    /// Emergency structures are the first-reception kinds (pronta accoglienza, case di fuga).
    pub const EMERGENCY_KINDS: [&str; 2] = ["emergency", "safe_house"];

    pub async fn capacity(
        db: &DatabaseConnection,
        organisation: Option<i32>,
    ) -> Result<Capacity, sea_orm::DbErr> {
        let mut query = structures::Entity::find().filter(structures::Column::Active.eq(true));
        if let Some(organisation) = organisation {
            query = query.filter(structures::Column::OrganisationId.eq(organisation));
        }
        let mut capacity = Capacity {
            network_wide: organisation.is_none(),
            ..Default::default()
        };
        for structure in query.all(db).await? {
            let bed_count = beds::Entity::find()
                .filter(beds::Column::StructureId.eq(structure.id))
                .count(db)
                .await?;
            if EMERGENCY_KINDS.contains(&structure.kind.as_str()) {
                capacity.emergency_structures += 1;
                capacity.emergency_beds += bed_count;
            } else {
                capacity.reception_structures += 1;
                capacity.reception_beds += bed_count;
            }
        }
        Ok(capacity)
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let user = use_user_resource();
    let capacity = Resource::new(|| (), |_| overview());
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-home")
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => {
                        let capacity = capacity.await;
                        view! { <Welcome user capacity /> }.into_any()
                    }
                    Ok(None) => view! { <ErrorPanel error=AppError::NotSignedIn /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

pub fn role_name(role: Role) -> String {
    match role {
        Role::Administrator => tr!("role-administrator"),
        Role::Coordinator => tr!("role-coordinator"),
        Role::ReceptionManager => tr!("role-reception-manager"),
        Role::CaseWorker => tr!("role-case-worker"),
        Role::OutreachWorker => tr!("role-outreach-worker"),
        Role::Trainer => tr!("role-trainer"),
        Role::Partner => tr!("role-partner"),
    }
}

#[component]
fn Welcome(user: CurrentUser, capacity: Result<Option<Capacity>, AppError>) -> impl IntoView {
    let roles = user
        .roles
        .iter()
        .map(|role| role_name(*role))
        .collect::<Vec<_>>()
        .join(", ");
    let links = visible_nav(&user)
        .into_iter()
        .filter(|item| item.href != "/")
        .collect::<Vec<_>>();
    let name = user.display_name.clone();
    view! {
        <section class="panel">
            <h1>{move_tr!("home-greeting", { "name" => name.clone() })}</h1>
            <p class="lead">
                {move_tr!("home-you-are", { "organisation" => user.organisation_name.clone() })}
            </p>
            <p>
                <strong>{move_tr!("home-roles")}</strong>
                " "
                {roles}
            </p>
        </section>
        {(!links.is_empty())
            .then(|| {
                view! {
                    <section class="panel">
                        <h2>{move_tr!("home-shortcuts")}</h2>
                        <ul class="card-links">
                            {links
                                .into_iter()
                                .map(|item| {
                                    let href = item.href;
                                    view! {
                                        <li>
                                            <a class="card-link" href=href>
                                                {move || nav_label(href)}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
        {match capacity {
            Ok(Some(capacity)) => view! { <CapacitySummary capacity /> }.into_any(),
            Ok(None) => {
                view! {
                    <section class="panel">
                        <p>{move_tr!("home-partner-note")}</p>
                    </section>
                }
                    .into_any()
            }
            Err(error) => view! { <ErrorPanel error /> }.into_any(),
        }}
    }
}

#[component]
fn CapacitySummary(capacity: Capacity) -> impl IntoView {
    let heading = if capacity.network_wide {
        move_tr!("home-capacity-network")
    } else {
        move_tr!("home-capacity-organisation")
    };
    view! {
        <section class="panel">
            <h2>{heading}</h2>
            <dl class="figures">
                <div>
                    <dt>{move_tr!("home-emergency")}</dt>
                    <dd>
                        {move_tr!(
                            "home-structures-beds", { "structures" => capacity.emergency_structures, "beds" => capacity.emergency_beds }
                        )}
                    </dd>
                </div>
                <div>
                    <dt>{move_tr!("home-reception")}</dt>
                    <dd>
                        {move_tr!(
                            "home-structures-beds", { "structures" => capacity.reception_structures, "beds" => capacity.reception_beds }
                        )}
                    </dd>
                </div>
            </dl>
        </section>
    }
}
