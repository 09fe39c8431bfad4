//! One module per page of the app.

pub mod bar_data;
pub mod checks_panel;
pub mod countries;
pub mod flows;
pub mod sources;
pub mod subfields;
pub mod whatif;
