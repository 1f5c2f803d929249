//! Authentication (who is asking) and the policy (what they may do).
pub mod address;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod routes;
pub mod throttle;
pub mod tokens;
pub mod viewer;

pub use viewer::Viewer;
