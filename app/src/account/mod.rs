//! "Il mio account": a signed-in user changes her own password (her other sessions end)
//! and sees where she is signed in, ending any session she does not recognise; the
//! warning before the idle timeout and its "stay signed in" live in the page shell
//! (`components::IdleWarning`). A forgotten password is reset by e-mail (`reset`) when
//! the network has an SMTP server, otherwise by the administration, whose password the
//! user must then replace before anything else (`auth::policy::WHILE_PASSWORD_MUST_CHANGE`).

pub mod api;
pub mod components;
pub mod model;
pub mod recovery;
#[cfg(feature = "ssr")]
pub mod reset;
#[cfg(feature = "ssr")]
pub mod ssr;
