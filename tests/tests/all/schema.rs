//! The SDL checked in as `schema.graphql` is the server's schema: the web app's typed
//! operations and outside clients are generated from that file.

#[test]
fn the_checked_in_schema_is_the_servers_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql");
    let checked_in = std::fs::read_to_string(path).expect("schema.graphql at the repository root");
    let served = motebok::graphql::sdl();
    if checked_in != served {
        let first_difference = checked_in
            .lines()
            .zip(served.lines())
            .position(|(a, b)| a != b)
            .map_or(
                checked_in.lines().count().min(served.lines().count()),
                |i| i,
            )
            + 1;
        panic!(
            "schema.graphql differs from the server's schema from line {first_difference} on.\n\
             Regenerate it: cargo run -q -p motebok -- schema > schema.graphql"
        );
    }
}
