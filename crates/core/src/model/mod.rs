//! Computations on the data pack: metrics, derived figures, the app's checks of the
//! sources and the what-if projection.

pub mod checks;
pub mod derived;
pub mod metrics;
pub mod projection;
pub mod random;
pub mod sampling;
