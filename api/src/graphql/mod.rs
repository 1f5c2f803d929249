//! The GraphQL schema: one module per domain area, merged here, and the helpers resolvers share.
use std::sync::Arc;

use async_graphql::{
    Context, EmptySubscription, ID, MergedObject, Schema, SchemaBuilder,
    connection::{Connection, Edge},
    dataloader::DataLoader,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sea_orm::{EntityTrait, PaginatorTrait, QuerySelect, Select};

use crate::{
    auth::Viewer,
    db::Db,
    error::{AppError, AppResult},
    loaders::{FromDb, Loaders},
};

pub mod audit;
pub mod consultations;
pub mod council;
pub mod habilitet;
pub mod http;
pub mod limits;
pub mod me;
pub mod meetings;
pub mod minutes;
pub mod people;
pub mod reports;
pub mod saker;
pub mod search;
pub mod users;
pub mod working_groups;

#[derive(MergedObject, Default)]
pub struct Query(
    me::MeQuery,
    people::PeopleQuery,
    council::CouncilQuery,
    users::UsersQuery,
    search::SearchQuery,
    meetings::MeetingsQuery,
    consultations::ConsultationsQuery,
    working_groups::WorkingGroupsQuery,
    audit::AuditQuery,
    reports::ReportsQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(
    me::MeMutation,
    people::PeopleMutation,
    council::CouncilMutation,
    users::UsersMutation,
    consultations::ConsultationsMutation,
    working_groups::WorkingGroupsMutation,
    meetings::MeetingsMutation,
    saker::SakerMutation,
    minutes::MinutesMutation,
    habilitet::HabilitetMutation,
    reports::ReportsMutation,
);

pub type MotebokSchema = Schema<Query, Mutation, EmptySubscription>;

pub const MAX_DEPTH: usize = limits::MAX_DEPTH;
pub const MAX_COMPLEXITY: usize = 5_000;
pub const DEFAULT_PAGE: usize = 50;
pub const MAX_PAGE: usize = 100;

fn builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        // Depth, aliases and directives: see `limits`, checked by the HTTP handler
        // (async-graphql's depth limit would also refuse GraphiQL's introspection query).
        .limit_complexity(MAX_COMPLEXITY)
        .limit_directives(limits::MAX_DIRECTIVES)
}

pub fn build_schema(db: Db, production: bool) -> MotebokSchema {
    let mut b = builder().data(db);
    if production {
        b = b.disable_introspection().disable_suggestions();
    }
    b.finish()
}

/// The SDL checked into the repository as `schema.graphql`.
pub fn sdl() -> String {
    builder().finish().sdl()
}

/// What every resolver may ask of its context.
pub trait ContextExt {
    fn viewer(&self) -> &Viewer;
    fn db(&self) -> &Db;
    fn loader<L: FromDb>(&self) -> Arc<DataLoader<L>>;
}

impl ContextExt for Context<'_> {
    fn viewer(&self) -> &Viewer {
        self.data_unchecked::<Viewer>()
    }
    fn db(&self) -> &Db {
        self.data_unchecked::<Db>()
    }
    fn loader<L: FromDb>(&self) -> Arc<DataLoader<L>> {
        self.data_unchecked::<Loaders>().get::<L>()
    }
}

/// Turns a loader's shared database error into ours.
pub fn load_err(e: Arc<sea_orm::DbErr>) -> AppError {
    AppError::from(anyhow::anyhow!("loading failed: {e}"))
}

pub fn parse_id(id: &ID, field: &str) -> AppResult<i32> {
    id.parse::<i32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| AppError::validation(field, "Not a valid id"))
}

/// An optional id from the API.
pub fn opt_id(id: Option<ID>, field: &str) -> AppResult<Option<i32>> {
    id.map(|i| parse_id(&i, field)).transpose()
}

/// A nullable id in an update: absent keeps the value, null clears it.
pub fn patch_id(
    id: async_graphql::MaybeUndefined<ID>,
    field: &str,
) -> AppResult<Option<Option<i32>>> {
    match id {
        async_graphql::MaybeUndefined::Undefined => Ok(None),
        async_graphql::MaybeUndefined::Null => Ok(Some(None)),
        async_graphql::MaybeUndefined::Value(i) => Ok(Some(Some(parse_id(&i, field)?))),
    }
}

pub fn to_id(id: i32) -> ID {
    ID(id.to_string())
}

/// The GraphQL name of an enum value, for the plain HTTP endpoints.
pub fn enum_name<T: Into<me::Role>>(value: T) -> String {
    match async_graphql::InputType::to_value(&value.into()) {
        async_graphql::Value::Enum(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Mirrors an entity enum as a GraphQL enum, with conversions both ways. The API names
/// are written out here on purpose: renaming a database value must not rename the API.
#[macro_export]
macro_rules! api_enum {
    ($(#[$m:meta])* $name:ident = $remote:literal { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
        #[graphql(remote = $remote)]
        pub enum $name {
            $($(#[$vm])* $v),+
        }
    };
}

/// The offset after a cursor of `encode_cursor` (0 without one).
pub(crate) fn decode_cursor(after: Option<&str>) -> AppResult<usize> {
    let Some(c) = after else { return Ok(0) };
    URL_SAFE_NO_PAD
        .decode(c)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("o:").and_then(|n| n.parse::<usize>().ok()))
        .map(|n| n + 1)
        .ok_or_else(|| AppError::validation("after", "Not a valid cursor"))
}

pub(crate) fn encode_cursor(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("o:{offset}"))
}

/// A list field's complexity for `#[graphql(complexity = …)]`: `first` items (the default
/// page when absent), counted as at most a full page. A negative or huge `first` must not
/// overflow the sum (a panic) nor slip under the limit; the resolver refuses it anyway.
pub fn list_complexity(first: Option<i32>, child_complexity: usize) -> usize {
    let items = first.map_or(DEFAULT_PAGE, |n| {
        usize::try_from(n).unwrap_or(0).min(MAX_PAGE)
    });
    items.saturating_mul(child_complexity)
}

pub fn page_size(first: Option<i32>) -> AppResult<usize> {
    match first {
        None => Ok(DEFAULT_PAGE),
        Some(n) if n >= 0 && (n as usize) <= MAX_PAGE => Ok(n as usize),
        Some(_) => Err(AppError::validation(
            "first",
            format!("first must be between 0 and {MAX_PAGE}"),
        )),
    }
}

/// A cursor connection over an ordered query, with a total count.
pub async fn paginate<E, T>(
    db: &Db,
    query: Select<E>,
    first: Option<i32>,
    after: Option<String>,
    map: impl Fn(E::Model) -> T,
) -> AppResult<Connection<String, T, TotalCount>>
where
    E: EntityTrait,
    E::Model: Sync,
    T: async_graphql::OutputType,
{
    let limit = page_size(first)?;
    let offset = decode_cursor(after.as_deref())?;
    let total = query.clone().count(&db.read).await? as usize;
    let rows = query
        .offset(offset as u64)
        .limit(limit as u64)
        .all(&db.read)
        .await?;
    let mut conn = Connection::with_additional_fields(
        offset > 0,
        offset + rows.len() < total,
        TotalCount { total_count: total },
    );
    conn.edges.extend(
        rows.into_iter()
            .enumerate()
            .map(|(i, m)| Edge::new(encode_cursor(offset + i), map(m))),
    );
    Ok(conn)
}

#[derive(async_graphql::SimpleObject)]
pub struct TotalCount {
    /// How many items match, over all pages.
    pub total_count: usize,
}
