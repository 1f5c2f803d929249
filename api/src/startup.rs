//! Builds the application: database, migrations, schema, router and listener.
use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use axum::{
    Json, Router,
    body::Body,
    extract::{ConnectInfo, DefaultBodyLimit, State},
    http::{HeaderName, HeaderValue, Method, Request, Response, StatusCode, header},
    response::IntoResponse,
    routing::get,
};
use entity::setting;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::{
    catch_panic::CatchPanicLayer,
    cors::CorsLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::{
    auth::{self, address::ClientIp, jwt::JwtKeys, password, tokens},
    config::Config,
    db::Db,
    graphql::{self, MotebokSchema},
};

/// GraphQL bodies larger than this are refused; uploads have their own limit.
pub const GRAPHQL_BODY_LIMIT: usize = 256 * 1024;
/// A login is two short strings.
pub const AUTH_BODY_LIMIT: usize = 16 * 1024;

/// The API's answers are data, never pages: nothing may run, load or frame them.
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";
/// The web app (MOTEBOK_WEB_DIR): its own scripts, styles, fonts and API only. Vite emits no
/// inline script or style; the stylesheet's icons are `data:` images.
const WEB_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
    base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub keys: JwtKeys,
    pub schema: MotebokSchema,
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub state: AppState,
}

impl Application {
    /// Connects, migrates and binds; `port()` then tells where it listens (tests bind port 0).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let db = Db::connect(&config.database_url).await?;
        db.migrate_up().await?;
        let secret = jwt_secret(&config, &db).await?;
        password::warm_up().await?;
        let state = AppState {
            schema: graphql::build_schema(db.clone(), config.is_production()),
            keys: JwtKeys::new(secret.as_bytes()),
            db,
            config: Arc::new(config),
        };
        let listener = TcpListener::bind(state.config.bind)
            .await
            .with_context(|| format!("binding {}", state.config.bind))?;
        Ok(Self {
            listener,
            router: router(state.clone()),
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    }
}

/// Production takes the secret from the environment; development keeps a generated one in
/// the database, so that restarts and replicas agree.
async fn jwt_secret(config: &Config, db: &Db) -> anyhow::Result<String> {
    if let Some(s) = &config.jwt_secret {
        return Ok(s.clone());
    }
    const KEY: &str = "jwt_secret";
    let candidate = setting::ActiveModel {
        key: Set(KEY.into()),
        value: Set(tokens::random_secret()),
    };
    setting::Entity::insert(candidate)
        .on_conflict_do_nothing_on([setting::Column::Key])
        .exec(&db.write)
        .await?;
    let stored = setting::Entity::find_by_id(KEY.to_owned())
        .one(&db.write)
        .await?
        .context("the generated secret was not stored")?;
    Ok(stored.value)
}

pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let api = Router::new()
        .route(
            "/graphql",
            get(graphql::http::get).post(graphql::http::post),
        )
        .layer(DefaultBodyLimit::max(GRAPHQL_BODY_LIMIT))
        .layer(axum::middleware::from_fn(
            graphql::http::refuse_large_bodies,
        ))
        .merge(auth::routes::router().layer(DefaultBodyLimit::max(AUTH_BODY_LIMIT)))
        .merge(crate::files::router())
        .merge(crate::documents::router())
        .merge(crate::csv_export::router())
        .merge(crate::feeds::router())
        .route("/health", get(health))
        .route("/ready", get(ready))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state);
    let app = match &config.web_dir {
        Some(dir) => api.fallback_service(
            ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(WEB_CSP),
                ))
                .service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        ),
        None => api,
    };
    with_layers(app, &config)
}

/// The layers every response passes through, outermost first: request id, client address,
/// security headers, tracing, panic catching, timeout, CORS. Public so tests can wrap a
/// router of their own (a route that panics) exactly as the server does.
pub fn with_layers(app: Router, config: &Config) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let proxies = config.trusted_proxies.clone();
    let hsts = config
        .hsts
        .then(|| HeaderValue::from_static("max-age=31536000"));
    app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(PropagateRequestIdLayer::new(request_id))
            .map_request(move |mut req: Request<Body>| {
                if let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>() {
                    let ip = auth::address::client_ip(peer.ip(), req.headers(), &proxies);
                    req.extensions_mut().insert(ClientIp(ip));
                }
                req
            })
            // Outside the panic and timeout layers, so those answers get the headers too.
            // GraphiQL and the web app set their own CSP; everything else gets the API's.
            .layer(SetResponseHeaderLayer::if_not_present(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(API_CSP),
            ))
            .layer(SetResponseHeaderLayer::overriding(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::overriding(
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ))
            .layer(SetResponseHeaderLayer::overriding(
                header::X_FRAME_OPTIONS,
                HeaderValue::from_static("DENY"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::STRICT_TRANSPORT_SECURITY,
                hsts,
            ))
            .layer(TraceLayer::new_for_http().make_span_with(request_span))
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                config.request_timeout,
            ))
            .layer(cors(config)),
    )
}

/// Every log line of a request carries its id and the client's address; `user_id` is
/// filled in once the bearer token is checked.
fn request_span(req: &Request<Body>) -> tracing::Span {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let ip = req
        .extensions()
        .get::<ClientIp>()
        .map(|ClientIp(ip)| ip.to_string())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        method = %req.method(),
        path = %req.uri().path(),
        request_id = %id,
        ip = %ip,
        user_id = tracing::field::Empty,
    )
}

fn cors(config: &Config) -> CorsLayer {
    // An exact list; tower-http answers only a listed origin and never mirrors or uses `*`.
    let origins: Vec<HeaderValue> = config
        .web_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
        .expose_headers([HeaderName::from_static("x-request-id")])
        .allow_credentials(true)
        .max_age(Duration::from_secs(600))
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    // The payload may quote data; the log has the request id from the span to find it by.
    tracing::error!(event = "http.panic", "a request handler panicked");
    let body = serde_json::json!({ "errors": [{ "message": "Internal error", "extensions": { "code": "INTERNAL" } }] });
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CACHE_CONTROL, "no-store")],
        Json(body),
    )
        .into_response()
}

async fn health() -> impl IntoResponse {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.read.execute_unprepared("SELECT 1").await {
        Ok(_) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ready" })),
        ),
        Err(e) => {
            tracing::error!(error = %e, "database not reachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable" })),
            )
        }
    }
}
