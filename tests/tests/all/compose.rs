//! The production set-up in `docker-compose.yml`: which services exist, how they find
//! each other, what they publish and keep, and in which order they become healthy.
//! Docker is not needed: the file is read as data, together with the Dockerfiles and
//! the nginx configuration it names.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Compose {
    services: BTreeMap<String, Service>,
    #[serde(default)]
    volumes: BTreeMap<String, Option<serde_yaml_ng::Value>>,
}

#[derive(Debug, Deserialize)]
struct Service {
    image: Option<String>,
    build: Option<Build>,
    #[serde(default)]
    environment: BTreeMap<String, String>,
    #[serde(default)]
    ports: Vec<String>,
    #[serde(default)]
    volumes: Vec<String>,
    #[serde(default)]
    depends_on: BTreeMap<String, Dependency>,
    healthcheck: Option<Healthcheck>,
}

#[derive(Debug, Deserialize)]
struct Build {
    context: String,
    dockerfile: String,
    #[serde(default)]
    args: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct Dependency {
    condition: String,
}

#[derive(Debug, Deserialize)]
struct Healthcheck {
    test: Vec<String>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> anyhow::Result<String> {
    let path = repo_root().join(relative);
    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

fn compose() -> anyhow::Result<Compose> {
    let mut value: serde_yaml_ng::Value = serde_yaml_ng::from_str(&read("docker-compose.yml")?)?;
    // `<<: *anchor` merge keys are resolved here, as docker compose does.
    value.apply_merge()?;
    Ok(serde_yaml_ng::from_value(value)?)
}

impl Compose {
    fn service(&self, name: &str) -> anyhow::Result<&Service> {
        self.services
            .get(name)
            .with_context(|| format!("no service `{name}`"))
    }
}

impl Service {
    fn env(&self, key: &str) -> anyhow::Result<&str> {
        self.environment
            .get(key)
            .map(String::as_str)
            .with_context(|| format!("no {key}"))
    }

    fn health_test(&self) -> anyhow::Result<&[String]> {
        let check = self.healthcheck.as_ref().context("no healthcheck")?;
        Ok(&check.test)
    }

    fn build(&self) -> anyhow::Result<&Build> {
        self.build.as_ref().context("no build section")
    }
}

#[test]
fn compose_runs_exactly_a_database_an_api_and_a_web_app() -> anyhow::Result<()> {
    let compose = compose()?;

    let names: Vec<&str> = compose.services.keys().map(String::as_str).collect();

    assert_eq!(names, ["api", "db", "web"]);
    Ok(())
}

#[test]
fn the_database_is_postgres_16_keeping_its_data_in_a_named_volume() -> anyhow::Result<()> {
    let compose = compose()?;
    let db = compose.service("db")?;

    assert_eq!(db.image.as_deref(), Some("postgres:16"));
    assert_eq!(db.volumes, ["pgdata:/var/lib/postgresql/data"]);
    assert!(
        compose.volumes.contains_key("pgdata"),
        "pgdata is not declared"
    );
    assert!(
        db.ports.is_empty(),
        "the database must not be published: {:?}",
        db.ports
    );
    assert!(
        db.env("POSTGRES_PASSWORD")?
            .starts_with("${POSTGRES_PASSWORD:?"),
        "the database password must come from the environment, without a default"
    );
    Ok(())
}

#[test]
fn the_database_is_healthy_when_pg_isready_says_so() -> anyhow::Result<()> {
    let compose = compose()?;

    let test = compose.service("db")?.health_test()?;

    assert_eq!(test.first().map(String::as_str), Some("CMD-SHELL"));
    assert!(
        test.iter().any(|part| part.starts_with("pg_isready")),
        "{test:?}"
    );
    Ok(())
}

#[test]
fn the_api_waits_for_a_healthy_database() -> anyhow::Result<()> {
    let compose = compose()?;

    let api = compose.service("api")?;

    let db = api
        .depends_on
        .get("db")
        .context("the api does not depend on db")?;
    assert_eq!(db.condition, "service_healthy");
    Ok(())
}

#[test]
fn the_web_app_waits_for_a_healthy_api() -> anyhow::Result<()> {
    let compose = compose()?;

    let web = compose.service("web")?;

    let api = web
        .depends_on
        .get("api")
        .context("the web app does not depend on api")?;
    assert_eq!(api.condition, "service_healthy");
    Ok(())
}

#[test]
fn the_api_is_built_from_its_dockerfile_and_published_on_port_8080() -> anyhow::Result<()> {
    let compose = compose()?;
    let api = compose.service("api")?;

    let build = api.build()?;

    assert_eq!(build.context, ".");
    assert_eq!(build.dockerfile, "api/Dockerfile");
    assert_eq!(api.ports, ["8080:8080"]);
    Ok(())
}

#[test]
fn the_api_runs_in_production_on_the_compose_database() -> anyhow::Result<()> {
    let compose = compose()?;
    let api = compose.service("api")?;

    let database_url = api.env("DATABASE_URL")?;

    assert!(database_url.starts_with("postgres://"), "{database_url}");
    assert!(database_url.ends_with("@db:5432/motebok"), "{database_url}");
    assert_eq!(api.env("MOTEBOK_ENV")?, "production");
    assert_eq!(api.env("MOTEBOK_BIND")?, "0.0.0.0:8080");
    Ok(())
}

#[test]
fn the_api_refuses_to_start_without_a_jwt_secret_from_the_environment() -> anyhow::Result<()> {
    let compose = compose()?;

    let secret = compose.service("api")?.env("MOTEBOK_JWT_SECRET")?;

    // `${VAR:?message}` makes docker compose stop with the message when VAR is unset.
    assert!(secret.starts_with("${MOTEBOK_JWT_SECRET:?"), "{secret}");
    assert!(secret.ends_with('}'), "{secret}");
    Ok(())
}

#[test]
fn the_api_allows_exactly_the_published_web_origin() -> anyhow::Result<()> {
    let compose = compose()?;
    let web = compose.service("web")?;
    let published = web.ports.first().context("the web app publishes no port")?;
    let host_port = published.split(':').next().unwrap_or_default();

    let origins = compose.service("api")?.env("MOTEBOK_WEB_ORIGINS")?;

    assert_eq!(origins, format!("http://localhost:{host_port}"));
    Ok(())
}

#[test]
fn uploaded_files_are_kept_in_a_named_volume() -> anyhow::Result<()> {
    let compose = compose()?;
    let api = compose.service("api")?;

    let files_dir = api.env("MOTEBOK_FILES_DIR")?;

    assert_eq!(files_dir, "/var/lib/motebok/files");
    assert_eq!(api.volumes, [format!("files:{files_dir}")]);
    assert!(
        compose.volumes.contains_key("files"),
        "files is not declared"
    );
    Ok(())
}

#[test]
fn the_api_is_healthy_when_its_health_endpoint_answers() -> anyhow::Result<()> {
    let compose = compose()?;

    let test = compose.service("api")?.health_test()?;

    assert_eq!(test.first().map(String::as_str), Some("CMD"));
    assert_eq!(test.get(1).map(String::as_str), Some("curl"));
    assert!(
        test.iter().any(|part| part == "-fsS"),
        "curl must fail on HTTP errors: {test:?}"
    );
    assert_eq!(
        test.last().map(String::as_str),
        Some("http://localhost:8080/health")
    );
    Ok(())
}

#[test]
fn the_web_app_is_built_with_the_api_address_and_published_on_port_8081() -> anyhow::Result<()> {
    let compose = compose()?;
    let web = compose.service("web")?;

    let build = web.build()?;

    assert_eq!(build.dockerfile, "web/Dockerfile");
    assert_eq!(
        build.args.get("VITE_API_URL").map(String::as_str),
        Some("http://localhost:8080")
    );
    assert_eq!(web.ports, ["8081:80"]);
    let test = web.health_test()?;
    assert_eq!(test.first().map(String::as_str), Some("CMD"));
    assert!(
        test.iter().any(|part| part.starts_with("http://")),
        "{test:?}"
    );
    Ok(())
}

#[test]
fn every_service_has_a_health_check() -> anyhow::Result<()> {
    let compose = compose()?;

    let without: Vec<&String> = compose
        .services
        .iter()
        .filter(|(_, service)| !service.health_test().is_ok_and(|test| !test.is_empty()))
        .map(|(name, _)| name)
        .collect();

    assert!(
        without.is_empty(),
        "services without a health check: {without:?}"
    );
    Ok(())
}

#[test]
fn every_named_volume_a_service_mounts_is_declared() -> anyhow::Result<()> {
    let compose = compose()?;

    let undeclared: Vec<&str> = compose
        .services
        .values()
        .flat_map(|service| &service.volumes)
        .filter_map(|mount| mount.split(':').next())
        .filter(|source| !source.starts_with(['.', '/', '~']))
        .filter(|source| !compose.volumes.contains_key(*source))
        .collect();

    assert!(undeclared.is_empty(), "undeclared volumes: {undeclared:?}");
    Ok(())
}

#[test]
fn the_dockerfiles_compose_builds_from_exist() -> anyhow::Result<()> {
    let compose = compose()?;

    for (name, service) in &compose.services {
        if let Some(build) = &service.build {
            let path = repo_root().join(&build.context).join(&build.dockerfile);
            assert!(path.is_file(), "{name}: {} is missing", path.display());
        }
    }
    Ok(())
}

#[test]
fn the_api_image_runs_motebok_serve_as_a_user_other_than_root() -> anyhow::Result<()> {
    let dockerfile = read("api/Dockerfile")?;

    let runtime = dockerfile.rsplit("\nFROM ").next().unwrap_or_default();

    assert!(
        runtime.starts_with("debian:bookworm-slim"),
        "runtime stage: {runtime}"
    );
    let user = runtime
        .lines()
        .find_map(|line| line.strip_prefix("USER "))
        .context("the runtime stage sets no USER")?;
    assert!(!["root", "0"].contains(&user.trim()), "runs as {user}");
    assert!(
        runtime.contains("curl"),
        "the health check needs curl in the image"
    );
    assert!(runtime.contains(r#"CMD ["motebok", "serve"]"#), "{runtime}");
    Ok(())
}

#[test]
fn the_web_server_falls_back_to_index_html_for_app_routes() -> anyhow::Result<()> {
    let nginx = read("web/nginx.conf")?;
    let dockerfile = read("web/Dockerfile")?;

    assert!(
        nginx.contains("try_files $uri $uri/ /index.html;"),
        "{nginx}"
    );
    assert!(
        nginx.contains("location = /healthz"),
        "the compose health check needs /healthz"
    );
    assert!(dockerfile.contains("ARG VITE_API_URL"), "{dockerfile}");
    assert!(dockerfile.contains("FROM nginx:stable"), "{dockerfile}");
    Ok(())
}
