//! The integration tests, one binary so the API is linked once: each module is one area,
//! speaking to a real server over HTTP on SQLite and PostgreSQL.
//! (errors.rs stays a binary of its own: it installs a global log subscriber.)

mod fixtures;
mod policy_fixtures;
mod rows;

mod api_basics;
mod attendance_habilitet;
mod audit;
mod auth;
mod compose;
mod constraints;
mod consultations;
mod council;
mod demo_data;
mod documents;
mod feeds;
mod fuzz;
mod http_headers;
mod limits;
mod loaders;
mod meeting_workflow;
mod migrations;
mod minutes;
mod people;
mod reports;
mod saker;
mod schema;
mod search;
mod tokens;
mod users;
mod visibility;
mod working_groups;
