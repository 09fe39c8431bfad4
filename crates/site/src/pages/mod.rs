//! One module per page; each returns the page's `<main>`.

pub mod charts;
pub mod embed;
pub mod share;
pub mod sources;
pub mod story;
pub mod subfields;
pub mod whatif;
