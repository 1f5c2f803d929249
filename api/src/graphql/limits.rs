//! Limits on the shape of a query that async-graphql lacks or gets wrong, checked on the
//! parsed document before anything else looks at it:
//! - at most 15 aliases per operation, `__typename` included, counted through fragments
//!   as often as they are spread;
//! - at most 5 directives on any field, fragment spread or inline fragment;
//! - a depth limit that leaves GraphiQL's introspection query (deeper than any page) alone
//!   while still capping it;
//! - a cap on the selections a document expands to, so a handful of fragments that spread
//!   each other twice over cannot make the validators walk billions of nodes.
//!
//! Each fragment is measured once (memoised), so the check itself is linear in the document.
use std::collections::HashMap;

use async_graphql::{
    ServerError, ServerResult,
    parser::types::{ExecutableDocument, Selection, SelectionSet},
};

pub const MAX_ALIASES: usize = 15;
pub const MAX_DIRECTIVES: usize = 5;
pub const MAX_DEPTH: usize = 10;
/// GraphiQL's introspection query nests `ofType` about a dozen levels deep.
pub const MAX_INTROSPECTION_DEPTH: usize = 16;
/// Far above any page the web app asks for, far below what hurts.
pub const MAX_SELECTIONS: usize = 5_000;

pub const LIMIT_CODE: &str = "LIMIT_EXCEEDED";

pub fn limit_error(message: String) -> ServerError {
    tracing::warn!(event = "graphql.limit", message, "query refused");
    let mut e = ServerError::new(message, None);
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", LIMIT_CODE);
    e.extensions = Some(ext);
    e
}

/// What a selection set expands to.
#[derive(Clone, Copy, Default)]
struct Size {
    aliases: usize,
    selections: usize,
    depth: usize,
}

impl Size {
    fn add(&mut self, other: Size) {
        self.aliases = self.aliases.saturating_add(other.aliases);
        self.selections = self.selections.saturating_add(other.selections);
        self.depth = self.depth.max(other.depth);
    }
}

/// Refuses a document over any limit.
pub fn check(doc: &ExecutableDocument) -> ServerResult<()> {
    let mut walker = Walker {
        doc,
        fragments: HashMap::new(),
        introspection_depth: 0,
    };
    for (_, op) in doc.operations.iter() {
        if op.node.directives.len() > MAX_DIRECTIVES {
            return Err(too_many_directives());
        }
        let size = walker.set(&op.node.selection_set.node)?;
        if size.aliases > MAX_ALIASES {
            return Err(limit_error(format!(
                "At most {MAX_ALIASES} aliases per operation"
            )));
        }
        if size.depth > MAX_DEPTH {
            return Err(limit_error(format!(
                "Queries may nest at most {MAX_DEPTH} levels deep"
            )));
        }
        if size.selections > MAX_SELECTIONS {
            return Err(limit_error(format!(
                "The query expands to more than {MAX_SELECTIONS} fields"
            )));
        }
    }
    // Fragments no operation uses are refused later by validation, but are walked here
    // too: their directives must not be a way around the limit.
    for frag in doc.fragments.values() {
        if frag.node.directives.len() > MAX_DIRECTIVES {
            return Err(too_many_directives());
        }
        walker.set(&frag.node.selection_set.node)?;
    }
    if walker.introspection_depth > MAX_INTROSPECTION_DEPTH {
        return Err(limit_error(format!(
            "Introspection may nest at most {MAX_INTROSPECTION_DEPTH} levels deep"
        )));
    }
    Ok(())
}

fn too_many_directives() -> ServerError {
    limit_error(format!("At most {MAX_DIRECTIVES} directives per field"))
}

struct Walker<'a> {
    doc: &'a ExecutableDocument,
    /// `None` while a fragment is being measured: meeting it again is a cycle.
    fragments: HashMap<&'a str, Option<Size>>,
    introspection_depth: usize,
}

impl<'a> Walker<'a> {
    fn set(&mut self, set: &'a SelectionSet) -> ServerResult<Size> {
        let mut total = Size::default();
        for sel in &set.items {
            match &sel.node {
                Selection::Field(f) => {
                    let f = &f.node;
                    if f.directives.len() > MAX_DIRECTIVES {
                        return Err(too_many_directives());
                    }
                    let inner = self.set(&f.selection_set.node)?;
                    let name = f.name.node.as_str();
                    // Introspection has its own, deeper cap (and is off in production).
                    let counted_depth = if name == "__schema" || name == "__type" {
                        self.introspection_depth = self.introspection_depth.max(inner.depth + 1);
                        1
                    } else {
                        inner.depth + 1
                    };
                    total.add(Size {
                        aliases: inner.aliases + usize::from(f.alias.is_some()),
                        selections: inner.selections.saturating_add(1),
                        depth: counted_depth,
                    });
                }
                Selection::InlineFragment(f) => {
                    if f.node.directives.len() > MAX_DIRECTIVES {
                        return Err(too_many_directives());
                    }
                    let inner = self.set(&f.node.selection_set.node)?;
                    total.add(inner);
                }
                Selection::FragmentSpread(spread) => {
                    if spread.node.directives.len() > MAX_DIRECTIVES {
                        return Err(too_many_directives());
                    }
                    let inner = self.fragment(spread.node.fragment_name.node.as_str())?;
                    total.add(inner);
                }
            }
            if total.selections > MAX_SELECTIONS {
                // No need to measure the rest of an explosion.
                return Ok(total);
            }
        }
        Ok(total)
    }

    fn fragment(&mut self, name: &'a str) -> ServerResult<Size> {
        match self.fragments.get(name) {
            Some(Some(size)) => return Ok(*size),
            Some(None) => {
                return Err(limit_error(format!("Fragment {name} spreads itself")));
            }
            None => {}
        }
        // Unknown fragments are reported by validation; here they weigh nothing.
        let Some(frag) = self.doc.fragments.get(name) else {
            return Ok(Size::default());
        };
        self.fragments.insert(name, None);
        let size = self.set(&frag.node.selection_set.node)?;
        self.fragments.insert(name, Some(size));
        Ok(size)
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn refused(query: &str) -> bool {
        check(&parse_query(query).unwrap()).is_err()
    }

    #[test]
    fn aliases_are_counted_each_time_their_fragment_is_spread() {
        let eight = (0..8)
            .map(|i| format!("a{i}: __typename"))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!refused(&format!(
            "query {{ ...F }} fragment F on Query {{ {eight} }}"
        )));
        assert!(refused(&format!(
            "query {{ ...F me {{ ...G }} }} fragment F on Query {{ {eight} }} fragment G on Me {{ ... on Me {{ {eight} }} }}"
        )));
    }

    #[test]
    fn fragments_that_double_each_other_are_refused_quickly() {
        let mut q = String::from("query { ...F0 }");
        for i in 0..40 {
            q.push_str(&format!(
                " fragment F{i} on Query {{ ...F{} ...F{} }}",
                i + 1,
                i + 1
            ));
        }
        q.push_str(" fragment F40 on Query { __typename }");
        assert!(refused(&q));
    }

    #[test]
    fn a_fragment_cycle_is_refused_without_looping() {
        assert!(refused(
            "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"
        ));
    }

    #[test]
    fn introspection_may_go_deeper_than_a_page() {
        let of_type = "ofType { ".repeat(10) + "name" + &" }".repeat(10);
        assert!(!refused(&format!(
            "{{ __schema {{ types {{ fields {{ type {{ {of_type} }} }} }} }} }}"
        )));
        let deep = "a { ".repeat(11) + "b" + &" }".repeat(11);
        assert!(refused(&format!("{{ {deep} }}")));
    }
}
