//! Møtebok: the council secretariat's system for meetings, saker, minutes and høringer.
pub mod auth;
pub mod cli;
pub mod codes;
pub mod config;
pub mod csv_export;
pub mod db;
pub mod demo;
pub mod documents;
pub mod error;
pub mod feeds;
pub mod files;
pub mod graphql;
pub mod loaders;
pub mod service;
pub mod startup;
pub mod telemetry;
