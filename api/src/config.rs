//! Configuration from environment variables. Unknown or malformed values stop start-up.
use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
    time::Duration,
};

/// Every variable Møtebok reads; anything else starting with `MOTEBOK_` is a typo.
const KNOWN: &[&str] = &[
    "MOTEBOK_BIND",
    "MOTEBOK_ENV",
    "MOTEBOK_JWT_SECRET",
    "MOTEBOK_WEB_ORIGINS",
    "MOTEBOK_FILES_DIR",
    "MOTEBOK_WEB_DIR",
    "MOTEBOK_LOG",
    "MOTEBOK_HSTS",
    "MOTEBOK_TRUSTED_PROXIES",
    "MOTEBOK_REQUEST_TIMEOUT",
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
    /// Send `Strict-Transport-Security`. Browsers ignore it over plain HTTP, so it is on
    /// by default in production, where a TLS-terminating proxy sits in front.
    pub hsts: bool,
    /// Proxies whose `X-Forwarded-For` is believed; everyone else's is ignored, so a
    /// client cannot pick the address that login throttling counts against.
    pub trusted_proxies: Vec<IpAddr>,
    /// How long one request may take, body included (a slow sender is cut off).
    pub request_timeout: Duration,
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
            (Some(s), _) if !looks_random_enough(s) => {
                return Err(ConfigError(
                    "MOTEBOK_JWT_SECRET must hold at least 256 random bits, e.g. `openssl rand -hex 32`"
                        .into(),
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
        // Production allows no other origin unless told: the web app is then served by us.
        let default_origins = match environment {
            Environment::Development => "http://localhost:5173,http://127.0.0.1:5173",
            Environment::Production => "",
        };
        let web_origins = get("MOTEBOK_WEB_ORIGINS")
            .unwrap_or_else(|| default_origins.into())
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect::<Vec<_>>();
        if let Some(bad) = web_origins.iter().find(|o| !is_exact_origin(o)) {
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
        let hsts = match get("MOTEBOK_HSTS").as_deref() {
            None => environment == Environment::Production,
            Some("on" | "true" | "1") => true,
            Some("off" | "false" | "0") => false,
            Some(other) => {
                return Err(ConfigError(format!(
                    "MOTEBOK_HSTS must be on or off, not {other:?}"
                )));
            }
        };
        let trusted_proxies = get("MOTEBOK_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<IpAddr>().map_err(|_| {
                    ConfigError(format!(
                        "MOTEBOK_TRUSTED_PROXIES: {p:?} is not an IP address"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let request_timeout = match get("MOTEBOK_REQUEST_TIMEOUT") {
            None => Duration::from_secs(30),
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|s| (1..=600).contains(s))
                .map(Duration::from_secs)
                .ok_or_else(|| {
                    ConfigError(
                        "MOTEBOK_REQUEST_TIMEOUT must be a number of seconds from 1 to 600".into(),
                    )
                })?,
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
            hsts,
            trusted_proxies,
            request_timeout,
        })
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }
}

/// `scheme://host[:port]` and nothing else: no path, no wildcard, no trailing dot tricks.
fn is_exact_origin(o: &str) -> bool {
    let Some((scheme, rest)) = o.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

/// A rough floor on the secret's randomness: its length times the bits each character can
/// carry in its alphabet (hex 4, base64 6, anything else 6.5), and no long runs of one
/// character. `openssl rand -hex 32` and `openssl rand -base64 32` pass; "x" * 32 does not.
fn looks_random_enough(secret: &str) -> bool {
    let len = secret.chars().count() as f64;
    let bits_per_char = if secret.chars().all(|c| c.is_ascii_hexdigit()) {
        4.0
    } else if secret
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_'))
    {
        6.0
    } else {
        6.5
    };
    let distinct = secret
        .chars()
        .collect::<std::collections::HashSet<_>>()
        .len();
    len * bits_per_char >= 256.0 && distinct >= 12
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
    fn production_refuses_to_start_without_a_long_random_secret() {
        assert!(Config::from_vars(&vars(&[("MOTEBOK_ENV", "production")])).is_err());
        for weak in [
            "short",
            &"x".repeat(64),
            &"ab".repeat(40),
            // 32 hex characters are only 128 bits.
            "0123456789abcdef0123456789abcdef",
        ] {
            assert!(
                Config::from_vars(&vars(&[
                    ("MOTEBOK_ENV", "production"),
                    ("MOTEBOK_JWT_SECRET", weak)
                ]))
                .is_err(),
                "{weak} was accepted"
            );
        }
        for strong in [
            // openssl rand -hex 32
            "9f2c4e1a7b3d5f60812a4c6e8b0d2f4163a5c7e9fb1d3f5a7c9e0b2d4f6a8c1e",
            // openssl rand -base64 32
            "q3Vt8Zk1N0pLx7Rb2YcH5mWf9JsA4dGe6TuIoP0lKjE=",
        ] {
            assert!(
                Config::from_vars(&vars(&[
                    ("MOTEBOK_ENV", "production"),
                    ("MOTEBOK_JWT_SECRET", strong)
                ]))
                .is_ok(),
                "{strong} was refused"
            );
        }
    }

    #[test]
    fn production_trusts_no_web_origin_and_sends_hsts_unless_told() {
        let secret = "9f2c4e1a7b3d5f60812a4c6e8b0d2f4163a5c7e9fb1d3f5a7c9e0b2d4f6a8c1e";
        let prod = Config::from_vars(&vars(&[
            ("MOTEBOK_ENV", "production"),
            ("MOTEBOK_JWT_SECRET", secret),
        ]))
        .unwrap();
        assert!(prod.web_origins.is_empty());
        assert!(prod.hsts);
        let dev = Config::from_vars(&[]).unwrap();
        assert!(!dev.hsts);
        let off = Config::from_vars(&vars(&[
            ("MOTEBOK_ENV", "production"),
            ("MOTEBOK_JWT_SECRET", secret),
            ("MOTEBOK_HSTS", "off"),
        ]))
        .unwrap();
        assert!(!off.hsts);
    }

    #[test]
    fn unknown_and_malformed_values_are_refused() {
        assert!(Config::from_vars(&vars(&[("MOTEBOK_BNID", "x")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_BIND", "nowhere")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_WEB_ORIGINS", "*")])).is_err());
        assert!(
            Config::from_vars(&vars(&[("MOTEBOK_WEB_ORIGINS", "https://*.example.no")])).is_err()
        );
        assert!(
            Config::from_vars(&vars(&[("MOTEBOK_WEB_ORIGINS", "https://example.no/app")])).is_err()
        );
        assert!(Config::from_vars(&vars(&[("MOTEBOK_LOG", "xml")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_HSTS", "maybe")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_TRUSTED_PROXIES", "10.0.0.0/8")])).is_err());
        assert!(Config::from_vars(&vars(&[("MOTEBOK_REQUEST_TIMEOUT", "0")])).is_err());
    }
}
