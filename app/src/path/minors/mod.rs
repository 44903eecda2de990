//! Minors' procedures (seed 000; seed 002's protection of unaccompanied minors with the
//! regional Guarantor): the age assessment, the guardian's appointment, the community
//! that hosts her, the Guarantor's involvement and the communications to the juvenile
//! court and the minors' prosecutor. For the team in charge, like every part of the path.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
