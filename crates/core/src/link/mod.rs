//! What leaves the app: the link codec, citations, and downloads.

pub mod cite;
pub mod embed;
pub mod export;
pub mod tidy;
pub mod url_state;
