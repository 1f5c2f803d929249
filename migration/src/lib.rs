//! Hand-written, frozen migrations: one file per change, never regenerated from the entities.
pub use sea_orm_migration::prelude::*;

mod m20261123_000001_people;
mod m20261123_000002_meetings;
mod m20261123_000003_policy;
mod m20261123_000004_auth_audit;
mod m20261123_000005_people_versions;
mod m20261123_000006_consultation_feeds;
mod m20261123_000007_meeting_workflow;
mod m20261123_000008_search;
mod m20261123_000009_policy_search;
mod m20261123_000010_api_token_expiry;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_people::Migration),
            Box::new(m20261123_000002_meetings::Migration),
            Box::new(m20261123_000003_policy::Migration),
            Box::new(m20261123_000004_auth_audit::Migration),
            Box::new(m20261123_000005_people_versions::Migration),
            Box::new(m20261123_000006_consultation_feeds::Migration),
            Box::new(m20261123_000007_meeting_workflow::Migration),
            Box::new(m20261123_000008_search::Migration),
            Box::new(m20261123_000009_policy_search::Migration),
            Box::new(m20261123_000010_api_token_expiry::Migration),
        ]
    }
}
