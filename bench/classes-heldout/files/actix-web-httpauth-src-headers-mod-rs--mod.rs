//! Typed HTTP headers.

pub mod authorization;
pub mod www_authenticate;
