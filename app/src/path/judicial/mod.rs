//! The judicial route (seed 000): the complaint, the proceedings (prosecutor's office,
//! number), the prosecutor's opinion for the art. 18 permit, witness status, hearings,
//! the lawyer. The most sensitive data of the system: only the person's reference
//! operator and the legal advisor on her plan read or change them; every other user,
//! her team included, finds them in no page, no answer and no export but the person's
//! own, downloaded by one of those two.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
