//! Domain-free widgets: the page layout, forms, feedback and error display, dates and
//! times.

pub mod breadcrumbs;
pub mod errors;
pub mod forms;
pub mod layout;
pub mod nav;
pub mod page_forms;
pub mod pages;
pub mod submit;
pub mod time;
pub mod toasts;
pub mod upload;
