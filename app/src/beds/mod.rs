//! The bed board: structures and beds, placements, moves and exits. Double-booking is
//! refused by the database (see the placements migration); the board is a plain
//! server-rendered page first, with a "move to…" form for every action.

pub mod api;
pub mod components;
pub mod drag;
pub mod folding;
pub mod live;
pub mod model;
pub mod rooms;
pub mod rules;
pub mod safeguards;
pub mod shown;
#[cfg(feature = "ssr")]
pub mod ssr;
