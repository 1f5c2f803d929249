//! The /graphql endpoint, written out rather than taken from async-graphql-axum so that it
//! refuses what that integration accepts by default: batches, non-JSON bodies (a CSRF hole)
//! and mutations over GET.
use async_graphql::{
    ServerError,
    http::GraphiQLSource,
    parser::{parse_query, types::OperationType},
};
use axum::{
    Json,
    body::Bytes,
    extract::{
        Query, Request, State,
        rejection::{BytesRejection, FailedToBufferBody},
    },
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};
use serde::Deserialize;

use super::limits::{self, LIMIT_CODE};
use crate::{
    loaders::{Loaders, run_in_rounds},
    startup::{AppState, GRAPHQL_BODY_LIMIT},
};

/// The request id set by the HTTP layer, for error reports.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, Json(body)).into_response()
}

/// Refuses a body whose declared length is over the limit before reading a byte of it;
/// `DefaultBodyLimit` then catches a chunked body that grows past it.
pub async fn refuse_large_bodies(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > GRAPHQL_BODY_LIMIT as u64) {
        return too_large();
    }
    next.run(request).await
}

fn too_large() -> Response {
    tracing::warn!(event = "http.body_too_large", "request body over the limit");
    refuse(
        StatusCode::PAYLOAD_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "The request body is larger than 256 KiB",
    )
}

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_))) => {
            return too_large();
        }
        Err(_) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "The request body could not be read",
            );
        }
    };
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Send application/json",
        );
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return refuse(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "Send one GraphQL request as a JSON object; batches are not supported",
        );
    }
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(_) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "The body is not a GraphQL request",
            );
        }
    };
    execute(state, headers, request).await
}

#[derive(Deserialize)]
pub struct GetParams {
    query: Option<String>,
    #[serde(rename = "operationName")]
    operation_name: Option<String>,
    variables: Option<String>,
}

pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<GetParams>,
) -> Response {
    let Some(query) = params.query else {
        if state.config.is_production() {
            return StatusCode::NOT_FOUND.into_response();
        }
        let mut page = Html(GraphiQLSource::build().endpoint("/graphql").finish()).into_response();
        // GraphiQL needs its scripts; the API's own policy forbids them.
        page.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self' 'unsafe-inline' 'unsafe-eval' https://unpkg.com; frame-ancestors 'none'"),
        );
        return page;
    };
    let is_mutation = parse_query(&query)
        .map(|doc| {
            doc.operations
                .iter()
                .any(|(_, op)| op.node.ty != OperationType::Query)
        })
        .unwrap_or(false);
    if is_mutation {
        let mut refused = refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            "Mutations must be sent with POST",
        );
        refused
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return refused;
    }
    let variables = match params.variables.as_deref().map(serde_json::from_str) {
        None => async_graphql::Variables::default(),
        Some(Ok(v)) => async_graphql::Variables::from_json(v),
        Some(Err(_)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "variables is not JSON",
            );
        }
    };
    let mut request = async_graphql::Request::new(query).variables(variables);
    request.operation_name = params.operation_name;
    execute(state, headers, request).await
}

async fn execute(state: AppState, headers: HeaderMap, request: async_graphql::Request) -> Response {
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let viewer = match crate::auth::viewer::from_headers(&state, &headers).await {
        Ok(v) => v,
        Err(e) => {
            let status = e.status();
            return refuse(status, e.code(), &e.to_string());
        }
    };
    let mut request = request
        .data(viewer)
        .data(Loaders::new(state.db.clone()))
        .data(crate::files::FilesDir(state.config.files_dir.clone()))
        .data(RequestId(request_id.clone()));
    // The shape limits run here rather than as a schema extension: with any extension
    // registered, async-graphql wraps every field's resolution, a cost paid on each field
    // of every page. The parsed document stays cached on the request for `execute`.
    let refused = request.parsed_query().and_then(limits::check).err();
    let mut response = match refused {
        Some(error) => async_graphql::Response::from_errors(vec![error]),
        None => run_in_rounds(state.schema.execute(request)).await,
    };
    for error in &mut response.errors {
        label_error(error, &request_id);
    }
    let mut http = Json(&response).into_response();
    http.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    http
}

/// Every error leaves with a code; internal ones also with the request id to quote, and
/// with nothing of their cause (that is in the log, under the same id).
fn label_error(error: &mut ServerError, request_id: &str) {
    let ext = error.extensions.get_or_insert_with(Default::default);
    let code = match ext.get("code") {
        Some(async_graphql::Value::String(c)) => c.clone(),
        _ => {
            let mut code = uncoded_error_code(&error.message);
            // A resolver's error that did not come through `AppError` may quote anything:
            // keep its text for the log only.
            if code == "BAD_REQUEST" && !error.path.is_empty() {
                tracing::error!(error = %error.message, "uncoded resolver error");
                code = "INTERNAL";
            }
            ext.set("code", code);
            code.to_owned()
        }
    };
    if code == "INTERNAL" {
        ext.set("requestId", request_id);
        error.message = "Internal error".into();
    }
}

/// Codes for the errors async-graphql itself raises, which carry only a message.
fn uncoded_error_code(message: &str) -> &'static str {
    if message.starts_with("Query is too complex")
        || message.starts_with("Query is nested too deep")
        || message.starts_with("The number of directives")
        || message.starts_with("The recursion depth")
    {
        LIMIT_CODE
    } else if message.contains("Failed to parse") || message.starts_with("Invalid value") {
        "VALIDATION"
    } else {
        "BAD_REQUEST"
    }
}
