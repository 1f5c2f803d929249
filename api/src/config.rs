//! Configuration from environment variables. Unknown or malformed values stop start-up.
use std::{net::SocketAddr, path::PathBuf};

/// Every variable Møtebok reads; anything else starting with `MOTEBOK_` is a typo.
const KNOWN: &[&str] = &[
    "MOTEBOK_BIND",
    "MOTEBOK_ENV",
    "MOTEBOK_JWT_SECRET",
    "MOTEBOK_WEB_ORIGINS",
    "MOTEBOK_FILES_DIR",
    "MOTEBOK_WEB_DIR",
    "MOTEBOK_LOG",
    "MOTEBOK_TEST_POSTGRES_URL",
    "MOTEBOK_BIN",
];

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/motebok.db?mode=rwc";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub bind: SocketAddr,
    pub environment: Environment,
    /// `None` in development means: generate one and keep it in the database.
    pub jwt_secret: Option<String>,
    pub web_origins: Vec<String>,
    pub files_dir: PathBuf,
    pub web_dir: Option<PathBuf>,
    pub log_format: LogFormat,
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let vars: Vec<(String, String)> = std::env::vars().collect();
        Self::from_vars(&vars)
    }

    pub fn from_vars(vars: &[(String, String)]) -> Result<Self, ConfigError> {
        if let Some((unknown, _)) = vars
            .iter()
            .find(|(k, _)| k.starts_with("MOTEBOK_") && !KNOWN.contains(&k.as_str()))
        {
            return Err(ConfigError(format!(
                "unknown variable {unknown}; known are {}",
                KNOWN.join(", ")
            )));
        }
        let get = |name: &str| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let environment = match get("MOTEBOK_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(ConfigError(format!(
                    "MOTEBOK_ENV must be development or production, not {other:?}"
                )));
            }
        };
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError(
                "DATABASE_URL must start with sqlite: or postgres://".into(),
            ));
        }
        let bind = get("MOTEBOK_BIND")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .map_err(|_| {
                ConfigError("MOTEBOK_BIND must be an address such as 127.0.0.1:8080".into())
            })?;
        let jwt_secret = get("MOTEBOK_JWT_SECRET");
        match (&jwt_secret, environment) {
            (Some(s), _) if s.len() < 32 => {
                return Err(ConfigError(
                    "MOTEBOK_JWT_SECRET must be at least 32 bytes (256 bits) of random data".into(),
                ));
            }
            (None, Environment::Production) => {
                return Err(ConfigError(
                    "MOTEBOK_JWT_SECRET is required in production (at least 32 random bytes)"
                        .into(),
                ));
            }
            _ => {}
        }
        let web_origins = get("MOTEBOK_WEB_ORIGINS")
            .unwrap_or_else(|| "http://localhost:5173,http://127.0.0.1:5173".into())
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect::<Vec<_>>();
        if let Some(bad) = web_origins
            .iter()
            .find(|o| !(o.starts_with("http://") || o.starts_with("https://")) || o.contains('*'))
        {
            return Err(ConfigError(format!(
                "MOTEBOK_WEB_ORIGINS: {bad:?} is not an exact http(s) origin"
            )));
        }
        let log_format = match get("MOTEBOK_LOG").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError(format!(
                    "MOTEBOK_LOG must be pretty or json, not {other:?}"
                )));
            }
        };
        Ok(Self {
            database_url,
            bind,
            environment,
            jwt_secret,
            web_origins,
            files_dir: get("MOTEBOK_FILES_DIR")
                .map_or_else(|| PathBuf::from("data/files"), PathBuf::from),
            web_dir: get("MOTEBOK_WEB_DIR").map(PathBuf::from),
            log_format,
        })
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    }

    #[test]
    fn defaults_are_development_on_sqlite() {
        let c = Config::from_vars(&[]).unwrap();
        assert_eq!(c.environment, Environment::Development);
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
    }

    #[test]
    fn production_refuses_to_start_without_a_long_secret() {
        assert!(Config::from_vars(&vars(&[("MOTEBOK_ENV", "production")])).is_err());
        assert!(
            Config::from_vars(&vars(&[
                ("MOTEBOK_ENV", "production"),
                ("MOTEBOK_JWT_SECRET", "short")
            ]))
            .is_err()
        );
        let long = "x".repeat(32);
        assert!(
            Config::from_vars(&vars(&[
                ("MOTEBOK_ENV", "production"),
                ("MOTEBOK_JWT_SECRET", &long)
            ]))
            .is_ok()
        );
    }

    #[test]
    fn unknown_and_malformed_values_are_refused() {
        assert!(Config::from_vars(&vars(&[("MOTEBOK_BNID", "x")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_BIND", "nowhere")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_WEB_ORIGINS", "*")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_LOG", "xml")])).is_err());
    }
}
