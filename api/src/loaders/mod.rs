//! DataLoaders, built for each request (never shared between requests or users), without
//! the default 1 ms batching delay. One generic loader by primary key and one per has-many
//! relation: each is one `WHERE … IN (…)` query however many parents ask.
use std::{
    any::{Any, TypeId},
    collections::HashMap,
    future::{Future, poll_fn},
    marker::PhantomData,
    pin::pin,
    sync::{Arc, Mutex},
    task::Poll,
    time::Duration,
};

use async_graphql::dataloader::{DataLoader, Loader};
use futures::{StreamExt, future::BoxFuture, stream::FuturesUnordered};
use sea_orm::{
    ColumnTrait, EntityTrait, Iterable, ModelTrait, PrimaryKeyToColumn, QueryFilter, QueryOrder,
    Value,
};

use crate::db::Db;

pub mod relations;

/// The per-request set of loaders, created lazily.
pub struct Loaders {
    db: Db,
    map: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

pub trait FromDb: Send + Sync + 'static {
    /// Rows by key that many levels of a page ask for (people): under [`run_in_rounds`] such
    /// a batch waits until no relation batch is pending, gathering the keys of every level.
    const WAITS_FOR_RELATIONS: bool = false;
    fn from_db(db: Db) -> Self;
}

impl Loaders {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            map: Mutex::new(HashMap::new()),
        }
    }

    pub fn get<L: FromDb>(&self) -> Arc<DataLoader<L>> {
        let mut map = self
            .map
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = map.entry(TypeId::of::<L>()).or_insert_with(|| {
            let waits = L::WAITS_FOR_RELATIONS;
            let loader = DataLoader::new(L::from_db(self.db.clone()), move |fut| {
                spawn_batch(waits, fut)
            })
            .delay(Duration::ZERO);
            Arc::new(loader)
        });
        match entry.clone().downcast::<DataLoader<L>>() {
            Ok(loader) => loader,
            // The map is keyed by the loader's own TypeId, so this cannot be another type.
            Err(_) => unreachable!("loader map holds another type under this TypeId"),
        }
    }
}

/// Batches started while a request runs under [`run_in_rounds`], with whether they wait.
type Queue = Arc<Mutex<Vec<(bool, BoxFuture<'static, ()>)>>>;

tokio::task_local! {
    static BATCHES: Queue;
}

/// Where a DataLoader's batch goes: into the request's queue when it runs under
/// [`run_in_rounds`], else onto the runtime.
fn spawn_batch(waits: bool, fut: BoxFuture<'static, ()>) {
    match BATCHES.try_with(Arc::clone) {
        Ok(queue) => queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((waits, fut)),
        Err(_) => {
            tokio::spawn(fut);
        }
    }
}

/// Runs a GraphQL execution so that its DataLoader batches form deterministic rounds,
/// whatever order the database answers in:
/// 1. the execution is polled until it can go no further, so every sibling resolver of a
///    list has registered its keys;
/// 2. the relation batches it started run together, and the execution is polled again only
///    when all of them are done;
/// 3. by-key batches (people) wait while relation batches remain: a batch that has not
///    started yet keeps collecting keys, so the people of every level load in one query.
///
/// A spawned batch, by contrast, starts whenever the runtime gets to it, and a fast sibling
/// query can split a level into two statements.
pub async fn run_in_rounds<F: Future>(fut: F) -> F::Output {
    let queue: Queue = Arc::default();
    let mut fut = pin!(fut);
    let mut running: FuturesUnordered<BoxFuture<'static, ()>> = FuturesUnordered::new();
    let mut waiting: Vec<BoxFuture<'static, ()>> = Vec::new();
    poll_fn(move |cx| {
        loop {
            while let Poll::Ready(Some(())) = running.poll_next_unpin(cx) {}
            if !running.is_empty() {
                return Poll::Pending;
            }
            let polled = BATCHES.sync_scope(queue.clone(), || fut.as_mut().poll(cx));
            if let Poll::Ready(out) = polled {
                return Poll::Ready(out);
            }
            let started = std::mem::take(
                &mut *queue
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            );
            for (waits, batch) in started {
                if waits {
                    waiting.push(batch);
                } else {
                    running.push(batch);
                }
            }
            if running.is_empty() {
                if waiting.is_empty() {
                    return Poll::Pending;
                }
                running.extend(waiting.drain(..));
            }
        }
    })
    .await
}

pub type LoadError = Arc<sea_orm::DbErr>;

fn key_of(v: Value) -> Option<i32> {
    match v {
        Value::Int(Some(i)) => Some(i),
        Value::BigInt(Some(i)) => i32::try_from(i).ok(),
        Value::SmallInt(Some(i)) => Some(i32::from(i)),
        _ => None,
    }
}

/// Rows by primary key.
pub struct ById<E>(Db, PhantomData<E>);

impl<E: EntityTrait> FromDb for ById<E> {
    const WAITS_FOR_RELATIONS: bool = true;
    fn from_db(db: Db) -> Self {
        Self(db, PhantomData)
    }
}

impl<E> Loader<i32> for ById<E>
where
    E: EntityTrait,
    E::Model: Send + Sync + Clone,
{
    type Value = E::Model;
    type Error = LoadError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, E::Model>, LoadError> {
        let Some(pk) = E::PrimaryKey::iter()
            .next()
            .map(PrimaryKeyToColumn::into_column)
        else {
            return Ok(HashMap::new());
        };
        let rows = E::find()
            .filter(pk.is_in(keys.iter().copied()))
            .all(&self.0.read)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|m| key_of(m.get(pk)).map(|k| (k, m)))
            .collect())
    }
}

/// A has-many relation: the children of each parent id, in the relation's order.
pub trait HasManyRelation: Send + Sync + 'static {
    type Entity: EntityTrait;
    fn foreign_key() -> <Self::Entity as EntityTrait>::Column;
    fn order_by() -> Vec<<Self::Entity as EntityTrait>::Column>;
}

pub struct HasMany<R>(Db, PhantomData<R>);

impl<R: HasManyRelation> FromDb for HasMany<R> {
    fn from_db(db: Db) -> Self {
        Self(db, PhantomData)
    }
}

impl<R> Loader<i32> for HasMany<R>
where
    R: HasManyRelation,
    <R::Entity as EntityTrait>::Model: Send + Sync + Clone,
{
    type Value = Vec<<R::Entity as EntityTrait>::Model>;
    type Error = LoadError;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Self::Value>, LoadError> {
        let fk = R::foreign_key();
        let mut query = R::Entity::find().filter(fk.is_in(keys.iter().copied()));
        for col in R::order_by() {
            query = query.order_by_asc(col);
        }
        let mut out: HashMap<i32, Self::Value> = HashMap::new();
        for row in query.all(&self.0.read).await? {
            if let Some(k) = key_of(row.get(fk)) {
                out.entry(k).or_default().push(row);
            }
        }
        Ok(out)
    }
}
