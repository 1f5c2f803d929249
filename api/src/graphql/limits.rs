//! The alias limit async-graphql does not have; `__typename` aliases count too.
use std::sync::Arc;

use async_graphql::{
    ServerError, ServerResult, Variables,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery},
    parser::types::{ExecutableDocument, Selection, SelectionSet},
};

pub const MAX_ALIASES: usize = 15;

pub struct DocumentLimits;

impl ExtensionFactory for DocumentLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(DocumentLimitsExtension)
    }
}

struct DocumentLimitsExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for DocumentLimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        let mut counts = Counts::default();
        for (_, op) in doc.operations.iter() {
            counts.walk(&op.node.selection_set.node);
        }
        for frag in doc.fragments.values() {
            counts.walk(&frag.node.selection_set.node);
        }
        if counts.aliases > MAX_ALIASES {
            return Err(limit_error(format!(
                "At most {MAX_ALIASES} aliases per operation"
            )));
        }
        Ok(doc)
    }
}

fn limit_error(message: String) -> ServerError {
    tracing::warn!(event = "graphql.limit", message, "query refused");
    let mut e = ServerError::new(message, None);
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", "LIMIT_EXCEEDED");
    e.extensions = Some(ext);
    e
}

#[derive(Default)]
struct Counts {
    aliases: usize,
}

impl Counts {
    fn walk(&mut self, set: &SelectionSet) {
        for sel in &set.items {
            match &sel.node {
                Selection::Field(f) => {
                    if f.node.alias.is_some() {
                        self.aliases += 1;
                    }
                    self.walk(&f.node.selection_set.node);
                }
                Selection::InlineFragment(f) => self.walk(&f.node.selection_set.node),
                Selection::FragmentSpread(_) => {}
            }
        }
    }
}
