//! Demo data: the council's real papers (api/demo/helseomsorg21.json), loaded through the
//! same services the API uses; and a synthetic generator for benchmarks.
pub mod model;

use crate::{config::Config, db::Db};

#[derive(clap::Args, Debug)]
pub struct DemoArgs {
    /// Load only into an empty database (no meetings yet).
    #[arg(long)]
    pub if_empty: bool,
    /// Generate synthetic data for benchmarks instead of the real papers.
    #[arg(long)]
    pub synthetic: bool,
    /// Years of synthetic data.
    #[arg(long, default_value_t = 10)]
    pub years: u32,
}

pub async fn run(_db: &Db, config: &Config, _args: &DemoArgs) -> anyhow::Result<()> {
    if config.is_production() {
        anyhow::bail!("demo data refuses to load in production mode");
    }
    anyhow::bail!("demo data loading is not built yet")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_council_papers_match_the_data_model() {
        let data = super::model::parse(super::model::HELSEOMSORG21).unwrap();
        assert!(data.meetings.iter().any(|m| m.code == "2/2025"));
    }
}
