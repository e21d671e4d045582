//! Policies: the only module that uses regorus. Loads built-in and repository policies, parses METADATA,
//! evaluates deny/warn, and runs `policy test`.
