//! One module per page; each returns the page's `<main>`.

pub mod charts;
pub mod story;
