//! The family within the mother's plan: her children's needs by area, and the work done
//! together with the social services (meetings, home visits, reports, case conferences).

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
