//! Support spending (seed 000: "sostegno economico per spese burocratiche e sanitarie"):
//! each person's ledger of what the network spent for her (papers, health, transport,
//! school, pocket money), with the receipt among her documents and the reception
//! manager who approved it; each organisation's budgets per project period with what is
//! left; the totals in the funder report and a budget's workbook for the accounts.

pub mod api;
pub mod budget_components;
#[cfg(feature = "ssr")]
pub mod budget_ssr;
pub mod budgets;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod workbook;
