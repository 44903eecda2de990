//! Domain-free widgets: the page layout, forms, feedback and error display, dates and
//! times.

pub mod errors;
pub mod forms;
pub mod layout;
pub mod page_forms;
pub mod pages;
pub mod time;
